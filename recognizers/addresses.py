"""Addresses, postcodes and named places.

* ADDRESS (high): a house number and street ("14 Brinnington Road", "22a Mill Lane"), a flat
  ("Flat 3, 22 Mill Lane", "Flat 3"), or a house name with its street ("Rose Cottage, Church
  Lane"). The span stops at the street: a town after it is a LOCATION finding and a postcode
  after it is its own POSTCODE finding, so the postcode stays identifiable (and is redacted)
  even when the address is rewritten as "the family home".
  Example flagged: "lived at 14 Brinnington Road" → "14 Brinnington Road".
  Example left alone: "Section 47 enquiries", "in 2015 Mill Lane was…" (a year is not a number).
* POSTCODE (high): full UK postcodes ("SK5 7AB", "EC1A 1BB") with a valid postcode area, and a
  bare district ("SK5") only after "postcode", next to a place or street, or before "area".
  Supersedes Presidio's UkPostcodeRecognizer (low scores, no districts).
  Example flagged: "Stockport SK5" → "SK5". Example left alone: "the M60", "vitamin B12".
* LOCATION_SMALL (medium): streets without a number ("on Mill Lane"), estates ("the Brinnington
  estate"), parks ("Heaton Park"), villages and electoral wards ("the village of Marple",
  "Reddish ward"), and unknown places in "the X area".
  Example flagged: "seen on Mill Lane" → "Mill Lane". Example left alone: "the High Street",
  "Family Court", "the car park", "Real Estate".
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
from dataclasses import dataclass

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from recognizers import read_word_list
from redactcheck.config import Config
from redactcheck.findings import normalise

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
    "north", "south", "east", "west", "central", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december",
    "good", "best", "level", "ground", "first", "second", "top", "front", "back",
}

# ------------------------------------------------------------------------------ patterns
_FLAT = r"(?:Flat|Apartment|Apt\.?|Maisonette)\s+\d{1,3}[A-Za-z]?"
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
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"}
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


def build(config: Config) -> list[EntityRecognizer]:
    return [AddressRecognizer(config)]
