"""The backend interface every joint-search backend implements.

What the embedded backends (SQLite, PostgreSQL) share is in embedded/; the database
connection they write through in database.py.
"""

from django.utils.html import escape

__all__ = ["MARK_END", "MARK_START", "BackendUnavailable", "JointBackend", "marked_html"]

MARK_START, MARK_END = "\x02", "\x03"  # highlight markers, never in indexed text


class BackendUnavailable(Exception):
    """The backend's server cannot be reached; search.search() falls back."""


class JointBackend:
    """What every backend implements (OPTIONS come from settings.JOINT_SEARCH)."""

    embedded = False

    def __init__(self, **options):
        self.options = options

    def search(self, query):
        raise NotImplementedError

    def autocomplete(self, prefix, municipality, locale, limit=8):
        raise NotImplementedError

    def index_documents(self, docs):
        raise NotImplementedError

    def delete_documents(self, doc_ids):
        raise NotImplementedError

    def rebuild(self, docs, progress=None):
        """Empty the index and fill it with ``docs``; ``progress(n)`` after each batch."""
        raise NotImplementedError

    def count(self):
        raise NotImplementedError


def marked_html(text):
    """Escape ``text`` and turn the highlight markers into <mark> tags (balanced)."""
    html = escape(text)
    out, open_mark = [], False
    for ch in html:
        if ch == MARK_START and not open_mark:
            out.append("<mark>")
            open_mark = True
        elif ch == MARK_END and open_mark:
            out.append("</mark>")
            open_mark = False
        elif ch not in (MARK_START, MARK_END):
            out.append(ch)
    if open_mark:
        out.append("</mark>")
    return "".join(out)
