"""Every gunicorn setting for enrich: `gunicorn -c python:service.gunicorn_conf`."""

import gc
import signal

from service import draining
from service.config import from_environ
from service.scrape import remove_directory, worker_exited

settings = from_environ()

wsgi_app = "service:create_app()"
bind = f"{settings['HOST']}:{settings['PORT']}"
workers = settings["WORKERS"]
# Load the model once in the master: forked workers share its pages instead of each loading it.
preload_app = True
timeout = settings["TIMEOUT"]
graceful_timeout = settings["GRACEFUL_TIMEOUT"]
keepalive = settings["KEEPALIVE"]  # above a load balancer's idle timeout, so it closes first
# Recycle workers now and then as a backstop against slow leaks; jitter keeps them from
# restarting together.
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
