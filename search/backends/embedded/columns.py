"""The document table's columns, and the values the embedded backends write to it or
filter it on."""

from ...documents import HIT_FIELDS

__all__ = ["DOC_COLUMNS", "HIT_COLUMNS", "clean_value", "clean_values", "flat"]

# The document table's columns, in order (what extract.document_for returns, flattened).
DOC_COLUMNS = (
    "doc_id",
    "page_id",
    "title",
    "summary",
    "body",
    "keywords",
    "municipality",
    "municipality_name",
    "locale",
    "content_type",
    "content_type_label",
    "themes",
    "life_events",
    "url",
    "date",
    "regional_service",
)
HIT_COLUMNS = ("id", *HIT_FIELDS)


def flat(doc):
    """A document dict -> the document table's row values."""
    row = dict(doc)
    row["keywords"] = "\n".join(doc.get("keywords") or ())
    for name in ("themes", "life_events"):
        values = doc.get(name) or ()
        row[name] = "|" + "|".join(values) + "|" if values else ""
    row["date"] = doc["date"].isoformat() if doc.get("date") else None
    row["regional_service"] = doc.get("regional_service") or None
    return [row.get(column) for column in DOC_COLUMNS]


def clean_value(value):
    """A filter value as the database may see it: printable, at most 100 characters."""
    return "".join(ch for ch in str(value) if ch.isprintable())[:100]


def clean_values(values):
    if isinstance(values, str):
        values = (values,)
    return [v for v in (clean_value(value) for value in values or ()) if v][:50]
