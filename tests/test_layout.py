"""The folders are the architecture: dependencies point one way, core <- people <- events <-
{browse, curation}, by import and by the strings Django resolves ("events.Event",
"positions__participation__event").

A lower app that needs a higher one's records asks the higher app; this test is what keeps
the boundary from wearing away one string lookup at a time.
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parent.parent
# Each app with the apps it may use; the project's configuration (eventsdb) may use all.
MAY_USE = {
    "core": {"core"},
    "people": {"core", "people"},
    "events": {"core", "people", "events"},
    "browse": {"core", "people", "events", "browse"},
    "curation": {"core", "people", "events", "curation"},
}
# The pure extraction package sits below everything and uses nothing of ours.
EXTRACTION = "events.extraction"
EXTRACTION_MAY_USE = {EXTRACTION}
# A dotted name of one of our apps inside a string: "events.Event", "people.person".
APP_IN_STRING = re.compile(r"\b(" + "|".join(MAY_USE) + r")\.[A-Za-z_]\w*")


def modules(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        yield dotted.removesuffix(".__init__"), path


def imported_modules(dotted: str, path: Path) -> set[str]:
    package = dotted if path.name == "__init__.py" else dotted.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                found.add(".".join([*base, *([node.module] if node.module else [])]))
            else:
                found.add(node.module)
    return found


def strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def names_used(path: Path) -> list[str]:
    """Strings, keyword arguments (`filter(positions__title=...)`) and attributes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    keywords = [node.arg for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg]
    attributes = [node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)]
    return strings(path) + keywords + attributes


def allowed(user: str, used: str) -> bool:
    """May module `user` depend on the module or model label `used`?"""
    if used == EXTRACTION or used.startswith(EXTRACTION + "."):
        return True
    if user == EXTRACTION or user.startswith(EXTRACTION + "."):
        return False
    return used.split(".")[0] in MAY_USE[user.split(".")[0]]


def our_app(dotted: str) -> bool:
    return dotted.split(".")[0] in MAY_USE


def reverse_lookups_into(app: str) -> set[str]:
    """The names a query on `app`'s models would use to reach a model it may not use.

    `Organization.objects.filter(positions__...)` names events' Position from people without
    importing it; the relation is declared on Position, so only the registry knows the name.
    """
    names = set()
    for model in apps.get_models():
        if allowed(app, model._meta.app_label) or not our_app(model._meta.app_label):
            continue
        for field in model._meta.get_fields():
            target = field.related_model if field.is_relation else None
            if target is None or field.auto_created or not allowed(app, target._meta.app_label):
                continue
            name = field.related_query_name()
            if not name.endswith("+"):
                names.add(name)
    return names


def all_modules():
    return [
        pytest.param(dotted, path, id=dotted) for app in MAY_USE for dotted, path in modules(app)
    ]


@pytest.mark.parametrize(("dotted", "path"), all_modules())
def test_module_imports_only_its_own_app_and_those_below(dotted, path):
    wrong = sorted(
        used
        for used in imported_modules(dotted, path)
        if our_app(used) and not allowed(dotted, used)
    )
    assert wrong == []


@pytest.mark.parametrize(("dotted", "path"), all_modules())
def test_module_names_no_model_of_a_higher_app(dotted, path):
    named = {m.group(0) for text in strings(path) for m in APP_IN_STRING.finditer(text)}
    assert sorted(label for label in named if not allowed(dotted, label)) == []


@pytest.mark.parametrize("app", ["core", "people"])
def test_lower_app_queries_no_relation_of_a_higher_one(app):
    forbidden = reverse_lookups_into(app)
    used = sorted(
        f"{path.relative_to(ROOT)}: {text!r}"
        for _, path in modules(app)
        for text in names_used(path)
        if forbidden & set(re.split(r"__|\.", text))
    )
    assert used == []


def test_people_never_mentions_events():
    mentions = sorted(
        f"{path.relative_to(ROOT)}:{number}"
        for _, path in modules("people")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bevents\b", line)
    )
    assert mentions == []


# core took DeletedRecord over from people with its table; it must not run before the
# migration that creates that table. An ordering of migrations, not a use of people's code.
TAKEN_OVER = {(("core", "0001_initial"), ("people", "0003_unaccent_search"))}


def test_migrations_depend_only_on_apps_below():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    wrong = sorted(
        f"{node} -> {parent.key}"
        for node in graph.nodes
        if our_app(node[0])
        for parent in graph.node_map[node].parents
        if our_app(parent.key[0]) and not allowed(node[0], parent.key[0])
        if (node, parent.key) not in TAKEN_OVER
    )
    assert wrong == []


def test_the_rules_catch_what_they_are_for(tmp_path):
    """The checks above pass on the real tree; make sure each would fail on a bad one."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from events.models import Position\n"
        "from . import views\n"
        "X = 'events.Event'\n"
        "Y = Organization.objects.filter(positions__participation__event=1)\n",
        encoding="utf-8",
    )
    assert imported_modules("people.bad", bad) == {"events.models", "people"}
    assert not allowed("people.bad", "events.models")
    assert not allowed("core.models", "people.models")
    assert allowed("core.folding", "events.extraction.folding")
    assert not allowed("events.extraction.folding", "events.models")
    assert not allowed("browse.views", "curation.admin")
    assert not allowed("curation.admin", "browse.evidence")
    assert [m.group(0) for text in strings(bad) for m in APP_IN_STRING.finditer(text)] == [
        "events.Event"
    ]
    assert {"positions", "participations", "organized_events"} <= reverse_lookups_into("people")
    assert "positions__participation__event" in names_used(bad)
