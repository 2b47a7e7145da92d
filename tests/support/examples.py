"""The repository's example articles (examples/*.txt): clean news text to transform in tests."""

from pathlib import Path

EXAMPLE_ARTICLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))
