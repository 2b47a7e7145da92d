"""GAZETTEER_FILE: the newsroom's patterns as entities with their ids; bad files fail at start."""

import os
import shutil
from pathlib import Path

import kubernetes_validate
import pytest
import spacy
from spacy.matcher import Matcher
from support.manifests import K8S, container, one, render

from service import create_app
from service.pipeline.gazetteer import GazetteerError, read_patterns

EXAMPLE = K8S / "components" / "gazetteer" / "gazetteer.jsonl"


@pytest.fixture(scope="module")
def gazetteer_client():
    app = create_app({"TESTING": True, "GAZETTEER_FILE": str(EXAMPLE)})
    return app.test_client()


@pytest.fixture(scope="module")
def answer(gazetteer_client, sample_text):
    options = {"include": ["entities", "groups"]}
    return gazetteer_client.post("/v1/enrich", json={"text": sample_text, "options": options}).json


@pytest.mark.model
@pytest.mark.parametrize(("text", "kb_id"), [("Wendy Sherman", "Q7982057"),
                                             ("NATO-Russia Council", "Q1068853"),
                                             ("BRUSSELS", "Q239")])
def test_a_gazetteer_match_carries_its_id(answer, text, kb_id):
    assert {e["kb_id"] for e in answer["entities"] if e["text"] == text} == {kb_id}


@pytest.mark.model
def test_a_group_carries_the_id_of_its_mentions(answer):
    putin = [g for g in answer["groups"] if g["name"] == "Vladimir Putin"]
    assert [g.get("kb_id") for g in putin] == ["Q7747"]


@pytest.mark.model
def test_the_model_still_finds_what_the_gazetteer_does_not_list(answer):
    found = {e["text"]: e for e in answer["entities"]}
    assert "kb_id" not in found["Kalle Laanet"] and found["Kalle Laanet"]["label"] == "PERSON"


@pytest.mark.model
def test_info_counts_the_patterns(gazetteer_client):
    assert gazetteer_client.get("/v1/info").json["sections"]["gazetteer_patterns"] == 5


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("{not json", "not JSON"),
        ('["ORG", "Acme"]', "not a JSON object"),
        ('{"label": "ORG", "pattern": "Acme"}', "needs exactly the fields"),
        ('{"label": "", "pattern": "Acme", "id": "x"}', "label and id must be non-empty strings"),
        ('{"label": "ORG", "pattern": " ", "id": "x"}', "pattern is empty"),
        ('{"label": "ORG", "pattern": [{"LOWR": "acme"}], "id": "x"}', "invalid token pattern"),
    ],
)
def test_a_bad_line_is_named(tmp_path, line, why):
    path = tmp_path / "gazetteer.jsonl"
    path.write_text('{"label": "ORG", "pattern": "Acme", "id": "a"}\n\n' + line + "\n")
    with pytest.raises(GazetteerError, match=f"line 3: {why}"):
        read_patterns(str(path), Matcher(spacy.blank("en").vocab, validate=True))


@pytest.mark.model
def test_the_service_does_not_start_with_a_bad_file(tmp_path):
    path = tmp_path / "gazetteer.jsonl"
    path.write_text('{"label": "ORG", "pattern": "Acme", "id": "a"}\n{"label": "ORG"}\n')
    with pytest.raises(GazetteerError, match="line 2"):
        create_app({"TESTING": True, "GAZETTEER_FILE": str(path)})


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(GazetteerError, match="cannot read"):
        read_patterns(str(tmp_path / "none.jsonl"), Matcher(spacy.blank("en").vocab))


@pytest.fixture(scope="module")
def with_component(tmp_path_factory):
    """The dev overlay with the gazetteer component added, as docs/api.md says to."""
    root = tmp_path_factory.mktemp("k8s") / "k8s"
    shutil.copytree(K8S, root)  # kustomize refuses absolute paths to bases
    overlay = root / "overlays" / "dev" / "kustomization.yaml"
    component = os.path.relpath(root / "components" / "gazetteer", overlay.parent)
    overlay.write_text(overlay.read_text() + f"components:\n  - {component}\n")
    return render(str(root / "overlays" / "dev"))


def test_the_component_mounts_the_file_gazetteer_file_names(with_component):
    env = {item["name"]: item.get("value") for item in container(with_component)["env"]}
    mounts = {mount["name"]: mount for mount in container(with_component)["volumeMounts"]}
    volumes = {v["name"]: v for v in one(with_component, "Deployment")["spec"]["template"]
               ["spec"]["volumes"]}
    configmaps = {c["metadata"]["name"]: c for c in with_component if c["kind"] == "ConfigMap"}
    mounted = configmaps[volumes["gazetteer"]["configMap"]["name"]]
    assert Path(env["GAZETTEER_FILE"]).parent == Path(mounts["gazetteer"]["mountPath"])
    assert Path(env["GAZETTEER_FILE"]).name in mounted["data"]
    assert mounted["metadata"]["namespace"] == "enrich-dev" and mounts["gazetteer"]["readOnly"]


@pytest.mark.parametrize("version", ["1.34.0", "1.37.0"])
def test_the_component_validates_against_the_kubernetes_schema(with_component, version):
    for obj in with_component:
        if obj["kind"] != "ServiceMonitor":
            kubernetes_validate.validate(obj, version, strict=True)


def test_the_example_file_is_valid():
    assert len(read_patterns(str(EXAMPLE), Matcher(spacy.blank("en").vocab, validate=True))) == 5
