"""k8s/: every overlay renders, validates against pinned schemas and agrees with the app."""

import json
import math
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
from support.manifests import OVERLAYS, container, dockerfile_env, dockerfile_value, one, render

from service import config

# 1.34: the oldest release with the preStop `sleep` action as stable; 1.37: the newest schemas.
KUBERNETES_VERSIONS = ["1.34.0", "1.37.0"]
# Kinds outside the core API, checked against schemas of our own (kubernetes-validate has none).
CRD_SCHEMAS = {"ServiceMonitor": Path(__file__).with_name("schemas") / "servicemonitor-v1.json"}
OPERATIONS = Path(__file__).resolve().parents[1] / "docs" / "operations.md"
# The bounds every allowed request keeps (bench/worst_case_search.py, docs/performance.md, Worst
# cases): at most this long, and at most this much worker memory above its idle RSS.
WORST_REQUEST_SECONDS = 15
WORST_REQUEST_MB = 200


@pytest.fixture(scope="module", params=OVERLAYS)
def objects(request):
    return render(f"overlays/{request.param}")


def core_objects():
    return [
        (overlay, version, obj)
        for overlay in OVERLAYS
        for obj in render(f"overlays/{overlay}")
        if obj["kind"] not in CRD_SCHEMAS
        for version in KUBERNETES_VERSIONS
    ]


@pytest.mark.parametrize(
    ("overlay", "version", "obj"),
    core_objects(),
    ids=lambda v: v if isinstance(v, str) else v["kind"],
)
def test_object_validates_against_the_kubernetes_schema(overlay, version, obj):
    kubernetes_validate.validate(obj, version, strict=True)


def test_prod_service_monitor_validates_against_its_crd_subset():
    schema = json.loads(CRD_SCHEMAS["ServiceMonitor"].read_text())
    jsonschema.validate(one(render("overlays/prod"), "ServiceMonitor"), schema)


def test_a_misspelt_field_is_caught_by_strict_validation():
    deployment = one(render("overlays/dev"), "Deployment")
    deployment["spec"]["template"]["spec"]["terminationGracePeriod"] = 30
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSIONS[0], strict=True)


def test_every_object_carries_the_common_labels(objects):
    for obj in objects:
        labels = obj["metadata"]["labels"]
        assert labels["app.kubernetes.io/name"] == "enrich", obj["kind"]
        assert labels["app.kubernetes.io/part-of"] == "enrich", obj["kind"]


def test_selectors_match_the_pod_labels(objects):
    pod_labels = one(objects, "Deployment")["spec"]["template"]["metadata"]["labels"]
    selectors = [
        one(objects, "Service")["spec"]["selector"],
        one(objects, "Deployment")["spec"]["selector"]["matchLabels"],
        one(objects, "PodDisruptionBudget")["spec"]["selector"]["matchLabels"],
        one(objects, "NetworkPolicy")["spec"]["podSelector"]["matchLabels"],
    ]
    for selector in selectors:
        assert selector.items() <= pod_labels.items()


@pytest.mark.parametrize(
    ("probe", "path"),
    [("startupProbe", "/readyz"), ("readinessProbe", "/readyz"), ("livenessProbe", "/livez")],
)
def test_probes_point_at_real_routes_on_the_http_port(objects, app, probe, path):
    get = container(objects)[probe]["httpGet"]
    assert get["path"] == path
    assert any(rule.rule == path and "GET" in rule.methods for rule in app.url_map.iter_rules())
    assert get["port"] == "http"


def test_ports_agree_from_image_to_service(objects):
    (port,) = container(objects)["ports"]
    assert port == {
        "name": "http",
        "containerPort": int(dockerfile_env()["PORT"]),
        "protocol": "TCP",
    }
    assert dockerfile_value("EXPOSE") == dockerfile_env()["PORT"]
    assert [p["targetPort"] for p in one(objects, "Service")["spec"]["ports"]] == ["http"]
    assert one(objects, "NetworkPolicy")["spec"]["ingress"][0]["ports"][0]["port"] == "http"


def test_startup_probe_leaves_room_for_the_model_to_load(objects):
    probe = container(objects)["startupProbe"]
    assert probe["periodSeconds"] * probe["failureThreshold"] >= 60


def test_liveness_outlasts_gunicorns_own_worker_timeout(objects):
    probe, env = container(objects)["livenessProbe"], _settings(objects)
    assert probe["timeoutSeconds"] >= 2
    assert probe["periodSeconds"] * probe["failureThreshold"] >= int(env["TIMEOUT"])


def test_grace_period_covers_prestop_drain_and_graceful_timeout(objects):
    pod, env = one(objects, "Deployment")["spec"]["template"]["spec"], _settings(objects)
    pause = container(objects)["lifecycle"]["preStop"]["sleep"]["seconds"]
    needed = pause + int(env["DRAIN_SECONDS"]) + int(env["GRACEFUL_TIMEOUT"])
    assert pod["terminationGracePeriodSeconds"] > needed
    assert int(env["DRAIN_SECONDS"]) > 0


