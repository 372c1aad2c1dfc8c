"""Named institutions: schools, nurseries, hospitals and wards, surgeries, places of worship,
prisons, children's homes and clubs.

INSTITUTION (high) is a proper-noun run ending in a kind of institution from
data/institution_types.txt ("Lark Hill Primary School", "Northgate General Hospital", "Heaton
Moor Medical Centre", "St Anne's Church", "Moss Side Boxing Club", "Oakwood Children's Home"),
a prison after HMP/HMYOI ("HMYOI Wetherby") or a numbered hospital ward ("Ward 84").

How the run is found: each institution type is located first (one precompiled alternation),
then up to six words before it are walked back over while they are capitalised words, "St",
"Saint", "&", or connectors (of, the, and, upon, on, de, la) that sit between capitalised words.
Leading sentence words ("When", "The"), pseudonyms ("Child B's") and generic words ("Primary",
"Catholic", "Community", "Children's", "GP", "Youth", "After School") are then dropped; if
nothing specific is left, it is not an institution.

Deliberately left alone: generic descriptions and agency names — "the primary school", "The
High School" at a sentence start, "the GP Surgery", "Children's Social Care", "Greater
Manchester Police", "Stockport NHS Foundation Trust" (police, councils, trusts and services are
not institution types here at all); and a large institution (hospital, college, university,
prison) named only after the board's own area or an allowed term ("Stockport College" with
area Stockport), since it serves the whole area. A school named after the area is still
flagged: it points to one school community.
Example flagged: "attended Lark Hill Primary School" → "Lark Hill Primary School".
Example left alone: "The primary school raised concerns".
"""

from __future__ import annotations

import re
from functools import cache

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from recognizers import english_words, read_word_list
from redactcheck.config import Config
from redactcheck.findings import normalise

GUIDANCE = {
    "school": 'Describe its type: "the primary school", "the secondary school", "the nursery".',
    "health": 'Describe its type: "the hospital", "the GP practice", "the children\'s ward".',
    "faith": 'Say "a place of worship" or "a faith community".',
    "prison": 'Say "a prison" or "a young offender institution".',
    "home": 'Say "a children\'s home" or "a residential placement".',
    "club": 'Say "a local sports club" or "a youth club".',
    "other": "Describe its type, not its name.",
}
_KIND_WORDS = {
    "school": ("school", "academy", "nursery", "pre-school", "preschool", "playgroup",
               "college", "university", "pupil referral unit", "pru", "centre"),
    "health": ("hospital", "infirmary", "medical", "health", "surgery", "practice", "clinic",
               "unit", "ward"),
    "faith": ("church", "chapel", "cathedral", "mosque", "masjid", "temple", "gurdwara",
              "synagogue", "kingdom hall", "madrassa", "madrasa"),
    "prison": ("prison", "yoi", "young offender", "secure training"),
    "home": ("home", "hostel", "refuge", "foyer"),
    "club": ("club", "fc", "afc"),
}


def _types() -> tuple[list[str], set[str]]:
    names, large = [], set()
    for line in read_word_list("institution_types.txt"):
        if line.endswith(" #"):
            line = line[:-2].strip()
            large.add(line.lower())
        names.append(line)
    return names, large


_TYPE_NAMES, _LARGE_TYPES = _types()


def _type_alternative(name: str) -> str:
    """Single words must be capitalised as written ("Practice", not "practice"); multi-word
    types may be in any case ("Lark Hill primary school")."""
    escaped = re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]?")
    return f"(?i:{escaped})" if " " in name else escaped


