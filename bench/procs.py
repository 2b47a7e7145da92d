"""CPU time and memory of a gunicorn process tree, sampled with psutil."""

import psutil


def tree(pid: int) -> list[psutil.Process]:
    """The master and all its workers."""
    master = psutil.Process(pid)
    return [master, *master.children(recursive=True)]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the whole tree so far (workers must not be recycled meanwhile)."""
    return sum(user_and_system(pid))


def user_and_system(pid: int) -> tuple[float, float]:
    """User and system CPU seconds of the whole tree so far, apart."""
    times = [process.cpu_times() for process in tree(pid)]
    return sum(t.user for t in times), sum(t.system for t in times)


def worker_memory(pid: int) -> list[dict]:
    """RSS, USS and PSS in MB of each worker."""
    rows = []
    for process in tree(pid)[1:]:
        info = process.memory_full_info()
        rows.append({"pid": process.pid, "rss": info.rss / 2**20, "uss": info.uss / 2**20,
                     "pss": info.pss / 2**20})
    return rows
