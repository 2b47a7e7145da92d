"""The RSS a worker checks against MAX_WORKER_RSS_MB (gunicorn_conf._rss_mb) is its own, read
afresh at every request, in a forked worker as in the process that forked it."""

import subprocess
import sys

# Imported in a child: the config module disables gc and patches gunicorn when imported.
CHECK = """
import os, psutil
from service.server import gunicorn_conf as conf

def agrees():
    rss = psutil.Process().memory_info().rss / 2**20
    return abs(conf._rss_mb() - rss) < 2

assert agrees()
grown = bytearray(300 * 2**20)
grown[:: 4096] = b"x" * len(grown[:: 4096])  # touch every page
assert agrees() and conf._rss_mb() > 300
pid = os.fork()
if pid == 0:
    del grown  # the child's own RSS, not the parent's
    os._exit(0 if agrees() else 1)
assert os.waitpid(pid, 0)[1] == 0
print("ok")
"""


def test_the_rss_read_is_the_processes_own_and_fresh():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.strip() == "ok", done.stderr
