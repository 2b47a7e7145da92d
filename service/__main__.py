"""Command line: `enrich serve` runs the production server; `enrich annotate` runs the pipeline
over files without one (`python -m service …` does the same)."""

import argparse
import glob
import os
import sys
import tempfile

from . import config
from .cli import annotate


def serve() -> None:
    """Run gunicorn in this process with the project's configuration and a fresh metrics dir."""
    from gunicorn.app.wsgiapp import run

    # prometheus_client reads the variable once, when first imported: the app imports it, and
    # gunicorn loads the app after this line (importing this package does not import it).
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = fresh_metrics_directory(
        config.from_environ()["PROMETHEUS_MULTIPROC_DIR"]
    )
    sys.argv = ["gunicorn", "--config", "python:service.gunicorn_conf"]
    run()


def fresh_metrics_directory(path: str) -> str:
    """`path` created and emptied of an earlier run's files, or a new temporary directory."""
    if not path:
        return tempfile.mkdtemp(prefix="enrich-metrics-")
    os.makedirs(path, exist_ok=True)
    for stale in glob.glob(os.path.join(path, "*.db")):  # only ours, whatever else is there
        os.remove(stale)
    return path


def build_parser() -> argparse.ArgumentParser:
    """The `enrich` command line and its subcommands."""
    parser = argparse.ArgumentParser(prog="enrich", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the HTTP service under gunicorn (see README)")
    annotate.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `enrich` console script."""
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        serve()
    else:
        sys.exit(args.run(args))


if __name__ == "__main__":
    main()
