"""The metrics directory's whole life: made or emptied before gunicorn starts, removed at exit.

No prometheus_client here: `enrich serve` calls `fresh` before the variable it reads is set.
"""

import glob
import os
import tempfile


def fresh(path: str) -> str:
    """`path` created and emptied of an earlier run's files, or a new temporary directory."""
    if not path:
        return tempfile.mkdtemp(prefix="enrich-metrics-")
    os.makedirs(path, exist_ok=True)
    _remove_files(path)
    return path


def remove(path: str) -> None:
    """Delete this run's files, and the directory when nothing else is in it."""
    _remove_files(path)
    try:
        os.rmdir(path)
    except OSError:  # not empty, or a mount point: leave it
        pass


def _remove_files(path: str) -> None:
    for done in glob.glob(os.path.join(path, "*.db")):  # only ours, whatever else is there
        os.remove(done)