def test_grace_period_covers_prestop_drain_and_the_worst_request(objects):
    pod, env = one(objects, "Deployment")["spec"]["template"]["spec"], _settings(objects)
    pause = container(objects)["lifecycle"]["preStop"]["sleep"]["seconds"]
    needed = pause + int(env["DRAIN_SECONDS"]) + WORST_REQUEST_SECONDS
    assert pod["terminationGracePeriodSeconds"] >= needed
    assert int(env["GRACEFUL_TIMEOUT"]) >= WORST_REQUEST_SECONDS  # in-flight work may finish
    assert int(env["TIMEOUT"]) > WORST_REQUEST_SECONDS


def test_memory_limit_covers_every_worker_at_its_worst_request(objects):
    # scripts/measure-memory.py, MB: master 82 PSS, each worker 72 PSS; plus the worst request.
    resources = container(objects)["resources"]
    workers = math.ceil(float(resources["limits"]["cpu"]))
    limit_mb = int(resources["limits"]["memory"].removesuffix("Mi")) * 2**20 / 1e6
    worst = 82 + workers * (72 + WORST_REQUEST_MB) + 128  # + the two 64Mi memory-backed volumes
    assert limit_mb >= 1.25 * worst  # a quarter to spare


def test_rolling_update_never_drops_below_the_desired_count(objects):
    assert one(objects, "Deployment")["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert one(objects, "PodDisruptionBudget")["spec"]["maxUnavailable"] >= 1  # drains finish


def test_prod_runs_at_least_two_replicas_spread_over_nodes():
    objects = render("overlays/prod")
    assert one(objects, "HorizontalPodAutoscaler")["spec"]["minReplicas"] >= 2
    spread = one(objects, "Deployment")["spec"]["template"]["spec"]["topologySpreadConstraints"]
    assert "kubernetes.io/hostname" in [c["topologyKey"] for c in spread]


def test_workers_follow_the_cpu_limit(objects):
    spec = container(objects)
    (workers,) = [e for e in spec["env"] if e["name"] == "WORKERS"]
    ref = workers["valueFrom"]["resourceFieldRef"]
    assert ref == {"containerName": spec["name"], "resource": "limits.cpu", "divisor": "1"}
    resources = spec["resources"]
    assert resources["requests"]["cpu"] == resources["limits"]["cpu"]  # HPA measures the request


def test_runs_as_the_images_non_root_user_without_privileges(objects):
    pod = one(objects, "Deployment")["spec"]["template"]["spec"]
    uid, gid = (int(n) for n in dockerfile_value("USER").split(":"))
    assert (pod["securityContext"]["runAsUser"], pod["securityContext"]["runAsGroup"]) == (uid, gid)
    assert uid != 0 and pod["securityContext"]["runAsNonRoot"]
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    security = container(objects)["securityContext"]
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"] == {"drop": ["ALL"]}


@pytest.mark.parametrize("directory", ["/tmp", "PROMETHEUS_MULTIPROC_DIR"])
def test_read_only_root_has_memory_backed_writable_mounts(objects, directory):
    # The service writes temporary files and, in multiprocess mode, metrics into the directory
    # that PROMETHEUS_MULTIPROC_DIR names: the image's value unless the ConfigMap overrides it.
    if directory == "PROMETHEUS_MULTIPROC_DIR":
        directory = _settings(objects).get(directory, dockerfile_env()[directory])
    spec = container(objects)
    assert spec["securityContext"]["readOnlyRootFilesystem"] is True
    pod = one(objects, "Deployment")["spec"]["template"]["spec"]
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    (mount,) = [m for m in spec["volumeMounts"] if m["mountPath"] == directory]
    assert volumes[mount["name"]]["emptyDir"]["medium"] == "Memory"


def test_memory_limit_covers_the_measured_worst_case(objects):
    # scripts/measure-memory.py, MB: master 82 PSS, each worker 72 PSS + 360 for a maximal text.
    resources = container(objects)["resources"]
    workers = math.ceil(float(resources["limits"]["cpu"]))
    limit_mb = int(resources["limits"]["memory"].removesuffix("Mi")) * 2**20 / 1e6
    assert limit_mb >= 82 + workers * (72 + 360) + 128  # + the two 64Mi memory-backed volumes
    assert resources["requests"]["memory"] == resources["limits"]["memory"]


def test_configmap_holds_only_documented_settings_the_service_accepts(objects):
    env = _settings(objects)
    config.from_environ(env)
    operations = OPERATIONS.read_text()
    for key in env:
        assert f"| `{key}` |" in operations


def test_service_monitor_scrapes_metrics_on_the_service_port():
    objects = render("overlays/prod")
    (endpoint,) = one(objects, "ServiceMonitor")["spec"]["endpoints"]
    assert endpoint["path"] == "/metrics"
    assert endpoint["port"] in [p["name"] for p in one(objects, "Service")["spec"]["ports"]]


def _settings(objects: list[dict]) -> dict[str, str]:
    return one(objects, "ConfigMap")["data"]
