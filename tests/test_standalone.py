"""The repository stands alone: no tracked file reads or names a path outside the clone."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A relative path that climbs: `../x`, `../../x`; resolved from the file's folder and the root.
CLIMBING = re.compile(r"(?<![\w.])((?:\.\./)+)[\w.-]+")
# Absolute paths of a developer's machine, and the folder beside the checkout CI happens to have.
# Paths that are requests a hostile client sends (tests/test_hostile.py), not files read.
ATTACKS = {"../../etc"}
MACHINE = re.compile(r"/work/|/home/\w+|/root/|\bshared/(?:samples|notes|data)|[\"']shared[\"']")


def tracked_files() -> list[Path]:
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [ROOT / name for name in listing.stdout.decode().split("\0") if name]


def outside(path: Path, climb: str) -> bool:
    """True when `climb` leaves the repository from the file's folder and from the root alike."""
    def escapes(base: Path) -> bool:
        return not (base / climb).resolve().is_relative_to(ROOT)

    return escapes(path.parent) and escapes(ROOT)


def text_of(path: Path) -> str | None:
    if path.is_symlink() or not path.is_file():
        return None
    data = path.read_bytes()
    return None if b"\0" in data[:4096] else data.decode("utf-8", errors="replace")


def test_the_file_list_is_the_whole_tree():
    files = tracked_files()
    assert ROOT / "README.md" in files and len(files) > 100


@pytest.mark.parametrize("path", tracked_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_file_names_a_path_outside_the_clone(path):
    if path.is_symlink():
        assert path.resolve().is_relative_to(ROOT), f"symlink points outside: {path.readlink()}"
        return
    text = text_of(path)
    if text is None or path == Path(__file__):
        return
    climbing = [m.group(0) for m in CLIMBING.finditer(text)
                if outside(path, m.group(1)) and m.group(0) not in ATTACKS]
    assert not climbing, f"paths outside the repository: {climbing[:5]}"
    machine = [m.group(0) for m in MACHINE.finditer(text)]
    assert not machine, f"paths of a machine, not of the repository: {machine[:5]}"


@pytest.mark.parametrize(
    ("text", "found"),
    [("see ../" + "shared/samples/x.txt", True), ("@../../data/a.json", True),
     ("/work/main/examples", True), ('parents[2] / "shared" / "samples"', True),
     ("${X:-../" + "shared/samples/a.txt}", True), ("examples/npr.txt", False), ("a ../ b", False)],
)
def test_the_checks_catch_what_they_look_for(text, found, tmp_path):
    probe = ROOT / "README.md"  # a file at the root: one `../` already leaves the clone
    hits = [m for m in CLIMBING.finditer(text) if outside(probe, m.group(1))]
    hits += list(MACHINE.finditer(text))
    assert bool(hits) is found
