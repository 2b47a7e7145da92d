"""`enrich annotate`: the API's JSON for files and JSON-lines streams, sharded and resumable."""

import io
import json
import subprocess
import sys

import pytest

from service.__main__ import main
from service.cli.jsonl import Shard
from service.pipeline import Pipeline


@pytest.fixture(autouse=True)
def tiny_model(monkeypatch, model_path):
    """The CLI loads the model named by the environment, as the test client's app does."""
    monkeypatch.setenv("SPACY_MODEL", model_path)

TEXTS = [
    "Angela Merkel met Emmanuel Macron in Paris on Tuesday.",
    "NATO said Russia moved troops toward Ukraine, officials in Brussels said.",
    "Apple opened a store in Berlin, and Tim Cook visited it.",
    "The United Nations met in New York.",
    "Wendy Sherman spoke in Geneva on Monday.",
]


def annotate(*args: str) -> int:
    with pytest.raises(SystemExit) as stopped:
        main(["annotate", *args])
    return stopped.value.code


def write_jsonl(path, lines: list[str]):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def records(count: int) -> list[str]:
    return [json.dumps({"id": f"r{n}", "text": TEXTS[n % len(TEXTS)]}) for n in range(count)]


@pytest.fixture()
def source(tmp_path):
    return write_jsonl(tmp_path / "in.jsonl", records(11))


def test_file_gives_exactly_the_api_json(tmp_path, client, sample_text, capsysbinary):
    article = tmp_path / "article.txt"
    article.write_text(sample_text, encoding="utf-8")
    assert annotate(str(article)) == 0
    api = client.post("/v1/enrich", json={"id": str(article), "text": sample_text})
    assert capsysbinary.readouterr().out == api.data + b"\n"


def test_stdin_is_read_for_a_dash(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(TEXTS[0].encode())))
    assert annotate("-", "--pretty") == 0
    output = capsys.readouterr().out
    assert output.startswith("{\n  ")
    assert {e["text"] for e in json.loads(output)["entities"]} >= {"Angela Merkel", "Paris"}


def test_a_file_that_fails_sets_the_exit_status_and_the_others_still_print(tmp_path, capsys):
    good, blank = tmp_path / "good.txt", tmp_path / "blank.txt"
    good.write_text(TEXTS[0], encoding="utf-8")
    blank.write_text("   ", encoding="utf-8")
    assert annotate(str(blank), str(good), str(tmp_path / "missing.txt")) == 1
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == [str(good)]


def test_jsonl_lines_are_the_api_json_in_input_order(tmp_path, client):
    with_options = json.dumps({"id": "o", "text": "Merkel 😀 met Macron in Paris.",
                               "options": {"include": ["entities"], "offsets": "utf16"}})
    source = write_jsonl(tmp_path / "in.jsonl", [*records(3), with_options, *records(5)[3:]])
    out = tmp_path / "out.jsonl"
    assert annotate("--jsonl", str(source), "--out", str(out), "--processes", "1") == 0
    lines = out.read_bytes().splitlines()
    expected = [client.post("/v1/enrich", data=line, content_type="application/json").data
                for line in source.read_text().splitlines()]
    assert lines == expected


@pytest.mark.parametrize("bad", ['{"id": "x", "text": ', '["a list"]', '{"text": "no id"}',
                                 '{"id": "y", "text": "  "}', '{"id": "z", "text": 5}', "\xff"])
def test_bad_record_is_logged_and_skipped(tmp_path, bad, caplog):
    source = write_jsonl(tmp_path / "in.jsonl", [*records(2), bad, *records(4)[2:]])
    out = tmp_path / "out.jsonl"
    assert annotate("--jsonl", str(source), "--out", str(out), "--processes", "1") == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [
        "r0", "r1", "r2", "r3"]
    assert "in.jsonl line 3 skipped" in caplog.text


