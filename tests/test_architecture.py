"""The shape of the code: layers that import only down, no import cycles, a core without Qt,
one way into the core.

Read from the source with ``ast`` (imports for type checking only are left out): every
import, at module level or inside a function, is an edge between two project modules. The
layers are read from docs/ARCHITECTURE.md, so the document and the code cannot drift apart.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("reader", "ui")
#: The only parts of the core the interface may import.
UI_MAY_IMPORT = (
    "reader.analysis_process",  # the model and the analyses in a process of their own
    "reader.corrections",  # the values a reader's corrections are made of
    "reader.errors",  # the errors a user can act on, with their subject and problem
    "reader.library",
    "reader.model",
    "reader.opening",
    "reader.pipeline",
    "reader.output",
    "reader.positions",  # pure functions over statements: grouping, stance words
    "reader.reading",  # open, analyse and store: the one way an article reaches the library
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
    }


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


@cache
def _imports(path: Path) -> list[str]:
    """Every module named by an import in the file, type-checking blocks left out."""
    tree = _tree(path)
    skipped = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _type_checking_only(node)
        for child in ast.walk(node)
    }
    names: list[str] = []
    modules = _modules()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                names.append(full if full in modules else node.module)
    return names


@cache
def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {
        name: {target for target in _imports(path) if target in modules and target != name}
        for name, path in modules.items()
    }


def _cycles() -> list[list[str]]:
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@cache
def _layers() -> list[list[str]]:
    """The layers of docs/ARCHITECTURE.md, bottom first: the fenced block under "## Layers",
    one layer a line, written top first."""
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    found = re.search(r"^## Layers\n.*?^```\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert found, "docs/ARCHITECTURE.md has no ## Layers section with a fenced list"
    return [line.split() for line in reversed(found.group(1).splitlines()) if line.strip()]


def _layer_of(module: str) -> int | None:
    """The layer a module is in: the longest listed name that is it or contains it (``reader``
    alone is the package's ``__init__``, not the whole core)."""
    best: tuple[int, int] | None = None
    for level, names in enumerate(_layers()):
        for name in names:
            covers = module == name or (name != "reader" and module.startswith(name + "."))
            if covers and (best is None or len(name) > best[0]):
                best = (len(name), level)
    return best[1] if best else None


def _upward(graph: dict[str, set[str]]) -> list[str]:
    offenders = []
    for name, targets in sorted(graph.items()):
        level = _layer_of(name)
        for target in sorted(targets):
            target_level = _layer_of(target)
            if level is not None and target_level is not None and target_level > level:
                offenders.append(f"{name} imports {target}, a layer above it")
    return offenders


def test_every_module_has_a_layer():
    assert [name for name in sorted(_modules()) if _layer_of(name) is None] == []


def test_every_listed_layer_name_is_a_module():
    assert [n for names in _layers() for n in names if n not in _modules()] == []


def test_imports_only_point_down_the_layers():
    assert _upward(_graph()) == []


def test_an_import_up_the_layers_is_caught():
    """The check itself: the window imported by the model would be an offence."""
    assert _upward({"reader.model": {"ui.app"}, "ui.app": {"reader.model"}}) == [
        "reader.model imports ui.app, a layer above it"
    ]


def _label_literals(path: Path) -> list[str]:
    """Where a file compares a token's ``dep_`` with a string, or writes a set of entity
    types or dependency relations as strings: names that belong in ``reader.nlp.labels``."""
    from reader.nlp import labels

    named = {v for k, v in vars(labels).items() if k.isupper() and isinstance(v, str)}
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Attribute) and o.attr == "dep_" for o in operands):
                items = [e for o in operands for e in getattr(o, "elts", [o])]
                if any(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in items):
                    found.append(f"{path.name}:{node.lineno} compares dep_ with a string")
        elif isinstance(node, (ast.Tuple, ast.Set, ast.List)) and len(node.elts) > 1:
            values = [getattr(e, "value", None) for e in node.elts]
            if all(isinstance(v, str) and v in named for v in values):
                found.append(f"{path.name}:{node.lineno} writes labels as strings: {values}")
    return found


def test_labels_are_named_once():
    """Dependency relations and entity types are compared by the names of
    ``reader.nlp.labels``, never as strings written where they are used."""
    own = ROOT / "reader" / "nlp" / "labels.py"
    paths = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py") if p != own]
    assert [found for path in sorted(paths) for found in _label_literals(path)] == []


def test_no_import_cycles():
    assert _cycles() == []


def test_the_library_never_opens_a_file_nor_runs_the_pipeline():
    """The library stores, reads and corrects; opening and analysing is the reading step's
    (``reader.reading``). It may cut values to the opening's limits, nothing more."""
    offenders = [
        f"{name} imports {target}"
        for name, path in _modules().items()
        if name == "reader.library" or name.startswith("reader.library.")
        for target in _imports(path)
        if target.split(".")[:2] in (["reader", "pipeline"], ["reader", "nlp"])
        or (target.startswith("reader.opening") and target != "reader.opening.limits")
    ]
    assert offenders == []


def test_the_core_never_imports_qt():
    offenders = [
        name
        for name, path in _modules().items()
        if name.startswith("reader")
        and any(i.split(".")[0] in ("PySide6", "shiboken6") for i in _imports(path))
    ]
    assert offenders == []


def test_the_interface_reaches_the_core_through_its_front_doors():
    offenders = [
        f"{name} imports {target}"
        for name, path in _modules().items()
        if name.startswith("ui")
        for target in _imports(path)
        if target.startswith("reader")
        and not any(target == door or target.startswith(door + ".") for door in UI_MAY_IMPORT)
        and target != "reader"
    ]
    assert offenders == []


def test_every_package_is_listed_for_installation():
    """A wheel holds only the packages pyproject.toml names: one package per stage."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    packages = {
        _module_name(init) for package in PACKAGES for init in (ROOT / package).rglob("__init__.py")
    }
    assert packages <= listed
