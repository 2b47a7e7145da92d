"""`enrich annotate --jsonl` as a real process: killed mid-run, resumed to a complete output."""

import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def start(source, out) -> subprocess.Popen:
    command = [sys.executable, "-m", "service", "annotate", "--jsonl", str(source),
               "--out", str(out), "--processes", "2"]
    return subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)


def test_killed_run_resumes_to_every_record_once_in_input_order(tmp_path, sample_text):
    paragraphs = [p for p in sample_text.split("\n\n") if p.strip()]
    ids = [f"a{n}" for n in range(120)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(
        json.dumps({"id": i, "text": "\n\n".join(paragraphs[n % 7:][:12])}) + "\n"
        for n, i in enumerate(ids)))
    out = tmp_path / "out.jsonl"
    run = start(source, out)
    deadline = time.monotonic() + 120
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)  # the pool's workers too, as a lost node would
    run.wait()
    written = out.read_text().count("\n")
    assert 0 < written < len(ids)
    resumed = start(source, out)
    _, log = resumed.communicate(timeout=300)
    assert resumed.returncode == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ids
    assert f"{written} already done" in log.decode()
    assert "articles/s" in log.decode()


def test_progress_bar_shows_on_a_terminal(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"p{n}", "text": "Paris is big."}) + "\n"
                              for n in range(3)))
    terminal, pane = pty.openpty()
    fcntl.ioctl(pane, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    run = subprocess.Popen([sys.executable, "-m", "service", "annotate", "--jsonl", str(source),
                            "--out", str(tmp_path / "out.jsonl"), "--processes", "1"],
                           stdout=subprocess.DEVNULL, stderr=pane)
    os.close(pane)
    shown = b""
    while chunk := _read(terminal):
        shown += chunk
    assert run.wait(timeout=120) == 0
    assert b"3/3 [" in shown and b"article/s]" in shown


def _read(terminal: int) -> bytes:
    try:
        return os.read(terminal, 4096)
    except OSError:  # EIO: the other end closed
        return b""
