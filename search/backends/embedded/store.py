"""The embedded index's tables: creating them, writing documents to them (with the
vocabulary "did you mean" draws on), and reading stored documents back."""

from collections import Counter

from ...analysis import vocabulary_words
from .columns import DOC_COLUMNS

__all__ = ["IndexStore", "doc_vocabulary"]


def doc_vocabulary(doc):
    text = " ".join(str(doc.get(name) or "") for name in ("title", "summary", "body", "keywords"))
    return vocabulary_words(text)


class IndexStore:
    """Schema, writing and stored documents of EmbeddedBackend (``self.db``: its
    database.Database); subclasses supply the SQL."""

    # -- schema -----------------------------------------------------------------------
    def ensure_schema(self, force=False):
        """Create the index tables when missing. Remembered only when created outside a
        transaction: one rolled back (a test's) may take the tables with it."""
        if self._ready and not force:
            return
        with self.db.cursor() as cursor:
            for statement in self.schema_statements():
                cursor.execute(statement)
        self._ready = not self.db.in_transaction()

    def schema_statements(self):
        raise NotImplementedError

    def drop_schema(self):
        raise NotImplementedError

    # -- writing ----------------------------------------------------------------------
    def index_documents(self, docs):
        docs = [doc for doc in docs if doc]
        if not docs:
            return
        self.ensure_schema()
        with self.db.atomic(), self.db.cursor() as cursor:
            self._delete(cursor, [doc["doc_id"] for doc in docs])
            self._insert(cursor, docs)
            self._vocabulary_add(cursor, Counter(w for doc in docs for w in doc_vocabulary(doc)))

    def delete_documents(self, doc_ids):
        doc_ids = list(doc_ids)
        if not doc_ids:
            return
        self.ensure_schema()
        with self.db.atomic(), self.db.cursor() as cursor:
            self._delete(cursor, doc_ids)

    def rebuild(self, docs, progress=None, batch_size=500):
        self.ensure_schema()
        with self.db.cursor() as cursor:
            self._clear(cursor)
        words = Counter()
        batch = []
        for doc in docs:
            if doc:
                batch.append(doc)
            if len(batch) >= batch_size:
                self._write_batch(batch, words, progress)
                batch = []
        self._write_batch(batch, words, progress)
        with self.db.atomic(), self.db.cursor() as cursor:
            self._vocabulary_add(cursor, words)
            self.optimize(cursor)

    def _write_batch(self, batch, words, progress):
        if not batch:
            return
        with self.db.atomic(), self.db.cursor() as cursor:
            self._insert(cursor, batch)
        for doc in batch:
            words.update(doc_vocabulary(doc))
        if progress:
            progress(len(batch))

    def optimize(self, cursor):
        """After a rebuild (FTS5 merges its segments)."""

    def _delete(self, cursor, doc_ids):
        rows = []
        for start in range(0, len(doc_ids), 500):
            chunk = doc_ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                "SELECT id, title, summary, body, keywords FROM search_joint_document"  # noqa: S608
                f" WHERE doc_id IN ({marks})",
                chunk,
            )
            rows.extend(cursor.fetchall())
        if not rows:
            return
        self._delete_rows(cursor, rows)
        words = Counter()
        for _id, title, summary, body, keywords in rows:
            doc = {"title": title, "summary": summary, "body": body, "keywords": keywords}
            words.update(doc_vocabulary(doc))
        self._vocabulary_remove(cursor, words)

    def _vocabulary_add(self, cursor, words):
        if words:
            cursor.executemany(
                "INSERT INTO search_joint_vocabulary (word, df) VALUES (%s, %s)"
                " ON CONFLICT (word) DO UPDATE SET df = search_joint_vocabulary.df + excluded.df",
                sorted(words.items()),
            )

    def _vocabulary_remove(self, cursor, words):
        if words:
            cursor.executemany(
                "UPDATE search_joint_vocabulary SET df = df - %s WHERE word = %s",
                [(n, w) for w, n in words.items()],
            )
            cursor.execute("DELETE FROM search_joint_vocabulary WHERE df <= 0")

    def count(self):
        self.ensure_schema()
        with self.db.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_joint_document")
            return cursor.fetchone()[0]

    def get_document(self, doc_id):
        """The stored document ``doc_id`` as a dict of DOC_COLUMNS, or None."""
        self.ensure_schema()
        with self.db.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(DOC_COLUMNS)} FROM search_joint_document"  # noqa: S608
                " WHERE doc_id = %s",
                [doc_id],
            )
            row = cursor.fetchone()
        return dict(zip(DOC_COLUMNS, row, strict=True)) if row else None

    def counts_by_municipality(self):
        self.ensure_schema()
        with self.db.cursor() as cursor:
            cursor.execute(
                "SELECT municipality, count(*) FROM search_joint_document"
                " GROUP BY municipality ORDER BY municipality"
            )
            return dict(cursor.fetchall())