def test_a_record_the_pipeline_fails_on_is_skipped_and_its_chunk_kept(tmp_path, monkeypatch,
                                                                      caplog):
    run = Pipeline.run

    def fragile(self, articles):
        if any("EXPLODE" in article.text for article in articles):
            raise RuntimeError("EXPLODE is the article text")
        return run(self, articles)

    monkeypatch.setattr(Pipeline, "run", fragile)
    bad = json.dumps({"id": "boom", "text": "It will EXPLODE."})
    source = write_jsonl(tmp_path / "in.jsonl", [*records(2), bad, *records(4)[2:]])
    out = tmp_path / "out.jsonl"
    assert annotate("--jsonl", str(source), "--out", str(out), "--processes", "1") == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [
        "r0", "r1", "r2", "r3"]
    assert "line 3 skipped: the pipeline failed: RuntimeError" in caplog.text
    assert "EXPLODE" not in caplog.text


def test_text_over_the_limit_is_a_bad_record(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("MAX_TEXT_CHARS", "40")
    source = write_jsonl(tmp_path / "in.jsonl", records(2))
    out = tmp_path / "out.jsonl"
    annotate("--jsonl", str(source), "--out", str(out), "--processes", "1")
    assert out.read_text() == ""
    assert "the limit is 40" in caplog.text


def test_rerun_skips_ids_already_in_the_output(source, tmp_path, caplog):
    out = tmp_path / "out.jsonl"
    annotate("--jsonl", str(source), "--out", str(out), "--processes", "1")
    first = out.read_bytes()
    annotate("--jsonl", str(source), "--out", str(out), "--processes", "1")
    assert out.read_bytes() == first
    assert "11 already done" in caplog.text


def test_resume_after_a_cut_off_line_completes_the_output(source, tmp_path):
    full, resumed = tmp_path / "full.jsonl", tmp_path / "resumed.jsonl"
    annotate("--jsonl", str(source), "--out", str(full), "--processes", "1")
    lines = full.read_bytes().splitlines(keepends=True)
    resumed.write_bytes(b"".join(lines[:4]) + lines[4][:30])  # as a killed run leaves it
    annotate("--jsonl", str(source), "--out", str(resumed), "--processes", "1")
    assert resumed.read_bytes() == full.read_bytes()


def test_several_processes_write_the_same_bytes_as_one(source, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    annotate("--jsonl", str(source), "--out", str(one), "--processes", "1")
    annotate("--jsonl", str(source), "--out", str(two), "--processes", "2")
    assert two.read_bytes() == one.read_bytes()


@pytest.mark.parametrize("count", [1, 3, 4])
def test_shards_together_are_exactly_the_unsharded_output(source, tmp_path, count):
    whole = tmp_path / "whole.jsonl"
    annotate("--jsonl", str(source), "--out", str(whole), "--processes", "1")
    parts = []
    for index in range(count):
        part = tmp_path / f"part-{index}.jsonl"
        annotate("--jsonl", str(source), "--out", str(part), "--shard", f"{index}/{count}",
                 "--processes", "2" if index == 0 else "1")
        parts.append(part.read_bytes().splitlines())
    merged = [parts[n % count][n // count] for n in range(sum(map(len, parts)))]
    assert merged == whole.read_bytes().splitlines()


@pytest.mark.parametrize(("text", "shard"), [("0/1", Shard(0, 1)), ("3/8", Shard(3, 8))])
def test_shard_parses(text, shard):
    assert Shard.parse(text) == shard


@pytest.mark.parametrize("text", ["4/4", "-1/4", "1/0", "a/b", "1"])
def test_impossible_shard_is_a_usage_error(source, tmp_path, text):
    assert annotate("--jsonl", str(source), "--out", str(tmp_path / "o"), "--shard", text) == 2


@pytest.mark.parametrize("args", [[], ["a.txt", "--jsonl", "in.jsonl", "--out", "o"],
                                  ["--jsonl", "in.jsonl"]])
def test_files_or_jsonl_with_out_is_required(args):
    assert annotate(*args) == 2


def test_the_command_line_does_not_import_prometheus_client():
    # `enrich serve` sets PROMETHEUS_MULTIPROC_DIR after importing the command line, and
    # prometheus_client fixes its mode when first imported.
    check = "import sys, service.__main__; sys.exit('prometheus_client' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", check]).returncode == 0


def test_normalization_limits_from_the_environment_apply(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MAX_RUN_CHARS", "8")
    path = tmp_path / "long-run.txt"
    path.write_text("Angela Merkel spoke. " + "#" * 40 + " She left.", encoding="utf-8")
    assert annotate(str(path)) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert [w["code"] for w in warnings] == ["long_run"]
    assert "(8)" in warnings[0]["message"]
