"""The package's layering: no import cycle between the first-level packages and modules of
``translate/``, lazy imports inside functions included (only ``if TYPE_CHECKING:`` blocks,
which never run, are left out), and the rules the architecture names."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "translate"


def _unit(path: Path, root: Path) -> str:
    """The first-level package or module a file belongs to (``run``, ``findings``)."""
    parts = path.relative_to(root).with_suffix("").parts
    return "translate" if parts == ("__init__",) else parts[0]


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        if node.module == "translate":  # from translate import formats, __version__
            return [f"translate.{alias.name}" for alias in node.names]
        return [node.module]
    return []


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """First-level unit -> the first-level units it imports (itself left out)."""
    modules = {p.name.removesuffix(".py") for p in root.iterdir() if p.suffix == ".py"}
    modules |= {p.name for p in root.iterdir() if (p / "__init__.py").is_file()}
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        unit = _unit(path, root)
        graph.setdefault(unit, set())
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_lines(tree)
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in skipped:
                continue
            for name in _imported(node):
                parts = name.split(".")
                if parts[0] != "translate":
                    continue
                target = parts[1] if len(parts) > 1 and parts[1] in modules else "translate"
                if target != unit:
                    graph[unit].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every elementary cycle's nodes, found by a depth-first walk from each node."""
    found = []
    for start in sorted(graph):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    found.append(path)
                elif nxt not in path and nxt > start:  # each cycle once, from its least node
                    stack.append((nxt, path + [nxt]))
    return found


def test_no_import_cycle_between_first_level_packages():
    graph = import_graph()
    assert {"run", "outputs", "formats", "text", "engines", "stages"} <= set(graph)
    assert cycles(graph) == []


def test_the_layering_rules():
    graph = import_graph()
    assert "run" not in graph["outputs"]  # outputs never imports run
    assert "formats" not in graph["text"]  # text never imports formats
    for low in ("findings", "types", "errors", "text", "checks"):
        assert not graph[low] & {"run", "outputs", "cli", "formats", "stages", "engines"}, low


def test_the_cycle_finder_finds_lazy_and_package_level_cycles(tmp_path):
    # The shape of the two cycles this package had: a lazy import inside a function counts
    root = tmp_path / "translate"
    for package in ("text", "formats", "outputs", "run"):
        (root / package).mkdir(parents=True)
        (root / package / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "text" / "decode.py").write_text(
        "def read():\n    from translate.formats.html import decode_html\n"
    )
    (root / "formats" / "html.py").write_text("from translate.text.decode import decode\n")
    (root / "outputs" / "review.py").write_text("from translate.run.reading import Pair\n")
    (root / "run" / "core.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from translate.outputs import review\n"
    )
    graph = import_graph(root)
    assert cycles(graph) == [["formats", "text"]]  # the TYPE_CHECKING import does not count
    assert graph["outputs"] == {"run"}
