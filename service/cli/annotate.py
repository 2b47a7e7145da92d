"""`enrich annotate FILE…|-`, `enrich annotate --jsonl IN --out OUT`: the API's JSON, no server."""

import argparse
import logging
import os
import sys
import time
from pathlib import Path

import orjson
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from .. import config
from ..pipeline import Pipeline
from . import jsonl
from .dedupe import Seen, mark
from .pool import run_chunks
from .records import Annotator

log = logging.getLogger("service.cli")
CHUNK_RECORDS = 16  # records per nlp.pipe call in a worker: enough to batch, few to wait on


def add_parser(commands) -> None:
    """Register `annotate` on the `enrich` command line."""
    parser = commands.add_parser(
        "annotate", help="print the API's JSON for files, no server", description=__doc__
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files; - reads stdin")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON (FILE mode)")
    parser.add_argument("--jsonl", type=Path, metavar="IN", help='lines of {"id", "text"}')
    parser.add_argument("--out", type=Path, help="JSON-lines output; a rerun skips ids in it")
    parser.add_argument("--processes", type=int, default=len(os.sched_getaffinity(0)),
                        help="worker processes (default: the CPUs this process may use)")
    parser.add_argument("--shard", type=_shard, default=jsonl.Shard(), metavar="i/N",
                        help="annotate only lines n with n %% N == i (0-based), e.g. 0/4")
    parser.add_argument("--dedupe", action="store_true",
                        help='mark a later copy of a story told earlier in the run: "duplicate_of"')
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Annotate files or a JSON-lines file; the exit status."""
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    log.setLevel(logging.INFO)  # the summary is output, even where logging is configured quieter
    if bool(args.jsonl) == bool(args.files) or bool(args.jsonl) != bool(args.out):
        sys.stderr.write("enrich annotate: give FILE… (or -), or --jsonl IN --out OUT\n")
        return 2  # a usage error, as argparse's own
    settings = config.from_environ()
    pipeline = Pipeline.from_config(settings)
    if args.files:
        return annotate_files(Annotator(pipeline, max_chars=settings["MAX_TEXT_CHARS"]),
                              args.files, pretty=args.pretty, seen=Seen() if args.dedupe else None)
    done = jsonl.done_ids(args.out)
    annotator = Annotator(pipeline, max_chars=settings["MAX_TEXT_CHARS"], done=done)
    annotate_jsonl(annotator, args.jsonl, args.out, shard=args.shard, processes=args.processes,
                   seen=Seen() if args.dedupe else None)
    return 0


def annotate_files(annotator: Annotator, paths: list[str], *, pretty: bool,
                   seen: Seen | None = None) -> int:
    """One JSON document per file on stdout (the file name is its id); 1 if any file failed."""
    status = 0
    for number, path in enumerate(paths, start=1):
        body = _read(path)
        outcome = annotator.annotate([(number, body)])[0]
        if outcome.error:
            log.error("%s: %s", path, outcome.error)
            status = 1
            continue
        output = mark(outcome.output, seen) if seen else outcome.output
        output = _indent(output) if pretty else output
        sys.stdout.buffer.write(output + b"\n")
        sys.stdout.flush()
    return status


def annotate_jsonl(annotator: Annotator, source: Path, out: Path, *, shard: jsonl.Shard,
                   processes: int, seen: Seen | None = None) -> None:
    """Append this shard's records to `out` in input order, with a progress bar and a summary."""
    started = time.perf_counter()
    totals = {"annotated": 0, "skipped": 0, "bad": 0, "words": 0}
    chunks = jsonl.chunked(jsonl.records(source, shard), CHUNK_RECORDS)
    tqdm.monitor_interval = 0  # no monitor thread: the workers are forked after the bar starts
    bar = tqdm(
        total=jsonl.count_lines(source, shard),
        unit="article",
        desc=source.name,
        disable=None,
        smoothing=0.1,
    )
    with out.open("ab") as sink, bar, logging_redirect_tqdm():
        for outcomes in run_chunks(annotator, chunks, processes=processes):
            for outcome in outcomes:
                _record(outcome, sink, totals, source, seen)
            sink.flush()  # an interrupted run loses at most the chunk in flight
            bar.update(len(outcomes))
    _summarize(totals, time.perf_counter() - started)


def _record(outcome, sink, totals: dict, source: Path, seen: Seen | None) -> None:
    if outcome.error:
        totals["bad"] += 1
        log.warning("%s line %d skipped: %s", source.name, outcome.line, outcome.error)
    elif outcome.output is None:
        totals["skipped"] += 1
    else:
        sink.write((mark(outcome.output, seen) if seen else outcome.output) + b"\n")
        totals["annotated"] += 1
        totals["words"] += outcome.words


def _summarize(totals: dict, seconds: float) -> None:
    rate = totals["annotated"] / seconds if seconds else 0.0
    log.info(
        "annotated %d articles (%d words) in %.1f s: %.1f articles/s, %.0f words/s; "
        "%d already done, %d bad",
        totals["annotated"],
        totals["words"],
        seconds,
        rate,
        totals["words"] / seconds if seconds else 0.0,
        totals["skipped"],
        totals["bad"],
    )


def _read(path: str) -> dict | str:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return f"cannot read: {err}"
    return {"text": text} if path == "-" else {"id": path, "text": text}


def _indent(output: bytes) -> bytes:
    return orjson.dumps(orjson.loads(output), option=orjson.OPT_INDENT_2)


def _shard(text: str) -> jsonl.Shard:
    try:
        return jsonl.Shard.parse(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from err
