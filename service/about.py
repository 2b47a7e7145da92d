"""What the installed package says about itself, read once: its version and its API contract."""

from importlib import metadata
from importlib.resources import files

VERSION = metadata.version("enrich-service")
OPENAPI_YAML = files("service").joinpath("openapi.yaml").read_bytes()
