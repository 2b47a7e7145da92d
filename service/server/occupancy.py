"""How many requests this worker process has given its model thread, and a call when none.

The worker's accept loop (service/server/workers.py) asks before taking a connection, so a
busy worker leaves new connections to an idle one; the admission gate counts (admission.py).
Per process: the master never runs a request, so each forked worker starts at zero.
"""

import threading
from collections.abc import Callable

_lock = threading.Lock()
_state = {"running": 0}
_when_idle: list[Callable[[], None]] = []


def enter() -> None:
    """One more request for the model thread (waiting or running)."""
    with _lock:
        _state["running"] += 1


def leave() -> None:
    """One request fewer; once none is left, call whoever asked to know."""
    with _lock:
        _state["running"] -= 1
        callbacks = _when_idle[:] if not _state["running"] else []
        if callbacks:
            _when_idle.clear()
    for callback in callbacks:
        callback()


def busy() -> bool:
    """Whether the model thread has work, running or waiting."""
    return _state["running"] > 0


def when_idle(callback: Callable[[], None]) -> None:
    """Call `callback` (on the finishing thread) once the model has no work; at once if idle."""
    with _lock:
        if _state["running"]:
            _when_idle.append(callback)
            return
    callback()
