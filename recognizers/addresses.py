"""Addresses, postcodes and named places.

* ADDRESS (high): a house number and street ("14 Brinnington Road", "22a Mill Lane", "12 Heol
  Glasfryn"), a flat ("Flat 3, 22 Mill Lane", "Flat 2/1", "Flat 48, Haverley Tower"), or a
  house name with its street or locality ("Rose Cottage, Church Lane", "Bryn Awel, Ffordd
  Penllech", "Taigh na Creige, Clachan Mòr"). The span stops at the street: a town after it
  is a LOCATION finding and a postcode after it is its own POSTCODE finding, so the postcode
  stays identifiable (and is redacted) even when the address is rewritten as "the family
  home".
  Example flagged: "lived at 14 Brinnington Road" → "14 Brinnington Road".
  Example left alone: "Section 47 enquiries", "in 2015 Mill Lane was…" (a year is not a number).
* POSTCODE (high): full UK postcodes ("SK5 7AB", "EC1A 1BB") with a valid postcode area, and a
  bare district ("SK5") only after "postcode", next to a place or street, or before "area".
  Supersedes Presidio's UkPostcodeRecognizer (low scores, no districts).
  Example flagged: "Stockport SK5" → "SK5". Example left alone: "the M60", "vitamin B12".
* LOCATION_SMALL (medium): streets without a number ("on Mill Lane"), estates ("the Brinnington
  estate"), parks ("Heaton Park"), villages and electoral wards ("the village of Marple",
  "Reddish ward"), and unknown places in "the X area"; and small places with no street word:
  a head word last ("Hollick Sike End", "Brinscall Staithe", data/locality_words.txt) after
  a locative cue or holding a word no English dictionary knows (data/english_words.txt);
  Welsh and Gaelic kinds first, mutated too ("Tyddyn Ystwyth", "yng Nghwm Hirnant", "Camas
  na Feannag"); "the township of X", "a farm called X", "X, a close-knit neighbourhood",
  "the X scheme", "X rec"; a nasally mutated Welsh word after a preposition ("in
  Nghaerllwyd"). The document pass adds places in short texts (keywords, image titles) and
  every plain or mutated mention of a place found elsewhere in the document.
  Example flagged: "seen on Mill Lane" → "Mill Lane". Example left alone: "the High Street",
  "Family Court", "the car park", "Real Estate", "Learning Point 2", "Turning Point",
  "Mrs Sarah Green", "Cwm Hirnant Regional Safeguarding Board".
* LOCATION (low): towns, cities, counties and local authorities (ONS names in
  data/uk_places.txt) and places spaCy tags GPE/LOC that are not countries or regions.
  The board's own area (``config.area``) and allowed terms are never flagged; nor is a place
  that opens an agency name ("Greater Manchester Police", "Manchester City Council"), nor
  countries and regions ("the North West", "England").
  Example flagged: "moved to Leeds" → "Leeds". Example left alone (area Stockport):
  "lived in Stockport".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from recognizers import english_words, read_word_list
from redactcheck import cues
from redactcheck.config import Config
from redactcheck.document import Segment
from redactcheck.findings import Finding, normalise

PRESIDIO_REPLACES = ("UkPostcodeRecognizer",)

GUIDANCE = {
    "ADDRESS": 'Say "the family home", "the maternal grandmother\'s home" or "temporary '
               'accommodation".',
    "POSTCODE": "Remove the postcode; name the local authority area if it is needed.",
    "LOCATION_SMALL": 'Name the local authority area or the region instead ("a town in the North '
                      'West", "a neighbouring area").',
    "LOCATION": 'Keep only if it is the board\'s own area; otherwise say "another local '
                'authority area" or name the region.',
}

# --------------------------------------------------------------------------- word lists


def _marked(name: str, mark: str) -> tuple[list[str], set[str]]:
    """Lines of a data file, and the subset whose line ends with ' MARK'."""
    plain, marked = [], set()
    for line in read_word_list(name):
        if line.endswith(" " + mark):
            line = line[: -len(mark) - 1].strip()
            marked.add(line)
        plain.append(line)
    return plain, marked


_STREET_TYPES, _NUMBERED_ONLY = _marked("street_types.txt", "#")
_BARE_TYPES = [t for t in _STREET_TYPES if t not in _NUMBERED_ONLY]
_PLACES, _AMBIGUOUS_PLACES = _marked("uk_places.txt", "?")
_COUNTRIES = {normalise(n) for n in read_word_list("countries_regions.txt")}
# Agency names spaCy sometimes tags as places ("Cafcass", "Ofsted").
_AGENCIES = {normalise(n) for n in read_word_list("generic_agencies.txt")}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# "St" is a street type only when no capitalised word follows ("Mill St", not "St Anne's").
_ALL_TYPE = rf"(?:{_alt(_STREET_TYPES)})\b(?!\s+[A-Z][a-z])"
_BARE_TYPE = rf"(?:{_alt(_BARE_TYPES)})\b(?!\s+[A-Z][a-z])"
_CAPWORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_STREET_NAME = rf"(?:{_CAPWORD}\s+){{1,3}}"

# Words that can start a capitalised run but are not part of a place name.
_STOP_WORDS = {
    "the", "a", "an", "this", "that", "these", "those", "on", "in", "at", "from", "to", "of",
    "and", "or", "by", "for", "with", "near", "his", "her", "their", "its", "our", "my",
    "when", "while", "after", "before", "during", "following", "child", "mother", "father",
    "sibling", "adult", "baby", "parent", "twin", "mr", "mrs", "ms", "miss", "dr", "high",
    "main", "local", "new", "old", "family", "crown", "county", "magistrates", "youth",
    "supreme", "appeal", "real", "housing", "council", "industrial", "trading",
    "car", "retail", "business", "theme", "national", "country", "skate", "play",
    "holiday", "caravan", "science", "safe", "one", "two", "see", "section", "paragraph",
    "north", "south", "east", "west", "central", "good", "best", "level", "ground", "first",
    "second", "top", "front", "back", *cues.WEEKDAY_WORDS, *cues.MONTH_WORDS,
}

# ------------------------------------------------------------------------------ patterns
_FLAT = r"(?:Flat|Apartment|Apt\.?|Maisonette)\s+\d{1,3}(?:/\d{1,2}|[A-Za-z])?"
_ADDRESS = re.compile(
    rf"(?:{_FLAT},?\s+)?(?<![\d.,/£$-])\d{{1,3}}[A-Za-z]?(?:-\d{{1,3}})?,?\s+"
    rf"(?P<street>{_STREET_NAME}){_ALL_TYPE}"
)
_FLAT_ONLY = re.compile(rf"\b{_FLAT}\b(?![\d.])")
_HOUSE_NAME = re.compile(
    rf"\b(?P<house>(?:{_CAPWORD}\s+){{1,2}}(?:Cottages?|House|Farm|Lodge|Barn|Villa|Manor|"
    rf"Bungalow|Farmhouse)),\s+(?P<street>{_STREET_NAME}){_ALL_TYPE}"
)
_BARE_STREET = re.compile(rf"\b(?P<street>{_STREET_NAME}){_BARE_TYPE}")
_ESTATE = re.compile(rf"\b(?P<name>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}})\s+[Ee]state\b")
_PARK = re.compile(rf"\b(?P<name>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}})\s+Park\b")
_VILLAGE = re.compile(
    rf"\b(?:village|hamlet|suburb)\s+of\s+(?P<name>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}})"
    rf"|\b(?P<name2>{_CAPWORD}(?:\s+{_CAPWORD})?)\s+(?:ward|village)\b"
    rf"|\bthe\s+(?P<name3>{_CAPWORD}(?:\s+{_CAPWORD})?)\s+area\b"
)

# Postcode areas (Royal Mail): a full postcode or district must start with one of these.
_AREA_CODES = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT "
    "DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA "
    "LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE "
    "SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV "
    "YO ZE"
)
_POSTCODE_AREAS = frozenset(_AREA_CODES.split())
_FULL_POSTCODE = re.compile(
    r"\b(?P<area>[A-Z]{1,2})(?P<district>\d[A-Z\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}\b"
)
_DISTRICT = re.compile(r"\b(?P<area>[A-Z]{1,2})\d[A-Z\d]?\b(?!\s?\d[A-Z]{2}\b)")
_POSTCODE_BEFORE = re.compile(r"\b(?:post\s?code|postal\s+district)s?\b[^.\n]{0,15}$",
                              re.IGNORECASE)
_DISTRICT_AFTER = re.compile(r"^\s+(?:area|district|postcode)\b", re.IGNORECASE)
_STREET_END_BEFORE = re.compile(rf"(?:{_ALL_TYPE}),?\s+$")

# Words after a place name that make it part of an agency's name, not a place.
_AGENCY_NEXT = {
    "police", "constabulary", "council", "city", "borough", "metropolitan", "county", "nhs",
    "safeguarding", "clinical", "ccg", "youth", "probation", "children's", "childrens",
    "fire", "ambulance", "magistrates", "magistrates'", "crown", "family", "local",
    "integrated", "health", "mental", "community", "care", "adult", "adults", "housing",
    "homes", "partnership", "board", "trust", "foundation", "teaching", "university",
    "college", "hospital", "hospitals", "royal", "infirmary", "airport", "united", "city's",
    "evening", "news", "echo", "post",
}
_MONTH_WORDS = cues.MONTH_WORDS
_PLACE_PREPOSITIONS = {"in", "to", "from", "at", "near", "around", "outside", "into",
                       "towards", "within", "across", "of", "between", "and"}
# spaCy's small model tags headings and review vocabulary as places ("Background",
# "Involvement", "the Panel"); a single word like these is never taken from spaCy.
_REVIEW_WORDS = {
    "panel", "background", "review", "board", "chronology", "introduction", "conclusion",
    "conclusions", "summary", "appendix", "glossary", "agency", "agencies", "analysis",
    "learning", "recommendations", "findings", "scope", "framework", "terms", "reference",
    "contents", "acknowledgements", "methodology", "family", "home", "court", "school",
}
_NOUN_SUFFIX = re.compile(r"(?:ment|tion|sion|ness|ity|ance|ence|ship|ing|ism|ology)$")
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*\.?|,")
_MAX_PLACE_WORDS = 6


@dataclass(frozen=True)
class _Hit:
    entity: str
    start: int
    end: int
    score: float
    why: str


class PlaceIndex:
    """Known UK place names, looked up by word sequence (linear: at most 6 words a start)."""

    def __init__(self, names: list[str], ambiguous: set[str]) -> None:
        self.names: dict[str, bool] = {}
        for name in names:
            self.names[self.key(name)] = name in ambiguous

    @staticmethod
    def key(text: str) -> str:
        return normalise(text).replace(".", "")

    def find(self, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, ambiguous) for every longest known place name in text."""
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        out: list[tuple[int, int, bool]] = []
        i = 0
        while i < len(tokens):
            s, _, word = tokens[i]
            if not word[0].isupper():
                i += 1
                continue
            for n in range(min(_MAX_PLACE_WORDS, len(tokens) - i), 0, -1):
                last = tokens[i + n - 1]
                if last[2] == "," or not last[2][0].isupper():
                    continue
                found = self.names.get(self.key(text[s:last[1]]))
                if found is not None:
                    end = last[1] - (1 if text[last[1] - 1] == "." else 0)
                    out.append((s, end, found))
                    i += n
                    break
            else:
                i += 1
        return out