_TYPE = re.compile(
    r"\b(?P<type>"
    + "|".join(_type_alternative(n) for n in sorted(_TYPE_NAMES, key=len, reverse=True))
    + r")(?![\w'’])"
)
_WARD_NUMBER = re.compile(r"\b[Ww]ard\s+\d{1,3}[A-Z]?\b")
_PRISON_PREFIX = re.compile(
    r"\b(?:HMP\s*(?:&|and|/)\s*YOI|HMP/YOI|HMYOI|HMP|HM\s+Prison(?:\s+and\s+YOI)?|"
    r"HM\s+Young\s+Offender\s+Institution)\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|upon|on|le))*)"
)
# Welsh and Gaelic institutions put the kind first and the name after it ("Ysgol Gynradd
# Llan...", "Meddygfa ...", "Bun-sgoil Ghàidhlig ..."); mutated forms after prepositions
# ("i Feddygfa", "yng Nghanolfan") come from cues.welsh_mutations.
_PREFIX_KINDS = {
    "Ysgol": "school", "Ysgol Gynradd": "school", "Ysgol Uwchradd": "school",
    "Ysgol Feithrin": "school", "Ysgol Gymraeg": "school", "Ysgol Arbennig": "school",
    "Ysgol Gynradd Gymraeg": "school", "Ysgol Gyfun": "school", "Ysgol Sul": "school",
    "Ysbyty": "health", "Ysbyty Cymuned": "health", "Ysbyty Cymunedol": "health",
    "Meddygfa": "health", "Canolfan Iechyd": "health", "Clinig": "health",
    "Canolfan": "other", "Canolfan Deulu": "other", "Canolfan Hamdden": "other",
    "Canolfan Blant": "other", "Canolfan Plant": "other", "Canolfan Gymunedol": "other",
    "Canolfan Ieuenctid": "other", "Cylch Meithrin": "school", "Cylch Chwarae": "school",
    "Meithrinfa": "school", "Coleg": "school", "Capel": "faith", "Eglwys": "faith",
    "Cartref Gofal": "home", "Cartref Plant": "home", "Clwb": "club", "Clwb Ieuenctid": "club",
    "Bun-sgoil": "school", "Bun-sgoil Ghàidhlig": "school", "Sgoil": "school",
    "Sgoil Ghàidhlig": "school", "Àrd-sgoil": "school", "Sgoil-àraich": "school",
    "Ospadal": "health", "Ionad-slàinte": "health", "Eaglais": "faith",
}


def _prefix_alternatives() -> str:
    from redactcheck.cues import welsh_mutations

    forms: set[str] = set()
    for phrase in _PREFIX_KINDS:
        first, _, rest = phrase.partition(" ")
        for variant in welsh_mutations(first) | {first}:
            forms.add(f"{variant} {rest}".strip())
    return "|".join(re.escape(f).replace(r"\ ", r"\s+")
                    for f in sorted(forms, key=len, reverse=True))


_UPPER = "A-ZÀ-ÖØ-ÞŴŶ"
_LOWER = "a-zß-öø-ÿŵŷ"
_CELTIC_WORD = (rf"[{_UPPER}][{_LOWER}'’]*(?:-[{_LOWER}]{{1,3}}-[{_UPPER}{_LOWER}][{_LOWER}'’]*"
                rf"|-[{_UPPER}{_LOWER}][{_LOWER}'’]*)*")
_CELTIC_LINK = r"(?:y|yr|'r|’r|ar|a|am|dan|uwch|is|na|nan|an|a'|mac|na\s+h-)"
_PREFIXED = re.compile(
    rf"\b(?P<kind>{_prefix_alternatives()})\s+"
    rf"(?P<name>{_CELTIC_WORD}(?:\s+(?:{_CELTIC_LINK}\s+)?{_CELTIC_WORD}){{0,3}})"
)
# Words after the kind that describe it ("Ysgol Sul", a mutated qualifier) are not a name.
_CELTIC_GENERIC = {"gynradd", "uwchradd", "feithrin", "gymraeg", "arbennig", "gyfun", "sul",
                   "deulu", "iechyd", "hamdden", "blant", "plant", "gymunedol", "ieuenctid",
                   "meithrin", "chwarae", "gofal", "ghàidhlig", "gàidhlig", "cymuned",
                   "cymunedol", "the", "and", "of", "for", "is", "was", "in"}
_WORD_BEFORE = re.compile(r"(?P<word>St\.|[\w'’&-]+)\s*$")

# "and" is not a connector: "Stepping Hill Hospital and Lark Hill Primary School" is two.
_CONNECTORS = {"of", "the", "&", "upon", "on", "de", "la", "le", "in"}
_PSEUDONYM_WORDS = {"child", "sibling", "adult", "mother", "father", "baby", "parent", "twin",
                    "person", "subject", "young", "mr", "mrs", "ms", "miss", "dr"}
