"""Fix session 21b: an outside audit's findings on the encoding rules (mojibake
repairs through the wrong page, repairs where none is right, CL304's spacing, YAML
escapes, noncharacters), --show-config, the risky-wording families and the docs."""

from __future__ import annotations

import pytest

from conditionlint import mojibake
from tests.fix21_helpers import TODAY, fixed, lint, msgs  # noqa: F401



# -- 1. Slovak through Windows-1250: "íš" is ordinary spelling, not damage --------------
@pytest.mark.parametrize("word", ["Napíšte", "Príštie", "naše", "píše", "môžeš",
                                  "príšerný", "vážiť"])
def test_slovak_windows_1250_is_repaired_the_windows_1250_way(word):
    damaged = word.encode("utf-8").decode("cp1250")
    assert mojibake.repair(damaged) == word


def test_slovak_fix_writes_the_right_letter():
    page = "# X\n\nNap\u0102\u00ad\u0139\u02c7te n\u0102\u02c7m !\n"
    out = fixed(page, select=["CL301"])
    assert "Napíšte nám !" in out
    assert all("ISO-8859-2" not in m for m in msgs(lint(page, ["CL301"]), "CL301"))


# -- 2. no fix where no repair is right ---------------------------------------------------
GARBLE = ("ã†â€™ãƒâ€ ã¢â‚¬â„¢ãƒæ’ã‚â¢ãƒâ¢ã¢â‚¬å¡ã‚â¬ãƒâ€šã‚â")


def test_hopeless_garble_is_reported_but_not_rewritten():
    page = f"# X\n\n{GARBLE}\n"
    assert fixed(page, select=["CL301"]) == page
    found = msgs(lint(page, ["CL301"]), "CL301")
    assert found and any("not repaired automatically" in m for m in found)
    assert all("looks like" not in m for m in found)


def test_repair_bringing_in_new_scripts_through_two_pages_is_not_a_fix():
    [d] = [d for d in mojibake.scan(GARBLE) if "Armenian" in d.doubt]
    assert "CJK" in d.doubt and d.codec == "Mac Roman, then Latin-1"
    assert mojibake.repair(GARBLE) == GARBLE


def test_manga_title_keeps_its_capital_a():
    page = "# X\n\nMISUT\u00c2\u00a0AJIKKO\n"
    assert fixed(page, select=["CL301"]) == page
    # an acronym before a no-break space read as "Â " is still repaired
    assert mojibake.repair("the NHS\u00c2\u00a0guidance") == "the NHS\u00a0guidance"


@pytest.mark.parametrize("damaged, want", [
    ("semelhante Ã quele observado", "semelhante àquele observado"),
    ("Ã quilo", "àquilo"),
    ("Ã quel point", "à quel point"),
    ("voilÃ le", "voilà le"),
])
def test_lost_no_break_space_before_a_portuguese_contraction(damaged, want):
    assert mojibake.repair(damaged) == want


def test_plausible_new_script_repairs_stay_fixes():
    # Greek in Latin text, a Cyrillic word, an escaped "μ": clearly more plausible than the damage
    assert mojibake.repair("TNF-Î± levels") == "TNF-α levels"
    assert mojibake.repair("Ð¿Ñ€Ð¸ÐµÐ¼") == "прием"
    assert mojibake.repair("a dose of 5 Î&#188;g daily") == "a dose of 5 μg daily"


# -- 3. CL304: a space only between two words; U+0085 settled ----------------------------
@pytest.mark.parametrize("line, want", [
    ("One tablet\x0b, twice.", "One tablet, twice."),
    ("One tablet\x1c.", "One tablet."),
    ("A\x0c.", "A."),
    ("Take one tablet\x85twice a day.", "Take one tablet twice a day."),
    ("One tablet\x0btwice.", "One tablet twice."),
    ("Twice.\x0cThen rest.", "Twice. Then rest."),
    ("Twice\x0b(daily).", "Twice (daily)."),
])
def test_cl304_fix_puts_a_space_only_between_words(line, want):
    page = f"# X\n\n{line}\n"
    assert fixed(page, select=["CL3"]) == f"# X\n\n{want}\n"


