"""Imports point down the layers (docs/development.md): read with ast, so no module is run."""

import ast
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parents[1] / "service"
# (package under service/, what no module in it may import)
RULES = [
    ("pipeline", {"flask", "werkzeug", "marshmallow", "prometheus_client", "gunicorn",
                  "service.app", "service.api", "service.observability", "service.server",
                  "service.web", "service.cli"}),
    ("pipeline/normalize", {"spacy", "service.pipeline.nlp", "service.pipeline.enrich"}),
    ("api", {"service.server"}),
    ("app", {"service.api", "service.server", "service.web", "service.cli"}),
    ("observability", {"service.api", "service.server", "service.web", "service.cli"}),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(SERVICE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Absolute names of every module `path` imports, relative imports resolved."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def violations(folder: str, forbidden: set[str]) -> list[str]:
    found = []
    for path in sorted((SERVICE / folder).rglob("*.py")):
        for name in imported(path):
            if any(name == bad or name.startswith(bad + ".") for bad in forbidden):
                found.append(f"{path.relative_to(SERVICE.parent)} imports {name}")
    return sorted(found)


@pytest.mark.parametrize(("folder", "forbidden"), RULES, ids=[folder for folder, _ in RULES])
def test_imports_point_down_the_layers(folder, forbidden):
    assert violations(folder, forbidden) == []


def test_the_check_sees_a_relative_upward_import(tmp_path, monkeypatch):
    package = tmp_path / "service" / "pipeline"
    package.mkdir(parents=True)
    (package / "stage.py").write_text("from ..app.errors import problem\nimport flask\n")
    monkeypatch.setattr(f"{__name__}.SERVICE", tmp_path / "service")
    assert violations("pipeline", {"service.app", "flask"}) == [
        "service/pipeline/stage.py imports flask",
        "service/pipeline/stage.py imports service.app.errors",
        "service/pipeline/stage.py imports service.app.errors.problem",
    ]
