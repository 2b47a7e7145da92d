"""gunicorn's gthread worker, closing its listeners the moment it starts to stop.

gunicorn's own worker keeps its copy of the listening socket open until its last in-flight
request is done. The socket is shared by every process of the server and the kernel keeps
completing connections on it while any copy is open: during a 10 s request, every connection
made after the drain was accepted by the kernel, never served, then reset (issue 17). Here a
stopping worker first takes what the kernel has already queued, then closes its copy, so once
every worker has done so new connections are refused (the caller retries elsewhere), and none
is accepted and dropped.
"""

from gunicorn.workers.gthread import TConn, ThreadWorker


class DrainingThreadWorker(ThreadWorker):
    """A gthread worker that stops listening before it finishes its in-flight requests."""

    def set_accept_enabled(self, enabled: bool) -> None:
        """As gthread's; once the worker is stopping, also serve the queue and close listeners."""
        super().set_accept_enabled(enabled)
        if not enabled and not self.alive:
            for listener in self.sockets:
                self._accept_queued(listener)
                listener.close()

    def _accept_queued(self, listener) -> None:
        """Hand every connection the kernel has already completed to the thread pool."""
        while True:
            try:
                client, address = listener.accept()  # non-blocking since the worker started
            except ConnectionAbortedError:
                continue
            except OSError:  # nothing queued (EAGAIN), or nothing more to take
                return
            self.nr_conns += 1
            client.setblocking(True)
            self.enqueue_req(TConn(self.cfg, client, address, listener.getsockname()))
