"""CL301-CL306 on pages: positions, messages, fixes, code skipping, options."""

from __future__ import annotations

from conditionlint.checks import encoding
from conditionlint.parser import parse
from conditionlint.source import Source


def run(rule, data: bytes | str, **options):
    if isinstance(data, str):
        data = data.encode("utf-8")
    doc = parse(Source.from_bytes("x.md", data))
    defaults = rule.__conditionlint_rule__.defaults()
    defaults.update(options)
    return doc, list(rule(doc, defaults))


def pos(doc, problem):
    p = doc.source.position(problem.start)
    return p.line, p.column


def test_cl301_message_position_and_fix():
    doc, [p] = run(encoding.mojibake_rule, "# Pain\n\nLasts (โ‰ฅ3 months).\n")
    assert pos(doc, p) == (3, 8)
    assert p.message == "'โ‰ฅ' looks like '≥' (UTF-8 read as Windows-874)"
    assert [(e.start, e.end, e.replacement) for e in p.fix.edits] == [(p.start, p.end, "≥")]


def test_cl301_skips_code_unless_asked():
    page = "# Pain\n\n`Ã©` and\n\n```\nâ€™\n```\n"
    assert run(encoding.mojibake_rule, page)[1] == []
    assert len(run(encoding.mojibake_rule, page, **{"check-code": True})[1]) == 2


def test_cl301_checks_front_matter():
    doc, [p] = run(encoding.mojibake_rule, "---\ntitle: CafÃ© pain\n---\n# Pain\n")
    assert pos(doc, p) == (2, 11) and "looks like 'é'" in p.message


def test_cl302_reports_line_column_and_byte_offset():
    data = "# Pain\n\nna\u00efve\n".encode("utf-8").replace("ï".encode(), b"\xef")
    doc, [p] = run(encoding.invalid_utf8, data)
    assert p.message == ("invalid UTF-8 (1 byte) at line 3, column 3 (byte offset 10); "
                         "convert the file to UTF-8")
    # The replacement character standing for it is CL302's, not CL303's.
    assert run(encoding.replacement_character, data)[1] == []


def test_cl302_utf16_with_bom():
    data = "# Pain\n".encode("utf-16")
    doc, [p] = run(encoding.invalid_utf8, data)
    assert "UTF-16" in p.message and "save it as UTF-8" in p.message


def test_cl303_replacement_character():
    doc, [p] = run(encoding.replacement_character, "# Gout\n\n360 \ufffdmol/L\n")
    assert pos(doc, p) == (3, 5) and p.fix is None


def test_cl304_controls_escaped_and_removed_crlf():
    doc, probs = run(encoding.control_character, "# A\r\n\r\nx\x1b\x08y\r\nz\x9d\r\n")
    assert [(pos(doc, p), p.message) for p in probs] == [
        ((3, 2), "control characters <U+001B><U+0008>"),
        ((4, 2), "control character <U+009D>"),
    ]
    assert [(e.start, e.end, e.replacement) for e in probs[0].fix.edits] == [(8, 10, "")]


def test_lone_c1_with_a_windows_1252_meaning_is_cl301():
    # "\x85" is what Windows-1252's "…" becomes when read as Latin-1.
    page = "# A\n\nwait\x85 then\n"
    assert run(encoding.control_character, page)[1] == []
    [p] = run(encoding.mojibake_rule, page)[1]
    assert p.message == "'<U+0085>' looks like '…' (Windows-1252 read as Latin-1)"


def test_cl304_leaves_mojibake_controls_to_cl301_and_honours_allowed():
    assert run(encoding.control_character, "# A\n\nHe said â€œyesâ€\x9d.\n")[1] == []
    assert run(encoding.control_character, "# A\n\nx\x0cy\n",
               **{"allowed-characters": ["U+000C"]})[1] == []


def test_cl305_bom():
    doc, [p] = run(encoding.byte_order_mark, b"\xef\xbb\xbf# A\n")
    assert (p.start, p.end) == (0, 0)
    assert p.fix.description == "remove byte-order mark"
    assert run(encoding.byte_order_mark, b"# A\n")[1] == []


def test_cl306_invisible_and_bidi():
    doc, probs = run(encoding.invisible_character,
                     "# A\n\ncetiri\u200bzine \u202eevil\u202c\n")
    assert [(pos(doc, p), p.message, p.severity) for p in probs] == [
        ((3, 7), "invisible zero-width space <U+200B>", None),
        ((3, 13), "invisible right-to-left override <U+202E>", "error"),
        ((3, 18), "invisible pop directional formatting <U+202C>", "error"),
    ]


def test_cl306_joiners_where_scripts_need_them():
    page = "# A\n\n👨\u200d👩\u200d👧 می\u200cخواهم क्\u200dष\n"
    assert run(encoding.invisible_character, page)[1] == []
    assert len(run(encoding.invisible_character, "# A\n\nab\u200dc\n")[1]) == 1