# Sentence-opening and function words that happen to be capitalised before a type.
_LEADING = {
    "the", "a", "an", "this", "that", "these", "those", "when", "while", "whilst", "after",
    "before", "although", "however", "at", "in", "on", "by", "for", "from", "with", "during",
    "following", "both", "all", "each", "its", "her", "his", "their", "our", "then", "there",
    "it", "he", "she", "they", "we", "staff", "if", "as", "once", "since", "until",
    "another", "one", "two", "three", "every", "any", "no", "some", "which", "whose", "where",
    "attended", "visited", "to", "into", "via", "and", "or", "but", "of", "see", "also",
}
_GENERIC_EXTRA = {
    "primary", "secondary", "infant", "infants", "junior", "nursery", "special", "local",
    "catholic", "roman", "rc", "ce", "c", "e", "church", "england", "community", "general",
    "district", "royal", "children's", "childrens", "children", "maternity", "intensive",
    "care", "neonatal", "paediatric", "pediatric", "psychiatric", "mental", "health", "good",
    "best", "social", "work", "sunday", "forest", "boarding", "home", "private",
    "independent", "state", "faith", "mainstream", "new", "previous", "current", "former",
    "after", "school", "breakfast", "homework", "youth", "football", "boxing", "sports",
    "holiday", "lunch", "book", "drama", "dance", "swimming", "gym", "public", "protection",
    "investigation", "abuse", "domestic", "violence", "sexual", "emergency", "accident",
    "secure", "specialist", "observation", "admissions", "adolescent", "people", "eating",
    "disorder", "disorders", "day", "gp", "dental", "bail", "probation", "women's", "womens",
    "medical", "law", "summer", "night", "big", "free", "grammar", "open", "police", "safe",
    "islamic", "muslim", "jewish", "christian", "sikh", "hindu", "methodist", "baptist",
    "anglican", "evangelical", "pentecostal", "clinical", "professional", "reflective",
    "safeguarding", "family", "residential", "assessment", "high", "sixth", "form", "unit",
    "centre", "center", "nhs", "trust", "foundation", "teaching", "university", "hospital",
    "hospitals", "city", "county", "borough", "council", "ward", "acute", "specialised",
    "regional", "main", "pupil", "referral", "support", "learning", "disability",
    "disabilities", "behaviour", "behavioural", "inclusion", "alternative", "provision",
    "education", "educational", "a&e", "ae", "minor", "injuries", "injury", "walk-in",
    "urgent", "respite", "practitioner", "headteacher", "head", "teacher", "designated",
    "lead", "nurse", "officer", "worker", "manager", "named", "doctor",
    "short", "break", "breaks", "contact", "team", "service", "services",
    # "X Centre" needs a distinctive X: these describe a centre, they do not name it.
    "civic", "town", "shopping", "conference", "call", "visitor", "visitors", "resource",
    "resources", "refugee", "rape", "crisis", "assault", "job", "jobcentre", "data",
    "training", "leisure", "arts", "heritage", "garden", "detention", "custody",
    "treatment", "recovery", "rehabilitation", "wellbeing", "advice", "information", "welsh",
    "national", "aid", "food", "bank", "foodbank", "supported", "housing", "nursing",
    "group", "trussell",
}


# Office and team vocabulary: a unit or team named only by these (and acronyms such as "SAB",
# "LSCB") is a part of an agency, not a named institution ("Partnership Business Unit",
# "SAB Business Unit", "Safeguarding Team"). A named one needs a distinctive word besides them.
_OFFICE_WORDS = {
    "business", "partnership", "partnerships", "administration", "admin", "commissioning",
    "quality", "performance", "policy", "strategy", "strategic", "development", "improvement",
    "planning", "data", "intelligence", "operations", "operational", "management", "training",
    "workforce", "review", "reviews", "liaison", "coordination", "co-ordination", "triage",
    "hub", "front", "door", "duty", "response", "access", "advice", "information", "central",
    "joint", "multi-agency", "multiagency", "integrated", "board", "boards", "executive",
    "governance", "audit", "assurance", "complaints", "legal", "finance", "project",
    "programme", "panel", "office", "secretariat", "partners", "adults", "adult", "child",
    "children", "practice", "standards", "hr", "it", "digital", "records", "communications",
    "engagement", "participation", "early", "help", "edge", "of", "missing", "exploitation",
    "vulnerable", "risk", "locality", "area", "courts", "court",
}
_TEAM_TYPES = {"unit", "practice", "centre", "clinic", "team", "service", "hub"}