def test_u0085_between_words_is_cl304_not_an_ellipsis():
    page = "# X\n\nTake one tablet\x85twice a day.\n"
    found = lint(page, ["CL3"])
    assert [f.code for f in found] == ["CL304"]
    # elsewhere a lone U+0085 is still Windows-1252's "…" read as Latin-1
    page = "# X\n\nWait for it\x85 then rest.\n"
    assert fixed(page, select=["CL3"]) == "# X\n\nWait for it… then rest.\n"


# -- 4. mojibake written as YAML escapes in front matter ---------------------------------
ESCAPED = '---\ntitle: "It\\u00e2\\u20ac\\u2122s back pain"\n---\n# X\n\nText.\n'


def test_yaml_escaped_mojibake_is_reported_at_the_escapes():
    [f] = [f for f in lint(ESCAPED, ["CL301"])]
    assert "'’'" in f.message and "YAML escapes" in f.message
    assert ESCAPED.splitlines()[1][f.column - 1:].startswith("\\u00e2\\u20ac\\u2122")
    assert fixed(ESCAPED, ["CL301"]) == ESCAPED.replace(
        "\\u00e2\\u20ac\\u2122", "\\u2019")


def test_yaml_escapes_mixed_with_literal_damage_get_no_fix():
    page = '---\ntitle: "It\\u00e2€™s back pain"\n---\n# X\n\nText.\n'
    found = msgs(lint(page, ["CL301"]), "CL301")
    assert any("not repaired automatically" in m for m in found)
    assert fixed(page, ["CL301"]) == page


def test_plain_yaml_escapes_are_no_damage():
    page = '---\ntitle: "Caf\\u00e9 \\u2014 \\x41 tab\\there"\n---\n# X\n\nText.\n'
    assert msgs(lint(page, ["CL301"]), "CL301") == []


# -- 5. noncharacters and line/paragraph separators: CL304; none in the HTML report ------
@pytest.mark.parametrize("ch, word", [("\ufffe", "noncharacter"), ("\uffff", "noncharacter"),
                                      ("\ufdd0", "noncharacter"),
                                      ("\u2028", "line separator"),
                                      ("\u2029", "paragraph separator")])
def test_noncharacters_and_separators_are_cl304(ch, word):
    page = f"# X\n\nOne tablet{ch}twice a day.\n"
    found = lint(page, ["CL3"])
    assert [f.code for f in found] == ["CL304"]
    assert word in found[0].message
    # a separator between two words becomes a space; a noncharacter is removed
    join = " " if "separator" in word else ""
    assert fixed(page, ["CL3"]) == f"# X\n\nOne tablet{join}twice a day.\n"


def test_byte_swapped_bom_before_punctuation_is_removed():
    page = "# X\n\nOne tablet\ufffe.\n"
    [f] = lint(page, ["CL3"])
    assert "byte-order mark read with the wrong byte order" in f.message
    assert fixed(page, ["CL3"]) == "# X\n\nOne tablet.\n"


def test_html_report_shows_noncharacters_escaped(tmp_path):
    from tests.conftest import run_cli
    (tmp_path / "p.md").write_text("# X\n\nOne tablet\ufffe twice.\n", encoding="utf-8")
    r = run_cli("check", "--no-cache", "--select", "CL3", "--output-format", "html",
                "p.md", cwd=tmp_path)
    out = r.stdout.decode("utf-8")
    assert "CL304" in out
    assert "\ufffe" not in out and "U+FFFE" in out



@pytest.mark.parametrize("ch", ["\ufffe", "\U0010ffff", "\ufdd0"])
def test_text_report_shows_noncharacters_escaped(tmp_path, ch):
    from tests.conftest import run_cli
    (tmp_path / "p.md").write_text(f"# X\n\nOne tablet{ch} twice.\n", encoding="utf-8")
    r = run_cli("check", "--no-cache", "--select", "CL3", "--no-color", "p.md", cwd=tmp_path)
    out = r.stdout.decode("utf-8")
    assert r.returncode == 1
    esc = f"<U+{ord(ch):04X}>"
    assert ch not in out
    assert f"     3 | One tablet{esc} twice.\n" in out
    # the caret spans the escape as the reader sees it
    assert "       |           " + "^" * len(esc) + "\n" in out

