"""Mutation testing: would a test fail if this line of the module were wrong?

    python scripts/mutate.py graph/identity.py [--tests "tests/test_identity.py ..."] [--lines 80-120]

The module is changed one small way at a time (a *mutant*) and the chosen tests are run
against each change; a mutant the tests do not notice *survives*, which points at a missing
test (or at a change that means the same thing: an *equivalent* mutant). The mutants:

* comparisons flipped (``<`` -> ``>=``, ``==`` -> ``!=``, ``in`` -> ``not in``, ``is`` -> ``is not``)
  and moved by one (``<`` -> ``<=``, ``>`` -> ``>=`` and back);
* ``and`` <-> ``or``; ``not x`` -> ``x``;
* a returned value -> ``None`` (``True`` <-> ``False`` for a returned constant);
* an integer in a comparison or an index/slice -> itself plus one.

Why not mutmut: the repository root is the package (pyproject maps ``policygraph`` to ``.``),
so mutmut 3, which names modules by their path and runs them from its own ``mutants/`` copy,
mutates ``graph.identity`` while the tests import ``policygraph.graph.identity``; and mutmut 2
mutates every string and number, hundreds of mutants per module that mostly mean nothing.

The tests run against a copy of the repository (put first on PYTHONPATH), so the working
tree is never changed and can be edited while a run goes on. Without --tests, the tests are
those that import the module by its dotted name. pytest runs with -x: the first failure kills.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "policygraph"  # the repository root is this package
IGNORED = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".policygraph", "test-artifacts", "*.egg-info",
                                 ".pytest_cache", ".ruff_cache")

# comparison -> its mutants: the negation first, then the boundary moved by one
COMPARE_SWAPS: dict[type, tuple[type, ...]] = {
    ast.Lt: (ast.GtE, ast.LtE),
    ast.LtE: (ast.Gt, ast.Lt),
    ast.Gt: (ast.LtE, ast.GtE),
    ast.GtE: (ast.Lt, ast.Gt),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
}
OP_TEXT = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in",
           ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}


@dataclass
class Mutant:
    index: int
    line: int
    what: str  # "a < b  ->  a >= b"


class Mutator(ast.NodeTransformer):
    """Walks a module and applies mutant number `target` (-1: apply none, only count and describe)."""

    def __init__(self, target: int = -1) -> None:
        self.target = target
        self.found: list[Mutant] = []
        self._int_context = 0  # > 0 inside a comparison or a subscript

    def _site(self, node: ast.AST, after_fn) -> ast.AST:
        """Register one mutation site; apply it when it is the target."""
        after = after_fn()
        what = f"{_short(ast.unparse(node))}  ->  {_short(ast.unparse(after))}"
        self.found.append(Mutant(len(self.found), getattr(node, "lineno", 0), what))
        return after if self.found[-1].index == self.target else node

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self._int_context += 1
        self.generic_visit(node)
        self._int_context -= 1
        original = node
        for i, op in enumerate(original.ops):
            for swap in COMPARE_SWAPS.get(type(op), ()):
                def mutated(i=i, swap=swap) -> ast.AST:
                    new = copy.copy(original)
                    new.ops = [*original.ops[:i], swap(), *original.ops[i + 1:]]
                    return new
                node = self._site(original, mutated) if node is original else node
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        return self._site(node, lambda: ast.BoolOp(op=other, values=node.values, lineno=node.lineno))

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if not isinstance(node.op, ast.Not):
            return node
        return self._site(node, lambda: node.operand)

    def visit_Return(self, node: ast.Return) -> ast.AST:
        self.generic_visit(node)
        value = node.value
        if value is None or (isinstance(value, ast.Constant) and value.value is None):
            return node
        if isinstance(value, ast.Constant) and isinstance(value.value, bool):
            flipped = ast.Constant(not value.value)
            return self._site(node, lambda: ast.Return(value=flipped, lineno=node.lineno))
        return self._site(node, lambda: ast.Return(value=ast.Constant(None), lineno=node.lineno))

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        node.value = self.visit(node.value)
        self._int_context += 1
        node.slice = self.visit(node.slice)
        self._int_context -= 1
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if self._int_context and type(node.value) is int:
            return self._site(node, lambda: ast.copy_location(ast.Constant(node.value + 1), node))
        return node

    # annotations are not run: leave them alone
    def visit_arg(self, node: ast.arg) -> ast.AST:
        return node

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        if node.value is not None:
            node.value = self.visit(node.value)
        return node


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def mutants(source: str) -> list[Mutant]:
    walker = Mutator()
    walker.visit(ast.parse(source))
    return walker.found


def mutated_source(source: str, index: int) -> tuple[str, Mutant]:
    walker = Mutator(index)
    tree = ast.fix_missing_locations(walker.visit(ast.parse(source)))
    return ast.unparse(tree) + "\n", walker.found[index]


def default_tests(module: Path) -> list[str]:
    """Test files that import the module: by its dotted name or by name from its package."""
    parent, name = ".".join((PACKAGE, *module.parent.parts)), module.stem
    imports = re.compile(rf"{re.escape(parent)}\.{name}\b|from {re.escape(parent)} import [^\n]*\b{name}\b")
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "tests").glob("test_*.py"))
            if imports.search(p.read_text(encoding="utf-8"))]


def copy_tree(work: Path) -> Path:
    """A copy of the repository importable as `policygraph` from `work`, with ../shared beside it."""
    tree = work / PACKAGE
    shutil.copytree(ROOT, tree, ignore=IGNORED)
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        (work / "shared").symlink_to(shared)
    return tree


def run_tests(tree: Path, env: dict[str, str], tests: list[str], timeout: float) -> str:
    """'passed', 'failed' or 'timeout'."""
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", *tests]
    try:
        done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    if done.returncode == 5:
        raise SystemExit(f"error: no tests ran from {' '.join(tests)}")
    return "passed" if done.returncode == 0 else "failed"


def parse_lines(text: str | None) -> list[tuple[int, int]]:
    """'120' or '100-180' or '97,184-186' -> [(first, last), ...]; everything when not given."""
    if not text:
        return [(0, 10**9)]
    spans = []
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        spans.append((int(first), int(last or first)))
    return spans


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("module", help="a module path inside the repository, e.g. graph/identity.py")
    ap.add_argument("--tests", help="pytest arguments (space separated); default: tests importing the module")
    ap.add_argument("--lines", help="only mutants on these lines: 120, 100-180 or 97,184-186")
    ap.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    args = ap.parse_args(argv)

    module = Path(args.module)
    if module.is_absolute():
        module = module.resolve().relative_to(ROOT)
    if not (ROOT / module).is_file() or module.suffix != ".py":
        print(f"error: {args.module}: not a Python module of the repository", file=sys.stderr)
        return 2
    source = (ROOT / module).read_text(encoding="utf-8")
    spans = parse_lines(args.lines)
    chosen = [m for m in mutants(source) if any(first <= m.line <= last for first, last in spans)]
    if args.list:
        for m in chosen:
            print(f"{m.index:4}  line {m.line:4}  {m.what}")
        return 0
    tests = args.tests.split() if args.tests else default_tests(module)
    if not tests:
        print(f"error: no test imports {module}; name them with --tests", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="mutate-") as work:
        tree = copy_tree(Path(work))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([work, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               "PYTHONDONTWRITEBYTECODE": "1"}
        probe = subprocess.run([sys.executable, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
                               cwd=tree, env=env, capture_output=True, text=True)
        if not probe.stdout.startswith(str(tree)):
            where = probe.stdout.strip() or probe.stderr
            print(f"error: {PACKAGE} imports from {where}, not the copy", file=sys.stderr)
            return 2
        target = tree / module
        target.write_text(ast.unparse(ast.parse(source)) + "\n", encoding="utf-8")  # as the mutants are written
        started = time.monotonic()
        if run_tests(tree, env, tests, timeout=3600) != "passed":
            print(f"error: the tests fail on the unmutated module: {' '.join(tests)}", file=sys.stderr)
            return 2
        timeout = 3 * (time.monotonic() - started) + 10
        print(f"{module}: {len(chosen)} mutants; tests: {' '.join(tests)}", flush=True)
        survived: list[Mutant] = []
        for m in chosen:
            text, described = mutated_source(source, m.index)
            target.write_text(text, encoding="utf-8")
            outcome = run_tests(tree, env, tests, timeout)
            verdict = "survived" if outcome == "passed" else ("killed (timeout)" if outcome == "timeout" else "killed")
            print(f"{verdict:16}  line {described.line:4}  {described.what}", flush=True)
            if outcome == "passed":
                survived.append(described)
        killed = len(chosen) - len(survived)
        rate = killed / len(chosen) if chosen else 1.0
        print(f"\n{module}: {killed}/{len(chosen)} killed ({rate:.0%}); {len(survived)} survived:")
        for m in survived:
            print(f"  line {m.line:4}  {m.what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
