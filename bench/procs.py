"""CPU time and memory of a gunicorn process tree, sampled with psutil."""

import psutil


def tree(pid: int) -> list[psutil.Process]:
    """The master and all its workers."""
    master = psutil.Process(pid)
    return [master, *master.children(recursive=True)]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the whole tree so far (workers must not be recycled meanwhile)."""
    total = 0.0
    for process in tree(pid):
        times = process.cpu_times()
        total += times.user + times.system
    return total


def worker_memory(pid: int) -> list[dict]:
    """RSS, USS and PSS in MB of each worker."""
    rows = []
    for process in tree(pid)[1:]:
        info = process.memory_full_info()
        rows.append({"pid": process.pid, "rss": info.rss / 2**20, "uss": info.uss / 2**20,
                     "pss": info.pss / 2**20})
    return rows
