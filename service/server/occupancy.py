"""How much work this worker process has for its model thread, and what is on its way to it.

The worker's accept loop (service/server/workers.py) asks before taking a connection, so a
busy worker leaves new connections to an idle one; the admission gate counts (admission.py).
Connections the worker has taken whose requests have not reached the model yet are "arriving"
(for at most READING seconds): the model thread may hold a pass open for them (model_thread.py,
GATHER_MS), and while it does the accept loop takes up to `room()` more connections though the
model has work. They are not work to the accept loop: stalled clients would then keep probes
waiting (tests/test_hostile.py).
Per process: the master never runs a request, so each forked worker starts at zero.
"""

import threading
import time
from collections.abc import Callable

# How long a taken connection counts as on its way: a request is read in a few ms on a local
# network; one that takes longer is a slow client, and no pass is held for it.
READING = 0.1

_lock = threading.Lock()
_state = {"running": 0, "wanted": 0}
_when_open: list[Callable[[], None]] = []
_arriving: dict[int, float] = {}  # a taken connection's key -> when it was taken
_reading = threading.local()  # the connection this request thread reads


def enter() -> None:
    """One more request for the model thread (waiting or running)."""
    with _lock:
        _state["running"] += 1


def leave() -> None:
    """One request fewer; once the model has no work, call whoever asked to know."""
    with _lock:
        _state["running"] -= 1
        callbacks = _opened() if not _state["running"] else []
    for callback in callbacks:
        callback()


def busy() -> bool:
    """Whether the model thread has work, running or waiting."""
    return _state["running"] > 0


def when_open(callback: Callable[[], None]) -> None:
    """Call `callback` once the model has no work or holds a pass open for more (on the thread
    that made it so); at once if it is so now."""
    with _lock:
        if _state["running"] and not _state["wanted"]:
            _when_open.append(callback)
            return
    callback()


def arrived(key: int) -> None:
    """The accept loop took a connection: its request may soon want the model."""
    with _lock:
        _arriving[key] = time.monotonic()


def reading(key: int) -> None:
    """This thread now reads the request of connection `key`."""
    _reading.key = key


def settled() -> None:
    """This thread's request reached the model, or ended without it: it is no longer arriving."""
    key = getattr(_reading, "key", None)
    if key is None:
        return
    _reading.key = None
    with _lock:
        _arriving.pop(key, None)


def arriving(within: float = READING) -> int:
    """Connections taken in the last `within` seconds whose requests have not settled."""
    with _lock:
        return _young(within)


def want(count: int) -> None:
    """The model thread holds a pass open for `count` more requests (0: it holds none)."""
    with _lock:
        _state["wanted"] = count
        callbacks = _opened() if count else []
    for callback in callbacks:
        callback()


def room() -> int:
    """How many more connections the accept loop may take for the pass being held open."""
    return _state["wanted"]


def took(count: int) -> None:
    """The accept loop took `count` connections for the pass being held open."""
    with _lock:
        _state["wanted"] = max(0, _state["wanted"] - count)


def _young(within: float) -> int:
    since = time.monotonic() - within
    return sum(1 for taken in _arriving.values() if taken >= since)


def _opened() -> list[Callable[[], None]]:
    """The callbacks waiting for the model to be open, taken off the list (lock held)."""
    callbacks = _when_open[:]
    _when_open.clear()
    return callbacks
