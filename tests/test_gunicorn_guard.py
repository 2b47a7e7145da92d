"""gunicorn internals the server relies on: an upgrade that moves one fails here, loudly.

service/server/gunicorn_hooks.py replaces util.write_error; gunicorn_conf.py replaces the
arbiter's handle_term, adds handle_alrm, reads LISTENERS, and retires workers through `alive`;
observability/logs.py subclasses glogging.Logger.
"""

import ast
import inspect
import signal
from pathlib import Path

import pytest
from gunicorn import glogging, util
from gunicorn.arbiter import Arbiter
from gunicorn.config import KNOWN_SETTINGS
from gunicorn.workers.base import Worker

from service.server import gunicorn_hooks

CONF = Path(__file__).resolve().parents[1] / "service" / "server" / "gunicorn_conf.py"


def test_write_error_is_still_there_with_the_same_parameters():
    replaced = inspect.signature(util.write_error).parameters
    assert list(replaced) == list(inspect.signature(gunicorn_hooks.write_problem).parameters)
    assert callable(util.write_nonblock)


def test_workers_look_write_error_up_when_they_call_it():
    # A `from .util import write_error` in the worker would make the patch a silent no-op.
    assert "util.write_error(" in inspect.getsource(Worker.handle_error)


@pytest.mark.parametrize("name", ["handle_term", "signal", "LISTENERS", "log"])
def test_the_arbiter_has_what_the_drain_patches_or_reads(name):
    assert name in dir(Arbiter) or name in Arbiter.__init__.__code__.co_names


def test_the_arbiter_dispatches_any_signal_to_its_handle_method():
    # _drain_then_stop queues SIGALRM and adds handle_alrm; StopIteration ends the main loop.
    assert Arbiter.SIG_NAMES[signal.SIGALRM] == "alrm"
    source = inspect.getsource(Arbiter.run)
    assert 'getattr(self, "handle_%s" % signame' in source
    assert "StopIteration" in source


def test_a_worker_is_retired_by_clearing_alive():
    assert "alive" in Worker.__init__.__code__.co_names


@pytest.mark.parametrize("name", ["setup", "access", "access_log_enabled"])
def test_the_logger_has_what_the_json_logger_overrides_or_reads(name):
    assert hasattr(glogging.Logger, name)


def test_the_logger_still_keeps_error_and_access_logs():
    assert {"error_log", "access_log"} <= set(glogging.Logger.__init__.__code__.co_names)


def test_every_name_in_the_config_is_a_gunicorn_setting():
    tree = ast.parse(CONF.read_text(encoding="utf-8"))
    assigned = {target.id for node in tree.body if isinstance(node, ast.Assign)
                for target in node.targets if isinstance(target, ast.Name)}
    hooks = {node.name for node in tree.body
             if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")}
    known = {setting.name for setting in KNOWN_SETTINGS}
    assert (assigned - {"settings"}) | hooks <= known


def test_the_gthread_internals_the_worker_class_overrides_are_still_there():
    # service/server/workers.py: accept() is held while the model is busy, set_accept_enabled()
    # is what the run loop calls to re-register the listener, enqueue_req() and nr_conns take
    # queued connections on drain, method_queue.defer() brings a timer back to the main thread.
    from gunicorn.workers.gthread import PollableMethodQueue, ThreadWorker

    for name, params in {
        "accept": ["self", "listener"],
        "set_accept_enabled": ["self", "enabled"],
        "enqueue_req": ["self", "conn"],
        "init_process": ["self"],
    }.items():
        assert list(inspect.signature(getattr(ThreadWorker, name)).parameters) == params, name
    assert "set_accept_enabled(" in inspect.getsource(ThreadWorker.run)
    init = inspect.getsource(ThreadWorker.__init__)
    assert "self.method_queue = PollableMethodQueue()" in init and "self.nr_conns" in init
    assert list(inspect.signature(PollableMethodQueue.defer).parameters)[:2] == ["self", "callback"]
