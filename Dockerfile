# enrich: build with `podman build -t enrich .` or `docker build -t enrich .` (README, Deploy).
ARG BASE_IMAGE=python:3.13-slim

FROM ${BASE_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH
WORKDIR /src
RUN python -m venv /opt/venv
# Dependencies (the pinned model among them) come from pyproject.toml alone, so changing the code
# reuses this layer instead of reinstalling spaCy and the model.
COPY pyproject.toml ./
RUN python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' > requirements.txt \
 && pip install --no-cache-dir -r requirements.txt \
 && pip check
COPY README.md ./
COPY service ./service
# The package goes under /opt/app (paths as if installed into /opt/venv), apart from the
# dependencies, so the runtime stage copies it as a layer of its own: a code change ships
# kilobytes, not the whole virtualenv.
RUN pip install --no-cache-dir --no-deps --no-warn-script-location --root /opt/app .

FROM ${BASE_IMAGE}
RUN groupadd --gid 10001 enrich \
 && useradd --no-log-init --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin enrich
COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/app/ /
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/prometheus
# Last, so a new revision changes only metadata, not the layers above.
ARG VERSION=dev
ARG REVISION=unknown
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="enrich" \
      org.opencontainers.image.description="Raw news-article text in, clean text and structured facts out" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}"
USER 10001:10001
EXPOSE 8000
# gunicorn's master drains on SIGTERM (DRAIN_SECONDS, then GRACEFUL_TIMEOUT); SIGINT/SIGQUIT stop fast.
STOPSIGNAL SIGTERM
CMD ["enrich", "serve"]
