"""The README and docs/ stay true: every setting documented, every link and named file there."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Files of the repository named in prose: `bench/run.py`, `service/pipeline/nlp.py`, ...
NAMED_FILE = re.compile(
    r"(?<![\w/.-])((?:service|bench|scripts|tests|k8s|examples|docs|data)/[\w/.-]+"
    r"\.(?:py|sh|yaml|md|txt|json|jsonl|env|html|js|css|gz))\b")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def settings_read() -> set[str]:
    """Every environment variable service/config.py reads."""
    source = (ROOT / "service" / "config.py").read_text()
    return set(re.findall(r"(?:_int|_float|_flag)\(environ, \"([A-Z_]+)\"", source)) | set(
        re.findall(r"environ\.get\(\"([A-Z_]+)\"", source))


def test_every_setting_is_documented_in_operations():
    operations = (ROOT / "docs" / "operations.md").read_text()
    names = settings_read()
    assert len(names) > 20
    assert sorted(n for n in names if f"| `{n}` |" not in operations) == []


def test_the_readme_fits_about_one_screen():
    assert len((ROOT / "README.md").read_text().splitlines()) <= 150


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_point_at_files_of_the_repository(page):
    text = page.read_text()
    targets = [t for t in LINK.findall(text) if "://" not in t]
    assert [t for t in targets if not (page.parent / t).exists()] == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_files_named_in_the_docs_exist(page):
    named = set(NAMED_FILE.findall(page.read_text()))
    missing = sorted(n for n in named if not (ROOT / n).exists() and "*" not in n)
    assert missing == []
