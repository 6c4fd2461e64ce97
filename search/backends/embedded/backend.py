"""EmbeddedBackend: the joint backend the SQLite and PostgreSQL backends build on."""

from ..base import JointBackend
from ..database import Database
from .searching import IndexSearch
from .store import IndexStore

__all__ = ["EmbeddedBackend"]


class EmbeddedBackend(IndexSearch, IndexStore, JointBackend):
    """Shared logic of the SQLite and PostgreSQL backends; subclasses supply the SQL."""

    embedded = True

    def __init__(self, alias="default", path=None, **options):
        super().__init__(**options)
        self.db = Database(alias=options.get("DATABASE", alias), path=options.get("PATH", path))
        self._ready = False
