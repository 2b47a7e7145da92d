"""Every gunicorn setting for enrich: `gunicorn -c python:service.gunicorn_conf`."""

import gc
import os
import signal

from service import draining
from service.config import from_environ
from service.scrape import remove_directory, worker_exited

settings = from_environ()
# No collections while the model loads: freed objects would leave holes all over the pages
# the workers are about to share (the recipe in the docs of gc.freeze).
gc.disable()

wsgi_app = "service:create_app()"
bind = f"{settings['HOST']}:{settings['PORT']}"
# The model is CPU-bound: one sync worker per core runs one request at a time at full speed;
# threads would only queue on the GIL, and more workers than cores only add switching.
worker_class = "sync"
workers = settings["WORKERS"]
# Load the model once in the master: forked workers share its pages instead of each loading it
# (PRELOAD=0 only to measure the difference, see bench/README.md).
preload_app = settings["PRELOAD"]
# The largest request, a full batch of MAX_BATCH_CHARS, takes ~15 s of one core here
# (100,000 characters: 3.6-4.2 s); 60 s leaves room for a throttled or shared CPU.
timeout = settings["TIMEOUT"]
# On SIGTERM in-flight requests get this long to finish: twice the largest request.
graceful_timeout = settings["GRACEFUL_TIMEOUT"]
keepalive = settings["KEEPALIVE"]  # above a load balancer's idle timeout, so it closes first
# Recycle workers now and then as a backstop against slow leaks (memory zones keep the string
# store flat, see bench/memory_flat.py); jitter keeps them from restarting together.
max_requests = settings["MAX_REQUESTS"]
max_requests_jitter = settings["MAX_REQUESTS_JITTER"]
worker_tmp_dir = "/dev/shm"  # the heartbeat file must not sit on a slow overlay disk
control_socket_disable = True  # nothing uses it, and a read-only root cannot hold it
loglevel = settings["LOG_LEVEL"]
accesslog = "-"
logger_class = "service.logs.GunicornLogger"  # error and access lines as JSON, like the app's


def on_starting(server):
    """Refuse to serve metrics that would each describe one worker only; say where they are.
    Make SIGTERM drain before gunicorn's graceful stop (see service/draining.py)."""
    if not settings["PROMETHEUS_MULTIPROC_DIR"]:
        raise RuntimeError("Set PROMETHEUS_MULTIPROC_DIR to an empty directory or use enrich serve")
    server.log.info("Metrics directory: %s", settings["PROMETHEUS_MULTIPROC_DIR"])
    server.handle_term = lambda: _drain_then_stop(server)


def pre_fork(server, worker):
    """Freeze the preloaded heap so the workers' garbage collector never touches its pages."""
    gc.freeze()


def child_exit(server, worker):
    """Count it; its in-progress gauge must not count any more, its counters stay."""
    worker_exited(settings["PROMETHEUS_MULTIPROC_DIR"], worker.pid)


def on_exit(server):
    """The metric files describe this run only: remove them."""
    remove_directory(settings["PROMETHEUS_MULTIPROC_DIR"])


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


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def post_fork(server, worker):
    """Collect again in the worker: only objects made after the fork are ever scanned."""
    gc.enable()
