"""Article files for the opening tests, built in a temporary directory by each test.

Every builder writes a small but realistic file (a saved web page with navigation and
adverts, a two-page PDF with running headers and hard-wrapped lines, a Word document…)
and returns its path, so the tests read real files through ``open_article``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

# Words that must never reach the article text: they sit in the page furniture.
HTML_FURNITURE = ("NAVLINK", "SCRIPTSECRET", "BUYWIDGETS", "SIDEBARSTORY", "FOOTERTEXT", "INLINEJS")

HTML_PARAGRAPHS = (
    "The office of President Bashar al-Assad said the talks in Moscow covered a wide range "
    "of political and economic topics, according to a statement released on Tuesday.",
    '"We welcome any offers to expand the bases," al-Assad said, adding that the Russian '
    "presence should become permanent in the years to come.",
    "Analysts in Beirut said the announcement was expected, given the long history of "
    "military cooperation between the two governments.",
)

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Assad welcomes Russian bases | The Daily Planet</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script>var tracking = "SCRIPTSECRET";</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
<nav class="menu"><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World NAVLINK</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li>
</ul></nav>
<div class="ad advertisement" id="banner-ad">BUYWIDGETS today, cheap widgets for sale</div>
<main><article>
  <h1>Assad welcomes Russian bases</h1>
  <p class="byline">By Jane Reporter</p>
  <p>{HTML_PARAGRAPHS[0]}</p>
  <p>{HTML_PARAGRAPHS[1]}</p>
  <p>{HTML_PARAGRAPHS[2]}</p>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">SIDEBARSTORY one</a></li>
<li><a href="/y">Another story</a></li></ul></aside>
<footer><p>Copyright 2024 FOOTERTEXT The Daily Planet. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
<script>console.log("INLINEJS");</script>
</body></html>
"""

MARKDOWN = """---
title: "Talks in Moscow: a pledge of bases"
author: Jane Reporter
date: 2024-03-05
tags: [syria, russia]
---

# Assad and Putin meet

The office of **Syrian President** Bashar al-Assad announced that he and
Russian President [Vladimir Putin](https://example.org/putin "Putin") addressed a
*wide range* of topics in `Moscow`.

![A photo of the meeting](https://example.org/photo.jpg)

## What was agreed

- Additional _military_ sites
- More personnel
1. A permanent presence

> "We welcome any offers," al-Assad said.

Read <em>more</em> at <https://example.org/more>.
"""

MARKDOWN_TEXT = (
    "Assad and Putin meet\n"
    "The office of Syrian President Bashar al-Assad announced that he and Russian President "
    "Vladimir Putin addressed a wide range of topics in Moscow.\n"
    "What was agreed\n"
    "Additional military sites\n"
    "More personnel\n"
    "A permanent presence\n"
    '"We welcome any offers," al-Assad said.\n'
    "Read more at https://example.org/more."
)

# Pages of paragraphs of printed lines; note "inter-/national" and "al-/Assad's".
PDF_PAGES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (
        ("Talks in Moscow end with a pledge",),
        (
            "The office of Syrian President Bashar al-Assad announced that he and",
            "Russian President Vladimir Putin addressed a wide range of inter-",
            "national and economic topics during discussions in Moscow on Tuesday.",
        ),
        (
            "Syrian President Bashar al-Assad stated that he would welcome any",
            "Russian offers to establish additional military sites, according to al-",
            "Assad's office in Damascus, which released a statement afterwards.",
        ),
    ),
    (
        (
            "When Russia entered the civil war in 2015, four years after the protests",
            "began, it helped tilt the scales in favour of the government and assured",
            "its survival for years.",
        ),
        ("Analysts in Beirut said the visit had been planned for a long time.",),
    ),
    (
        (
            "The Kremlin did not comment on the number of troops that could be sent,",
            "but officials said further talks would take place in the coming months.",
        ),
    ),
)

PDF_HEADER = "THE DAILY PLANET - World News - 5 March 2024"


def write_pdf(
    path: Path,
    pages: tuple[tuple[tuple[str, ...], ...], ...] = PDF_PAGES,
    *,
    header: str | None = PDF_HEADER,
    title: str | None = "Talks in Moscow",
    author: str | None = "Jane Reporter",
    page_label: str = "Page {n} of {total}",
) -> Path:
    """A PDF drawn line by line: header and page number on each page, gaps between paragraphs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for number, paragraphs in enumerate(pages, 1):
        if header:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(72, 800, header)
        pdf.setFont("Helvetica", 11)
        y = 760
        for paragraph in paragraphs:
            for line in paragraph:
                pdf.drawString(72, y, line)
                y -= 14
            y -= 10
        pdf.setFont("Helvetica", 9)
        pdf.drawCentredString(297, 40, page_label.format(n=number, total=len(pages)))
        pdf.showPage()
    pdf.save()
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF with shapes only, like a scan without OCR: no text layer at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        pdf.rect(72, 300, 400, 400, fill=1)
        pdf.showPage()
    pdf.save()
    return path


DOCX_PARAGRAPHS = (
    "The office of Syrian President Bashar al-Assad announced that he and Russian President "
    "Vladimir Putin addressed a wide range of topics.",
    "Syrian President Bashar al-Assad stated that he would welcome any Russian offers.",
    "Analysts said the visit had been planned for a long time.",
)


def write_docx(
    path: Path,
    *,
    title: str | None = "Assad welcomes Russian bases",
    author: str | None = "Jane Reporter",
    created: datetime.datetime | None = datetime.datetime(2024, 3, 5, 9, 30),
    heading: str | None = "Talks in Moscow",
) -> Path:
    """A Word document: a heading, three paragraphs (one with a blank between), a table."""
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    document.add_paragraph(DOCX_PARAGRAPHS[0])
    document.add_paragraph("")
    paragraph = document.add_paragraph("Syrian President Bashar al-Assad stated ")
    paragraph.add_run("that he would welcome").bold = True
    paragraph.add_run(" any Russian offers.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Visit"
    table.cell(0, 1).text = "Moscow"
    document.add_paragraph(DOCX_PARAGRAPHS[2])
    properties = document.core_properties
    # None leaves python-docx's template values in place, as a careless export would.
    if title is not None:
        properties.title = title
    if author is not None:
        properties.author = author
    if created is not None:
        properties.created = created
    document.save(str(path))
    return path


def with_core_property(docx_path: Path, path: Path, name: str, value: str) -> Path:
    """A copy of a Word file whose core property ``name`` (``dc:title``, ``dc:creator``…)
    holds ``value`` as is: python-docx refuses to write more than 255 characters."""
    import re
    import zipfile
    from xml.sax.saxutils import escape

    element = re.escape(name).encode()
    written = f"<{name}>{escape(value)}</{name}>".encode()
    with zipfile.ZipFile(docx_path) as source, zipfile.ZipFile(path, "w") as copy:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "docProps/core.xml":
                data, count = re.subn(
                    rb"<" + element + rb">.*?</" + element + rb">", lambda _: written, data
                )
                assert count == 1, name
            copy.writestr(member, data)
    return path


def encrypted_zip(data: bytes) -> bytes:
    """The zip archive ``data`` with every member marked as encrypted (general-purpose flag
    bit 0 set in its local and central headers), as ``zip -e`` marks them: Python's zipfile
    then refuses to read a member without a password, and so does python-docx."""
    marked = bytearray(data)
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := marked.find(signature, start)) != -1:
            marked[found + flags_at] |= 0x01
            start = found + len(signature)
    return bytes(marked)


#: The start of an OLE2 compound file: what Word writes for a password-protected document
#: (and for a legacy .doc file), whatever its name says.
OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
