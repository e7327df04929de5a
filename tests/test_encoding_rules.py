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
