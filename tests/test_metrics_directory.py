"""The metrics directory: emptied of our files at start, removed at exit, others' files kept."""

from service.observability import directory


def test_fresh_empties_only_metric_files(tmp_path):
    (tmp_path / "counter_1.db").write_bytes(b"old")
    (tmp_path / "notes.txt").write_text("theirs")
    assert directory.fresh(str(tmp_path)) == str(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_fresh_makes_a_temporary_directory_when_none_is_set():
    path = directory.fresh("")
    assert "enrich-metrics-" in path
    directory.remove(path)


def test_remove_deletes_files_and_the_empty_directory(tmp_path):
    target = tmp_path / "metrics"
    directory.fresh(str(target))
    (target / "gauge_2.db").write_bytes(b"x")
    directory.remove(str(target))
    assert not target.exists()


def test_remove_leaves_a_directory_holding_other_files(tmp_path):
    (tmp_path / "gauge_2.db").write_bytes(b"x")
    (tmp_path / "keep").write_text("k")
    directory.remove(str(tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["keep"]
