"""A glossary editors control: required English terms and names kept as they are.

``reader`` reads a glossary file (TSV or CSV) into a :class:`Glossary`; ``match`` finds its
terms in Dutch sentences and says whether a translation realizes them. Pure: no model, no
torch; the translation stage turns matches into decoding constraints.
"""

from translate.glossary.match import Term, realized, terms_in
from translate.glossary.reader import Entry, Glossary, GlossaryError, read_glossary

__all__ = [
    "Entry",
    "Glossary",
    "GlossaryError",
    "Term",
    "read_glossary",
    "realized",
    "terms_in",
]