def _acronym(word: str) -> bool:
    core = word.rstrip("'’s")
    return 2 <= len(core) <= 6 and core.isupper() and core.isalpha()


def _generic_words() -> set[str]:
    words = set(_GENERIC_EXTRA)
    for line in read_word_list("generic_agencies.txt"):
        words.update(w.lower() for w in line.split())
    return words


_GENERIC = _generic_words()


def _kind(type_text: str) -> str:
    low = type_text.lower()
    for kind, words in _KIND_WORDS.items():
        if any(w in low for w in words):
            return kind
    return "other"


class InstitutionRecognizer(EntityRecognizer):
    """INSTITUTION: named schools, hospitals, surgeries, places of worship, prisons, homes and
    clubs (see the module docstring)."""

    def __init__(self, config: Config) -> None:
        super().__init__(supported_entities=["INSTITUTION"], name="InstitutionRecognizer",
                         supported_language="en")
        self.area = {normalise(a) for a in config.area}
        self.allow = {normalise(a) for a in config.allow}

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out = []
        for start, end, kind, why in find_institutions(text, self.area, self.allow):
            out.append(RecognizerResult(
                entity_type="INSTITUTION", start=start, end=end, score=0.85,
                analysis_explanation=AnalysisExplanation(self.name, 0.85,
                                                         textual_explanation=why),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    "explanation": why, "guidance": GUIDANCE[kind],
                },
            ))
        return out


def _name_before(text: str, pos: int, floor: int = 0, type_word: str = "") -> int | None:
    """Start of the specific proper-noun run ending just before pos (not before floor)."""
    words: list[tuple[int, str]] = []
    cursor = pos
    for _ in range(6):
        m = _WORD_BEFORE.search(text, max(floor, cursor - 40), cursor)
        if m is None or not m.group("word"):
            break
        word = m.group("word")
        low = word.lower()
        if not (word[0].isupper() or low in _CONNECTORS):
            break
        # A line break or tab ends the run: a heading above, or the cell before in a table
        # row ("Headteacher\tPrimary school"), is not part of the name.
        if any(c in "\n\t\r" for c in text[m.end("word"):cursor]):
            break
        # An ALL-CAPS word before a Title-case name is a heading, not part of the name
        # ("SAFEGUARDING PRACTICE Lark Hill School"); short ones ("RC", "CE") are kept.
        if words and len(word) > 2 and word.isupper() and not words[-1][1].isupper():
            break
        words.append((m.start("word"), word))
        cursor = m.start("word")
    words.reverse()
    # Cut at pseudonyms ("Child B's School") and single letters: keep what follows them.
    for i in range(len(words) - 1, -1, -1):
        low = words[i][1].lower().rstrip("'’s")
        if low in _PSEUDONYM_WORDS or (len(words[i][1].rstrip("'’s")) == 1
                                       and words[i][1][0].isupper()):
            words = words[i + 1:]
            break
    while words and (words[0][1].lower() in _LEADING or words[0][1].lower() in _CONNECTORS):
        words.pop(0)
    # The word touching the type must be a name word, not "of"/"the".
    if not words or words[-1][1].lower() in _CONNECTORS:
        return None
    specific = [w for _, w in words
                if w.lower() not in _GENERIC and w.lower() not in _CONNECTORS
                and w.lower().rstrip("'’s") not in _GENERIC]
    if not specific:
        return None
    if type_word.lower() in _TEAM_TYPES and all(
            _acronym(w) or w.lower() in _OFFICE_WORDS for w in specific):
        return None
    return words[0][0]


