"""gunicorn's gthread worker, placing connections where the model is free, and draining cleanly.

Leaving work to an idle worker (issue 18): every worker polls the same listening socket, and
a gthread worker accepts whatever it is woken for, so at saturation one worker held three
requests while the other held one and then sat idle (bench/worker_balance.py,
docs/performance.md). Here a worker whose model thread has work stops polling the listener
until that work is done or ACCEPT_DELAY_MS has passed: an idle worker, woken by the same
event, takes the connection first, as a sync worker would; the delay bounds how long a probe
or a request waits when every worker is busy. Reading and writing stay on the thread pool,
so a slow client still holds one thread, not the worker.

Sharing a pass (issue 18): an idle worker takes up to GATHER_REQUESTS queued connections at
once, and while its model thread holds a pass open for requests on their way
(model_thread.py, GATHER_MS) it takes the connections that pass still wants (occupancy.room)
though its model has work. Each connection is "arriving" from the moment it is taken until its
request reaches the model or ends, which is what the model thread waits for.

Draining (issue 17): gunicorn's own worker keeps its copy of the listening socket open until
its last in-flight request is done. The socket is shared by every process of the server and
the kernel keeps completing connections on it while any copy is open: during a 10 s request,
every connection made after the drain was accepted by the kernel, never served, then reset.
Here a stopping worker first takes what the kernel has already queued, then closes its copy,
so once every worker has done so new connections are refused (the caller retries elsewhere),
and none is accepted and dropped.
"""

import threading
import time

from gunicorn.workers.gthread import TConn, ThreadWorker

from service.config import from_environ
from service.server import occupancy


class DrainingThreadWorker(ThreadWorker):
    """A gthread worker that leaves connections to idle workers and stops listening first."""

    def init_process(self) -> None:
        """As gthread's, with the accept delay and the gathering read from the settings."""
        settings = from_environ()
        self.accept_delay = settings["ACCEPT_DELAY_MS"] / 1000
        self.gather = settings["GATHER_MS"] > 0 and settings["COALESCE_TOKENS"] > 0
        self.gather_requests = settings["GATHER_REQUESTS"]
        self._held = self._force = False
        self._hold_id = 0
        if self.accept_delay:
            self._overdue = Alarm(self.accept_delay, self._defer_overdue)
        super().init_process()

    def accept(self, listener) -> None:
        """Take the connection, unless the model has work and holds no pass open for more: then
        hold, unless the delay is over. Idle, take up to GATHER_REQUESTS queued at once."""
        busy = occupancy.busy()
        room = occupancy.room() if busy else 0
        if self.accept_delay and self.alive and busy and not room and not self._force:
            self._hold()
            return
        forced, self._force = self._force, False
        if not (self.gather and self.accept_delay):
            super().accept(listener)
            return
        taken = self._accept_queued(listener, 1 if forced else room or self.gather_requests)
        if room:
            occupancy.took(taken)

    def handle(self, conn):
        """As gthread's; the connection is arriving until its request reaches the model."""
        occupancy.reading(id(conn))
        try:
            return super().handle(conn)
        finally:
            occupancy.settled()

    def set_accept_enabled(self, enabled: bool) -> None:
        """As gthread's, not while held; once the worker is stopping, serve the queue, close."""
        if enabled and self._held and self.alive:
            return
        super().set_accept_enabled(enabled)
        if not enabled and not self.alive:
            for listener in self.sockets:
                self._accept_queued(listener)
                listener.close()

    def _hold(self) -> None:
        """Stop polling the listener until the model is idle, holds a pass open for more, or
        the delay has passed."""
        self._held, self._hold_id = True, self._hold_id + 1
        ThreadWorker.set_accept_enabled(self, False)
        hold = self._hold_id
        self._overdue.set(hold)
        occupancy.when_open(lambda: self.method_queue.defer(self._resume, hold, False))

    def _defer_overdue(self, hold: int) -> None:
        self.method_queue.defer(self._resume, hold, True)

    def _resume(self, hold: int, overdue: bool) -> None:
        """On the main thread: poll the listener again (the run loop re-registers it)."""
        if hold != self._hold_id or not self._held:
            return  # that hold already ended
        self._held, self._force = False, overdue

    def _accept_queued(self, listener, limit: int | None = None) -> int:
        """Hand the connections the kernel has already completed (at most `limit`) to the
        thread pool; how many. All are arriving before the first is read: a request read at
        once must find the others on their way, or its pass is not held for them."""
        taken = []
        while limit is None or len(taken) < limit:
            try:
                client, address = listener.accept()  # non-blocking since the worker started
            except ConnectionAbortedError:
                continue
            except OSError:  # nothing queued (EAGAIN), or nothing more to take
                break
            self.nr_conns += 1
            client.setblocking(True)
            taken.append(TConn(self.cfg, client, address, listener.getsockname()))
            occupancy.arrived(id(taken[-1]))
        for conn in taken:
            self.enqueue_req(conn)
        return len(taken)


class Alarm:
    """One thread that calls `ring(token)` `delay` seconds after the latest `set(token)`; a
    later `set` replaces an earlier one. A hold's deadline without a thread started per hold:
    that start blocked the accept loop until the new thread got the interpreter."""

    def __init__(self, delay: float, ring) -> None:
        self._delay, self._ring = delay, ring
        self._due: tuple[float, int] | None = None  # (when, token) of the alarm to ring
        self._changed = threading.Condition()
        threading.Thread(target=self._run, name="accept-delay", daemon=True).start()

    def set(self, token: int) -> None:
        """Ring with `token` once the delay has passed, unless set again before."""
        with self._changed:
            self._due = (time.monotonic() + self._delay, token)
            self._changed.notify()

    def _run(self) -> None:
        with self._changed:
            while True:
                if self._due is None:
                    self._changed.wait()
                    continue
                when, token = self._due
                if (remaining := when - time.monotonic()) > 0:
                    self._changed.wait(remaining)
                    continue
                self._due = None
                self._ring(token)