# -- 6. --show-config's "excluded" is what the check does --------------------------------
def _site(tmp_path):
    page = "# X\n\nText.\n"
    for rel in ("content/drafts/x.md", "node_modules/p/y.md", "content/live/z.md"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(page, encoding="utf-8")
    (tmp_path / ".conditionlint.yaml").write_text('exclude: ["content/drafts/**"]\n',
                                                  encoding="utf-8")


def _shown_excluded(tmp_path, *args):
    import json

    from tests.conftest import run_cli
    r = run_cli("check", "--no-cache", "--show-config", *args, cwd=tmp_path, input=b"")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["excluded"]


def _checked(tmp_path, *args):
    from tests.conftest import run_cli
    r = run_cli("check", "--no-cache", "--output-format", "json", *args, cwd=tmp_path,
                input=b"# X\n\nText.\n")
    import json
    return json.loads(r.stdout)["summary"]["files"] if r.stdout.strip() else 0


@pytest.mark.parametrize("args, excluded", [
    (("content/drafts/x.md",), False),
    (("--force-exclude", "content/drafts/x.md"), True),
    (("node_modules/p/y.md",), False),
    (("--force-exclude", "node_modules/p/y.md"), True),
    (("content/drafts/",), True),
    (("content/live/",), False),
    (("--stdin-filename", "content/drafts/q.md", "-"), False),
    (("--force-exclude", "--stdin-filename", "content/drafts/q.md", "-"), True),
])
def test_show_config_excluded_matches_the_check(tmp_path, args, excluded):
    _site(tmp_path)
    assert _shown_excluded(tmp_path, *args) is excluded
    assert (_checked(tmp_path, *args) == 0) is excluded


# -- 7. --show-config with --watch is a usage error --------------------------------------
def test_show_config_with_watch_is_refused(tmp_path):
    from tests.conftest import run_cli
    (tmp_path / "a.md").write_text("# X\n\nText.\n", encoding="utf-8")
    r = run_cli("check", "--show-config", "--watch", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert b"cannot be used with --watch" in r.stderr
    assert r.stdout == b""


# -- 8. CL410 / CL411: near neighbours of the documented examples -------------------------
@pytest.mark.parametrize("code, sentence", [
    ("CL411", "It contains herbs, so there are no side effects."),
    ("CL411", "Being herbal, it has no side effects."),
    ("CL411", "Completely natural, with zero side effects."),
    ("CL411", "Being plant-based, it causes no side effects."),
    ("CL411", "Purely herbal, with no risks."),
    ("CL410", "Don't bother with the GP."),
    ("CL410", "Don't waste time with the doctor."),
    ("CL410", "Skip the GP and book with us directly."),
    ("CL410", "Forget the GP, book with us."),
    ("CL410", "Many clients no longer need their blood pressure tablets."),
    ("CL410", "Our clients no longer need their asthma medication."),
])
def test_risky_wording_near_neighbours_are_reported(code, sentence):
    found = lint(f"# X\n\n{sentence}\n", ["CL410", "CL411"])
    assert code in {f.code for f in found}


@pytest.mark.parametrize("sentence", [
    "Skip the queue and book online.",
    "You no longer need a referral to see us.",
    "Don't bother with the gym if your knee is sore.",
    "Skip the GP surgery car park; use the back entrance.",
    "Being herbal, it may still have side effects.",
    "It contains herbs, so check with your pharmacist.",
    "Most people no longer need their inhaler once the cold clears.",
    "Natural remedies can have side effects.",
    "If your doctor agrees, you may no longer need your blood pressure tablets.",
    "You no longer need a prescription for this.",
    "Don't bother with the forms; we fill them in.",
    "Don't bother with the GP for a cold; a pharmacist can help.",
])
def test_risky_wording_look_alikes_stay_quiet(sentence):
    assert lint(f"# X\n\n{sentence}\n", ["CL410", "CL411"]) == []


# -- 9. --fix --diff: the README says what the CLI does -------------------------------------
def test_readme_says_fix_and_diff_cannot_be_combined(tmp_path):
    from pathlib import Path

    from tests.conftest import run_cli
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `--fix`, `--diff`"))
    assert "cannot be used together" in row and "exit 2" in row
    (tmp_path / "a.md").write_text("# X\n\nText.\n", encoding="utf-8")
    r = run_cli("check", "--fix", "--diff", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and b"--fix and --diff cannot be used together" in r.stderr
