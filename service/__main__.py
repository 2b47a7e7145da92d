"""Command line: `enrich serve` runs the production server; `enrich annotate` runs the pipeline
over files without one (`python -m service …` does the same)."""

import argparse
import sys

from .cli import annotate


def serve() -> None:
    """Run gunicorn in this process with the project's configuration."""
    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", "--config", "python:service.gunicorn_conf"]
    run()


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
