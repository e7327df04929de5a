"""The mojibake detector: seed sequences, code pages, layers, and no false alarms."""

from __future__ import annotations

import json
import random

import pytest

from conditionlint.mojibake import CODE_PAGES, Damage, repair, scan
from tests.conftest import SHARED

FTFY = SHARED / "eval-data" / "ftfy"


def damage(text: str, codec: str) -> str:
    """Decode UTF-8 bytes with a single-byte code page the way lenient decoders do:
    a byte the page leaves undefined comes out as the C1 control of that value."""
    return "".join(bytes([b]).decode(codec, "ignore") or chr(b)
                   for b in text.encode("utf-8"))


@pytest.mark.parametrize("clean,damaged", [
    ("—", "โ€”"), ("–", "โ€“"), ("≥", "โ‰ฅ"),
])
def test_seed_sequences_are_windows_874(clean, damaged):
    text = f"low back pain {damaged} LBP"
    assert scan(text) == [Damage(14, 14 + len(damaged), damaged, clean, "Windows-874")]
    assert repair(text) == f"low back pain {clean} LBP"


@pytest.mark.parametrize("codec,label,text", [
    ("cp1252", "Windows-1252", "Il a été hospitalisé à Genève."),
    ("cp1252", "Windows-1252", "It’s a “common” condition • see your GP"),
    ("cp1251", "Windows-1251", "Мигрень — частая причина головной боли"),
    ("cp1250", "Windows-1250", "Zażółć gęślą jaźń — ból głowy"),
    ("cp1253", "Windows-1253", "Η ημικρανία είναι συχνή αιτία πονοκεφάλου"),
    ("koi8_r", "KOI8-R", "Мигрень частая причина головной боли"),
    ("cp866", "CP866", "Мигрень частая причина головной боли"),
    ("mac_roman", "Mac Roman", "Le régime équilibré à Genève"),
    ("cp437", "CP437", "Le régime équilibré à Genève"),
    ("cp850", "CP850", "Le régime équilibré à Genève"),
])
def test_code_pages_are_named_and_repaired(codec, label, text):
    bad = damage(text, codec)
    found = scan(bad)
    assert found, bad
    labels = [d.codec for d in found]
    # Many runs read the same through several related pages; the page that
    # explains most of them is the one named.
    assert max(set(labels), key=labels.count) == label
    assert repair(bad) == text


def test_double_encoding_is_undone_and_labelled():
    bad = damage(damage("it’s", "cp1252"), "cp1252")
    assert bad == "itÃ¢â‚¬â„¢s"
    [d] = scan(bad)
    assert (d.repaired, d.codec) == ("’", "Windows-1252 twice")


