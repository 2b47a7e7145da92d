"""k8s/backfill: an Indexed Job whose completion index picks the shard; rendered and validated."""

import re

import kubernetes_validate
import pytest
from support.manifests import backfill_command, render

from service.__main__ import build_parser
from service.cli.jsonl import Shard

KUBERNETES_VERSIONS = ["1.34.0", "1.37.0"]  # as tests/test_k8s.py checks k8s/overlays
VARIABLE = re.compile(r"\$\((\w+)\)")


@pytest.fixture(scope="module")
def job() -> dict:
    (job,) = render("backfill")
    return job


def container(job: dict) -> dict:
    (found,) = job["spec"]["template"]["spec"]["containers"]
    return found


def cli_args(index: int):
    """The container's command line, as the kubelet expands it for pod `index`, parsed."""
    command = backfill_command(index, processes=2)
    assert command[0] == "enrich"
    return build_parser().parse_args(command[1:])


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_job_validates_against_the_kubernetes_schema(job, version):
    kubernetes_validate.validate(job, version, strict=True)


def test_each_completion_index_annotates_its_own_shard_into_its_own_file(job):
    spec = job["spec"]
    assert spec["completionMode"] == "Indexed"
    count = spec["completions"]
    parsed = [cli_args(index) for index in range(count)]
    assert [args.shard for args in parsed] == [Shard(i, count) for i in range(count)]
    assert len({args.out for args in parsed}) == count
    assert {args.jsonl for args in parsed} == {parsed[0].jsonl}


def test_every_variable_in_the_args_is_set_in_the_container(job):
    used = {name for arg in container(job)["args"] for name in VARIABLE.findall(arg)}
    defined = {variable["name"] for variable in container(job).get("env", [])}
    assert used <= defined
    (index,) = [v for v in container(job)["env"] if v["name"] == "JOB_COMPLETION_INDEX"]
    path = index["valueFrom"]["fieldRef"]["fieldPath"]
    assert path == "metadata.annotations['batch.kubernetes.io/job-completion-index']"


def test_command_is_the_installed_cli(job):
    assert container(job)["command"] == ["enrich"]
    assert cli_args(0).run.__module__ == "service.cli.annotate"


def test_input_is_mounted_read_only_and_output_writable(job):
    args = cli_args(0)
    mounts = {m["mountPath"]: m.get("readOnly", False) for m in container(job)["volumeMounts"]}
    assert mounts[str(args.jsonl.parent)] is True
    assert mounts[str(args.out.parent)] is False


def test_pod_runs_locked_down(job):
    security = container(job)["securityContext"]
    assert security["readOnlyRootFilesystem"] and not security["allowPrivilegeEscalation"]
    assert security["capabilities"]["drop"] == ["ALL"]
    assert job["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"]
    assert "/tmp" in {m["mountPath"] for m in container(job)["volumeMounts"]}
