"""Command line: `enrich serve` runs the production server; `enrich annotate` runs the pipeline
over files without one (`python -m service …` does the same)."""

import argparse
import os
import sys

from . import config
from .cli import annotate
from .observability import directory


def serve() -> None:
    """Run gunicorn in this process with the project's configuration and a fresh metrics dir."""
    from gunicorn.app.wsgiapp import run

    # prometheus_client reads the variable once, when first imported: the app imports it, and
    # gunicorn loads the app after this line (importing this package does not import it).
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory.fresh(
        config.from_environ()["PROMETHEUS_MULTIPROC_DIR"])
    sys.argv = ["gunicorn", "--config", "python:service.server.gunicorn_conf"]
    run()


def build_parser() -> argparse.ArgumentParser:
    """The `enrich` command line and its subcommands."""
    parser = argparse.ArgumentParser(prog="enrich", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the HTTP service under gunicorn (docs/operations.md)")
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