_INDEX = PlaceIndex(_PLACES, _AMBIGUOUS_PLACES)


def _first_real_word(name: str) -> str | None:
    """The name without leading stop words; None when nothing else is left."""
    words = name.split()
    while words and words[0].lower().strip("'’") in _STOP_WORDS:
        words.pop(0)
    return " ".join(words) if words else None


# ------------------------------------------------------------------- small named places
#
# A small place is often named with no street word at all: a head word put last in
# English and Scots ("Kettle Moor", "Brackley Staithe", "Hollins Fold End"), or a kind put
# first in Welsh and Gaelic ("Tyddyn Ystwyth", "Baile Mhuilinn", "Pen-y-Waun"). A phrase of
# ordinary English words ("Turning Point", "the Crown Court") is a place only after a
# locative cue ("lived at", "in", "near"); one holding a word no English dictionary knows
# ("Garrowby Point") is a place anywhere, unless it looks like a person ("Sarah Green").


def _sections(name: str) -> dict[str, list[str]]:
    """A data file of '[section]' lines each followed by its words."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in read_word_list(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out[current] = []
        else:
            out[current].append(line)
    return out


_LOCALITY = _sections("locality_words.txt")


@cache
def _first_names() -> frozenset[str]:
    from recognizers.names import lexicon

    return lexicon().first


@cache
def _surnames() -> frozenset[str]:
    from recognizers.names import lexicon

    return lexicon().surnames


def is_common_word(word: str) -> bool:
    """True for an ordinary English word ("Keeper's", "mill-race"); a place or name
    element no dictionary knows ("Garrowby", "Ystwyth") is not common."""
    w = word.casefold().replace("’", "'")
    w = w.removesuffix("'s").strip("'")
    parts = [p for p in w.split("-") if p]
    return bool(parts) and all(p in english_words() or p.isdigit() for p in parts)


_UP_CHARS = "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_LOW_CHARS = "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower())
_UP = f"[A-Z{_UP_CHARS}]"
_LOW = f"[a-z{_LOW_CHARS}]"
# A capitalised word in any Latin script ("Ùr", "Tŷ", "Keeper's", "Ellis-Pennant").
_NAMEWORD = (rf"{_UP}{_LOW}+(?:['’]{_LOW}+)?(?:-(?:{_UP}|{_LOW}){_LOW}*(?:['’]{_LOW}+)?)*"
             rf"|{_UP}['’]{_UP}{_LOW}+")
# Articles and particles inside Welsh and Gaelic names ("Stryd y Graig", "Allt na Gobhar").
_PARTICLE = r"(?:y|yr|['’]r|na|nan|nam|an|a['’]|am|ar|o|is|uwch|du)"
# A hyphenated Welsh name with its article ("Pen-y-Waun", "Tyn-y-coed", "Bryn-yr-Ogof").
_WELSH_HYPHENATED = rf"{_UP}{_LOW}+(?:-(?:y|yr|['’]r|n)-(?:{_UP}|{_LOW}){_LOW}+)+"

_HEAD_WORDS = _LOCALITY["head"]
_HEAD_RUN = re.compile(
    rf"(?<![\w'’-])(?P<run>(?:(?:{_NAMEWORD})\s+){{1,3}}(?P<head>{_alt(_HEAD_WORDS)}))"
    rf"(?![\w'’-])"
)

# Welsh kinds are found in every mutated form too ("yng Nghwm", "i Dyddyn", "ym Mhlas").
_WELSH_KINDS = {k for k in _LOCALITY["kind"] + _LOCALITY["street"] + _LOCALITY["house"]
                if k[:1].isupper()}


def _kind_forms(words: list[str]) -> dict[str, str]:
    """Every form of a kind word (mutated ones too) -> the base kind."""
    out: dict[str, str] = {}
    for kind in words:
        first, _, rest = kind.partition(" ")
        for form in cues.welsh_mutations(first):
            out.setdefault(f"{form} {rest}".strip(), kind)
    return out


_KIND_FORMS = _kind_forms(_LOCALITY["kind"])
_STREET_KIND_FORMS = _kind_forms(_LOCALITY["street"])
_ALL_KIND_FORMS = {**_KIND_FORMS, **_STREET_KIND_FORMS}
_KIND_NAME = rf"(?:\s+(?:{_PARTICLE}\s+)?(?:{_NAMEWORD}))"
_KIND_RUN = re.compile(
    rf"(?<![\w'’-])(?P<kind>{_alt(list(_ALL_KIND_FORMS))})(?P<rest>{_KIND_NAME}{{1,3}})"
    rf"(?![\w'’-])"
    rf"|(?<![\w'’-])(?P<hyph>{_WELSH_HYPHENATED})(?P<rest2>{_KIND_NAME}{{0,2}})(?![\w'’-])"
)
_KIND_FIRST_WORDS = frozenset(k.split()[0] for k in _ALL_KIND_FORMS)
_CAP_TOKEN = re.compile(rf"(?<![\w'’-]){_UP}[^\W\d_]*(?P<hyph>-(?:y|yr|['’]r|n)-)?")


def _kind_matches(text: str):
    """_KIND_RUN matches, tried only where a kind word or a hyphenated Welsh name starts
    (one cheap scan of capitalised words instead of a long alternation everywhere)."""
    pos = 0
    for t in _CAP_TOKEN.finditer(text):
        if t.start() < pos or not (t["hyph"] or t.group() in _KIND_FIRST_WORDS):
            continue
        m = _KIND_RUN.match(text, t.start())
        if m:
            pos = m.end()
            yield m


# Welsh prepositions after which a mutated kind is expected ("yng Nghwm", "ar Fferm").
_WELSH_PREPOSITIONS = {"yng", "ym", "yn", "i", "o", "ar", "am", "at", "dan", "tan", "trwy",
                       "drwy", "heb", "hyd", "wrth", "gan", "a", "â", "ei", "fy", "dy", "ein",
                       "eich", "eu", "ac", "teulu"}
# Welsh and Gaelic words that make a name an agency's ("Bwrdd Iechyd ...", "Cyngor ...").
_INSTITUTION_WORDS = {
    "bwrdd", "cyngor", "heddlu", "ysgol", "ysbyty", "meddygfa", "canolfan", "gwasanaeth",
    "gwasanaethau", "diogelu", "rhanbarthol", "iechyd", "prifysgol", "cymdeithas", "tîm",
    "uned", "coleg", "comhairle", "sgoil", "poileas", "regional", "school", "surgery",
    "hospital", "centre", "center", "practice", "academy", "nursery", "church", "mosque",
    "chapel", "clinic", "hotel", "pub", "inn", "ward", "unit", "team", "service", "services",
    "committee", "panel", "group", "project", "programme", "club", "society", "association",
    "charity", "office", "hub", "station", "prison", "library", "shop", "store", "stores",
    "ltd", "limited", "plc", "company", "home", "homes", "estate", "park", "road", "street",
    "lane", "avenue", "close", "drive", "court",
}

# Cue words right before a place name: a locative preposition ("in", "at", "near") ...
_LOCATIVE_PREPOSITIONS = {
    "in", "at", "near", "outside", "from", "around", "behind", "past", "towards", "toward",
    "into", "to", "on", "beside", "off", "across", "along", "opposite", "through", "via",
    "nr", "round", "above", "below", "beyond", "between",
}
# ... or a word of living, moving or staying close before it ("lived alone at", "the
# family's home in", "a caravan pitched at", "a narrowboat moored near").
_RESIDENCE_CUE = re.compile(
    r"\b(?:liv(?:e|ed|es|ing)|moved?|moving|stay(?:ed|ing|s)?|resid(?:e|ed|es|ing|ent)|"
    r"rehoused|housed|home|homes|address|flat|house|cottage|caravan|farm|croft|boat|"
    r"narrowboat|moored|pitched|sited|based|born|grew\s+up|raised|tenancy|neighbours?|"
    r"relocated|settled|squatting|sofa-surfing|camped|sleeping\s+rough)\b[^.;:!?]{0,25}$",
    re.IGNORECASE,
)

# Modifiers that make a phrase with a head word something other than a place: courts of
# law, charities and services named by ordinary words, banks, landmarks of speech.
_GENERIC_MODIFIERS = {
    "family", "crown", "county", "high", "magistrates", "magistrates'", "youth", "supreme",
    "appeal", "appeals", "coroner's", "coroners", "coroners'", "district", "civil",
    "criminal", "sheriff", "sheriff's", "juvenile", "children's", "childrens", "military",
    "royal", "international", "european", "employment", "probate", "tribunal", "drug",
    "drugs", "learning", "turning", "starting", "focal", "access", "contact", "entry",
    "vantage", "single", "data", "decision", "reference", "pressure", "trigger", "tipping",
    "meeting", "collection", "assembly", "check", "match", "break", "key", "main", "exit",
    "crisis", "sticking", "service", "information", "advice", "help", "care", "safe",
    "safety", "early", "food", "baby", "blood", "clothes", "clothing", "toy", "uniform",
    "milk", "memory", "piggy", "world", "central", "barclays", "lloyds", "natwest",
    "santander", "halifax", "hsbc", "nationwide", "monzo", "tsb", "metro", "starling",
    "red", "dead", "deep", "tail", "year", "week", "far", "bitter", "rear", "loose",
    "ivory", "control", "clock", "animal", "city", "wind", "solar", "fish", "dairy", "pig",
    "server", "scotland", "olympic", "global", "retirement", "holiday", "rumour", "paper",
    "playing", "moon", "big", "dark", "other", "sunny", "case", "end", "point", "review",
    "panel", "board", "partnership", "strategy", "practice", "action", "plan",
    "section", "chapter", "part", "appendix", "table", "figure", "stage", "level", "phase",
    "step", "risk", "police", "fire", "health", "mental", "social", "adult", "adults",
    "community", "housing", "council", "national", "local", "public", "private", "mr",
    "mrs", "ms", "miss", "dr", "the", "a", "an", "this", "that", "our", "their", "his",
    "her", "my", "its", "your", "no", "every", "any", "some", "each", "all",
}
_STRIP_LEADING = _STOP_WORDS | {"he", "she", "they", "it", "we", "i", "you", "but", "so",
                                 "then", "there", "here", "if", "as", "not", "also"}


def _prev_token(text: str, start: int) -> str:
    """The word right before start (with its case), or '' at a segment start or after
    punctuation that ends a clause."""
    m = re.search(r"([^\W\d_][\w'’-]*)\s+$", text[max(0, start - 40):start])
    return m.group(1) if m else ""


def _next_token(text: str, end: int) -> str:
    m = re.match(r"\s*([\w'’-]+)", text[end:end + 40])
    return m.group(1) if m else ""


def _cue_before(text: str, start: int) -> tuple[bool, bool]:
    """(a locative preposition is right before start, a residence cue is close before)."""
    prev = _prev_token(text, start).casefold()
    before = text[max(0, start - 60):start]
    residence = bool(_RESIDENCE_CUE.search(before)) and prev in _LOCATIVE_PREPOSITIONS
    return prev in _LOCATIVE_PREPOSITIONS, residence


def _person_like(words: list[str]) -> bool:
    """A given name before the head ("Sarah Green", "Tom Marsh"): probably a person."""
    return len(words) == 1 and words[0].casefold() in _first_names()


def head_localities(text: str, exempt: set[str] = frozenset(),
                    bare: bool = False) -> list[_Hit]:
    """LOCATION_SMALL for capitalised phrases ending in a topographic head word.

    `bare` is for short segments with no sentence (a keyword list, an image title): there
    a phrase of ordinary words needs no cue."""
    hits: list[_Hit] = []
    for m in _HEAD_RUN.finditer(text):
        tokens = list(re.finditer(r"\S+", m["run"]))
        while tokens[:-1] and tokens[0].group().casefold().strip("'’") in _STRIP_LEADING:
            tokens.pop(0)
        words = [t.group() for t in tokens]
        start = m.start("run") + tokens[0].start()
        modifiers = words[:-1]
        if not modifiers:
            continue
        end = m.end("run")
        nxt = _next_token(text, end)
        if nxt[:1].isdigit() or nxt[:1].isupper() or nxt.casefold() == "of":
            continue  # "Learning Point 2", "Point of Contact", a longer name
        if ((nxt.casefold() in _AGENCY_NEXT or nxt.casefold() in _INSTITUTION_WORDS)
                and nxt.casefold() not in ("estate", "park", "road", "street", "lane")):
            continue
        prev = _prev_token(text, start)
        if prev[:1].isupper() and prev.casefold() not in _STRIP_LEADING:
            continue  # inside a longer capitalised name, or after a title
        if prev.casefold() in cues.TITLES or prev.casefold() in cues.KIN_TITLES:
            continue
        folded = [w.casefold().replace("’", "'") for w in modifiers]
        if any(w in _GENERIC_MODIFIERS or w.removesuffix("'s") in cues.ROLE_NOUNS for w in folded):
            continue
        if folded[0].endswith("ing") and is_common_word(folded[0]):
            continue  # "Turning Point", "Meeting Point"
        if words[-1].casefold() in ("court", "courts", "tribunal") and any(
                is_common_word(w) for w in folded):
            continue  # a court of law ("the State Security Court", "Administrative Court"),
            # not a block of flats: those are named by a proper name ("Brackenlow Court")
        name = text[start:end]
        key = PlaceIndex.key(name)
        if key in exempt or key in _INDEX.names or normalise(name) in _COUNTRIES:
            continue
        uncommon = any(not is_common_word(w) for w in modifiers)
        locative, residence = _cue_before(text, start)
        person = _person_like(modifiers)
        if residence or (not person and (uncommon or locative or bare)):
            why = ("a place name ending in a place word after a locative cue"
                   if locative or residence else "a place name ending in a place word")
            hits.append(_Hit("LOCATION_SMALL", start, end, 0.7 if locative else 0.65, why))
    return hits


def kind_localities(text: str, exempt: set[str] = frozenset()) -> list[_Hit]:
    """LOCATION_SMALL for Welsh and Gaelic names that put the kind first ("Cwm Hyfryd",
    "Baile Mhuilinn", "ym Mhen-y-Waun"), streets among them ("Heol Ystwyth")."""
    hits: list[_Hit] = []
    for m in _kind_matches(text):
        if m["hyph"]:
            kind, base, rest = m["hyph"], None, m["rest2"] or ""
        else:
            kind, rest = m["kind"], m["rest"]
            base = _ALL_KIND_FORMS[kind]
        names = [w for w in rest.split() if w[:1].isupper()]
        if any(w.casefold() in _INSTITUTION_WORDS or w.casefold() in _AGENCY_NEXT
               for w in names):
            continue  # "Cwm Hyfryd Regional Safeguarding Board"
        start, end = m.start(), m.end()
        nxt = _next_token(text, end).casefold()
        if nxt in _AGENCY_NEXT or nxt in _INSTITUTION_WORDS:
            continue
        prev = _prev_token(text, start)
        if (prev[:1].isupper() and prev.casefold() not in _STRIP_LEADING
                and prev.casefold() not in _WELSH_PREPOSITIONS):
            continue  # inside a longer name ("Bwrdd Diogelu ... Cwm Hyfryd")
        if prev.casefold() in cues.TITLES or prev.casefold() in cues.KIN_TITLES:
            continue
        after_welsh = prev.casefold() in _WELSH_PREPOSITIONS
        if base is not None and kind != base.split()[0] and " " not in base and not (
                after_welsh or (not is_common_word(kind)
                                and kind.casefold() not in _first_names())):
            continue  # a mutated form that is also an English word or a name ("Chapel")
        if base is not None and base.casefold() in _first_names() and names and (
                names[0].casefold() in _surnames() or names[0].casefold() in _first_names()):
            locative, residence = _cue_before(text, start)
            if not residence:
                continue  # "Bryn Thomas", "Glan Morgan": a person
        if base is None and all(is_common_word(p) for p in kind.split("-")):
            continue
        key = PlaceIndex.key(text[start:end])
        if key in exempt or key in _INDEX.names:
            continue
        street = base in _LOCALITY["street"] if base else False
        hits.append(_Hit("LOCATION_SMALL", start, end, 0.7,
                         "a Welsh or Gaelic street name" if street else
                         "a Welsh or Gaelic place name (the kind first)"))
    return hits


_BUILDING = _alt(_LOCALITY["building"])
# "Flat 61, Harrowby Tower", "Flat 2/1, Glenmorrow Court": a flat in a named block.
_FLAT_IN_BLOCK = re.compile(
    rf"\b(?:Flat|Apartment|Apt\.?|Maisonette)\s+\d{{1,3}}(?:/\d{{1,2}}|[A-Za-z])?,?\s+"
    rf"(?:(?:{_NAMEWORD})\s+){{1,3}}(?:{_BUILDING})\b(?![\w'’-])"
)
# "12 Heol Ystwyth", "Flat 3, 5 Stryd y Felin": a house number and a Welsh/Gaelic street.
_WELSH_STREET_ADDRESS = re.compile(
    rf"(?<![\d.,/£$-])\b\d{{1,3}}[A-Za-z]?,?\s+(?:{_alt(list(_STREET_KIND_FORMS))})"
    rf"{_KIND_NAME}{{1,3}}(?![\w'’-])"
)
_FLAT_BEFORE = re.compile(r"\b(?:Flat|Apartment|Apt\.?)\s+\d{1,3}(?:/\d{1,2}|[A-Za-z])?,?\s+$")
_HOUSE_HEADS = [w for w in _LOCALITY["house"]]
_HOUSE_FIRST = [w for w in _LOCALITY["house"] if w in _WELSH_KINDS and w not in
                ("Cottage", "Cottages", "House", "Lodge", "Barn", "Villa", "Grange", "Manor",
                 "Bungalow", "Hall", "Mill", "Farm", "Farmhouse", "Croft", "Steading",
                 "Schoolhouse", "Rectory", "Vicarage")]
# A house name, a comma and its street or locality: "Lock Keeper's Cottage, Sedge Drove",
# "Bryn Awel, Ffordd y Llan", "Taigh na Creige, Baile Ard", "Pen-y-Waun, Lôn Isaf".
_HOUSE_NAMED = (
    rf"(?:(?:{_NAMEWORD})\s+){{1,3}}(?:{_alt(_HOUSE_HEADS)})"
    rf"|(?:{_alt(_HOUSE_FIRST)}){_KIND_NAME}{{1,2}}"
    rf"|{_WELSH_HYPHENATED}"
)
_HOUSE_ADDRESS = re.compile(
    rf"(?<![\w'’-])(?P<house>{_HOUSE_NAMED}),\s+"
    rf"(?P<where>(?:{_alt(list(_ALL_KIND_FORMS))}){_KIND_NAME}{{1,3}}"
    rf"|(?:(?:{_NAMEWORD})\s+){{0,3}}(?:{_ALL_TYPE}|{_alt(_HEAD_WORDS)}))(?![\w'’-])"
)
# "the crofting township of Baile Ard", "the hamlet of Scarrow", "a farm called Nether
# Hollins", "the island of ...", "a smallholding known as ...".
_DESCRIBED = re.compile(
    rf"\b(?:township|hamlet|village|suburb|settlement|island|isle|parish|glen|clachan|"
    rf"locality|neighbourhood)\s+of\s+(?P<a>(?:{_NAMEWORD})(?:\s+(?:{_PARTICLE}\s+)?"
    rf"(?:{_NAMEWORD})){{0,2}})"
    rf"|\b(?:farm|croft|smallholding|cottage|house|bungalow|caravan\s+site|site|"
    rf"campsite|holding|steading|estate|street|road|hamlet|village|place|boat|narrowboat)\s+"
    rf"(?:called|named|known\s+as)\s+['‘\"“]?(?P<b>(?:{_NAMEWORD})(?:\s+(?:{_PARTICLE}\s+)?"
    rf"(?:{_NAMEWORD})){{0,2}})"
)
# "in Garrowby, the close-knit neighbourhood where ...": a place named by apposition.
_APPOSED = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_NAMEWORD})(?:\s+(?:{_NAMEWORD})){{0,2}}),\s+(?:the|a|an)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:neighbourhood|village|hamlet|estate|township|suburb|"
    rf"settlement|cul-de-sac|smallholding|croft|farm|caravan\s+site|street|close)\b"
)
# "the Garrowby scheme" (a Scottish housing scheme), "Tanfield rec" (a recreation ground).
_SCHEME = re.compile(rf"\bthe\s+(?P<name>(?:{_NAMEWORD})(?:\s+(?:{_NAMEWORD}))?)\s+scheme\b")
_REC = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_NAMEWORD})(?:\s+(?:{_NAMEWORD})){{0,2}})\s+"
    rf"(?:rec|rec\s+ground|recreation\s+ground|playing\s+fields?)\b"
)
# Nasal mutation ("yng Nghaerwyn", "ym Mhentraeth", "yn Nhrefach") starts no English
# word: after a preposition it is a Welsh place name.
_NASAL = re.compile(rf"\b(?:yng|ym|yn|in|i|o)\s+(?P<name>(?:Ngh|Nh|Mh|Ng){_LOW}{{2,}})\b")


# Cheap tests of a word each pattern needs, so most paragraphs skip it.
_DESCRIBED_NEED = re.compile(r"\b(?:of|called|named|known)\s")
_APPOSED_NEED = re.compile(r"\b(?:neighbourhood|village|hamlet|estate|township|suburb|"
                           r"settlement|cul-de-sac|smallholding|croft|farm|site|street|close)\b")
_REC_NEED = re.compile(r"\b(?:rec|recreation|playing)\b")
_DIGIT = re.compile(r"\d")
_COMMA_NAME = re.compile(rf"{_LOW},\s+{_UP}")


def _unmutated(word: str) -> list[str]:
    """Base forms a nasally mutated Welsh word can come from ("Nghaerwyn" -> "Caerwyn")."""
    out = []
    for mutated, base in (("Ngh", "C"), ("Nh", "T"), ("Mh", "P"), ("Ng", "G")):
        if word.startswith(mutated):
            out.append(base + word[len(mutated):])
    return out


def _all_uncommon(name: str) -> bool:
    words = [w for w in name.split() if w[:1].isupper()]
    return bool(words) and not any(is_common_word(w) for w in words)


def described_localities(text: str, exempt: set[str] = frozenset()) -> list[_Hit]:
    """Places named by what the text says they are, and Welsh nasal mutations."""
    hits: list[_Hit] = []

    def add(start: int, end: int, why: str, entity: str = "LOCATION_SMALL") -> None:
        key = PlaceIndex.key(text[start:end])
        if key not in exempt and normalise(text[start:end]) not in _COUNTRIES:
            hits.append(_Hit(entity, start, end, 0.7, why))

    for m in _DESCRIBED.finditer(text) if _DESCRIBED_NEED.search(text) else ():
        group = "a" if m["a"] else "b"
        name = _first_real_word(m[group])
        if name is None or name.split()[-1].casefold() in _INSTITUTION_WORDS:
            continue
        start = m.start(group) + m[group].find(name)
        add(start, start + len(name), "a place the text calls a township, hamlet or farm")
    for m in _APPOSED.finditer(text) if _APPOSED_NEED.search(text) else ():
        name = m["name"]
        words = name.split()
        if (words[0].casefold() in _STRIP_LEADING or _person_like(words)
                or not _all_uncommon(name) or PlaceIndex.key(name) in _INDEX.names):
            continue
        add(m.start("name"), m.end("name"), "a place the text calls a neighbourhood or village")
    for m in _SCHEME.finditer(text) if "scheme" in text else ():
        if _all_uncommon(m["name"]):
            add(m.start("name"), m.end(), "a named housing scheme")
    for m in _REC.finditer(text) if _REC_NEED.search(text) else ():
        name = _first_real_word(m["name"])
        if name is not None and not _person_like(name.split()):
            start = m.start("name") + m["name"].find(name)
            add(start, m.end(), "a named recreation ground")
    for m in _NASAL.finditer(text):
        name = m["name"]
        if name.casefold() in _first_names() or is_common_word(name):
            continue
        town = any(PlaceIndex.key(b) in _INDEX.names for b in _unmutated(name))
        if any(PlaceIndex.key(b) in exempt for b in _unmutated(name)):
            continue
        add(m.start("name"), m.end("name"), "a Welsh place name (nasal mutation)",
            "LOCATION" if town else "LOCATION_SMALL")
    return hits


def address_hits(text: str) -> list[_Hit]:
    """Flats in named blocks, numbered Welsh streets and named houses with their street."""
    hits: list[_Hit] = []
    for m in _FLAT_IN_BLOCK.finditer(text):
        hits.append(_Hit("ADDRESS", m.start(), m.end(), 0.85, "a flat in a named block"))
    for m in _WELSH_STREET_ADDRESS.finditer(text) if _DIGIT.search(text) else ():
        flat = _FLAT_BEFORE.search(text, max(0, m.start() - 30), m.start())
        start = flat.start() if flat else m.start()
        hits.append(_Hit("ADDRESS", start, m.end(), 0.85, "a house number and street"))
    for m in _HOUSE_ADDRESS.finditer(text) if _COMMA_NAME.search(text) else ():
        house = m["house"].split()
        while house and house[0].casefold() in _STRIP_LEADING:
            house.pop(0)
        if not house or (len(house) == 1 and house[0] in _HOUSE_HEADS):
            continue
        start = m.start("house") + m["house"].find(house[0])
        if house[0].casefold() in _GENERIC_MODIFIERS:
            continue
        hits.append(_Hit("ADDRESS", start, m.end(), 0.85, "a house name and street"))
    return hits




class AddressRecognizer(EntityRecognizer):
    """ADDRESS, POSTCODE, LOCATION_SMALL and LOCATION (see the module docstring)."""

    ENTITIES = ["ADDRESS", "POSTCODE", "LOCATION_SMALL", "LOCATION"]

    def __init__(self, config: Config) -> None:
        super().__init__(supported_entities=self.ENTITIES, name="AddressRecognizer",
                         supported_language="en")
        self.exempt = {PlaceIndex.key(t) for t in (*config.area, *config.allow)}

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        hits = find_places(text, self.exempt, nlp_artifacts)
        return [self._result(h) for h in hits]

    def _result(self, hit: _Hit) -> RecognizerResult:
        return RecognizerResult(
            entity_type=hit.entity, start=hit.start, end=hit.end, score=hit.score,
            analysis_explanation=AnalysisExplanation(self.name, hit.score,
                                                     textual_explanation=hit.why),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "explanation": hit.why, "guidance": GUIDANCE[hit.entity],
            },
        )


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s+([\w'’]+)", text[end:end + 30])
    return m.group(1).lower() if m else ""


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'’]+)[\s,]*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def find_places(text: str, exempt: set[str] = frozenset(), nlp_artifacts=None) -> list[_Hit]:
    """Every address, postcode and place in text; overlapping hits keep the most specific."""
    hits: list[_Hit] = []

    for m in _ADDRESS.finditer(text):
        # With a house number almost any street words will do ("14 High Street"), but not a
        # date ("on 3 March Street…" is rare; "3 March Road" with a month is still skipped).
        if m["street"].split()[0].lower() in _MONTH_WORDS:
            continue
        hits.append(_Hit("ADDRESS", m.start(), m.end(), 0.85, "a house number and street"))
    for m in _HOUSE_NAME.finditer(text):
        hits.append(_Hit("ADDRESS", m.start(), m.end(), 0.85, "a house name and street"))
    for m in _FLAT_ONLY.finditer(text):
        hits.append(_Hit("ADDRESS", m.start(), m.end(), 0.8, "a flat number"))
    hits.extend(address_hits(text))

    places = _INDEX.find(text)
    place_ends = {e for _, e, _ in places}
    for m in _FULL_POSTCODE.finditer(text):
        if m["area"] in _POSTCODE_AREAS:
            hits.append(_Hit("POSTCODE", m.start(), m.end(), 0.9, "a full UK postcode"))
    for m in _DISTRICT.finditer(text):
        if m["area"] not in _POSTCODE_AREAS:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        prefix = text[:m.start()].rstrip(" ,")
        last_word = prefix.rsplit(None, 1)[-1] if prefix.strip() else ""
        next_to_place = len(prefix) in place_ends or PlaceIndex.key(last_word) in exempt
        if (_POSTCODE_BEFORE.search(before) or next_to_place
                or _STREET_END_BEFORE.search(before)
                # "the SK5 area"; not "the M6 area": one-letter areas (B, M, S…) share
                # their districts with motorways, roads and vitamins.
                or (len(m["area"]) == 2 and _DISTRICT_AFTER.match(text[m.end():m.end() + 12]))):
            hits.append(_Hit("POSTCODE", m.start(), m.end(), 0.75, "a postcode district"))

    for m in _BARE_STREET.finditer(text):
        name = _first_real_word(m["street"])
        if name is None:
            continue
        start = m.start("street") + m["street"].find(name)
        hits.append(_Hit("LOCATION_SMALL", start, m.end(), 0.7, "a named street"))
    for pattern, label in ((_ESTATE, "a named estate"), (_PARK, "a named park or area")):
        for m in pattern.finditer(text):
            name = _first_real_word(m["name"])
            if name is None or PlaceIndex.key(name) in exempt:
                continue
            start = m.start("name") + m["name"].find(name)
            hits.append(_Hit("LOCATION_SMALL", start, m.end(), 0.7, label))
    for m in _VILLAGE.finditer(text):
        group = next(g for g in ("name", "name2", "name3") if m[g])
        name = _first_real_word(m[group])
        if name is None or PlaceIndex.key(name) in exempt:
            continue
        if group == "name3" and (normalise(name) in _COUNTRIES or PlaceIndex.key(name) in
                                 _INDEX.names):
            continue  # "the Manchester area" is a town (LOCATION below), "the North West area"
        start = m.start(group) + m[group].find(name)
        end = m.end() if group == "name2" else start + len(name)
        hits.append(_Hit("LOCATION_SMALL", start, end, 0.65, "a village, ward or small area"))

    hits.extend(head_localities(text, exempt))
    hits.extend(kind_localities(text, exempt))
    hits.extend(described_localities(text, exempt))

    for start, end, ambiguous in places:
        name = text[start:end]
        if PlaceIndex.key(name) in exempt:
            continue
        if _next_word(text, end) in _AGENCY_NEXT:
            continue
        if ambiguous and _prev_word(text, start) not in _PLACE_PREPOSITIONS:
            continue
        hits.append(_Hit("LOCATION", start, end, 0.6, "a town, city or county"))

    if nlp_artifacts is not None:
        known = [(h.start, h.end) for h in hits]
        for ent in nlp_artifacts.entities:
            # Presidio's spaCy engine renames GPE/LOC to LOCATION; accept both spellings.
            if ent.label_ not in ("GPE", "LOC", "LOCATION"):
                continue
            name = ent.text.strip()
            key = PlaceIndex.key(name)
            if (not name[:1].isupper() or any(c.isdigit() for c in name) or name.isupper()
                    or normalise(name.removeprefix("the ")) in _COUNTRIES or key in exempt
                    or normalise(name) in _AGENCIES
                    or (" " not in name and (name.lower() in _REVIEW_WORDS
                                             or _NOUN_SUFFIX.search(name.lower())))
                    or any(w in _AGENCY_NEXT for w in normalise(name).split())
                    or key in _INDEX.names or _first_real_word(name) is None
                    or _next_word(text, ent.end_char) in _AGENCY_NEXT
                    or any(s < ent.end_char and ent.start_char < e for s, e in known)):
                continue
            hits.append(_Hit("LOCATION", ent.start_char, ent.end_char, 0.45,
                             f"a place name (spaCy {ent.label_})"))
    # An allowed term or the board's area is never flagged, whatever pattern found it.
    hits = [h for h in hits if PlaceIndex.key(text[h.start:h.end]) not in exempt]
    return _drop_contained(hits)


def _drop_contained(hits: list[_Hit]) -> list[_Hit]:
    """Drop a hit lying inside a longer one ("Mill Lane" inside "14 Mill Lane")."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(k.start <= hit.start and hit.end <= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