def _latin1_sloppy(text: str, codec: str) -> str:
    """UTF-8 bytes read one at a time with ``codec``; a byte it lacks stays a C1 control."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
@pytest.mark.parametrize("clean", ["—", "–", "’", "“", "”", "…", "€", "™", "•", "≥", "ß", "×"])
def test_three_layers_with_c1_controls_are_undone(codec, clean):
    # Three layers of the same accident leave C1 controls in the middle layer; read alone
    # that layer looks like Windows-1254 damage, and it was once "repaired" into "â¤Â”"
    bad = clean
    for _ in range(3):
        bad = _latin1_sloppy(bad, codec)
    page = f"Pain relief {bad} works.\n"
    [d] = scan(page)
    assert (d.original, d.repaired) == (bad, clean)
    assert repair(page) == f"Pain relief {clean} works.\n"


def test_c1_control_inside_a_sequence_is_repaired():
    [d] = scan("He said â€œyesâ€\x9d.")[1:]
    assert (d.original, d.repaired) == ("â€\x9d", "”")


def test_lost_final_byte_is_flagged_without_fix():
    found = scan("rated â€œbbâ€? by them")
    assert [(d.original, d.repaired) for d in found] == [("â€œ", "“"), ("â€?", None)]


def test_units_and_symbols_mojibake():
    assert repair("Take 50Â µg at 37Â°C Â± 2") == "Take 50\xa0µg at 37°C ± 2" \
        or repair("Take 50Â µg at 37Â°C Â± 2").endswith("37°C ± 2")
    assert repair("Dose: 10 Âµg") == "Dose: 10 µg"


CLEAN = [
    "Chronic pain lasts three months or longer (≥3 months) — see your GP.",
    "Dose: 10 µg twice daily; store below 25 °C; ±2 %; 5×10⁹/L; x² + y² ≤ r².",
    "อาการปวดหลังเป็นเรื่องที่พบบ่อย โรงพยาบาลแนะนำให้ออกกำลังกาย",
    "Η ημικρανία είναι συχνή αιτία πονοκεφάλου. ΣΤΟ ΝΟΣΟΚΟΜΕΊΟ.",
    "Мигрень — частая причина головной боли. СССР» и «Ёлка».",
    "片頭痛はよくある頭痛です。医師に相談してください。",
    "偏头痛是一种常见的头痛。请咨询医生。",
    "편두통은 흔한 두통입니다. 의사와 상담하세요.",
    "Đau nửa đầu là một chứng bệnh phổ biến. Hãy hỏi bác sĩ.",
    "La fièvre â été traitée à l’hôpital. Ça va ? «Très bien».",
    "SÃO PAULO: NÃO É grave. Irmã, maçã, coração.",
    "Die Größe des Fußes; Übelkeit und Schwäche. „Straße“",
    "Türkiye’de İstanbul’da ŞİŞLİ’de doktora gidin; ağrı, ılık.",
    "ZAŻÓŁĆ GĘŚLĄ JAŹŃ; Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "👨‍👩‍👧 ❤️ 🩺 💊 — emoji are fine. “CAFÉ” NESTLÉ® 4288×… 5×£35",
    "עברית: כאב ראש. العربية: الصداع النصفي شائع. فارسی: سردرد.",
    "हिन्दी: माइग्रेन एक आम समस्या है। தமிழ்: தலைவலி.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_not_flagged(text):
    assert scan(text) == []


def test_ascii_and_empty():
    assert scan("") == [] and scan("plain ascii text\n") == []


def test_random_text_never_raises_and_is_linear():
    rng = random.Random(7)
    alphabet = "aÃ©â€™โ‰ฅÐ¿Ñ€\x9d\ufffd ?\n𝒳中文"
    for _ in range(200):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        for d in scan(s):
            assert 0 <= d.start < d.end <= len(s) and s[d.start:d.end] == d.original
    big = ("Itâ€™s fine. " * 3000)
    assert len(scan(big)) == 3000


def test_code_pages_cover_the_issue_list():
    assert len(CODE_PAGES) >= 25
    for name in ("Windows-874", "Windows-1252", "Latin-1", "Mac Roman", "KOI8-R",
                 "Shift_JIS", "GBK", "EUC-KR", "Big5", "CP437", "CP866"):
        assert name in CODE_PAGES


def _ftfy_cases():
    if not FTFY.is_dir():
        return []
    cases = []
    for name in ("in-the-wild.json", "synthetic.json", "negative.json", "language-names.json"):
        for c in json.loads((FTFY / name).read_text(encoding="utf-8")):
            if c["expect"] == "pass":
                cases.append(c)
    return cases


def test_ftfy_cases():
    cases = _ftfy_cases()
    if not cases:
        pytest.skip("../shared/eval-data/ftfy is not present")
    detected = negatives_ok = positives = negatives = exact = 0
    for c in cases:
        expected = c.get("fixed-encoding", c["fixed"])
        found = scan(c["original"])
        if expected != c["original"]:
            positives += 1
            detected += bool(found)
            exact += repair(c["original"]) == expected
        else:
            negatives += 1
            negatives_ok += not found
    assert detected / positives >= 0.97
    assert negatives_ok / negatives >= 0.85
    assert exact / positives >= 0.75


def _ftfy_case(label_start: str) -> dict:
    if not FTFY.is_dir():
        pytest.skip("../shared/eval-data/ftfy is not present")
    for name in ("in-the-wild.json", "synthetic.json", "negative.json"):
        for c in json.loads((FTFY / name).read_text(encoding="utf-8")):
            if c["label"].startswith(label_start):
                return c
    raise AssertionError(f"no ftfy case labelled {label_start!r}")


# ftfy's deliberately tricky negatives, which ftfy 6.3.1 passes: each is a mojibake
# shape written on purpose (all-capitals brand name, a letter being named before an
# apostrophe, leetspeak, box-drawing line art).
@pytest.mark.parametrize("label", [
    "Synthetic, negative: hypothetical Swedish product name",
    "Synthetic, negative: Be careful around curly apostrophes",
    "Negative: Indonesian leetspeak",
    "Negative: Leet line-art",
])
def test_ftfy_tricky_negatives_are_not_flagged(label):
    case = _ftfy_case(label)
    assert scan(case["original"]) == []


def test_ftfy_html_entity_on_top_of_mojibake_is_repaired():
    case = _ftfy_case("HTML entity on top of UTF-8 / Latin-1")
    text = case["original"]
    [d] = scan(text)
    assert (d.start, d.end, d.repaired) == (2, len(text) - 1, "μ")
    assert d.codec == "Windows-1252, then HTML-escaped"
    # ORIGIN.md: the expected repair of this case is "10μs".
    assert repair(text) == "10μs"


@pytest.mark.parametrize("text,fixed", [
    ("a dose of 5 Î&#188;g daily", "a dose of 5 μg daily"),
    ("caf&eacute; Ã©tÃ©", "caf&eacute; été"),  # a plain entity is no damage
    ("ÉCOLE Ã‰COLE", "ÉCOLE ÉCOLE"),  # capitals repaired to capitals still count
    ("Le r├®gime ├á Gen├¿ve", "Le régime à Genève"),  # CP437 without line art
])
def test_plausibility_rules_keep_real_damage(text, fixed):
    assert repair(text) == fixed


@pytest.mark.parametrize("text", [
    "Try the NORDÅ™, a chair",  # a small letter would end a capitalised word
    "How many Ã’s and Ä’s are there?",  # letters named before an apostrophe
    "┌─┐ │a│ ├┤a┼┐a └─┘",  # box drawing used on purpose
    "&copy; 2024 — r&eacute;sum&eacute; ©",
])
def test_plausibility_rules_leave_deliberate_shapes(text):
    assert scan(text) == []
