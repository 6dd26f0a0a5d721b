"""The package is a house with rooms along the pipeline, and imports run one way: down.

Foundation modules (errors, findings, yamlio, files, sheets) < text < library < citing < assembly < word < checks < api < batch < cli.
A module may import its own room and any room below it, never one above; the test reads every import in the
package (top-level and deferred ones inside functions alike).
"""

from __future__ import annotations

import ast
from pathlib import Path

import assembler

PACKAGE = Path(assembler.__file__).parent
LAYERS = ["errors", "findings", "yamlio", "files", "sheets", "text", "library", "citing", "assembly", "word", "checks", "api",
          "batch", "cli"]


def _room(module: str) -> str:
    """``assembler.library.courts`` -> ``library``; ``assembler`` itself (the public API facade) -> ``api``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] not in ("__init__", "__main__") else "api"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assembler"):
            assert node.level == 0, f"{path}: use absolute imports"
            if node.module == "assembler":
                found += [(node.lineno, f"assembler.{a.name}") for a in node.names if a.name != "__version__"]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}:{node.lineno}: relative import; use absolute imports")
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("assembler.")]
    return found


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(relative.parts)


def test_every_room_is_a_known_layer():
    rooms = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists()))}
    assert rooms - {"__init__", "__main__"} == set(LAYERS)


def test_imports_run_one_way_down_the_pipeline():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        if name in ("assembler.__init__", "assembler.__main__"):
            continue
        here = LAYERS.index(_room(name))
        for line, target in _imports(path):
            there = LAYERS.index(_room(target))
            if there > here:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target} ({LAYERS[there]} is above "
                              f"{LAYERS[here]})")
    assert upward == []


def test_no_import_cycle_between_modules():
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        graph[_module_name(path).removesuffix(".__init__")] = {t for _, t in _imports(path)}

    def visit(node: str, stack: list[str], done: set[str]) -> list[str] | None:
        if node in stack:
            return stack[stack.index(node):] + [node]
        if node in done:
            return None
        for target in graph.get(node, ()):
            if target in graph and target != node and not node.startswith(target + "."):
                cycle = visit(target, stack + [node], done)
                if cycle:
                    return cycle
        done.add(node)
        return None

    done: set[str] = set()
    for module in sorted(graph):
        assert visit(module, [], done) is None, f"import cycle: {' -> '.join(visit(module, [], set()) or [])}"


def test_every_room_says_what_it_is_for():
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 15, f"{init} needs a paragraph on its job"
