"""Command line: `enrich serve` (or `python -m service serve`) runs the production server."""

import argparse
import os
import sys

from . import config, scrape

GUNICORN = ["-m", "gunicorn", "--config", "python:service.gunicorn_conf"]


def serve() -> None:
    """Become gunicorn with the project's configuration: same process, so it stays PID 1."""
    metrics_dir = scrape.fresh_directory(config.from_environ()["PROMETHEUS_MULTIPROC_DIR"])
    # prometheus_client picks its multiprocess mode once, when first imported, and importing
    # this package imported it: the variable must be set before the Python that serves starts.
    environment = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": metrics_dir}
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *GUNICORN], environment)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `enrich` console script."""
    parser = argparse.ArgumentParser(prog="enrich", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the HTTP service under gunicorn (see README)")
    args = parser.parse_args(argv)
    if args.command == "serve":
        serve()


if __name__ == "__main__":
    main()