def find_institutions(text: str, area: set[str] = frozenset(),
                      allow: set[str] = frozenset()) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, explanation) for each named institution; no overlaps."""
    hits: list[tuple[int, int, str, str]] = []
    floor = 0  # a name never reaches back into the institution found before it
    for m in _TYPE.finditer(text):
        start = _name_before(text, m.start(), floor, m.group("type").split()[-1])
        if start is None:
            continue
        type_text = m.group("type")
        name = normalise(text[start:m.start()])
        full = normalise(text[start:m.end()])
        if full in allow or full in area:
            continue
        if type_text.lower().replace("’", "'") in _LARGE_TYPES and (name in area or name in allow):
            continue  # "Stockport College": serves the board's whole area
        kind = _kind(type_text)
        hits.append((start, m.end(), kind, f"a named {type_text.lower()}"))
        floor = m.end()
    for m in _PREFIXED.finditer(text):
        words = m["name"].split()
        while words and words[-1].lower() in _CELTIC_GENERIC:
            words.pop()
        while words and words[0].lower() in _CELTIC_GENERIC:
            words.pop(0)
        if not words or not any(w.lower() not in _GENERIC for w in words):
            continue
        name = " ".join(words)
        end = m.start("name") + m["name"].find(name) + len(name)
        if normalise(text[m.start():end]) in allow or normalise(name) in allow:
            continue
        first = m["kind"].split()[0]
        kind = next((k for p, k in _PREFIX_KINDS.items() if p.split()[0][1:] in first),
                    "other")
        hits.append((m.start(), end, kind, f"a named {m['kind'].split()[0]} (Welsh/Gaelic)"))
    for m in _WARD_NUMBER.finditer(text):
        hits.append((m.start(), m.end(), "health", "a numbered hospital ward"))
    for m in _PRISON_PREFIX.finditer(text):
        if normalise(m.group("name")) in area:
            continue
        hits.append((m.start(), m.end(), "prison", "a named prison or young offender institution"))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str, str]] = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            if h[1] > out[-1][1]:  # "Church Lane Primary School" after "Church": widen
                out[-1] = (out[-1][0], h[1], h[2], h[3])
            continue
        out.append(h)
    return out


def build(config: Config) -> list[EntityRecognizer]:
    return [InstitutionRecognizer(config)]


# ------------------------------------------------------------------------ document pass

@cache
def _towns() -> frozenset[str]:
    return frozenset(line.removesuffix(" ?").strip().casefold()
                     for line in read_word_list("uk_places.txt"))


def short_name(text: str) -> str | None:
    """The distinctive part of an institution's name, by which a draft refers back to it
    ("Thornwick Lodge" of "Thornwick Lodge Residential Home"); None when that part is an ordinary
    word or a town on its own, or the name has no kind word at its end."""
    kind = None
    for m in _TYPE.finditer(text):
        if m.end() == len(text.rstrip()):
            kind = m
    if kind is None:
        return None
    base = re.sub(r"^(?:[Tt]he)\s+", "", text[:kind.start()].strip())
    words = base.split()
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return None
    if len(words) == 1 and (words[0].casefold() in english_words()
                            or words[0].casefold() in _towns() or len(words[0]) < 4):
        return None
    if all(w.casefold() in _GENERIC for w in words):
        return None
    return base


def document_pass(segments, findings, config: Config):
    """Every later mention of an institution by its short name ("moved out of Thornwick Lodge"
    after "Thornwick Lodge Residential Home"), so redaction leaves no part of the name."""
    from redactcheck.analysis import make_finding

    area = {normalise(a) for a in config.area} | {normalise(a) for a in config.allow}
    short: dict[str, str] = {}
    for f in findings:
        if f.entity != "INSTITUTION":
            continue
        base = short_name(f.text.strip())
        if base and normalise(base) not in area:
            short.setdefault(base, f.text.strip())
    if not short:
        return []
    pattern = re.compile(r"(?<![\w'’-])(" + "|".join(
        re.escape(b).replace(r"\ ", r"\s+") for b in sorted(short, key=len, reverse=True))
        + r")(?:['’]s)?(?![\w-])")
    covered: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        covered.setdefault(f.segment_index, []).append((f.location.start, f.location.end))
    out = []
    for index, segment in enumerate(segments):
        spans = covered.setdefault(index, [])
        for m in pattern.finditer(segment.text):
            start, end = m.span(1)
            if any(s < end and start < e for s, e in spans):
                continue
            full = short[re.sub(r"\s+", " ", m.group(1))] if re.sub(
                r"\s+", " ", m.group(1)) in short else m.group(1)
            out.append(make_finding(segment, index, start, end, "INSTITUTION", 0.8,
                                    recognizer="InstitutionRecognizer",
                                    explanation=f"short name of {full}"))
            spans.append((start, end))
    return out
