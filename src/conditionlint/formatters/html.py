"""A self-contained HTML report for editors and reviewers.

One page, no scripts and no external resources (a Content-Security-Policy forbids
both): a checklist per page (sections, metadata, encoding, claims, disclaimer and
safety), counts per rule, and each finding with its source line and the span marked.

Everything from the checked pages is untrusted: it is HTML-escaped, and control and
bidi characters (which could reorder or hide text) are shown as ``<U+XXXX>``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from conditionlint.formatters import Report, cases, rule_url, run_errors
from conditionlint.formatters.text import escape, plural
from conditionlint.model import Finding
from conditionlint.registry import Registry

# Checklist columns: (label, code prefix). CL9xx (the tool itself) goes under "Other".
CHECKLIST = (("Sections", "CL1"), ("Metadata", "CL2"), ("Encoding", "CL3"),
             ("Claims & evidence", "CL4"), ("Disclaimer & safety", "CL5"))
MAX_EXCERPT = 240  # characters of a source line shown around a finding

_CSS = """
:root{--err:#b42318;--warn:#b54708;--info:#175cd3;--ok:#067647;--muted:#667085;
--line:#eaecf0;--bg:#f9fafb}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#101828;
margin:0;background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px}
h3{font-size:16px;margin:0;word-break:break-all}
.meta{color:var(--muted);margin:0 0 20px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;
min-width:130px}
.card b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);
border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);
vertical-align:top}
th{background:#f2f4f7;font-size:13px;color:#344054}
td.c,th.c{text-align:center}
.ok{color:var(--ok)}.error{color:var(--err)}.warning{color:var(--warn)}
.info{color:var(--info)}.na{color:var(--muted)}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;
font-weight:600;color:#fff}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}
.badge.info{background:var(--info)}
section.file{background:#fff;border:1px solid var(--line);border-radius:8px;
margin:16px 0;padding:14px 16px}
.finding{border-top:1px solid var(--line);padding:10px 0}
.finding:first-of-type{border-top:0}
.where{color:var(--muted);font-size:13px;font-family:ui-monospace,monospace}
.msg{margin:2px 0 6px}
pre{margin:0;background:#f2f4f7;border-radius:6px;padding:6px 10px;overflow-x:auto;
font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap;
word-break:break-word}
pre .ln{color:var(--muted);user-select:none}
mark{background:#fde68a;border-bottom:2px solid var(--warn);padding:0 1px}
.fix{color:var(--ok);font-size:13px}
a{color:#175cd3}
.scroll{overflow-x:auto}
"""


def _e(text: str) -> str:
    """Untrusted text -> safe HTML text (controls and bidi made visible)."""
    return html.escape(_NONCHARACTER.sub(_shown, escape(text)), quote=True)


# Unicode noncharacters (U+FFFE, a byte-swapped byte-order mark, among them): HTML
# parsers report them as errors; they are shown escaped like the controls.
_NONCHARACTER = re.compile("[\ufdd0-\ufdef" + "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)) + "]")


def _shown(m: re.Match[str]) -> str:
    return f"<U+{ord(m.group()):04X}>"


def _cell(findings: list[Finding], prefix: str, has_rules: bool) -> str:
    hits = [f for f in findings if f.code.startswith(prefix)]
    if not hits:
        if not has_rules:
            return '<td class="c na" title="no rules of this kind">–</td>'
        return '<td class="c ok" title="no findings from these rules">✓ none</td>'
    c = Counter(f.severity for f in hits)
    worst = next(s for s in ("error", "warning", "info") if c[s])
    parts = [plural(c[s], s) for s in ("error", "warning", "info") if c[s]]
    return f'<td class="c {worst}">✗ {", ".join(parts)}</td>'


def _excerpt(f: Finding) -> str:
    line = f.snippet
    if not line:
        return ""
    start = min(max(f.column - 1, 0), len(line))
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = min(max(end, start), len(line))
    lo = max(0, start - 60) if len(line) > MAX_EXCERPT else 0
    hi = min(len(line), max(lo + MAX_EXCERPT, end))
    before, span, after = line[lo:start], line[start:end], line[end:hi]
    marked = f"<mark>{_e(span)}</mark>" if span else "<mark> </mark>"
    return (f'<pre><span class="ln">{f.line:>5} │ </span>{"…" if lo else ""}{_e(before)}'
            f'{marked}{_e(after)}{"…" if hi < len(line) else ""}</pre>')


def _head(report: Report, pages: int, passing: int) -> list[str]:
    """The document up to the checklist's first row."""
    counts = report.counts()
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
           'style-src \'unsafe-inline\'">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>conditionlint report</title>", f"<style>{_CSS}</style>", "</head>",
           "<body><main>", "<h1>conditionlint report</h1>",
           f'<p class="meta">conditionlint {_e(report.version)} · '
           f"{plural(pages, 'page')} checked</p>",
           '<div class="cards">',
           f'<div class="card"><b>{pages}</b>pages</div>',
           f'<div class="card"><b>{passing}</b>pages passing</div>',
           f'<div class="card error"><b>{counts["error"]}</b>errors</div>',
           f'<div class="card warning"><b>{counts["warning"]}</b>warnings</div>',
           f'<div class="card info"><b>{counts["info"]}</b>notes</div>',
           f'<div class="card"><b>{report.fixable()}</b>fixable</div>', "</div>"]
    errors = run_errors(report)
    if errors:  # exit code 2: what was not checked, and why, before the checklist
        out += ['<h2 class="error">The run failed</h2>', "<ul>"]
        out += [f"<li><code>{_e(e.where())}</code>: {_e(e.message)}"
                + (" (the pages under it were not checked)" if e.kind == "config" else "")
                + "</li>" for e in errors]
        out.append("</ul>")
    out += ["<h2>Checklist per page</h2>", '<div class="scroll">',
            "<table><thead><tr><th>Page</th>"]
    out += [f'<th class="c">{label}</th>' for label, _ in CHECKLIST]
    out += ['<th class="c">Other</th></tr></thead><tbody>']
    return out


def _row(path: str, anchor: str, fs: list[Finding], families: dict[str, bool]) -> str:
    """A page's checklist row."""
    row = [f'<tr><td><a href="#{anchor}">{_e(path)}</a></td>']
    row += [_cell(fs, prefix, families[prefix]) for _, prefix in CHECKLIST]
    other = [f for f in fs if not f.code.startswith(tuple(x for _, x in CHECKLIST))]
    row.append(_cell(other, "", True))
    return "".join(row) + "</tr>"


def _per_rule(report: Report, per_rule: Counter[tuple[str, str]],
              pages_of: Counter[str]) -> list[str]:
    """The end of the checklist and the table of findings per rule."""
    out = ["</tbody></table></div>",
           # The report does not know which rules the configuration turned off for a page.
           '<p class="meta">✓ none: no findings from the rules of that kind that ran '
           '(rules turned off by --select, --ignore or the configuration do not '
           'report); –: no rules of that kind are installed.</p>',
           "<h2>Findings per rule</h2>"]
    if per_rule:
        out.append('<table><thead><tr><th>Rule</th><th>Name</th><th>Default severity</th>'
                   '<th class="c">Findings</th><th class="c">Pages</th></tr></thead><tbody>')
        for (code, name), n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            r = report.registry.rules.get(code)
            sev = r.severity if r else ""
            out.append(f"<tr><td>{_linked(code, report.registry)}</td>"
                       f"<td>{_e(name)}</td><td class=\"{_e(sev)}\">{_e(sev)}</td>"
                       f'<td class="c">{n}</td><td class="c">{pages_of[code]}</td></tr>')
        out.append("</tbody></table>")
    else:
        out.append('<p class="ok">No findings.</p>')
    out.append("<h2>Pages</h2>")
    return out


def _linked(code: str, registry: Registry, bold: bool = False) -> str:
    """A rule's code, linked to its documentation when it has any."""
    text = f"<b>{_e(code)}</b>" if bold else _e(code)
    url = rule_url(code, registry)
    return f'<a href="{_e(url)}">{text}</a>' if url else text


def _section(path: str, anchor: str, fs: list[Finding], registry: Registry) -> list[str]:
    """A page's findings, each with its source line."""
    status = ('<span class="ok">✓ no findings</span>' if not fs
              else _e(plural(len(fs), "finding")))
    out = [f'<section class="file" id="{anchor}"><h3>{_e(path)}</h3>'
           f'<p class="meta">{status}</p>']
    for f in fs:
        sev = f.severity if f.severity in ("error", "warning", "info") else "info"
        fix = (f'<div class="fix">fixable: {_e(f.fix.description)}</div>'
               if f.fix is not None else "")
        out.append(
            f'<div class="finding"><span class="badge {sev}">{_e(f.severity)}</span> '
            f"{_linked(f.code, registry, bold=True)} {_e(f.name)} "
            f'<span class="where">line {f.line}, column {f.column}</span>'
            f'<div class="msg">{_e(f.message)}</div>{_excerpt(f)}{fix}</div>')
    out.append("</section>")
    return out


_FOOT = "</main></body></html>"


def stream(report: Report) -> Iterator[str]:
    """The report a few lines at a time (each ending in a newline): the files and
    findings are read three times (the totals, the checklist, the pages), never held
    whole, so a report on 10,000 pages needs no more memory than one on ten."""
    families = {prefix: any(c.startswith(prefix) for c in report.registry.rules)
                for _, prefix in CHECKLIST}
    pages = passing = 0
    per_rule: Counter[tuple[str, str]] = Counter()
    pages_of: Counter[str] = Counter()
    for _, fs in cases(report):
        pages += 1
        passing += not fs
        per_rule.update((f.code, f.name) for f in fs)
        pages_of.update({f.code for f in fs})
    yield "".join(line + "\n" for line in _head(report, pages, passing))
    for i, (path, fs) in enumerate(cases(report)):
        yield _row(path, f"file-{i + 1}", fs, families) + "\n"
    yield "".join(line + "\n" for line in _per_rule(report, per_rule, pages_of))
    for i, (path, fs) in enumerate(cases(report)):
        yield "".join(line + "\n" for line in _section(path, f"file-{i + 1}", fs, report.registry))
    yield _FOOT + "\n"


def render(report: Report) -> str:
    return "".join(stream(report))


def render_whole(report: Report) -> str:
    """The report built whole in memory (what :func:`stream` writes piece by piece;
    the tests compare the two)."""
    by_file: dict[str, list[Finding]] = {p: [] for p in report.files}
    for path, group in groupby(report.findings, key=lambda f: f.path):
        by_file.setdefault(path, []).extend(group)
    paths = sorted(by_file)
    anchors = {p: f"file-{i + 1}" for i, p in enumerate(paths)}
    families = {prefix: any(c.startswith(prefix) for c in report.registry.rules)
                for _, prefix in CHECKLIST}
    out = _head(report, len(paths), sum(1 for p in paths if not by_file[p]))
    out += [_row(p, anchors[p], by_file[p], families) for p in paths]
    per_rule = Counter((f.code, f.name) for f in report.findings)
    pages_of = Counter({code: len({f.path for f in report.findings if f.code == code})
                        for code, _ in per_rule})
    out += _per_rule(report, per_rule, pages_of)
    for p in paths:
        out += _section(p, anchors[p], by_file[p], report.registry)
    out.append(_FOOT)
    return "\n".join(out) + "\n"
