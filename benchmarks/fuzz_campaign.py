"""A long fuzz campaign over ``lint_text`` and ``fix_text`` (the quick property tests
in tests/test_fuzz_properties.py run a few hundred inputs; this runs 100,000+).

    .venv/bin/python benchmarks/fuzz_campaign.py --count 100000 --jobs 2 --seed 1

Inputs come from four generators, in turn: random Markdown built from page
fragments (headings, lists, tables, citations, suppressions, HTML comments,
mojibake, control and bidi characters, every line ending), random front matter,
random bytes, and byte-level mutations (flips, splices, truncations) of the
example pages. Each input is checked for:

- no exception escapes ``lint_text`` and no CL901 internal-error finding;
- every finding's span is inside the text and well formed (1-based, end >= start);
- for one input in ten: linting the same bytes twice gives the same findings;
- for one input in ``--fix-every``: ``fix_text`` is idempotent (fixing the fixed
  bytes changes nothing more), every run of bytes that is not valid UTF-8 is still in
  the fixed bytes, in the same order (two may now touch, where a fix removed what stood
  between them), and no U+FFFD was added.

Failures are written, with the input bytes (base64), to ``--out`` (JSON lines) and
summarised at the end. The exit code is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import sys
import time
import traceback
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-29"

FRAGMENTS = [
    "# Back pain\n", "## Symptoms\n", "## Treatment\n", "## Evidence\n", "### When to seek help\n",
    "Heading\n=======\n", "Sub\n---\n", "- item\n", "  - nested\n", "1. first\n", "> quote\n",
    ">> deeper\n", "```\ncode [@x]\n```\n", "~~~\nunclosed fence\n", "    indented code\n",
    "| a | b |\n|---|---|\n| c | d |\n", "|x|\n|-|\n", "<!-- comment -->\n", "<!-- unclosed\n",
    "<!-- conditionlint-disable-next-line CL101 -- why -->\n",
    "<!-- conditionlint-disable CL3 -->\n", "<!-- conditionlint-enable -->\n",
    "<!-- conditionlint-disable-file -->\n", "<!-- conditionlint-disable-line NOPE -->",
    "<div>html</div>\n", "Acupuncture is safe and effective [@vickers2018].\n",
    "<div class=\"note\">Acupuncture cures migraines.</div>\n", "<Div>\n<p>Zinc cures colds.</p>\n",
    "<!-- <div>x cures y.</div>\n", "<p>a <div>b.</div></p>\n", "</div>\n", "<h2>Symptoms</h2>\n",
    "Exercise helps (https://www.nice.org.uk/guidance/ng59).\n", "![c](https://doi.org/10.1000/x)",
    "Zinc works ([a non-randomised trial](https://doi.org/10.1000/z.1)).\n",
    "It cures pain in 100% of patients.\n", "A 2025 meta-analysis showed benefit.[^1]\n",
    "[^1]: Smith J. 2020. doi:10.1000/xyz123\n", "[^x]: \n", "[@a; @b]", "[@", "[^",
    "See [link](http://example.com \"t\") and ![img](x.png).\n", "<https://x.org>\n",
    "*em* **strong** ***both*** _u_ __uu__ ~~del~~\n", "`code` ``co`de``\n",
    "Dr. Smith et al. e.g. 3.5 mg. Next sentence.\n", "Consult your doctor.\n",
    "Call 911 or go to the emergency department if you have chest pain.\n",
    "This page is not medical advice.\n", "\u00e2\u20ac\u201d", "\u0e42\u20ac\u201d",
    "\u00c3\u00a9", "\ufffd", "\u202e", "\u200b", "\u00ad", "\x1b[31m", "\x1b]8;;http://x\x1b\\",
    "\x00", "\x07", "\x85", "\t", "\r", "\r\n", "\n", "\n\n", "\\", "&amp;", "&#0;", "\u2028",
    "---\n", "***\n", "* * *\n", "+ plus\n", "10) paren\n", "\ud7ff", "\U0001f600", "\u0301",
]

FM_KEYS = ["title", "type", "therapy", "reviewed_by", "last_reviewed", "next_review",
           "evidence", "id", "doi", "pmid", "year", "design", "certainty", "1", "? [a]",
           "<<", "&a", "*a", "!!python/object:os.system", "", "'quoted'", "\"dq\""]
FM_VALUES = ["x", "2026-10-01", "2026-13-45", "yesterday", "", "~", "null", "[a, b]", "{a: 1}",
             "&anc v", "*anc", "!!binary aGk=", "!!python/name:os.system", "10.1000/x",
             "\"unterminated", "'q'", "|\n  block\n", ">\n  folded\n", "1e400", "0x1F",
             "-", "- a\n  - b", "[" * 50, "{" * 20, "\t", "@x", "`x`", "%x", "2026-10-01T10:00"]


def gen_markdown(rng: random.Random) -> bytes:
    parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 40))]
    if rng.random() < 0.3:
        parts.insert(0, gen_front_matter_text(rng))
    text = "".join(parts)
    if rng.random() < 0.2:
        text = text.replace("\n", rng.choice(["\r\n", "\r"]))
    enc = rng.choice(["utf-8"] * 8 + ["utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
    return text.encode(enc, errors="replace") if enc != "utf-8" else \
        text.encode("utf-8", errors="surrogatepass")


def gen_front_matter_text(rng: random.Random) -> str:
    lines = ["---"]
    for _ in range(rng.randint(0, 12)):
        indent = " " * rng.choice([0, 0, 0, 2, 4, 1])
        lead = rng.choice(["", "", "- "])
        lines.append(f"{indent}{lead}{rng.choice(FM_KEYS)}: {rng.choice(FM_VALUES)}")
    if rng.random() < 0.9:
        lines.append(rng.choice(["---", "...", "--- ", "----"]))
    return "\n".join(lines) + "\n" + rng.choice(["# Title\n", "", "text\n"])


def gen_front_matter(rng: random.Random) -> bytes:
    return gen_front_matter_text(rng).encode("utf-8", errors="surrogatepass")


def gen_bytes(rng: random.Random) -> bytes:
    n = rng.choice([0, 1, 2, 3, 7, 64, 512, 1024])
    alphabet = rng.choice([None, b"#-*_[]()<>!`\n\r \t@^:|>0123456789abc\\", b"\xe0\xb8\x80\xc3\xa2\xe2\x80\n "])
    if alphabet is None:
        return bytes(rng.getrandbits(8) for _ in range(n))
    return bytes(rng.choice(alphabet) for _ in range(n))


def seeds() -> list[bytes]:
    out = []
    for folder in ("examples/bad", "examples/good"):
        for p in sorted((ROOT / folder).glob("*.md")):
            out.append(p.read_bytes())
    return out or [b"# Page\n\nText.\n"]


def gen_mutation(rng: random.Random, pool: list[bytes]) -> bytes:
    data = bytearray(rng.choice(pool))
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        op = rng.randrange(5)
        i = rng.randrange(len(data))
        if op == 0:
            data[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            del data[i:i + rng.randint(1, 64)]
        elif op == 2:
            other = rng.choice(pool)
            j = rng.randrange(max(1, len(other)))
            data[i:i] = other[j:j + rng.randint(1, 200)]
        elif op == 3:
            data[i:i] = rng.choice(FRAGMENTS).encode("utf-8", errors="surrogatepass")
        else:
            data = data[:i]
    return bytes(data)


def _bad_runs(data: bytes) -> list[bytes]:
    """The runs of bytes that do not decode, in order (UTF-8 files only)."""
    from conditionlint.source import Source

    enc = Source.from_bytes("page.md", data).encoding
    if not enc.is_utf8:
        return []
    return [data[e.byte_offset:e.byte_offset + e.byte_length] for e in enc.errors]


def _bad_bytes_kept(before: bytes, after: bytes) -> bool:
    pos = 0
    for run in _bad_runs(before):
        at = after.find(run, pos)
        if at < 0:
            return False
        pos = at + len(run)
    return after.count(b"\xef\xbf\xbd") <= before.count(b"\xef\xbf\xbd")


def check_one(data: bytes, do_fix: bool, repeat: bool = True) -> list[str]:
    """Problems found with this input (empty when it passes)."""
    from conditionlint.api import fix_text, lint_text
    from conditionlint.source import Source

    problems: list[str] = []
    try:
        first = lint_text(data, today=TODAY)
        second = lint_text(data, today=TODAY) if repeat else first
    except BaseException:  # noqa: BLE001 - that is what we are looking for
        return ["exception in lint_text: " + traceback.format_exc(limit=6)]
    if [f.sort_key() for f in first] != [f.sort_key() for f in second] or \
            [f.message for f in first] != [f.message for f in second]:
        problems.append("non-deterministic findings")
    src = Source.from_bytes("page.md", data)
    n = len(src.text)
    lines = src.line_count
    for f in first:
        if f.code == "CL901":
            problems.append(f"CL901: {f.message}")
        if f.code == "CL903":
            continue
        if not (0 <= f.start <= f.end <= n):
            problems.append(f"{f.code} span {f.start}-{f.end} outside 0-{n}")
        if not (1 <= f.line <= f.end_line <= lines) or f.column < 1 or f.end_column < 1 or \
                (f.line == f.end_line and f.end_column < f.column):
            problems.append(f"{f.code} bad position {f.line}:{f.column}-{f.end_line}:{f.end_column}")
    if do_fix:
        try:
            once = fix_text(data, today=TODAY)
            twice = fix_text(once, today=TODAY)
            if once != twice:
                problems.append("fix_text not idempotent")
            if once != data and not _bad_bytes_kept(data, once):
                problems.append("fix_text changed bytes that are not valid UTF-8")
        except BaseException:  # noqa: BLE001
            problems.append("exception in fix_text: " + traceback.format_exc(limit=6))
    return problems


def work(args: tuple[int, int, int]) -> tuple[int, list[tuple[int, str, str, list[str]]], float]:
    seed, start, count = args
    fix_every = WORK_FIX_EVERY
    pool = seeds()
    gens = ["markdown", "front-matter", "bytes", "mutation"]
    failures = []
    t0 = time.perf_counter()
    for i in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + i)
        kind = gens[i % 4]
        if kind == "markdown":
            data = gen_markdown(rng)
        elif kind == "front-matter":
            data = gen_front_matter(rng)
        elif kind == "bytes":
            data = gen_bytes(rng)
        else:
            data = gen_mutation(rng, pool)
        probs = check_one(data, do_fix=(i % fix_every == 0), repeat=(i % 10 == 1))
        if probs:
            failures.append((i, kind, base64.b64encode(data).decode(), probs))
    return count, failures, time.perf_counter() - t0


WORK_FIX_EVERY = 10


def main() -> int:
    global WORK_FIX_EVERY
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fix-every", type=int, default=20)
    ap.add_argument("--out", default="fuzz-failures.jsonl")
    args = ap.parse_args()
    WORK_FIX_EVERY = args.fix_every
    chunk = 1000
    tasks = [(args.seed, s, min(chunk, args.count - s)) for s in range(0, args.count, chunk)]
    done = 0
    failures: list[tuple[int, str, str, list[str]]] = []
    t0 = time.perf_counter()
    with Pool(args.jobs) as pool:
        for n, fails, _secs in pool.imap_unordered(work, tasks):
            done += n
            failures.extend(fails)
            if done % 10_000 == 0 or done == args.count:
                print(f"{done} inputs, {len(failures)} failing, "
                      f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - t0
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, kind, b64, probs in sorted(failures):
            fh.write(json.dumps({"index": i, "kind": kind, "input": b64, "problems": probs})
                     + "\n")
    kinds: dict[str, int] = {}
    for _, _, _, probs in failures:
        for p in probs:
            key = p.split(":")[0] if not p.startswith("exception") else p.splitlines()[-1][:120]
            kinds[key] = kinds.get(key, 0) + 1
    fixes = len(range(0, args.count, args.fix_every))
    print(f"inputs: {done} (fix checked on {fixes}), seed {args.seed}, jobs {args.jobs}, "
          f"{elapsed:.0f} s ({done / elapsed:.0f} inputs/s)")
    print(f"failing inputs: {len(failures)} (details in {args.out})")
    for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {v:6d}  {k}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
