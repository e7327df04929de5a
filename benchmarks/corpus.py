"""A deterministic corpus of condition pages for the benchmarks.

Pages look like what publishers keep: YAML front matter with review metadata and
evidence entries, an H1, sections (some pages miss a few), lists, a table now and
then, Pandoc citations and footnotes, a few vague references and, on some pages,
mojibake ("â€”" for "—"). The same ``(pages, seed)`` always gives the same bytes.

Layout under ``root``::

    pages/g00/<area>/<topic>/page-00000.md   N small pages (about 5 KB) in ten groups
    big/huge.md                               one page of about 5 MB
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

CONDITIONS = [
    "low back pain", "neck pain", "migraine", "tension headache", "sciatica",
    "knee osteoarthritis", "plantar fasciitis", "frozen shoulder", "tennis elbow",
    "carpal tunnel syndrome", "fibromyalgia", "insomnia", "anxiety", "nausea in pregnancy",
    "hay fever", "irritable bowel syndrome", "menstrual pain", "chronic fatigue",
    "restless legs", "tinnitus", "jaw pain", "hip pain", "shin splints", "gout",
]
THERAPIES = ["acupuncture", "massage", "physiotherapy", "yoga", "tai chi", "chiropractic"]
AREAS = ["pain", "sleep", "mental-health", "womens-health", "digestive", "joints"]
DESIGNS = ["meta-analysis", "systematic-review", "rct", "cohort", "guideline"]
CERTAINTY = ["high", "moderate", "low", "very-low"]
JOURNALS = ["The Journal of Pain", "BMJ", "Pain Medicine", "Cochrane Database Syst Rev",
            "JAMA Internal Medicine", "Spine", "Headache", "Sleep Medicine Reviews"]

SENTENCES = [
    "{C} is common and most people have it at some point in their lives.",
    "It usually gets better on its own within a few weeks, e.g. with rest and gentle movement.",
    "Symptoms vary from a dull ache to a sharp pain that comes and goes.",
    "Some people notice it is worse in the morning or after sitting for a long time.",
    "A GP or physiotherapist will ask about your symptoms and examine you.",
    "Scans are rarely needed unless a specific cause is suspected (approx. 1 in 20 cases).",
    "Staying active and returning to normal activities as soon as you can is advised.",
    "Exercise programmes, manual therapy and psychological support may be offered.",
    "{T} may give a small, short-term reduction in pain compared with sham treatment.",
    "The effect was modest, about 0.5 points on a 10-point scale, and faded after 12 months.",
    "Dr. A. Example notes that results vary between people and between studies.",
    "Minor bruising or soreness can happen, and it usually settles within a day or two.",
    "Tell your practitioner if you take blood thinners, have a pacemaker or are pregnant.",
    "Poor posture, lack of exercise, stress and long hours at a desk can all play a part.",
    "Most cases have no single clear cause, and that is not a sign of anything serious.",
    "Keep a diary of when symptoms start, what you were doing and what helped.",
    "Heat, over-the-counter painkillers and gentle stretching help many people.",
    "Sleep, mood and pain affect each other, so improving one often helps the others.",
]
CLAIMS = [
    "{T} is a safe and effective treatment for {c}.",
    "{T} significantly reduces pain intensity in most patients.",
    "Safety: excellent, with no serious adverse events reported.",
    "Clinical studies prove that {t} cures {c} in a few sessions.",
]
VAGUE = ["a 2025 large RCT in older adults", "a recent meta-analysis",
         "an evidence map (2025)", "several studies", "research from 2024"]
MOJIBAKE = ["\u00e2\u20ac\u201d", "\u00e2\u20ac\u201c", "\u00e2\u20ac\u2122",
            "\u00e2\u2030\u00a5"]  # "—" "–" "’" "≥" read as Windows-1252
URGENT = [
    "Call 999 or go to A&E if you have numbness around your bottom, loss of bladder or "
    "bowel control, or weakness in both legs.",
    "See a GP urgently if you also have a high temperature, unexplained weight loss, or "
    "the pain started after a fall.",
]
DISCLAIMER = ("This page is general information and is not a substitute for professional "
              "medical advice, diagnosis or treatment. Always consult a qualified healthcare "
              "professional before starting, stopping or changing any treatment.")


def _para(rng: random.Random, cond: str, ther: str, n: int, cites: list[str]) -> str:
    out = []
    for _ in range(n):
        s = rng.choice(SENTENCES).format(C=cond.capitalize(), c=cond, T=ther.capitalize(),
                                         t=ther)
        r = rng.random()
        if cites and r < 0.35:
            s = s[:-1] + f" [@{rng.choice(cites)}]."
        elif cites and r < 0.42:
            s = s[:-1] + f"[^{rng.randint(1, 2)}]."
        out.append(s)
    return " ".join(out)


def page(rng: random.Random, index: int) -> str:
    cond = rng.choice(CONDITIONS)
    ther = rng.choice(THERAPIES)
    n_ev = rng.randint(1, 4)
    ids = [f"{cond.split()[0]}{2010 + rng.randint(0, 15)}{chr(97 + i)}" for i in range(n_ev)]
    fm = ["---", f"title: {cond.capitalize()} ({index})", "type: condition",
          f"therapy: {ther}",
          f"description: What {cond} is, how it is managed, and what the evidence says.",
          "reviewed_by: Dr A. Example, MB ChB"]
    if rng.random() < 0.85:
        y = rng.choice([2024, 2025, 2026])
        fm.append(f"last_reviewed: {y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        fm.append(f"next_review: {y + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    fm.append("evidence:")
    for i, key in enumerate(ids):
        fm += [f"  - id: {key}",
               f"    title: \"{ther.capitalize()} for {cond}: a {rng.choice(DESIGNS)} "
               f"of {rng.randint(3, 60)} trials\"",
               f"    year: {2010 + rng.randint(0, 15)}",
               f"    design: {rng.choice(DESIGNS)}",
               f"    certainty: {rng.choice(CERTAINTY)}",
               f"    journal: {rng.choice(JOURNALS)}"]
        if rng.random() < 0.8:
            fm.append(f"    doi: 10.{1000 + rng.randint(0, 8999)}/j.x.{2015 + i}."
                      f"{rng.randint(10, 99)}.{rng.randint(100, 999)}")
        if rng.random() < 0.5:
            fm.append(f"    pmid: \"{rng.randint(10000000, 39999999)}\"")
    fm.append("---")
    body = [f"# {cond.capitalize()}", "", _para(rng, cond, ther, rng.randint(3, 5), ids), ""]
    sections = ["Symptoms", "Causes", "Diagnosis", "Treatment", "Risks and side effects",
                "When to get urgent help", "References", "Disclaimer"]
    for name in sections:
        if name not in ("Treatment",) and rng.random() < 0.08:
            continue  # a missing section now and then
        body += [f"## {name}", ""]
        if name == "Symptoms":
            body += [f"- {rng.choice(SENTENCES).format(C=cond, c=cond, T=ther, t=ther)}"
                     for _ in range(rng.randint(3, 6))] + [""]
        elif name == "Treatment":
            body += [_para(rng, cond, ther, rng.randint(4, 7), ids), ""]
            body += [f"### {ther.capitalize()}", ""]
            text = _para(rng, cond, ther, rng.randint(3, 6), ids)
            if rng.random() < 0.3:
                text += " " + rng.choice(CLAIMS).format(T=ther.capitalize(), t=ther, c=cond)
            if rng.random() < 0.25:
                text += f" This is supported by {rng.choice(VAGUE)}."
            body += [text, ""]
            if rng.random() < 0.3:
                body += ["| Option | Evidence | Notes |", "| --- | --- | --- |"]
                body += [f"| {t.capitalize()} | {rng.choice(CERTAINTY)} | "
                         f"{rng.choice(SENTENCES).format(C=cond, c=cond, T=t, t=t)} |"
                         for t in rng.sample(THERAPIES, 3)] + [""]
        elif name == "When to get urgent help":
            body += [URGENT[0], "", URGENT[1], ""]
        elif name == "References":
            body += ["The studies cited on this page are listed in its evidence entries.", "",
                     "[^1]: See the evidence entries above, with their DOI.",
                     f"[^2]: {rng.choice(JOURNALS)}, {2010 + rng.randint(0, 15)}.", ""]
        elif name == "Disclaimer":
            body += [DISCLAIMER, ""]
        else:
            body += [_para(rng, cond, ther, rng.randint(3, 6), ids), ""]
    text = "\n".join(fm + body)
    if rng.random() < 0.15:  # encoding damage in a few pages
        words = text.split(" ")
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(words) // 2, len(words))
            if "\n" not in words[i]:
                words[i] = words[i] + " " + rng.choice(MOJIBAKE)
        text = " ".join(words)
    return text


def big_page(rng: random.Random, size: int) -> str:
    """One very long page (a whole handbook): same content, many sections."""
    parts = [page(rng, 0)]
    n = 0
    while sum(len(p) for p in parts) < size:
        n += 1
        sub = page(rng, n).split("\n---\n", 1)[1]
        parts.append(sub.replace("\n# ", f"\n## Part {n}: ", 1)
                        .replace("\n## ", "\n### ").replace("#### ", "#### "))
    return "\n".join(parts)


def generate(root: Path, pages: int, seed: int = 7, big_mb: float = 5.0) -> Path:
    """Write the corpus (reusing it when the same parameters made it already)."""
    stamp = root / "STAMP"
    want = f"pages={pages} seed={seed} big={big_mb} v=2\n"
    if stamp.is_file() and stamp.read_text() == want:
        return root
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    for i in range(pages):
        group = f"g{i * 10 // max(pages, 1):02d}"
        folder = root / "pages" / group / rng.choice(AREAS) / f"t{rng.randint(0, 9)}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{i:05d}.md").write_text(page(rng, i), encoding="utf-8")
    (root / "big").mkdir(parents=True, exist_ok=True)
    (root / "big" / "huge.md").write_text(big_page(random.Random(seed + 1),
                                                   int(big_mb * 1024 * 1024)),
                                          encoding="utf-8")
    (root / "one").mkdir(parents=True, exist_ok=True)
    (root / "one" / "page.md").write_text(page(random.Random(seed + 2), 1), encoding="utf-8")
    stamp.write_text(want)
    return root
