"""Bearer tokens from AUTH_TOKENS_FILE: rotation, constant-time match, probes exempt."""

import os
import shutil

import pytest

from service.app.auth import matches

ARTICLE = {"text": "Angela Merkel visited Berlin."}


@pytest.fixture(scope="module")
def token_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("secret") / "tokens"
    path.write_text("# rotated 2026-11\nold-token\n\n  new-token  \n")
    return path


@pytest.fixture(scope="module")
def client(make_app, token_file):
    return make_app(AUTH_TOKENS_FILE=str(token_file)).test_client()


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("token", ["old-token", "new-token"])
def test_every_listed_token_is_accepted(client, token):
    assert client.post("/v1/enrich", json=ARTICLE, headers=bearer(token)).status_code == 200


def test_no_token_is_401_with_a_bearer_challenge(client):
    response = client.post("/v1/enrich", json=ARTICLE)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="enrich"'
    assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize("header", ["Bearer wrong", "Bearer old-token2", "Basic b2xkLXRva2Vu",
                                    "Bearer", "bearer  ", "old-token"])
def test_a_wrong_token_or_scheme_is_401(client, header):
    response = client.get("/v1/info", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer realm=")


def test_wrong_token_is_named_invalid_token(client):
    response = client.get("/v1/info", headers=bearer("wrong"))
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_unknown_paths_need_a_token_too(client):
    assert client.get("/v1/secret").status_code == 401


@pytest.mark.parametrize("path", ["/livez", "/readyz", "/openapi.yaml"])
def test_probes_and_open_paths_need_no_token(client, path):
    assert client.get(path).status_code == 200


def test_scheme_is_case_insensitive(client):
    response = client.get("/v1/info", headers={"Authorization": "bEaReR new-token"})
    assert response.status_code == 200


def test_a_changed_file_is_read_again(client, token_file):
    original = token_file.read_text()
    token_file.write_text("rotated-token\n")
    os.utime(token_file, ns=(1, 1))  # a different mtime even within the clock's resolution
    try:
        assert client.get("/v1/info", headers=bearer("rotated-token")).status_code == 200
        assert client.get("/v1/info", headers=bearer("old-token")).status_code == 401
    finally:
        token_file.write_text(original)


def test_a_missing_file_stops_the_app_at_start(make_app, tmp_path):
    with pytest.raises(FileNotFoundError):
        make_app(AUTH_TOKENS_FILE=str(tmp_path / "absent"))


def test_matches_compares_against_every_token():
    assert matches(b"b", (b"a", b"b", b"c"))
    assert not matches(b"", (b"a",))
    assert not matches(b"a", ())


@pytest.mark.e2e
@pytest.mark.model
def test_tokens_never_reach_the_log_over_http(tmp_path):
    from support.server import running_server

    secret, wrong = "s3cret-token-0123456789", "wrong-token-9876543210"
    (tmp_path / "tokens").write_text(secret + "\n")
    basic = "Basic " + __import__("base64").b64encode(f"{secret}:".encode()).decode()
    with running_server(workers=1, env={"AUTH_TOKENS_FILE": str(tmp_path / "tokens")}) as server:
        assert server.post("/v1/enrich", json=ARTICLE, headers=bearer(secret)).status_code == 200
        assert server.post("/v1/enrich", json=ARTICLE, headers=bearer(wrong)).status_code == 401
        assert server.get("/v1/info", headers={"Authorization": basic}).status_code == 401
        assert server.get("/readyz").status_code == 200
        log = server.log_text()
    assert "/v1/enrich" in log
    assert secret not in log and wrong not in log and basic.split()[1] not in log


def test_the_kustomize_component_mounts_the_secret_and_sets_the_file(tmp_path):
    from support.manifests import K8S, container, one, render

    shutil.copytree(K8S, tmp_path / "k8s")  # kustomize refuses absolute paths to bases
    (tmp_path / "k8s" / "check").mkdir()
    (tmp_path / "k8s" / "check" / "kustomization.yaml").write_text(
        "resources: [../overlays/dev]\ncomponents: [../components/auth]\n"
    )
    objects = render(str(tmp_path / "k8s" / "check"))
    env = {item["name"]: item.get("value") for item in container(objects)["env"]}
    mounts = {mount["name"]: mount for mount in container(objects)["volumeMounts"]}
    pod = one(objects, "Deployment")["spec"]["template"]["spec"]
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    assert env["AUTH_TOKENS_FILE"] == mounts["tokens"]["mountPath"] + "/tokens"
    assert mounts["tokens"]["readOnly"] is True
    assert volumes["tokens"]["secret"]["secretName"] == "enrich-tokens"


def test_open_path_entries_ending_in_a_star_match_prefixes():
    from service.app.auth import _open

    assert _open("/static/app.js", ["/static/*"])
    assert not _open("/staticx", ["/static/*"]) and not _open("/v1/info", ["/", "/static/*"])
