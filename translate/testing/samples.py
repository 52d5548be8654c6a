"""Sample texts written for this project: Dutch news sentences and their English gist."""

DUTCH_SAMPLE = """
De gemeenteraad van Amsterdam heeft dinsdag ingestemd met het nieuwe fietsplan.
Volgens dhr. J. de Vries kost het project ca. 1.000 euro per straat.
Het kabinet wil de regels m.b.t. huurwoningen aanpassen, o.a. in grote steden.
'We moeten nu handelen,' zei de minister tijdens een persconferentie in Den Haag.
Het aantal bezoekers groeide vorig jaar met 3,5 procent tot bijna twee miljoen.
De trein van 12.30 uur naar Utrecht viel uit door een storing bij Schiphol.
Boeren protesteren al weken tegen de plannen voor minder stikstof.
Waarom duurt het zo lang? vroeg een bewoner zich af. Niemand wist het antwoord.
Het museum opent in het voorjaar een tentoonstelling over de Gouden Eeuw.
Op 12 jan. 2021 werd de brug na een renovatie van twee jaar heropend.
De politie zoekt getuigen van het ongeluk op de snelweg bij Eindhoven.
Scholen krijgen extra geld voor leraren, d.w.z. voor kleinere klassen.
Onderzoekers van de universiteit publiceerden een studie over het klimaat.
Mevr. Jansen opende de nieuwe bibliotheek met een korte toespraak.
""".split("\n")

ENGLISH_SAMPLE = """
The city council of Amsterdam approved the new cycling plan on Tuesday.
According to Mr. J. de Vries the project costs about 1,000 euros per street.
The cabinet wants to change the rules on rental housing, among others in large cities.
'We have to act now,' the minister said during a press conference in The Hague.
The number of visitors grew by 3.5 percent last year to almost two million.
The 12.30 train to Utrecht was cancelled because of a fault near Schiphol.
Farmers have been protesting for weeks against the plans for less nitrogen.
Why does it take so long? a resident wondered. Nobody knew the answer.
The museum opens an exhibition about the Golden Age in the spring.
On 12 January 2021 the bridge reopened after a renovation of two years.
The police are looking for witnesses of the accident on the motorway near Eindhoven.
Schools receive extra money for teachers, that is, for smaller classes.
Researchers at the university published a study about the climate.
Mrs. Jansen opened the new library with a short speech.
""".split("\n")
