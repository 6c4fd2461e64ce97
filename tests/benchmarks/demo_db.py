"""Read-only access to the demo database: consistent copies, its site's host, its pages."""

import sqlite3

__all__ = ["copy_database", "page_count", "site_host"]


def copy_database(source, target):
    """A consistent copy of an SQLite database (WAL included) through the backup API."""
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
        sqlite3.connect(target) as dst,
    ):
        src.backup(dst)
    return target


def site_host(database, slug="kortrijk"):
    """The Host header (hostname:port) of the municipality's Wagtail site in ``database``."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        row = db.execute(
            "SELECT s.hostname, s.port FROM wagtailcore_site s "
            "JOIN municipalities_municipality m ON m.site_id = s.id WHERE m.slug = ?",
            (slug,),
        ).fetchone()
    if row is None:
        raise SystemExit(f"No site for {slug!r} in {database}: run `make demo` first.")
    return f"{row[0]}:{row[1]}"


def page_count(database):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM wagtailcore_page WHERE live").fetchone()[0]
