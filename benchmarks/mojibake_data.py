"""Labelled data for the mojibake benchmark, generated deterministically.

Clean text: short health snippets written for this project in 40+ languages and
scripts (two per language: the first feeds the development split, the second the
held-out split), composed with doses, units, symbols and Markdown structure.

Damaged text: the clean samples' UTF-8 bytes read through one of the code pages the
detector knows (single-byte pages read leniently, as browsers and databases do: a byte
the page leaves undefined becomes the C1 control of that value), whole or in part,
inside headings and list items, and twice (double encoding). Only lossless damage is
generated here; double-byte pages that cannot read the bytes are skipped.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (language, development sentence, held-out sentence). Written for this benchmark.
SNIPPETS: tuple[tuple[str, str, str], ...] = (
    ("en", "Back pain usually improves within six weeks — keep moving and see your GP "
           "if it doesn’t.", "Don’t take more than the “maximum daily dose” • ask a "
                             "pharmacist first."),
    ("fr", "La douleur lombaire s’améliore souvent en quelques semaines ; évitez le repos "
           "prolongé.", "Consultez un médecin si la fièvre dépasse 39 °C ou si la "
                        "raideur de la nuque apparaît."),
    ("de", "Rückenschmerzen bessern sich meist von selbst; Bewegung hilft mehr als "
           "Bettruhe.", "Bei Übelkeit, Schwäche oder Lähmungen sofort ärztliche Hilfe "
                        "suchen – auch nachts."),
    ("es", "El dolor de espalda suele mejorar en pocas semanas; mantenga la actividad "
           "física.", "Acuda a urgencias si aparece pérdida de fuerza o de control de "
                      "la orina, ¿de acuerdo?"),
    ("pt", "A dor nas costas costuma melhorar em algumas semanas; não fique de repouso "
           "absoluto.", "Procure atenção médica se houver febre, perda de peso ou "
                        "dormência nas pernas — não espere."),
    ("it", "Il mal di schiena di solito migliora in poche settimane; è utile restare "
           "attivi.", "Rivolgiti al medico se il dolore è più forte di notte o se "
                      "compare febbre."),
    ("nl", "Rugpijn gaat meestal vanzelf over; blijf in beweging en vermijd lang "
           "liggen.", "Neem contact op met de huisarts bij koorts, gevoelloosheid of "
                      "verlies van kracht in de benen."),
    ("pl", "Ból pleców zwykle ustępuje po kilku tygodniach; warto zachować aktywność.",
     "Zgłoś się do lekarza, jeśli pojawi się gorączka, drętwienie lub osłabienie nóg."),
    ("cs", "Bolest zad se obvykle zlepší během několika týdnů; zůstaňte v pohybu.",
     "Vyhledejte lékaře, pokud máte horečku, necitlivost nebo slabost v nohou."),
    ("sk", "Bolesť chrbta sa zvyčajne zlepší za niekoľko týždňov; zostaňte aktívni.",
     "Vyhľadajte lekára, ak sa objaví horúčka alebo strata citlivosti v nohách."),
    ("hu", "A hátfájás általában néhány hét alatt javul; maradjon aktív.",
     "Forduljon orvoshoz, ha láz, zsibbadás vagy gyengeség jelentkezik a lábakban."),
    ("ro", "Durerea de spate se ameliorează de obicei în câteva săptămâni; rămâneți "
           "activi.", "Mergeți la medic dacă apare febră, amorțeală sau slăbiciune în "
                      "picioare."),
    ("sv", "Ryggont går oftast över inom några veckor; fortsätt röra på dig.",
     "Sök vård om du får feber, domningar eller svaghet i benen – vänta inte."),
    ("no", "Ryggsmerter går vanligvis over i løpet av noen uker; hold deg i bevegelse.",
     "Kontakt lege ved feber, nummenhet eller kraftløshet i bena, særlig om natten."),
    ("da", "Rygsmerter går som regel over på få uger; bliv ved med at bevæge dig.",
     "Søg læge ved feber, følelsesløshed eller svaghed i benene."),
    ("fi", "Selkäkipu helpottaa yleensä muutamassa viikossa; pysy liikkeellä.",
     "Hakeudu lääkäriin, jos sinulla on kuumetta, tunnottomuutta tai jalkojen "
     "heikkoutta."),
    ("is", "Bakverkur lagast oftast á nokkrum vikum; haltu áfram að hreyfa þig.",
     "Leitaðu til læknis ef þú færð hita, dofa eða máttleysi í fótum."),
    ("tr", "Bel ağrısı genellikle birkaç hafta içinde geçer; hareketli kalmaya çalışın.",
     "Ateş, uyuşma ya da bacaklarda güçsüzlük olursa hemen doktora başvurun; "
     "İstanbul’da da."),
    ("lt", "Nugaros skausmas paprastai praeina per kelias savaites; išlikite aktyvūs.",
     "Kreipkitės į gydytoją, jei atsiranda karščiavimas, tirpimas ar kojų silpnumas."),
    ("lv", "Muguras sāpes parasti pāriet dažu nedēļu laikā; saglabājiet aktivitāti.",
     "Vērsieties pie ārsta, ja parādās drudzis, nejutīgums vai kāju vājums."),
    ("et", "Seljavalu möödub tavaliselt mõne nädalaga; püsige aktiivsena.",
     "Pöörduge arsti poole, kui tekib palavik, tuimus või jalgade nõrkus."),
    ("hr", "Bol u leđima obično prođe za nekoliko tjedana; ostanite aktivni.",
     "Javite se liječniku ako se pojavi vrućica, utrnulost ili slabost nogu."),
    ("sl", "Bolečina v križu navadno mine v nekaj tednih; ostanite dejavni.",
     "Obrnite se na zdravnika, če se pojavi vročina, mravljinčenje ali šibkost nog."),
    ("vi", "Đau lưng thường giảm sau vài tuần; hãy tiếp tục vận động nhẹ nhàng.",
     "Hãy đi khám bác sĩ nếu bị sốt, tê bì hoặc yếu chân kéo dài."),
    ("el", "Ο πόνος στη μέση συνήθως υποχωρεί σε λίγες εβδομάδες· μείνετε δραστήριοι.",
     "Επικοινωνήστε με γιατρό αν εμφανιστεί πυρετός, μούδιασμα ή αδυναμία στα πόδια."),
    ("ru", "Боль в спине обычно проходит за несколько недель — двигайтесь побольше.",
     "Обратитесь к врачу, если появилась температура, онемение или слабость в ногах."),
    ("uk", "Біль у спині зазвичай минає за кілька тижнів; залишайтеся активними.",
     "Зверніться до лікаря, якщо з’явилася гарячка, оніміння чи слабкість у ногах."),
    ("bg", "Болката в кръста обикновено отшумява за няколко седмици; движете се.",
     "Потърсете лекар при температура, изтръпване или слабост в краката."),
    ("sr", "Бол у леђима обично прође за неколико недеља; останите активни.",
     "Јавите се лекару ако се појави грозница, утрнулост или слабост ногу."),
    ("he", "כאב גב תחתון חולף בדרך כלל תוך כמה שבועות; מומלץ להמשיך לזוז.",
     "פנו לרופא אם מופיעים חום, חוסר תחושה או חולשה ברגליים."),
    ("ar", "ألم أسفل الظهر يتحسن عادة خلال بضعة أسابيع؛ حافظ على نشاطك.",
     "راجع الطبيب إذا ظهرت حمى أو تنميل أو ضعف في الساقين."),
    ("fa", "کمردرد معمولاً طی چند هفته بهتر می‌شود؛ فعال بمانید.",
     "اگر تب، بی‌حسی یا ضعف پاها پیدا شد به پزشک مراجعه کنید."),
    ("hi", "कमर दर्द आमतौर पर कुछ हफ़्तों में ठीक हो जाता है; सक्रिय रहें।",
     "बुखार, सुन्नपन या पैरों में कमज़ोरी हो तो डॉक्टर से मिलें।"),
    ("bn", "কোমর ব্যথা সাধারণত কয়েক সপ্তাহে কমে যায়; সক্রিয় থাকুন।",
     "জ্বর, অসাড়তা বা পায়ে দুর্বলতা হলে ডাক্তার দেখান।"),
    ("ta", "முதுகுவலி பொதுவாக சில வாரங்களில் குறையும்; சுறுசுறுப்பாக இருங்கள்.",
     "காய்ச்சல் அல்லது கால்களில் பலவீனம் இருந்தால் மருத்துவரை அணுகவும்."),
    ("th", "อาการปวดหลังส่วนล่างมักดีขึ้นภายในไม่กี่สัปดาห์ ควรขยับร่างกายอยู่เสมอ",
     "ควรพบแพทย์หากมีไข้ ชา หรือขาอ่อนแรง โดยเฉพาะในเวลากลางคืน"),
    ("ja", "腰痛はたいてい数週間でよくなります。できるだけ体を動かしましょう。",
     "発熱、しびれ、足の力が入らないときは医師に相談してください。"),
    ("zh", "腰痛通常在几周内好转；请保持适度活动，避免长期卧床。",
     "如果出现发烧、麻木或腿部无力，请及时就医。"),
    ("zh-Hant", "腰痛通常在幾週內好轉；請保持適度活動，避免長期臥床。",
     "如果出現發燒、麻木或腿部無力，請及時就醫。"),
    ("ko", "허리 통증은 보통 몇 주 안에 좋아집니다. 가볍게 움직이세요.",
     "열이 나거나 다리에 힘이 빠지면 의사와 상담하세요."),
    ("ka", "წელის ტკივილი ჩვეულებრივ რამდენიმე კვირაში გადის; იყავით აქტიური.",
     "მიმართეთ ექიმს, თუ გაქვთ ცხელება ან ფეხების სისუსტე."),
    ("hy", "Մեջքի ցավը սովորաբար անցնում է մի քանի շաբաթում․ մնացեք ակտիվ։",
     "Դիմեք բժշկի, եթե ունեք ջերմություն կամ ոտքերի թուլություն։"),
    ("am", "የጀርባ ህመም ብዙውን ጊዜ በጥቂት ሳምንታት ውስጥ ይሻሻላል።",
     "ትኩሳት ወይም የእግር ድክመት ካለ ሐኪም ያማክሩ።"),
    ("ms", "Sakit belakang biasanya pulih dalam beberapa minggu; kekal aktif.",
     "Jumpa doktor jika demam, kebas atau kaki menjadi lemah."),
)

# Measurements, symbols and emoji that real pages carry next to the prose.
FRAGMENTS: tuple[str, ...] = (
    "Dose: 10 µg", "37.5 °C", "± 2 mmHg", "≥ 3 months", "≤ 5 mg/kg", "5 × 10⁹/L",
    "x² + y²", "½ tablet", "€12.50", "£8.99", "90 % of cases", "© 2026 Clinic",
    "pH 7.4 → normal", "α-blockers", "β-agonists", "TNF-α", "❤️ 💊 🩺", "👍🏽",
    "‘quoted’", "«citation»", "„Zitat“", "§ 4", "1–2 weeks", "Nº 5", "…and more",
    "", "", "", "", "",
)
WRAPPERS: tuple[str, ...] = ("{}", "# {}", "## {}", "- {}", "* {}", "> {}", "1. {}",
                             "**{}**", "| {} | yes |", "Note: {}")

SINGLE_BYTE = (
    ("Windows-874", "cp874"), ("Windows-1250", "cp1250"), ("Windows-1251", "cp1251"),
    ("Windows-1252", "cp1252"), ("Windows-1253", "cp1253"), ("Windows-1254", "cp1254"),
    ("Windows-1255", "cp1255"), ("Windows-1256", "cp1256"), ("Windows-1257", "cp1257"),
    ("Windows-1258", "cp1258"), ("Latin-1", "latin-1"), ("Mac Roman", "mac_roman"),
    ("CP437", "cp437"), ("CP850", "cp850"), ("CP866", "cp866"), ("KOI8-R", "koi8_r"),
    ("KOI8-U", "koi8_u"), ("ISO-8859-2", "iso8859_2"), ("ISO-8859-5", "iso8859_5"),
    ("ISO-8859-7", "iso8859_7"), ("ISO-8859-15", "iso8859_15"), ("CP852", "cp852"),
    ("Mac Cyrillic", "mac_cyrillic"),
)
DOUBLE_BYTE = (("Shift_JIS", "cp932"), ("GBK", "gbk"), ("EUC-KR", "cp949"),
               ("Big5", "cp950"), ("EUC-JP", "euc_jp"))
DOUBLE_ENCODING = (("Windows-1252 twice", ("cp1252", "cp1252")),
                   ("Windows-1252, then Windows-1251", ("cp1252", "cp1251")))


@dataclass(frozen=True)
class Sample:
    text: str  # what the detector sees
    clean: str  # what it should repair to (== text for clean samples)
    codec: str  # "" for clean samples
    kind: str  # "clean" | "whole" | "partial" | "markdown" | "double"

    @property
    def damaged(self) -> bool:
        return self.text != self.clean


def read_as(text: str, codec: str) -> str | None:
    """``text``'s UTF-8 bytes read with ``codec``; None when the page cannot read them."""
    data = text.encode("utf-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    if codec in dict(DOUBLE_BYTE).values():
        return None
    # Lenient reading: Windows-874 fills its gaps the Windows-1252 way; other pages
    # give the C1 control of an undefined byte.
    out = []
    for b in data:
        ch = bytes([b]).decode(codec, "ignore")
        if not ch and codec == "cp874":
            ch = bytes([b]).decode("cp1252", "ignore")
        out.append(ch or chr(b))
    return "".join(out)


def clean_samples(split: str) -> list[str]:
    """At least 1,000 clean samples for a split ("dev" or "heldout")."""
    rng = random.Random(1 if split == "dev" else 2)
    column = 1 if split == "dev" else 2
    out = []
    for row in SNIPPETS:
        sentence = row[column]
        for _ in range(24):
            frag = rng.choice(FRAGMENTS)
            body = f"{sentence} {frag}".strip() if rng.random() < 0.6 else sentence
            if rng.random() < 0.3:  # a second language on the same page
                other = rng.choice(SNIPPETS)[column]
                body = f"{body} {other}"
            out.append(rng.choice(WRAPPERS).format(body))
    return out


def _damage_part(text: str, codec: str, rng: random.Random) -> str | None:
    """Damage one word or one phrase inside ``text`` (the rest stays clean)."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if not w.isascii()]
    if not candidates:
        return None
    i = rng.choice(candidates)
    j = min(len(words), i + rng.randint(1, 3))
    part = read_as(" ".join(words[i:j]), codec)
    if part is None:
        return None
    return " ".join(words[:i] + [part] + words[j:])


def damaged_samples(split: str) -> list[Sample]:
    rng = random.Random(11 if split == "dev" else 12)
    cleans = clean_samples(split)
    pages = SINGLE_BYTE + DOUBLE_BYTE
    out: list[Sample] = []
    for n, clean in enumerate(cleans):
        label, codec = pages[n % len(pages)]
        kind = rng.choice(("whole", "whole", "partial", "markdown"))
        if kind == "whole":
            text = read_as(clean, codec)
        elif kind == "partial":
            text = _damage_part(clean, codec, rng)
        else:
            # Damage inside Markdown structure: a heading, a bullet written as "•".
            body = clean.lstrip("#*->|1. ")
            page = rng.choice((f"# {body}", f"• {body}", f"- {body} •", f"## “{body}”"))
            text = read_as(page, codec)
            clean = page
        if text is not None and text != clean:
            out.append(Sample(text, clean, label, kind))
    for n, clean in enumerate(cleans[::4]):
        label, (first, second) = DOUBLE_ENCODING[n % len(DOUBLE_ENCODING)]
        once = read_as(clean, first)
        text = read_as(once, second) if once is not None else None
        if text is not None and text != clean:
            out.append(Sample(text, clean, label, "double"))
    return out


def samples(split: str) -> list[Sample]:
    return [Sample(t, t, "", "clean") for t in clean_samples(split)] + damaged_samples(split)
