"""The connection the embedded backends write their index through."""

import sqlite3
from contextlib import contextmanager

from django.db import connections, transaction

__all__ = ["Database"]


class Database:
    """A DB-API connection with SQL written in Django's %s style: a Django database alias,
    or (SQLite only) a file path of its own, so the SQLite index also works beside a
    PostgreSQL site database (and in benchmarks)."""

    def __init__(self, alias="default", path=None):
        self.alias, self.path = alias, path
        self._connection = None

    @property
    def vendor(self):
        return "sqlite" if self.path else connections[self.alias].vendor

    @contextmanager
    def cursor(self):
        if not self.path:
            with connections[self.alias].cursor() as cursor:
                yield cursor
            return
        if self._connection is None:
            self._connection = sqlite3.connect(self.path, isolation_level=None)
            self._connection.execute("PRAGMA journal_mode=WAL")
        cursor = _PathCursor(self._connection.cursor())
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def atomic(self):
        if not self.path:
            with transaction.atomic(using=self.alias):
                yield
            return
        with self.cursor() as cursor:
            cursor.execute("SAVEPOINT joint_index")
            try:
                yield
            except BaseException:
                cursor.execute("ROLLBACK TO joint_index")
                cursor.execute("RELEASE joint_index")
                raise
            cursor.execute("RELEASE joint_index")

    def in_transaction(self):
        if self.path:
            return False
        return connections[self.alias].in_atomic_block

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class _PathCursor:
    def __init__(self, cursor):
        self._cursor = cursor

    @staticmethod
    def _sql(sql):
        return sql.replace("%s", "?").replace("%%", "%")

    def execute(self, sql, params=()):
        return self._cursor.execute(self._sql(sql), params)

    def executemany(self, sql, rows):
        return self._cursor.executemany(self._sql(sql), rows)

    def __getattr__(self, name):
        return getattr(self._cursor, name)