# ------------------------------------------------------------------- document pass

# Short texts with no sentence (document properties, image titles and descriptions):
# a phrase ending in a place word is a place there even with no cue.
_SHORT_KINDS = ("property", "alt_text")
_ITEM_SPLIT = re.compile(r"\s*(?:[;|,/]|\s[-–—]\s)\s*")


def document_pass(segments: Sequence[Segment], findings: list[Finding], config: Config
                  ) -> list[Finding]:
    """Places in short segments, and every mutated (or plain) mention elsewhere of a
    Welsh place found anywhere in the document ("Cwm Hyfryd" -> "yng Nghwm Hyfryd")."""
    from redactcheck.analysis import make_finding

    exempt = {PlaceIndex.key(t) for t in (*config.area, *config.allow)}
    covered: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        covered.setdefault(f.segment_index, []).append((f.location.start, f.location.end))
    out: list[Finding] = []

    def emit(index: int, segment: Segment, start: int, end: int, entity: str, why: str
             ) -> None:
        spans = covered.setdefault(index, [])
        if any(s < end and start < e for s, e in spans):
            return
        spans.append((start, end))
        out.append(make_finding(segment, index, start, end, entity, 0.65,
                                recognizer="AddressRecognizer", explanation=why,
                                guidance=GUIDANCE[entity]))

    for index, segment in enumerate(segments):
        if segment.kind not in _SHORT_KINDS or len(segment.text.split()) > 25:
            continue
        for hit in head_localities(segment.text, exempt, bare=True):
            emit(index, segment, hit.start, hit.end, hit.entity,
                 "a place name ending in a place word, in a short text")

    forms: dict[str, str] = {}
    for f in findings:
        if (f.entity not in ("LOCATION_SMALL", "LOCATION") or f.recognizer != "AddressRecognizer"
                or "spaCy" in f.explanation):
            continue
        words = f.text.split()
        if not words or not words[0][:1].isupper() or len(f.text) < 4:
            continue
        for form in cues.welsh_mutations(words[0]):
            variant = " ".join([form, *words[1:]])
            if form == words[0] and f.entity == "LOCATION":
                continue  # a town's plain mentions are found by the gazetteer
            if form != words[0] and (is_common_word(form) or len(form) < 4):
                continue
            forms.setdefault(variant, f.entity)
    forms = {v: e for v, e in forms.items() if PlaceIndex.key(v) not in exempt}
    if not forms:
        return out
    pattern = re.compile(
        r"(?<![\w'’-])(" + "|".join(re.escape(v).replace(r"\ ", r"\s+")
                                    for v in sorted(forms, key=len, reverse=True))
        + r")(?![\w'’-])"
    )
    for index, segment in enumerate(segments):
        for m in pattern.finditer(segment.text):
            entity = forms.get(re.sub(r"\s+", " ", m.group(1)), "LOCATION_SMALL")
            emit(index, segment, m.start(1), m.end(1), entity,
                 "another mention (or Welsh mutated form) of a place found in the document")
    return out


def build(config: Config) -> list[EntityRecognizer]:
    return [AddressRecognizer(config)]
