"""Draining: after SIGTERM the server keeps serving for DRAIN_SECONDS while /readyz answers 503.

gunicorn's master closes its listeners as soon as it acts on SIGTERM, so a load balancer polling
/readyz would only ever see refused connections; `gunicorn_conf.on_starting` delays that stop by
DRAIN_SECONDS and raises this flag first.
"""

import mmap

# One byte of anonymous shared memory, mapped in the master before gunicorn forks: the master
# writes it and every worker, including ones forked later, reads the same page.
_flag = mmap.mmap(-1, 1)


def start_draining() -> None:
    """Tell every process of this server that it is shutting down."""
    _flag[0] = 1


def is_draining() -> bool:
    """Whether this server has been told to shut down."""
    return _flag[0] == 1
