"""What a file really is, from its bytes: markup at its start or hidden inside it, and the
signatures of the document formats we accept. No decoding happens here."""

import re
import zipfile

# Markup a browser would act on. An image never contains these; a text document may, since
# it is served as a download with nosniff (cms/core/headers.py), so only its start counts.
_HIDDEN_MARKUP = re.compile(rb"<(?:script|html|body|iframe|object|embed|!doctype|\?php)", re.I)
_LEADING = b" \t\r\n\x0c"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# Binary formats a text document must not be.
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xd0\xcf\x11\xe0",  # OLE: .doc, .xls, .msi
    b"MZ",  # Windows executable
    b"\x7fELF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"RIFF",
)

_OPEN_DOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
_OFFICE_OPEN_XML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


def starts_with_markup(head):
    """The first characters, past a byte-order mark and white space, are a tag (HTML, SVG,
    XML, a script): what a sniffing browser would render as a page."""
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :].replace(b"\x00", b"")
            break
    head = head.lstrip(_LEADING)
    return (head[:1] == b"<" and head[1:2].isalpha()) or head[:2] in (b"<!", b"<?")


def hides_markup(content):
    """HTML or script anywhere in the bytes (a polyglot: an image that is also a page)."""
    return starts_with_markup(content[:1024]) or _HIDDEN_MARKUP.search(content) is not None


def matches_extension(file, extension):
    """Whether the content of ``file`` (an open, seekable file) is what ``extension`` says.
    Extensions without a rule here are not checked."""
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    try:
        if extension == "pdf":
            return b"%PDF-" in head[:1024]
        if extension in ("txt", "csv"):
            return not head.startswith(_BINARY_MAGIC)
        if extension == "zip":
            return head.startswith((b"PK\x03\x04", b"PK\x05\x06")) and _zip_names(file) is not None
        if extension in _OFFICE_OPEN_XML:
            names = _zip_names(file) if head.startswith(b"PK\x03\x04") else None
            prefix = _OFFICE_OPEN_XML[extension]
            return bool(names) and "[Content_Types].xml" in names and _any_under(names, prefix)
        if extension in _OPEN_DOCUMENT:
            return (
                head.startswith(b"PK\x03\x04")
                and _zip_member(file, "mimetype", 128) == (_OPEN_DOCUMENT[extension])
            )
        return True
    finally:
        file.seek(0)


def _any_under(names, prefix):
    return any(name.startswith(prefix) for name in names)


def _zip_names(file):
    """The member names of a ZIP archive (its central directory; nothing is extracted)."""
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _zip_member(file, name, limit):
    """The first ``limit`` bytes of one member, or None."""
    try:
        with zipfile.ZipFile(file) as archive, archive.open(name) as member:
            return member.read(limit).strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, NotImplementedError):
        return None
