"""Text helpers every app shares."""

import unicodedata


def fold(text):
    """Lower-case ``text`` and strip its accents ("Café" -> "cafe", "ß" -> "ss"): how what a
    citizen types is matched, in the catalogue's filter box and in the joint search."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
