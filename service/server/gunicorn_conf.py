"""Every gunicorn setting for enrich: `gunicorn -c python:service.server.gunicorn_conf`."""

import gc
import mmap
import os
import signal

from service.config import from_environ
from service.observability import directory
from service.observability.exposition import worker_exited
from service.server import draining, gunicorn_hooks

settings = from_environ()
# No collections while the model loads: freed objects would leave holes all over the pages
# the workers are about to share (the recipe in the docs of gc.freeze).
gc.disable()
gunicorn_hooks.use_problem_json()  # gunicorn's own 400/414/431 answers are problem+json too

wsgi_app = "service:create_app()"
bind = f"{settings['HOST']}:{settings['PORT']}"
workers = settings["WORKERS"]
# Threads read requests and write answers; each worker runs the model on one thread of its own
# (service/server/admission.py), so the model still runs one request at a time at full speed
# per worker, while a client that stalls holds one cheap thread, not a worker
# (docs/operations.md, Slow clients).
# gthread, but a stopping worker closes its listeners before finishing in-flight requests, so
# no connection is accepted by the kernel and then reset (service/server/workers.py).
worker_class = "service.server.workers.DrainingThreadWorker"
threads = settings["THREADS"]
limit_request_line = settings["LIMIT_REQUEST_LINE"]
limit_request_fields = settings["LIMIT_REQUEST_FIELDS"]
limit_request_field_size = settings["LIMIT_REQUEST_FIELD_SIZE"]
# Load the model once in the master: forked workers share its pages instead of each loading it
# (PRELOAD=0 only to measure the difference, see docs/performance.md).
preload_app = settings["PRELOAD"]
# gthread workers heartbeat from their main loop, not from the model thread, so this kills a
# worker whose loop is stuck, not a long request; the model's work bounds keep requests finite
# (the worst allowed request ~15 s here: bench/worst_case_search.py, docs/performance.md).
timeout = settings["TIMEOUT"]
# On SIGTERM in-flight requests get this long to finish: twice the largest request.
graceful_timeout = settings["GRACEFUL_TIMEOUT"]
# 0 by default: a kept-alive connection is served by one worker for its life, and a few pooled
# connections all accepted by one worker left the other idle (bench/soak.py). If set, keep it
# above the load balancer's idle timeout, so the balancer closes first.
keepalive = settings["KEEPALIVE"]
# Recycle workers now and then as a backstop against slow leaks (memory zones keep the string
# store flat, see bench/memory_flat.py); jitter keeps them from restarting together.
max_requests = settings["MAX_REQUESTS"]
max_requests_jitter = settings["MAX_REQUESTS_JITTER"]
worker_tmp_dir = "/dev/shm"  # the heartbeat file must not sit on a slow overlay disk
control_socket_disable = True  # nothing uses it, and a read-only root cannot hold it
loglevel = settings["LOG_LEVEL"]
accesslog = "-"
# error and access lines as JSON, like the app's
logger_class = "service.observability.logs.GunicornLogger"


def on_starting(server):
    """Refuse to serve metrics that would each describe one worker only; say where they are.
    Make SIGTERM drain before gunicorn's graceful stop (see service/server/draining.py)."""
    if not settings["PROMETHEUS_MULTIPROC_DIR"]:
        raise RuntimeError("Set PROMETHEUS_MULTIPROC_DIR to an empty directory or use enrich serve")
    server.log.info("Metrics directory: %s", settings["PROMETHEUS_MULTIPROC_DIR"])
    server.handle_term = lambda: _drain_then_stop(server)


def when_ready(server):
    """Bound how long a stalled client can block a thread (inherited by accepted sockets)."""
    gunicorn_hooks.set_client_timeouts(server.LISTENERS, settings["CLIENT_TIMEOUT"])


def pre_fork(server, worker):
    """Freeze the preloaded heap so the workers' garbage collector never touches its pages."""
    gc.freeze()


def child_exit(server, worker):
    """Count it; its in-progress gauge must not count any more, its counters stay."""
    worker_exited(settings["PROMETHEUS_MULTIPROC_DIR"], worker.pid)


def on_exit(server):
    """The metric files describe this run only: remove them."""
    directory.remove(settings["PROMETHEUS_MULTIPROC_DIR"])


def _drain_then_stop(server):
    # A second SIGTERM, or DRAIN_SECONDS=0, stops at once: gunicorn's own SIGTERM behaviour.
    if draining.is_draining() or not settings["DRAIN_SECONDS"]:
        raise StopIteration
    draining.start_draining()
    server.log.info("Draining for %d s before the graceful stop", settings["DRAIN_SECONDS"])
    server.handle_alrm = _stop
    signal.signal(signal.SIGALRM, server.signal)  # queued like gunicorn's own signals
    signal.alarm(settings["DRAIN_SECONDS"])


def _stop():
    raise StopIteration  # the arbiter's main loop answers it with its graceful halt()


def post_request(worker, req, environ, resp):
    """Retire a worker, after its answer, once its RSS passes MAX_WORKER_RSS_MB.

    A backstop for growth memory zones cannot undo: spaCy's string and lexeme tables keep a slot
    for every word ever dropped, so never-seen words still cost ~16-32 bytes each for good.
    """
    limit = settings["MAX_WORKER_RSS_MB"]
    if limit and _rss_mb() > limit:
        worker.log.warning("Worker RSS over %s MB: recycling it", limit)
        worker.alive = False


_statm: dict[int, int] = {}  # pid -> that process's /proc/self/statm, open


def _rss_mb() -> float:
    # Read again from the start of a file kept open: opening it for every request cost ~25 us.
    pid = os.getpid()
    if pid not in _statm:
        _statm[pid] = os.open("/proc/self/statm", os.O_RDONLY)
    return int(os.pread(_statm[pid], 128, 0).split()[1]) * mmap.PAGESIZE / 2**20


def post_fork(server, worker):
    """Collect again in the worker: only objects made after the fork are ever scanned."""
    gc.enable()
