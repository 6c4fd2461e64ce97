"""Writing a copy so that readers see the old one or the new one, never half of either."""

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

__all__ = ["replacing", "write_tree"]


@contextmanager
def replacing(target):
    """Yields an empty directory beside ``target`` (same filesystem, so a rename moves it);
    when the block succeeds it takes ``target``'s place and the previous copy is removed.
    When the block raises, the new directory goes and ``target`` is as it was.

    Replacing an existing copy is two renames (the old one aside, the new one in): between
    them, microseconds long, ``target`` does not exist; a web server answers 404 then,
    never a mix of two exports."""
    target = Path(target)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.export-", dir=target.parent))
    try:
        yield work
        work.chmod(0o755)  # mkdtemp's 0700 would hide the copy from the web server
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.rename(target, old / target.name)
            os.rename(work, target)
            shutil.rmtree(old)
        else:
            os.rename(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def write_tree(directory, files):
    """Writes ``files`` ({relative path: bytes}) under ``directory``, in a fixed order."""
    directory = Path(directory)
    for name in sorted(files):
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