# --------------------------------------------------------------- end to end (API, CLI)

import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import stat  # noqa: E402

import pytest  # noqa: E402

from conditionlint.api import fix_text, lint_text  # noqa: E402
from tests.conftest import SHARED, run_cli  # noqa: E402

SEED = SHARED / "seeds" / "000_b7ecc10a96cb5304.txt"
SEED_DAMAGE = [((8, 277), "โ€”", "—"), ((8, 363), "โ‰ฅ", "≥"), ((60, 81), "โ€“", "–"),
               ((62, 122), "โ€“", "–"), ((68, 18), "โ€”", "—")]


@pytest.fixture
def seed_page(tmp_path):
    if not SEED.exists():
        pytest.skip("../shared/seeds is not present")
    page = tmp_path / "back-pain.md"
    shutil.copyfile(SEED, page)
    return page


def test_seed_page_reports_five_sequences_at_exact_positions(seed_page):
    found = [f for f in lint_text(seed_page.read_bytes(), path="back-pain.md", select=["CL3"])]
    assert [((f.line, f.column), f.code, f.message) for f in found] == [
        (where, "CL301", f"'{bad}' looks like '{good}' (UTF-8 read as Windows-874)")
        for where, bad, good in SEED_DAMAGE]
    assert all(f.end_column == f.column + 3 and f.fix for f in found)


def test_seed_page_fix_repairs_and_second_run_is_clean(seed_page):
    before = seed_page.read_bytes()
    result = run_cli("check", "--select", "CL3", "--fix", str(seed_page))
    assert result.returncode == 0, result.stdout + result.stderr
    after = seed_page.read_bytes()
    expected = before
    for bad, good in (("โ€”", "—"), ("โ€“", "–"), ("โ‰ฅ", "≥")):
        expected = expected.replace(bad.encode(), good.encode())
    assert after == expected  # every other byte unchanged
    again = run_cli("check", "--select", "CL3", "--output-format", "json", str(seed_page))
    assert again.returncode == 0
    assert "CL30" not in again.stdout.decode()


def test_fix_keeps_crlf_removes_bom_and_controls_and_no_final_newline():
    data = b"\xef\xbb\xbf# Pain\r\n\r\nx\x1by, caf\xc3\x83\xc2\xa9\r\nlast line"
    assert fix_text(data, select=["CL3"]) == b"# Pain\r\n\r\nxy, caf\xc3\xa9\r\nlast line"


def test_invalid_bytes_reported_with_byte_offset_through_the_api():
    data = b"# Pain\n\nLasts \x96 3 months.\n"
    [f] = [f for f in lint_text(data, select=["CL3"])]
    assert (f.code, f.line, f.column) == ("CL302", 3, 7)
    assert "byte offset 14" in f.message


def test_diff_writes_nothing(seed_page):
    before = seed_page.read_bytes()
    result = run_cli("check", "--select", "CL3", "--diff", str(seed_page))
    assert "+Back and neck pain" in result.stdout.decode() or "—" in result.stdout.decode()
    assert seed_page.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_read_only_file_is_a_clear_error_and_unchanged(seed_page):
    # The fixer checks the mode bits, so this holds for root (CI) too.
    before = seed_page.read_bytes()
    seed_page.chmod(stat.S_IRUSR)
    result = run_cli("check", "--select", "CL3", "--fix", str(seed_page))
    assert result.returncode != 0 and seed_page.read_bytes() == before
    assert b"is read-only; the file is unchanged" in result.stderr
    assert b"Traceback" not in result.stderr


def test_json_findings_carry_fix_edits(seed_page):
    result = run_cli("check", "--select", "CL301", "--output-format", "json", str(seed_page))
    findings = json.loads(result.stdout.decode())["findings"]
    assert [f["fix"]["edits"][0]["replacement"] for f in findings] == \
        [good for _, _, good in SEED_DAMAGE]
    first = findings[0]["fix"]["edits"][0]
    assert (first["line"], first["column"], first["end_column"]) == (8, 277, 280)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_findings_not_tracebacks(data):
    for f in lint_text(data, select=["CL3"]):
        # NUL bytes make the file "binary" (CL903, the engine's call), not a page.
        assert f.code.startswith("CL3") or f.code == "CL903"
        assert f.line >= 1 and f.column >= 1


def test_a_stray_bom_does_not_make_a_line_right_to_left():
    # U+FEFF was inside the range of Arabic presentation forms the rule reads as
    # right-to-left text, where direction marks are wanted: the LRM went unreported
    from conditionlint.api import lint_text

    got = lint_text("# P\n\nEnglish \u200e mark and \ufeff bom.\n", select=["CL306"])
    assert [(f.line, f.column) for f in got] == [(3, 9), (3, 20)]
    assert lint_text("# P\n\n\u0645\u0631\u062d\u0628\u0627 \u200f text.\n",
                     select=["CL306"]) == []
