"""Shared by overload.py, slow_clients.py and soak.py: a real server, a sample article, stats."""

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.server import running_server  # noqa: E402  (tests/ is not a package)

SAMPLE = ROOT / "examples" / "npr-nato-russia-talks.txt"
__all__ = ["running_server", "sample_article", "percentiles"]


def sample_article() -> bytes:
    """The canonical scraped article (about 5,000 characters)."""
    return SAMPLE.read_bytes()


def percentiles(seconds: list[float]) -> dict[str, float]:
    """p50/p95/p99/max in milliseconds (empty list: all zero)."""
    if not seconds:
        return {"n": 0, "p50": 0.0, "p95": 0.0, "p99": 0.0, "max": 0.0}
    cuts = statistics.quantiles(seconds, n=100, method="inclusive") if len(seconds) > 1 else [
        seconds[0]] * 99
    return {"n": len(seconds), "p50": round(cuts[49] * 1000, 1), "p95": round(cuts[94] * 1000, 1),
            "p99": round(cuts[98] * 1000, 1), "max": round(max(seconds) * 1000, 1)}
