"""Every shell example in the README and the API page runs as pasted, against a live server."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.server import running_server

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = [README, ROOT / "docs" / "api.md"]
DEFAULT_ADDRESS = "http://127.0.0.1:8000"
# The set-up commands are what this very run did (test.sh) or would block forever (serve.sh).
SET_UP = {"bash scripts/serve.sh", "bash scripts/test.sh"}
# Errors must show: curl fails on an HTTP error, and says so when it cannot read a file.
PRELUDE = 'curl() { command curl --fail-with-body --show-error --silent "$@"; }\n'

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def shell_examples(markdown: str) -> list[str]:
    """The commands of every ```sh block, continuation lines joined, comments dropped."""
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", markdown, flags=re.S | re.M):
        joined = re.sub(r"\\\n\s*", "", block)
        for line in joined.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


EXAMPLES = [
    pytest.param(command, id=f"{page.name}: {command[:60]}")
    for page in PAGES
    for command in shell_examples(page.read_text(encoding="utf-8"))
    if command not in SET_UP
]


def test_the_readme_has_examples_and_its_set_up_commands():
    commands = shell_examples(README.read_text(encoding="utf-8"))
    assert SET_UP <= set(commands)
    examples = [param.values[0] for param in EXAMPLES]
    assert any(c.startswith("curl ") for c in commands)
    assert not [c for c in examples if "…" in c or "..." in c], "placeholders cannot be pasted"


@pytest.fixture(scope="module")
def server():
    with running_server(workers=2) as server:
        yield server


@pytest.mark.parametrize("command", EXAMPLES)
def test_example_runs_as_pasted(server, command, tmp_path):
    """Run in an empty folder that sees the repository's examples/, so outputs land there."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    bin_dir = str(Path(sys.executable).parent) + "/"  # the venv running the tests is .venv here
    script = PRELUDE + command.replace(DEFAULT_ADDRESS, server.url).replace(".venv/bin/", bin_dir)
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:] + done.stdout[-2000:]
    assert "Couldn't read" not in done.stderr
    answers = answers_in(done.stdout) or answers_in(next(tmp_path.glob("*.jsonl")).read_text())
    assert answers and all(a["entities"] and "status" not in a for a in answers)


def answers_in(output: str) -> list[dict]:
    """One JSON document, or one per line."""
    try:
        return [json.loads(output)] if output.strip() else []
    except json.JSONDecodeError:
        return [json.loads(line) for line in output.splitlines() if line.strip()]


def part_of(shown, real) -> bool:
    """Whether the README's trimmed value is a part of the real one (`…` marks cuts)."""
    if isinstance(shown, dict):
        return isinstance(real, dict) and all(
            k in real and part_of(v, real[k]) for k, v in shown.items())
    if isinstance(shown, list):
        return isinstance(real, list) and all(any(part_of(s, r) for r in real) for s in shown)
    if isinstance(shown, str) and shown.endswith("…"):
        return isinstance(real, str) and real.startswith(shown[:-1])
    return shown == real


def test_the_readme_answer_is_part_of_the_real_one(server):
    readme = README.read_text(encoding="utf-8")
    shown = json.loads(re.search(r"^```json\n(.*?)^```", readme, flags=re.S | re.M)
                       .group(1).replace(", …]", "]"))
    sample = (ROOT / "examples" / "npr-nato-russia-talks.txt").read_bytes()
    real = server.post("/v1/enrich", data=sample,
                       headers={"Content-Type": "text/plain; charset=utf-8"}).json()
    shown.pop("id")  # generated per request
    assert part_of(shown, real)
    assert not part_of({**shown, "publisher": "AP"}, real)
