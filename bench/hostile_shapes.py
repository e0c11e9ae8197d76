"""The hostile file shapes of tests/hostile_files.py, built at any size for
bench/hostile_inputs.py.

Each builder takes the size in bytes the file should have (about) and returns its bytes;
nothing is compressed, so the file's size is the work its reader faces: a PDF's content
stream, a Word file's parts are stored as they are.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

# The PDF writer is the tests' (tests/hostile_files.py), as bench/view_drawing.py does.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_files import pdf_file

_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
    b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
)
#: Bytes a page object and its entry in the page tree and cross-reference table take.
_PAGE_BYTES = len(_PAGE) + 40
#: Pages that share the one content stream (the PDF that ran past 150 s had 40).
SHARED_PAGES = 40


def pdf_bytes(pages: int, content: bytes, form: bytes | None = None) -> bytes:
    """A PDF of ``pages`` pages that all draw the one content stream, stored uncompressed;
    with ``form``, the pages may draw it as ``/X``."""
    kids = b" ".join(b"%d 0 R" % (5 + index) for index in range(pages))
    page = _PAGE
    forms = []
    if form is not None:
        page = page.replace(b"/F1 3 0 R >>", b"/F1 3 0 R >> /XObject << /X %d 0 R >>" % (5 + pages))
        forms.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Length %d >>\nstream\n"
            % len(form)
            + form
            + b"\nendstream"
        )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *[page] * pages,
        *forms,
    ]
    return pdf_file(objects)


def pdf_shared_stream(size: int) -> bytes:
    """40 pages sharing one stream of lines of "a" (993 bytes ran past 150 s)."""
    line = b"(a) Tj T* "
    return pdf_bytes(SHARED_PAGES, b"BT /F1 1 Tf 12 TL 0 780 Td " + line * (size // 10) + b"ET")


def pdf_empty_pages(size: int) -> bytes:
    """Empty pages (100,000 took 31 s)."""
    return pdf_bytes(size // _PAGE_BYTES, b"")


def pdf_form_drawn_often(size: int) -> bytes:
    """A form of comments (no text), drawn 50 times on each of 40 pages: pypdf parses it
    again at each drawing (a 1 MB form drawn 2,000 times ran past 120 s)."""
    form = b"% a comment line that pypdf has to skip\n" * (size // 40)
    return pdf_bytes(SHARED_PAGES, b"/X Do\n" * 50, form)


def html_attributes(size: int) -> bytes:
    """One tag of as many attributes as fit (150,000 ran past 150 s)."""
    count = size // 9
    attributes = b"".join(b' a%d="x"' % index for index in range(count))
    body = b"<p>Talks will resume next week, the minister said on Tuesday in Moscow.</p>"
    return b"<html><body><div" + attributes + b">" + body + b"</div></body></html>"


def markdown_lines_of_a(size: int) -> bytes:
    """``a`` on each line (20 MB took 120 s, 49 MB up to 5.7 GB)."""
    return b"a\n" * (size // 2)


def docx_part_not_named_xml(size: int) -> bytes:
    """A Word file whose styles part, named ``word/styles.bin`` (its content type
    and relationship following it), holds empty elements (185 KB reached 2.2 GB)."""
    import docx

    template = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(template) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    styles = members.pop("word/styles.xml").split(b"</w:styles>")[0]
    members["word/styles.bin"] = styles + b"<w:x/>" * (size // 6) + b"</w:styles>"
    types = "[Content_Types].xml"
    members[types] = members[types].replace(b'"/word/styles.xml"', b'"/word/styles.bin"')
    rels = "word/_rels/document.xml.rels"
    members[rels] = members[rels].replace(b'Target="styles.xml"', b'Target="styles.bin"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
