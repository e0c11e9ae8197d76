"""Builders of the hostile inputs that once ran for minutes or filled memory, shared by the
tests of the limits and of the readers' growth: small files whose shape makes a reader work
hard."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of these objects, numbered from 1 (the first is the catalogue), with its
    cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        table,
    )
    return bytes(out)


def pdf_bytes(pages: int, content: bytes) -> bytes:
    """A PDF of ``pages`` pages that all draw the one (compressed) content stream."""
    stream = zlib.compress(content, 9)
    kids = b" ".join(b"%d 0 R" % (5 + index) for index in range(pages))
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        *[page] * pages,
    ]
    return pdf_file(objects)


def pdf_with_form(page_content: bytes, form: bytes) -> bytes:
    """A one-page PDF whose page draws the form ``/X`` (a reused drawing) as its content
    says, ``/X Do`` for each time."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(page_content) + page_content + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
        b"/Font << /F1 3 0 R >> /XObject << /X 6 0 R >> >> /Contents 4 0 R >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Length %d >>\nstream\n"
        % len(form)
        + form
        + b"\nendstream",
    ]
    return pdf_file(objects)


def pdf_lines(count: int, line: bytes = b"a") -> bytes:
    """A content stream printing ``count`` lines of ``line``, one under the other."""
    return b"BT /F1 1 Tf 12 TL 0 780 Td " + (b"(" + line + b") Tj T* ") * count + b"ET"


def write_pdf_shared_stream(path: Path, pages: int, lines: int) -> Path:
    """40 pages sharing one stream of many lines (993 bytes ran past 150 s)."""
    path.write_bytes(pdf_bytes(pages, pdf_lines(lines)))
    return path


def html_attributes(count: int) -> bytes:
    """One tag of ``count`` attributes (150,000 ran past 150 s)."""
    attributes = b"".join(b' a%d="x"' % index for index in range(count))
    body = b"<p>Talks will resume next week, the minister said on Tuesday in Moscow.</p>"
    return b"<html><body><div" + attributes + b">" + body + b"</div></body></html>"


def docx_with_renamed_part(
    path: Path, part: str, name: str, content: bytes, extra: dict[str, bytes] | None = None
) -> Path:
    """python-docx's template with its ``part`` (say ``word/styles.xml``) moved to ``name``,
    a name not ending in ``.xml``, holding ``content``: its relationship and content type
    follow it, so python-docx still parses it. ``extra`` adds members as they are."""
    import docx

    template = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(template) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    del members[part]
    members[name] = content
    old, new = part.encode(), name.encode()
    types = "[Content_Types].xml"
    members[types] = members[types].replace(b'"/' + old + b'"', b'"/' + new + b'"')
    folder = part.rsplit("/", 1)[0] + "/"
    for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):
        members[rels] = members[rels].replace(
            b'Target="' + old.removeprefix(folder.encode()) + b'"',
            b'Target="' + new.removeprefix(folder.encode()) + b'"',
        )
    members.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path
