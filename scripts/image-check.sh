#!/usr/bin/env bash
# Build the image from the unchanged Dockerfile and run it the way k8s/base runs it: host network,
# its non-root user, read-only root with tmpfs on /tmp and the metrics directory, the ConfigMap's
# environment. Checks /readyz, the sample article, /metrics and a SIGTERM drain under load, runs
# the backfill Job's command (k8s/backfill) on its mounts, and reports the image size. No Docker daemon here: podman with chroot isolation and a
# python:3.13-slim stand-in made from Debian trixie packages
# (docs/operations.md, "Building the image without a Docker daemon").
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=${IMAGE:-localhost/enrich:check}
BASE=docker.io/library/python:3.13-slim
SAMPLE=${SAMPLE:-examples/npr-nato-russia-talks.txt}
CA=/etc/ssl/certs/ca-certificates.crt
work=$(mktemp -d)
name=enrich-check-$$
trap 'podman rm -f -i "$name" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

step() { printf '%s image-check: %s\n' "$(date +%T)" "$*"; }

install_tools() {
  command -v podman >/dev/null && command -v runc >/dev/null && command -v mmdebstrap >/dev/null \
    && return
  step "installing podman, runc, mmdebstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    --no-install-recommends podman runc mmdebstrap >/dev/null
}

configure_podman() {
  # Debian's crun fails on hybrid cgroups; raising the hard nofile limit is refused here.
  local nofile
  nofile=$(ulimit -Hn)
  cat >"$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
  export CONTAINERS_CONF=$work/containers.conf
}

base_image() {
  if podman image exists "$BASE"; then
    step "base $BASE already present"
    return
  fi
  # python:3.13-slim is built on trixie, whose python3 is 3.13, whatever release the host runs.
  step "building the $BASE stand-in from Debian trixie packages"
  cat >"$work/trixie.sources" <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie trixie-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  mmdebstrap --quiet --variant=minbase --format=tar \
    --include=python3,python3-venv,python3-pip,ca-certificates \
    --customize-hook='ln -sf python3 "$1/usr/bin/python"' \
    --customize-hook='rm -f "$1"/usr/lib/python3*/EXTERNALLY-MANAGED' \
    trixie "$work/base.tar" "$work/trixie.sources"
  podman import --quiet --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["python3"]' "$work/base.tar" "$BASE" >/dev/null
}

build_image() {
  step "building $IMAGE"
  local start=$SECONDS
  podman build --quiet --isolation chroot -v "$CA:$CA:ro" \
    --build-arg VERSION="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')" \
    --build-arg REVISION="$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
    -t "$IMAGE" . >/dev/null
  step "built in $((SECONDS - start)) s; size $(podman image inspect --format '{{.Size}}' "$IMAGE" \
    | awk '{printf "%.0f MB", $1 / 1e6}')"
}

run_and_check() {
  local port user
  [ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install --quiet -e '.[dev]'; }
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
  PYTHONPATH=tests .venv/bin/python -m support.manifests env >"$work/env"
  step "running as $user, read-only root, port $port, env: $(tr '\n' ' ' <"$work/env")"
  podman run -d --name "$name" --network host --user "$user" --read-only \
    --tmpfs /tmp:rw,mode=1777,size=64m --tmpfs /tmp/prometheus:rw,mode=1777,size=64m \
    --env-file "$work/env" -e HOST=127.0.0.1 -e PORT="$port" -e WORKERS=2 \
    --stop-timeout 60 "$IMAGE" >/dev/null
  PYTHONPATH=tests .venv/bin/python -m support.drain container "$name" "http://127.0.0.1:$port" "$SAMPLE" \
    || { podman logs "$name" | tail -40; return 1; }
}

check_backfill() {
  # k8s/backfill's container command for completion index 0, as the kubelet expands it.
  local user written
  user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
  mkdir -p "$work/data/input" "$work/data/output" && chmod 0777 "$work/data/output"
  for n in $(seq 0 15); do
    printf '{"id": "b%d", "text": "Angela Merkel met Emmanuel Macron in Paris."}\n' "$n"
  done >"$work/data/input/articles.jsonl"
  mapfile -t command < <(PYTHONPATH=tests .venv/bin/python -m support.manifests backfill-command 0)
  podman run --rm --network none --user "$user" --read-only --tmpfs /tmp:rw,mode=1777,size=64m \
    -v "$work/data/input:/data/input:ro" -v "$work/data/output:/data/output" \
    "$IMAGE" "${command[@]}"
  written=$(cat "$work"/data/output/part-0-of-*.jsonl | wc -l)
  step "backfill shard 0: $written of 16 records written"
  [ "$written" -ge 1 ]
}

install_tools
configure_podman
base_image
build_image
run_and_check
check_backfill
step "ok"
