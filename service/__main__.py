"""Command line: `enrich serve` (or `python -m service serve`) runs the production server."""

import argparse
import sys


def serve() -> None:
    """Run gunicorn in this process with the project's configuration."""
    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", "--config", "python:service.gunicorn_conf"]
    run()


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
