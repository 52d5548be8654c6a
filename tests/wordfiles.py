"""A Word file with what newsrooms' files hold: formatted runs, a hyperlink that is not
first, a footnote, a text box, tracked changes, a field and comment anchors; built with
python-docx and raw WordprocessingML."""

import io

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _xml(fragment: str):
    return etree.fromstring(f"<w:wrap {NS}>{fragment}</w:wrap>")[0]


def rich_word_file() -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    document.add_heading("De brug is weer open", level=1)
    # formatted runs
    p = document.add_paragraph("De ")
    p.add_run("grote").bold = True
    p.add_run(" brug in ")
    p.add_run("Amsterdam").italic = True
    p.add_run(" is ")
    run = p.add_run("weer open")
    run.underline = True
    run.font.color.rgb = docx.shared.RGBColor(0xC0, 0x00, 0x00)
    p.add_run(".")
    # a hyperlink that is not first, and a footnote reference
    link_id = document.part.relate_to("https://example.org/brug", RT.HYPERLINK, is_external=True)
    p = document.add_paragraph("Lees ")
    p._p.append(
        _xml(
            f'<w:hyperlink r:id="{link_id}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
            "<w:t>het volledige rapport</w:t></w:r></w:hyperlink>"
        )
    )
    p._p.append(_xml('<w:r><w:t xml:space="preserve"> van de gemeente.</w:t></w:r>'))
    p._p.append(
        _xml(
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )
    # a text box, with Word's copy for old readers
    box = "<w:txbxContent><w:p><w:r><w:t>Tekst in een kader.</w:t></w:r></w:p></w:txbxContent>"
    p = document.add_paragraph("Het kader staat hier.")
    p._p.append(
        _xml(
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
            f"{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{box}"
            "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    # tracked changes
    p = document.add_paragraph("De raad ")
    p._p.append(
        _xml('<w:del w:id="7" w:author="R"><w:r><w:delText>verwierp</w:delText></w:r></w:del>')
    )
    p._p.append(_xml('<w:ins w:id="8" w:author="R"><w:r><w:t>steunde</w:t></w:r></w:ins>'))
    p._p.append(_xml('<w:r><w:t xml:space="preserve"> het plan.</w:t></w:r>'))
    # a field (the page number) and comment anchors
    p = document.add_paragraph()
    p._p.append(_xml('<w:commentRangeStart w:id="3"/>'))
    p._p.append(_xml('<w:r><w:t xml:space="preserve">Bladzijde </w:t></w:r>'))
    for fragment in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>3</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(_xml(fragment))
    p._p.append(_xml('<w:r><w:t xml:space="preserve"> van het verslag van </w:t></w:r>'))
    p._p.append(
        _xml('<w:r><w:rPr><w:rStyle w:val="NoTranslate"/></w:rPr><w:t>Het Parool</w:t></w:r>')
    )
    p._p.append(_xml("<w:r><w:t>.</w:t></w:r>"))
    p._p.append(_xml('<w:commentRangeEnd w:id="3"/>'))
    p._p.append(_xml('<w:r><w:commentReference w:id="3"/></w:r>'))
    # the footnote itself
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        '<w:r><w:t xml:space="preserve"> Bron: het verslag van de gemeente.</w:t></w:r></w:p>'
        "</w:footnote>"
        "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES, notes.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def footnotes_xml(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/footnotes.xml").decode("utf-8")


def document_xml(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode("utf-8")


def runs_of(data: bytes) -> list[list[tuple]]:
    """Per body paragraph: each text run's (text, formatting XML, hyperlink id or None) and
    each kept element's tag, in order."""
    root = etree.fromstring(document_xml(data).encode())
    out = []
    for paragraph in root.iter(f"{{{W}}}p"):
        if any(a.tag.endswith("txbxContent") for a in paragraph.iterancestors()):
            continue
        items = []
        for run in paragraph.iter(f"{{{W}}}r"):
            if any(a.tag.endswith("txbxContent") for a in run.iterancestors()):
                continue
            properties = run.find(f"{{{W}}}rPr")
            style = etree.tostring(properties).decode() if properties is not None else ""
            link = run.getparent()
            link_id = (
                link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                if link.tag.endswith("hyperlink")
                else None
            )
            for child in run:
                name = etree.QName(child).localname
                if name == "t":
                    items.append(("t", child.text, style, link_id))
                elif name != "rPr":
                    items.append((name,))
        out.append(items)
    return out
