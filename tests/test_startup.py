"""Fast start (issue 7): the compiled-pattern store, the plugin pre-scan, and what a
plain one-page run imports. Behaviour only, no timings."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conditionlint import recache
from conditionlint.resources import schema as shipped_schema

from .conftest import ROOT, TODAY

PATTERNS = [
    (r"\bfoo(?:bar|baz)+\b", 0),
    (r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)", 0),
    (r"(?i)caf\u00e9|stra\u00dfe|\u0130stanbul", 0),
    (r"^\s*#{1,6}\s+(.*?)\s*$", re.M),
    (r"(?<!\w)(?:reduces?|relieves?)\s+(?:the\s+)?risk", re.I | re.M),
    (r"[\u4e00-\u9fff]+|[A-Za-z]+", re.UNICODE),
    (rb"\x00\xff+(?P<tail>[^\n]*)", 0),
    (r"a{2,5}?b(?=c)|(?!x)y", re.S | re.X),
]
SAMPLES = ["foobarbaz x", "on 2026-11-29.", "CAFÉ STRASSE istanbul", "  ## Title  \n",
           "it reduces the risk", "漢字 and text", "aaab", "aac", "yz"]


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv(recache.ENV, str(tmp_path / "store"))
    recache.uninstall()
    yield tmp_path / "store"
    recache.uninstall()
    re.purge()


def _compile_all() -> list[re.Pattern]:
    re.purge()  # re's own cache would answer before the store is asked
    return [re.compile(p, f) for p, f in PATTERNS]


def _reference() -> list[re.Pattern]:
    recache.uninstall()
    return _compile_all()


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert a == b  # pattern, flags and SRE code
    assert a.groups == b.groups
    assert dict(a.groupindex) == dict(b.groupindex)
    for text in SAMPLES:
        t = text.encode("latin-1", "replace") if isinstance(a.pattern, bytes) else text
        assert [m.span() for m in a.finditer(t)] == [m.span() for m in b.finditer(t)]
        ma, mb = a.search(t), b.search(t)
        assert (ma and ma.groups()) == (mb and mb.groups())


def test_store_round_trip(store):
    ref = _reference()
    assert recache.install()
    first = _compile_all()
    assert recache.stats()["new"] >= len(PATTERNS)
    recache.save()
    path = Path(recache.stats()["path"])
    assert path.parent == store and path.is_file()

    recache.uninstall()
    assert recache.install()  # a new process, as far as the store can tell
    assert recache.stats()["loaded"]
    loaded = _compile_all()
    st = recache.stats()
    assert st["new"] == 0 and st["used"] >= len(PATTERNS)
    for a, b, c in zip(ref, first, loaded):
        _same(a, b)
        _same(a, c)


def test_corrupt_or_mismatched_store_is_ignored_and_rewritten(store, monkeypatch):
    ref = _reference()
    path = Path(recache.store_path(str(store)))
    good = None
    for damage in ("garbage", "truncated", "flipped", "header"):
        recache.uninstall()
        if damage == "header":
            assert good is not None
            path.write_bytes(good)
            # the store was written by another interpreter build
            monkeypatch.setattr(recache, "_header", lambda: ("another", "python"))
        elif good is not None:
            data = bytearray(good)
            if damage == "truncated":
                data = data[: len(data) // 2]
            else:
                data[len(data) // 2] ^= 0x55  # caught by the CRC
            path.write_bytes(bytes(data))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"not a store at all")
        assert recache.install()
        assert not recache.stats()["loaded"]
        for a, b in zip(ref, _compile_all()):
            _same(a, b)
        recache.save()
        recache.uninstall()
        assert recache.install()
        assert recache.stats()["loaded"]  # rewritten, and valid now
        for a, b in zip(ref, _compile_all()):
            _same(a, b)
        assert recache.stats()["new"] == 0
        good = path.read_bytes()
        monkeypatch.undo()
        monkeypatch.setenv(recache.ENV, str(store))


@pytest.mark.parametrize("value", ["0", "off", "no", "FALSE"])
def test_the_switch_turns_it_off(store, monkeypatch, value):
    monkeypatch.setenv(recache.ENV, value)
    original = recache._compiler_module().compile
    assert not recache.install()
    assert recache._compiler_module().compile is original
    assert "exec" not in vars(dataclasses)
    _compile_all()
    recache.save()
    assert not store.exists()
    assert recache.derived("ns", "k", lambda: 42) == 42


def test_store_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(recache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert recache.folder() == str(tmp_path / "conditionlint")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert recache.folder() == str(tmp_path / "home" / ".cache" / "conditionlint")


def test_dataclass_code_is_kept_and_behaves_the_same(store):
    def make():
        @dataclasses.dataclass(frozen=True, order=True)
        class Point:
            x: int
            y: int = 0
            tags: tuple[str, ...] = ()

        return Point

    assert recache.install()
    P1 = make()
    assert any(isinstance(k, tuple) and k[0] == "exec" for k in recache._state.entries)
    recache.save()
    recache.uninstall()
    assert "exec" not in vars(dataclasses)
    assert recache.install()
    before = recache.stats()["new"]
    P2 = make()
    assert recache.stats()["new"] == before  # every generated method came from the store
    recache.uninstall()
    P0 = make()  # plain dataclasses
    for P in (P0, P1, P2):
        p = P(1, 2, ("a",))
        assert repr(p) == "test_dataclass_code_is_kept_and_behaves_the_same.<locals>.make." \
                          "<locals>.Point(x=1, y=2, tags=('a',))"
        assert p == P(1, 2, ("a",)) and p < P(2) and hash(p) == hash(P(1, 2, ("a",)))
        with pytest.raises(dataclasses.FrozenInstanceError):
            p.x = 3  # type: ignore[misc]
        assert P.__init__.__code__.co_flags == P0.__init__.__code__.co_flags
        assert P.__init__.__annotations__.keys() == P0.__init__.__annotations__.keys()


def test_derived_values_are_kept_and_keyed_on_code(store):
    assert recache.install()
    calls = []

    def compute():
        calls.append(1)
        return ["value", 1]

    assert recache.derived("test", ("a", 1), compute) == ["value", 1]
    assert recache.derived("test", ("a", 1), compute) == ["value", 1]
    assert len(calls) == 1
    recache._state.new_cost = 1.0  # worth saving
    recache.save()
    recache.uninstall()
    assert recache.install()
    assert recache.derived("test", ("a", 1), compute) == ["value", 1]
    assert len(calls) == 1

    def f(x):
        return x + 1

    def g(x):
        return x + 2

    assert recache.code_stamp(f) != recache.code_stamp(g)
    assert recache.code_stamp(f) == recache.code_stamp(f)


def test_a_gate_kept_in_the_store_spares_the_next_run_the_table(store, monkeypatch):
    """A gate outside the stored layouts is kept in the store (a new one makes the
    store worth saving, however quickly it came): the next run has it without reading
    the gates table, and it is the gate the table gives."""
    from conditionlint import gated

    pattern, flags = r"\b(?:severe|crushing)\s+chest\s+pain\b", re.IGNORECASE
    monkeypatch.setattr(gated, "_table", None)
    expected = gated._gate(pattern, flags)  # the table (or the analysis) itself
    monkeypatch.setattr(gated, "_table", None)
    assert recache.install()
    assert gated.gate(pattern, flags) == expected
    assert gated._table is not None  # read for the new gate
    assert recache._state.new_cost >= recache._SAVE_AFTER
    recache.save()
    recache.uninstall()
    monkeypatch.setattr(gated, "_table", None)
    assert recache.install()
    assert gated.gate(pattern, flags) == expected
    assert gated._table is None  # from the store: the table was not read
    assert recache.stats()["new"] == 0


def test_derived_values_worth_saving():
    """``worth_saving`` counts a new value as worth rewriting the store for."""
    recache.uninstall()
    assert recache.derived("ns", "k", lambda: 1, worth_saving=True) == 1  # no store


def test_code_stamp_is_the_same_in_another_process():
    code = ("from conditionlint import gated, recache; "
            "print(recache.code_stamp(gated.first_char_guard, gated._first_chars))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env=dict(os.environ, PYTHONHASHSEED=str(seed))
                           ).stdout for seed in (1, 2)}
    assert len(outs) == 1


# -- the fast schema check (fastschema.py) -------------------------------------------------------------
def _jsonschema_errors(schema, instance) -> list:
    from conditionlint.schemautil import errors

    return errors(schema, instance)


VALID = [
    {"title": "Migraine"},
    {"title": "Migraine", "type": "condition", "last_reviewed": "2026-10-01",
     "next_review": "2027-10-01", "reviewed_by": ["Dr A", "Dr B"], "tags": "x",
     "evidence": [{"id": "doi:10.1/x", "year": 2020, "design": "rct"}], "draft": False,
     "custom": {"anything": [1, 2.5, None]}},
]
INVALID = [
    {},
    {"title": "M", "type": "conditon"},
    {"title": "M", "last_reviewed": "2026-13-01"},
    {"title": "M", "last_reviewed": "2026-1-01"},
    {"title": "M", "reviewed_by": []},
    {"title": "M", "reviewed_by": ""},
    {"title": "M", "evidence": [{"year": 1700}]},
    {"title": "M", "evidence": [{"year": "2020"}]},
    {"title": "M", "evidence": "doi:10.1/x"},
    {"title": "M", "draft": "yes"},
    {"title": "M", "tags": [1]},
    {"title": 5},
]
UNSURE = [
    {"title": "M", "evidence": [{"year": 2020.0}]},  # jsonschema accepts 2020.0
    {"title": "M", "type": None},
]


def test_fast_schema_check_agrees_with_jsonschema_on_hand_picked_pages():
    from conditionlint import fastschema

    schema = shipped_schema("condition-page")
    for inst in VALID:
        assert _jsonschema_errors(schema, inst) == []
        assert fastschema.surely_valid(inst), inst
    for inst in INVALID:
        assert _jsonschema_errors(schema, inst), inst
        assert not fastschema.surely_valid(inst), inst
    for inst in UNSURE:  # "not sure" may only mean "ask jsonschema"
        if fastschema.surely_valid(inst):
            assert _jsonschema_errors(schema, inst) == [], inst


# -- plugins ---------------------------------------------------------------------------
def test_plugin_prescan(tmp_path, monkeypatch):
    from conditionlint.registry import _may_have_plugins

    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert not _may_have_plugins()
    other = tmp_path / "other-1.0.dist-info"
    other.mkdir()
    (other / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n")
    (tmp_path / "legacy-1.0.egg-info").write_text("Metadata-Version: 1.0\n")  # a file
    assert not _may_have_plugins()
    info = tmp_path / "Demo_Plugin-1.0.DIST-INFO"
    info.mkdir()
    (info / "entry_points.txt").write_text("[conditionlint.rules]\ndemo = demo_rules\n")
    assert _may_have_plugins()
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(tmp_path / "x.egg")])
    assert _may_have_plugins()  # an egg on the path: importlib.metadata decides


# -- what a one-page run imports -------------------------------------------------------
NOT_NEEDED = {
    "jsonschema", "referencing", "importlib.metadata", "conditionlint.fixer",
    "conditionlint.baseline", "conditionlint.watch",
    "conditionlint.ruledocs", "conditionlint.formatters.json",
    "conditionlint.formatters.sarif", "conditionlint.formatters.html",
    "conditionlint.formatters.junit", "conditionlint.formatters.github",
    "conditionlint.formatters.concise", "tempfile", "difflib",
    "concurrent.futures", "multiprocessing", "fastjsonschema",
}


def _imported(args: list[str], env: dict[str, str], out: Path) -> set[str]:
    """The modules a CLI run imported, as an ``atexit`` handler sees them at the end
    (``-X importtime`` does not see modules imported with importlib.import_module)."""
    code = ("import atexit, runpy, sys\n"
            "def dump():\n"
            f"    with open({str(out)!r}, 'w') as fh:\n"
            "        fh.write('\\n'.join(sorted(sys.modules)))\n"
            "atexit.register(dump)\n"
            f"sys.argv = ['conditionlint', *{args!r}]\n"
            "runpy.run_module('conditionlint', run_name='__main__', alter_sys=True)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return set(out.read_text().split("\n"))


@pytest.mark.parametrize("page", ["examples/good/low-back-pain.md",
                                  "tests/corpus/dev/01-clinic-migraine.md"])
def test_a_one_page_run_imports_only_what_it_needs(tmp_path, page):
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS",)}
    env[recache.ENV] = str(tmp_path / "store")
    args = ["check", "--no-cache", "--today", TODAY, str(ROOT / page)]
    first = _imported(args, env, tmp_path / "first.txt")  # first ever run: fills the store
    later = _imported(args, env, tmp_path / "later.txt")
    for names in (first, later):
        assert "conditionlint.checks.safety" in names  # the run did run
        assert "conditionlint.formatters.full" in names
        assert not names & NOT_NEEDED, sorted(names & NOT_NEEDED)
    assert (tmp_path / "store").is_dir()


def test_a_page_breaking_the_schema_still_uses_jsonschema(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Migraine\ntype: conditon\n---\n# Migraine\n\nText.\n")
    env = dict(os.environ, **{recache.ENV: "0"})
    names = _imported(["check", "--no-cache", "--today", TODAY, "--select", "CL203",
                       str(page)], env, tmp_path / "modules.txt")
    assert "jsonschema" in names


# -- click -------------------------------------------------------------------------------
def test_check_errors_and_help_still_come_from_click(cli):
    r = cli("check", "--jobs", "x", ".")
    assert r.returncode == 2
    assert b"Invalid value for '--jobs'" in r.stderr
    r = cli("check", "--help")
    assert r.returncode == 0 and b"--output-format" in r.stdout
    r = cli("--version")
    assert r.returncode == 0 and b"conditionlint, version" in r.stdout


def test_concurrent_writers_leave_a_valid_store(tmp_path):
    code = ("import re, sys\n"
            "from conditionlint import recache\n"
            "recache.install()\n"
            "for i in range(200):\n"
            "    re.compile(sys.argv[1] + r'(?:a|b)+%d\\w*' % i, re.I)\n"
            "recache._state.new_cost = 1.0\n"
            "recache.save()\n")
    env = dict(os.environ, **{recache.ENV: str(tmp_path)})
    procs = [subprocess.Popen([sys.executable, "-c", code, f"w{n}"], env=env)
             for n in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    entries = recache._load(recache.store_path(str(tmp_path)))
    assert entries is not None  # one writer's complete file, never a mix
    assert len([k for k in entries if isinstance(k[0], bool)]) >= 200
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_alternations_built_from_the_store_give_the_same_matches(store):
    """An alternation built after a new process loads its layout (gated._layout) from
    the store computes nothing and finds what the joined pattern finds, on texts that
    pass and fail its gates."""
    from conditionlint import gated

    patterns = [r"\bsignificantly reduc\w*", r"\b(?:cures?|healed) (?:back|neck) pain\b",
                r"\b\d+ ?% of (?:patients|people)\b", r"(?<!not )\bclinically proven\b"]
    texts = ["It significantly reduces pain.", "Acupuncture cures back pain for good.",
             "In 80 % of patients it worked.", "This is clinically proven.",
             "This is not clinically proven.", "Nothing here.", "CURES NECK PAIN"]
    joined = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    assert recache.install()
    first = gated.Alternation(patterns)
    for t in texts:
        list(first.finditer(t))  # compiles the alternatives the texts need
    recache.save()
    recache.uninstall()
    re.purge()
    assert recache.install()
    alt = gated.Alternation(patterns)
    for t in texts:
        assert [m.span() for m in alt.finditer(t)] == [m.span() for m in joined.finditer(t)]
    assert recache.stats()["new"] == 0  # layout and compiled patterns: all from the store


def test_shipped_rule_files_from_the_store_are_what_the_loader_reads(store):
    """The shipped rule files' parsed data, kept in the store (yamlrules._parsed), is
    read back equal to a fresh parse, and a whole check run does not alter the data it
    hands out (the store would otherwise keep the altered copy for the next run)."""
    import yaml

    from conditionlint import yamlrules

    files = yamlrules.builtin_rule_files()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # what the shipped files use
    fresh = {f: yaml.load(f.read_text(encoding="utf-8-sig"), Loader=loader) for f in files}
    assert recache.install()
    yamlrules._shipped.cache_clear()  # noqa: SLF001
    yamlrules.lexicon.cache_clear()
    assert {f: yamlrules._shipped(f) for f in files} == fresh  # noqa: SLF001
    assert recache.stats()["new"] >= len(files)
    recache.save()
    recache.uninstall()
    assert recache.install()
    yamlrules._shipped.cache_clear()  # noqa: SLF001
    yamlrules.lexicon.cache_clear()
    stored = {f: yamlrules._shipped(f) for f in files}  # noqa: SLF001
    assert recache.stats()["new"] == 0  # read from the store, not parsed again
    assert stored == fresh
    from conditionlint.api import lint_text

    root = Path(__file__).resolve().parents[1]
    pages = sorted((root / "examples").rglob("*.md")) + sorted(
        (root / "tests" / "corpus" / "dev").glob("*.md"))
    found = [lint_text(p.read_bytes(), str(p)) for p in pages]
    assert sum(map(len, found)) > 100  # the rules ran
    assert {f: yamlrules._shipped(f) for f in files} == fresh  # noqa: SLF001
    yamlrules._shipped.cache_clear()  # noqa: SLF001
    yamlrules.lexicon.cache_clear()


def test_alternation_layout_from_the_store_is_the_fresh_layout(store):
    """The layout an Alternation builds its index from (gated._layout), read back from
    the store, equals the one laid out afresh; its key names gated's source and the
    gates table, so a change to either lays the alternation out again."""
    from conditionlint import gated

    patterns = [r"\bsignificantly reduc\w*", r"\b(?:cures?|healed) (?:back|neck) pain\b",
                r"\b\d+ ?% of (?:patients|people)\b", r"(?<!not )\bclinically proven\b",
                r"\?"]
    fresh = gated._lay_out(gated._gates(patterns, re.I))  # noqa: SLF001
    assert recache.install()
    assert gated._layout(patterns, re.I) == fresh  # noqa: SLF001
    recache.save()
    recache.uninstall()
    assert recache.install()
    assert gated._layout(patterns, re.I) == fresh  # noqa: SLF001
    assert recache.stats()["new"] == 0
    keys = [k for k in recache._state.entries if k[0] == "gated.alternation-layout"]  # noqa: SLF001
    assert keys and all(k[1][0] == gated._store_stamp() for k in keys)  # noqa: SLF001
    # another table (or another gated.py) is another key: computed afresh
    gated._stamps["store"] = "another table"  # noqa: SLF001
    try:
        assert gated._layout(patterns, re.I) == fresh  # noqa: SLF001
        assert recache.stats()["new"] == 1
    finally:
        gated._stamps.pop("store")  # noqa: SLF001
    from conditionlint.resources import data_dir

    table = data_dir("rules") / "pattern-gates.json"
    assert gated._store_stamp() == gated.source_stamp() + gated._digest_of(table)  # noqa: SLF001
    always, by_literal, more = fresh
    assert always == [4]  # "\?" has no usable literal
    # (whole words: the literals carry word-edge marks, see gated._edge)
    assert by_literal[" clinically "] == [3] and more[3] == [[" proven "]]


def test_an_edited_rule_file_replaces_its_stored_data(store, tmp_path):
    """A derived value with a version (the shipped rule files' text digest) is replaced
    when the version changes, not kept beside the old one: the store does not grow with
    every edit of a file."""
    import yaml

    from conditionlint import yamlrules

    assert recache.install()
    first = yamlrules._parsed("rules/x.yaml", "a: [b?, c]\n", yaml)  # noqa: SLF001
    assert first == {"a": ["b?", "c"]}
    n = recache.stats()["entries"]
    second = yamlrules._parsed("rules/x.yaml", "a: 2\n", yaml)  # noqa: SLF001
    assert second == {"a": 2}
    assert recache.stats()["entries"] == n  # replaced
    recache.save()
    recache.uninstall()
    assert recache.install()
    assert yamlrules._parsed("rules/x.yaml", "a: 2\n", yaml) == {"a": 2}  # noqa: SLF001
    assert recache.stats()["new"] == 0
    assert yamlrules._parsed("rules/x.yaml", "a: 3\n", yaml) == {"a": 3}  # noqa: SLF001
    assert recache.stats()["new"] == 1


def test_store_keys_without_a_readable_source_still_name_the_code(monkeypatch):
    """Where gated.py's source cannot be read (a frozen or zipped install), the stamp
    of its stored values comes from the loaded code and constants: another constant
    (or function) is another stamp, and the stamp is the same in another process."""
    from conditionlint import gated

    monkeypatch.setattr(gated, "_digest_of", lambda *paths: None)
    monkeypatch.setattr(gated, "_stamps", {})
    first = gated.source_stamp()
    assert first.startswith("code:") and first == gated._code_digest()  # noqa: SLF001
    assert gated._store_stamp() == first + "no table"  # noqa: SLF001
    monkeypatch.setattr(gated, "DIGIT", "\x00number")
    assert gated._code_digest() != first  # noqa: SLF001
    monkeypatch.undo()
    code = "from conditionlint import gated; print(gated._code_digest())"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env=dict(os.environ, PYTHONHASHSEED=str(seed))
                           ).stdout for seed in (1, 2)}
    assert len(outs) == 1
