"""A cheap fingerprint of the whole database in one query: for every table its row count and
highest primary key, plus the columns a refused action could flip in place (live, locked,
titles, tree position, permissions)."""

from django.apps import apps
from django.db import connection

# Tables a refused request may legitimately write: sessions (a message stored for the next
# page), the admin's editing-session heartbeat, the per-address rate limit.
VOLATILE = {"django_session", "wagtailadmin_editingsession"}

IN_PLACE = {
    "wagtailcore_page": (
        "live",
        "locked",
        "has_unpublished_changes",
        "latest_revision_id",
        "live_revision_id",
        "depth",
        "numchild",
        "LENGTH(path)",
        "LENGTH(title)",
        "LENGTH(url_path)",
    ),
    "auth_user": ("is_active", "is_superuser", "is_staff", "LENGTH(password)"),
    "wagtailimages_image": ("collection_id", "LENGTH(title)"),
    "wagtaildocs_document": ("collection_id", "LENGTH(title)"),
}
_SQL = []


def _sql():
    if _SQL:
        return _SQL[0]
    quote = connection.ops.quote_name
    parts = []
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if not model._meta.managed or model._meta.proxy or table in VOLATILE:
            continue
        pk = quote(model._meta.pk.column)
        parts.append(f"(SELECT COUNT(*) FROM {quote(table)})")  # noqa: S608
        if model._meta.pk.get_internal_type().endswith(("AutoField", "IntegerField")):
            parts.append(f"(SELECT MAX({pk}) FROM {quote(table)})")  # noqa: S608
        for column in IN_PLACE.get(table, ()):
            expression = column if "(" in column else f"CASE WHEN {quote(column)} THEN 1 ELSE 0 END"
            if column.endswith("_id") or column in ("depth", "numchild"):
                expression = quote(column)
            parts.append(f"(SELECT SUM({expression}) FROM {quote(table)})")  # noqa: S608
    # Table and column names come from the models, quoted: no user input reaches this SQL.
    _SQL.append("SELECT " + ", ".join(parts))
    return _SQL[0]


def fingerprint():
    with connection.cursor() as cursor:
        cursor.execute(_sql())
        return cursor.fetchone()
