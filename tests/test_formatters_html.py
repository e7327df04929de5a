"""The HTML report: self-contained, escaped, with checklist, counts and excerpts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.conftest import TODAY, run_cli
from tests.integration_pages import write_site


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):  # noqa: ANN001
        self.text.append(data)


def _report(tmp_path) -> str:
    write_site(tmp_path)
    r = run_cli("check", "--output-format", "html", "-o", "report.html", "--today", TODAY,
                "--no-cache", "content", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout == b""
    return (tmp_path / "report.html").read_text("utf-8")


def test_self_contained_and_escaped(tmp_path) -> None:
    page = _report(tmp_path)
    p = _Tags()
    p.feed(page)
    tags = {t for t, _ in p.tags}
    assert "script" not in tags and "img" not in tags and "link" not in tags
    assert "iframe" not in tags
    csp = [a for t, a in p.tags if t == "meta" and a.get("http-equiv")]
    assert "default-src 'none'" in csp[0]["content"]
    # Every link is a rule page or an anchor inside the report.
    for t, a in p.tags:
        if t == "a":
            assert a["href"].startswith(("#", "https://github.com/conditionlint/"))
    # The page's own markup arrives as text, its bidi controls made visible.
    text = "".join(p.text)
    assert "50% & <script>alert(1)</script> <U+202E>evil<U+202C> people." in text
    assert "\u202e" not in page and "\x01" not in page
    assert "&lt;script&gt;" in page


def test_checklist_counts_and_excerpts(tmp_path) -> None:
    page = _report(tmp_path)
    rows = re.findall(r"<tr><td><a href=\"#file-\d+\">([^<]*)</a></td>(.*?)</tr>", page)
    by_page = {name: re.findall(r"<td class=\"c [^\"]+\"[^>]*>([^<]*)</td>", cells)
               for name, cells in rows}
    assert set(by_page) == {"content/clean.md", "content/control.md", "content/damaged.md",
                            "content/hostile.md", "content/nested dir/säge, 1.md"}
    # Columns: sections, metadata, encoding, claims, disclaimer, other.
    assert by_page["content/damaged.md"][0] == "✓ none"
    assert by_page["content/damaged.md"][2] == "✗ 1 error"
    assert by_page["content/nested dir/säge, 1.md"][0].startswith("✗ 2 errors")
    assert by_page["content/nested dir/säge, 1.md"][5] == "✗ 1 error"  # CL904
    # Counts per rule.
    assert re.search(r'CL301</a></td><td>mojibake</td><td class="error">error</td>'
                     r'<td class="c">1</td><td class="c">1</td>', page)
    # Each finding shows its source line with the span marked.
    assert ('<span class="ln">    7 │ </span>Migraine is a headache disorder with attacks '
            'of throbbing pain <mark>\u0e42\u20ac\u201d</mark> often one-sided.') in page


def test_empty_run_still_renders(tmp_path) -> None:
    (tmp_path / "a.md").write_text("# A\n", "utf-8")
    r = run_cli("check", "--output-format", "html", "--select", "CL105", "a.md",
                cwd=tmp_path)
    assert r.returncode == 0
    html = r.stdout.decode()
    assert "No findings." in html and "✓ no findings" in html
