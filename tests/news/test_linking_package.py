"""The linking package: one way in, and no import cycle inside it."""

import ast
from pathlib import Path

from django.conf import settings

PACKAGE = Path(settings.BASE_DIR) / "news" / "linking"
ROOT = Path(settings.BASE_DIR)


def _local_imports(path):
    """Sibling modules of news.linking that a module imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.module and node.module.startswith("news.linking."):
                found.add(node.module.split(".")[2])
    return found


def test_modules_of_the_linking_package_import_each_other_without_a_cycle():
    graph = {p.stem: _local_imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    state = {}

    def visit(name, trail):
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", f"import cycle: {' -> '.join([*trail, name])}"
        state[name] = "open"
        for other in graph.get(name, ()):
            visit(other, [*trail, name])
        state[name] = "done"

    for name in graph:
        visit(name, [])
    assert "figures" not in graph["directory"] and "mentions" not in graph["figures"]


def test_the_rest_of_the_project_uses_only_the_package_itself():
    offenders = []
    for path in [*(ROOT / "news").rglob("*.py"), *(ROOT / "partners").rglob("*.py")]:
        if PACKAGE in path.parents or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = ("news." if node.level == 1 else "") + node.module
                if node.level == 2:
                    module = "news." + node.module
                if module.startswith("news.linking."):
                    offenders.append(f"{path.relative_to(ROOT)}: {module}")
    assert offenders == []


def test_old_module_paths_are_gone():
    for name in ("importer", "mentions", "figure_detection", "suggestions", "suggestions_admin"):
        assert not (ROOT / "news" / f"{name}.py").exists()
