"""The thorough profile (``--quasi``): common quasi-identifiers at LOW severity.

The default profile leaves these alone on purpose (review authors are told to write "June
2015" and to name agencies). With ``config.quasi`` they are reported too, so an author
preparing a review for wide publication sees every detail that narrows who the family is.
``build`` returns no recognisers and ``document_pass`` nothing unless ``config.quasi``.

* ``QuasiDateRecognizer`` (DATE_PARTIAL): month or season with a year ("June 2015", "early
  March 2016", "summer of 2014"), decades ("the 1990s"), a year alone ("in 2012") and
  durations ("three months"). Left alone: statute, guidance and research years ("Children
  Act 1989", "Working Together 2018", "Brandon et al, 2008"), section numbers ("6.4.10"),
  labels and counts ("Room 2015", "2015 children"), ages ("a 16-year-old").
  Flagged: "In June 2015 the family moved" → "June 2015".
  Left alone: "under the Children Act 1989".
* ``SpacyQuasiRecognizer``: spaCy's entities, mapped ORG/EVENT → ORGANISATION, GPE/LOC/FAC →
  LOCATION, NORP → DEMOGRAPHIC, MONEY/QUANTITY → QUANTITY, DATE → DATE_PARTIAL. Left alone:
  pseudonyms and roles ("Child B", "the mother"), the UK and its nations, generic agencies
  (``data/generic_agencies.txt``) and names made only of generic words ("the Local
  Authority", "the Family Court"), vague dates ("the same day"), headings in capitals, and
  a demonym used for a state ("the Polish authorities", "Turkish law").
  Flagged: "A letter from Northbank Logistics Ltd" → "Northbank Logistics Ltd".
  Left alone: "Child B told the mother".
* ``MoneyRecognizer`` (QUANTITY): "£2,450", "EUR 4,000", "200 Polish zlotys".
  Left alone: "scored 80 marks", "2 p.m.".
* ``DemographicRecognizer`` (DEMOGRAPHIC): an occupation after "worked as" / "employed as"
  or before "by profession" ("worked as a hairdresser" → "hairdresser"), an adult's age
  ("aged 43"). Left alone: professionals doing their job ("the social worker visited").

* ``CountPlaceRecognizer``: counts with their noun (QUANTITY: "seven other persons", "79
  packages of powder"), nationalities with their noun (DEMOGRAPHIC: "a German citizen"),
  places joined to their kind (LOCATION: "the Borough of Southwark", "Kalogrea district")
  and places after "lives in", "born in", "practising in". Left alone: durations, labels
  ("Article 125", "paragraph 14"), ages, the UK and its nations, months, pseudonyms.

``document_pass`` also reports land and property registry numbers ("plot no. 900",
"title number DN123456") as REFERENCE_NUMBER at low severity, joins a title to a name
("Dr. Kayleigh Morris": a thorough redaction removes "Dr" too), and widens a stronger
finding over the rest of a quasi span that names nothing alone ("Turkish national",
"the Turkish Government" around the rare detail "Turkish").

``document_pass`` flags every other mention of a quasi string found anywhere in the document
(entity-level recall needs every mention masked): one case-sensitive alternation regex per
document, one scan per segment. It also keeps the pieces of a quasi span that a stronger
finding cuts ("200,000" and "liras" around a RARE_DETAIL "Turkish"), since the merge would
otherwise drop the whole low span.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from functools import cache

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from redactcheck.config import Config
from redactcheck.cues import CITATION_BEFORE, MONTH_RE, MONTH_WORDS
from redactcheck.document import Segment
from redactcheck.findings import Finding, Severity, normalise

from . import read_word_list

DATE = "DATE_PARTIAL"
ORG = "ORGANISATION"
QUANTITY = "QUANTITY"
DEMOGRAPHIC = "DEMOGRAPHIC"
LOCATION = "LOCATION"
ENTITIES = [DATE, ORG, QUANTITY, DEMOGRAPHIC, LOCATION]
SCORE = 0.5

GUIDANCE = {
    DATE: 'Keep only the precision the learning needs ("2015", "mid-2010s", "several months").',
    ORG: 'Describe its type ("the employer", "the court", "a local charity").',
    QUANTITY: 'Round it or describe it ("a large sum", "several").',
    DEMOGRAPHIC: "Keep it only if the learning depends on it.",
    LOCATION: 'Name the region instead ("a town in the North West"), unless it is the '
              "board's own area.",
}

# ------------------------------------------------------------------------------- dates

_MONTH = MONTH_RE  # English names and abbreviations, Welsh names with their mutations
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ee]aster|Christmas)"
_YEAR = r"(?:19|20)\d\d"
_PART = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+)"
_NUMWORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
            r"eighteen|twenty|thirty|forty|fifty|sixty|several|a\s+few|a\s+couple\s+of|"
            r"\d{1,3}(?:\.\d)?)")
_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?)"

_QUASI_DATE = re.compile(
    # early June 2015, June 2015, summer of 2014, June and July 2015, 2014/15, 2014-2016
    rf"(?<![\w/.-])(?:{_PART}?(?:{_MONTH}|{_SEASON})(?:\s+(?:and|to|or|-|–)\s+{_MONTH})?"
    rf"(?:,?\s+of)?,?\s+)?(?:{_YEAR}s?|the\s+(?:early\s+|mid[\s-]|late\s+)?{_YEAR}s)"
    rf"(?:\s*(?:/|-|–|to|and)\s*(?:{_YEAR}|\d\d)\b)?(?![\w/]|\.\d)"
    # a duration: three months, 14 years, two and a half years
    rf"|(?<![\w.-]){_NUMWORD}(?:\s+and\s+a\s+half)?[\s-]+{_UNIT}\b(?![\s-]+old)",
)
# Years that belong to a statute, guidance or research citation, not to the family's story:
# cues.CITATION_BEFORE, and here also a capitalised word right before the year ("Munro
# 2011"), a number sign or a section sign.
_CITATION_BEFORE = re.compile(
    r"(?:\b(?:Act|Acts|Regulations?|Order|Rules|Guidance|Together|Code|Bill|Measure|"
    r"Convention|Directive|Standards|Framework|Protocol)|\bet\s+al\.?|[A-Z][a-z]+\s*\(?|"
    r"\b(?:no|No|nos)\.?|§)[\s,]*\(?$"
)
# Four-digit numbers that count or label something: "2015 children", "Room 2015".
_COUNT_AFTER = re.compile(r"^\s*(?:[a-z]+s\b|(?:children|people|men|women|per)\b|%)")
_LABEL_BEFORE = re.compile(
    r"\b(?:[Rr]oom|[Ff]lat|[Uu]nit|[Pp]age|[Pp]aragraph|[Ss]ection|[Nn]o\.?|[Nn]umber|[Cc]ase|"
    r"[Rr]ef(?:erence)?\.?|£|\$|€)\s*$"
)


def year_owned(text: str, start: int, end: int) -> bool:
    """True when a bare year belongs to a statute, citation, label or count, not to events:
    "Children Act 1989", "Brandon et al, 2008", "Room 2015", "2015 children"."""
    before = text[max(0, start - 40):start]
    if ((CITATION_BEFORE.search(before) or _CITATION_BEFORE.search(before))
            and not _YEAR_PREPOSITION.search(before)):
        return True
    return bool(_LABEL_BEFORE.search(before) or _COUNT_AFTER.match(text[end:end + 12]))


def find_partial_dates(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, explanation) for month/season/decade + year, bare years and durations."""
    for m in _QUASI_DATE.finditer(text):
        start, end = m.span()
        found = m.group()
        if found[0].isdigit() and len(found) <= 5 and found[:4].isdigit():
            if year_owned(text, start, end):
                continue
            yield start, end, "a year narrows when the events happened"
        elif found[0].isdigit() or found.split()[0].lower() in _NUMWORD_SET:
            yield start, end, "a duration narrows the timeline"
        else:
            yield start, end, "a month, season or decade with a year narrows when it happened"


# "In 2015", "since 2012": a preposition of time makes a year an event's year even after
# a capitalised word.
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|from|until|by|during|between|before|after)\s*$",
                               re.IGNORECASE)
_NUMWORD_SET = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "fifteen", "eighteen", "twenty", "thirty", "forty", "fifty",
                "sixty", "several", "a"}


def _result(recognizer: EntityRecognizer, entity: str, start: int, end: int,
            explanation: str, score: float = SCORE) -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity, start=start, end=end, score=score,
        analysis_explanation=AnalysisExplanation(recognizer.name, score,
                                                 textual_explanation=explanation),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            "explanation": explanation, "guidance": GUIDANCE[entity],
        },
    )


# Money: £250, £1.2m, 4,000 euros, EUR 4,000, 200 Polish zlotys, 1,500 Austrian schillings
# (ATS). Codes are ISO 4217's, current and withdrawn (data/currency_codes.txt): a review
# quoting an old award or a sum sent abroad uses whatever currency it was paid in.
_CODES = "(?:" + "|".join(sorted(read_word_list("currency_codes.txt"), key=len, reverse=True)) + ")"
_AMOUNT = r"\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:\.\d+)?"
_CURRENCY_NOUN = (r"(?i:pounds?(?:\s+sterling)?|pence|euros?|dollars?|zlotys?|zlotych|"
                  r"liras?|lire|lei|leu|rupees?|naira|cedis?|[s]?[c]?hillings?|francs?|"
                  r"kron(?:a|or|er|ur)|korun[ay]?|forints?|dinars?|rials?|riyals?|roubles?|"
                  r"rubles?|hryvnias?|yuan|yen|rand|birr|nakfa|taka|afghanis?|"
                  r"deutsch(?:e)?\s?marks?|pesetas?|guilders?|drachmas?|escudos?|kunas?|"
                  r"tolars?|litai|litas|lats|kroons?|levs?|leva|manats?|lari|drams?|tenge|"
                  r"som|somoni|dirhams?|pesos?|reais|real)|p(?![.\w])")
# A sum's bracketed gloss belongs to it: "(TRL)", "(ATS)", "[approx. EUR 138]",
# "(approximately 27,000 euros)".
_GLOSS = (rf"(?:\s*[(\[](?:{_CODES}|[A-Z]{{3}})?[;,\s-]*(?:(?:approx\.|approximately|about|"
          rf"around|some)\s*)?(?:(?:{_CODES}\s?)?(?:{_AMOUNT})(?:\s?(?:{_CODES}|"
          rf"(?:[A-Z][a-z]+\s+)?[a-z]+))?(?:\s*\({_CODES}\))?)?[)\]]){{0,2}}")
# Sums in words: "five hundred euros", "two thousand pounds".
_AMOUNT_WORDS = (r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|"
                 r"fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:hundred|thousand|million))+)")
_MONEY = re.compile(
    r"(?:(?:approx\.|approximately|around)\s+)?"
    rf"(?:(?:[£$€]|\b{_CODES}\s?)(?:{_AMOUNT})(?:\s?(?:k|m|bn|million|billion|thousand)\b)?"
    rf"(?:\s+\((?i:euros?|pounds?|dollars?)\))?{_GLOSS}"
    rf"|(?<![\w.,])(?:{_AMOUNT})(?:\s+(?:million|billion|thousand))?\s?"
    rf"(?:(?:[A-Z][a-z]+\s+){{0,2}}{_CURRENCY_NOUN}\b(?:\s*\({_CODES}\)|\s*\([A-Z]{{3}}\))?"
    rf"|{_CODES}\b){_GLOSS}"
    rf"|\b{_AMOUNT_WORDS}\s+(?:(?:[A-Z][a-z]+\s+)?{_CURRENCY_NOUN})\b)"
)
# A share of something: "40%", "18.5 per cent", "50 to 79%". Percentages of a population
# ("40% of referrals") are statistics, not a detail about one family: left alone.
_PERCENT = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:[.,]\d+)?\s?(?:%|per\s?cent\b)?\s*(?:and|to|-|–)\s*)?"
    r"\d{1,3}(?:[.,]\d+)?\s?(?:%|per\s?cent\b)"
    r"(?!\s+of\s+(?:all|the|these|those|children|families|people|cases|referrals|"
    r"respondents|staff|schools|households|adults|pupils)\b)"
)


class MoneyRecognizer(EntityRecognizer):
    """QUANTITY: sums of money in symbols, codes or words."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[QUANTITY], name="MoneyRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        # A little above spaCy's spans so the whole sum wins over spaCy's part of it.
        out = [_result(self, QUANTITY, m.start(), m.end(), "an exact sum of money", 0.6)
               for m in _MONEY.finditer(text)]
        out += [_result(self, QUANTITY, m.start(), m.end(), "an exact share or rating", 0.6)
                for m in _PERCENT.finditer(text)]
        return out


class QuasiDateRecognizer(EntityRecognizer):
    """DATE_PARTIAL: month/season/decade + year, bare years, durations."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[DATE], name="QuasiDateRecognizer",
                         supported_language="en")

    def load(self) -> None:  # patterns are module constants
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        return [_result(self, DATE, s, e, why) for s, e, why in find_partial_dates(text)]


# ------------------------------------------------------------------------- spaCy spans

_SPACY_MAP = {
    "ORG": ORG, "GPE": LOCATION, "LOC": LOCATION, "FAC": LOCATION, "NORP": DEMOGRAPHIC,
    "MONEY": QUANTITY, "QUANTITY": QUANTITY, "DATE": DATE, "EVENT": ORG,
}
# Pseudonyms and roles spaCy mistakes for organisations or places.
_PSEUDONYM = re.compile(
    r"^(?:the\s+)?(?:(?:Child|Adult|Baby|Sibling|Mother|Father|Parent|Carer|Family|Person|"
    r"Subject|Young\s+Person|Practitioner|Agency)\s+[A-Z0-9]{1,2}|Mr|Mrs|Ms|Miss|Dr)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"^(?:the\s+)?(?:mother|father|mum|dad|parents?|carers?|family|child|children|baby|"
    r"sibling|grand(?:mother|father|parents?)|partner|social\s+worker|health\s+visitor)$",
    re.IGNORECASE,
)
# DATE spans spaCy gives that say nothing about when: "today", "the same day", "daily".
_VAGUE_DATE = re.compile(
    r"^(?:the\s+)?(?:(?:same|next|following|previous|last|that|this|one|a|every|each|"
    r"recent|other|first|second)\s+)*(?:day|days|week|weeks|month|months|year|years|time|"
    r"morning|afternoon|evening|night|weekend|today|yesterday|tomorrow|now|daily|weekly|"
    r"monthly|annually|annual|yearly|later|earlier|recently|currently|age|ages)$",
    re.IGNORECASE,
)


@cache
def _generic_agencies() -> frozenset[str]:
    return frozenset(normalise(t) for t in read_word_list("generic_agencies.txt"))


# Words that name a kind of body, not one body: a name made only of these ("the Court",
# "the Family Court", "the Local Authority", "Government", "Regional Court") fits every
# area and identifies nothing; a place or proper name in it ("Leeds Family Court") does.
_GENERIC_WORDS = frozenset(
    """
    the of and for in on to a an court courts family county crown magistrates magistrates'
    high appeal appeals tribunal chamber chambers division section government ministry
    department office council authority authorities local state federal national regional
    district municipal municipality municipalities city borough parish commission
    committee board panel service services agency trust police constabulary army navy
    force forces prison probation health social care administrative constitutional supreme
    civil criminal military public prosecutor prosecutor's prosecutors registry unit team
    centre center institute university school college hospital parliament assembly senate
    cabinet republic kingdom union european international united nations convention law
    governor minister president judge registrar chairman chair director head secretary
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# The country the review is written in never narrows the family.
_UK = re.compile(
    r"^(?:the\s+)?(?:UK|U\.K\.|United\s+Kingdom(?:\s+of\s+Great\s+Britain(?:\s+and\s+"
    r"Northern\s+Ireland)?)?|Great\s+Britain|Britain|England|Scotland|Wales|"
    r"Northern\s+Ireland)$"
)
# A demonym before these is an adjective for a state, its law or its food, not a person's
# background: "the Polish authorities", "Turkish law", "Romanian Civil Code".
_STATE_AFTER = re.compile(
    r"^\s+(?:[A-Z]\w*|law|laws|legislation|courts?|authorities|government|state|police|"
    r"embassy|consulate|army|military|citizenship\s+law|prosecutors?|officials?|"
    r"ministry|parliament|constitution|system|food|cuisine|language\s+lessons)\b"
)


def _generic(text: str) -> bool:
    """True when a name has no word that points to one body, place or people."""
    words = re.findall(r"[\w'’]+", text.casefold().replace("’", "'"))
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return not words or all(w in _GENERIC_WORDS for w in words)


def _heading(text: str) -> bool:
    """A segment in capitals ("THE FACTS") is a heading: spaCy tags its words at random."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _strip_the(start: int, end: int, text: str) -> tuple[int, int]:
    """Drop a leading "the" (spaCy often includes it); the name itself is what identifies."""
    m = re.match(r"(?:the|The|THE)\s+", text[start:end])
    return (start + m.end(), end) if m and start + m.end() < end else (start, end)


_TRAILING_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d$")
_SECTION_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3}){1,4}")


class SpacyQuasiRecognizer(EntityRecognizer):
    """spaCy entities not covered by the default recognisers, mapped to quasi entity ids."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[DATE, ORG, QUANTITY, DEMOGRAPHIC, LOCATION],
                         name="SpacyQuasiRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or not hasattr(doc, "ents"):
            return []
        if _heading(text):
            return []
        out = []
        for ent in doc.ents:
            entity = _SPACY_MAP.get(ent.label_)
            if entity is None:
                continue
            start, end = _strip_the(ent.start_char, ent.end_char, text)
            span = text[start:end].rstrip("'’")
            if span.endswith(("'s", "’s")):
                span = span[:-2]
            end = start + len(span)
            if not span or _PSEUDONYM.match(span) or _ROLE.match(span) or _UK.match(span):
                continue
            if entity in (ORG, LOCATION) and (normalise(span) in _generic_agencies()
                                              or _generic(span)):
                continue
            if entity == DEMOGRAPHIC and _STATE_AFTER.match(text[end:end + 30]):
                continue
            if entity == DATE and _VAGUE_DATE.match(span):
                continue
            # A year that belongs to a statute, guidance or citation ("Working Together
            # 2018", "Brandon et al, 2008"), or a section number, is not the family's.
            if entity in (DATE, ORG, QUANTITY) and _TRAILING_YEAR.search(span) and year_owned(
                    text, end - 4, end):
                continue
            if _SECTION_NUMBER.fullmatch(span):
                continue
            out.append(_result(self, entity, start, end,
                               f"spaCy tagged it {ent.label_} (a quasi-identifier)"))
        return out


# ------------------------------------------------------------------------ named bodies

# Head nouns that make a run of capitalised words the name of one body: "the Supreme
# Administrative Court", "Stockport Family Court", "the Ministry of Justice". spaCy misses
# many such names (all their words are common) or splits them at "of".
_BODY_NOUNS = frozenset(
    """
    court courts tribunal tribunals council ministry office government committee commission
    party association agency authority board service department directorate chamber
    parliament assembly army staff republic corporation company foundation institute
    university union federation bureau inspectorate fund prosecutor prosecutor's police
    gendarmerie ensemble trust society bank ltd limited plc group prison hospitals lords
    commons municipality municipalities mayor
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words that join the parts of one name: "Court of Appeal", "Labour and Social Court".
_NAME_JOINERS = frozenset({"of", "for", "and", "the", "on", "de", "du", "des", "la", "le"})
# Capitalised words that start a sentence or a clause, not a name: "In", "The", "When".
_NOT_NAME_START = frozenset(
    """
    the a an in on at by from for to of and or but his her their its this that these those
    when after before under since until during while where whereas if as with without
    however although following further then there it he she they we
    """.split()  # noqa: SIM905
)
# Office-holders and documents of a body: the body is what follows their "of".
_ROLE_HEADS = frozenset({"Rules", "Head", "President", "Acting", "Deputy", "Vice", "Director",
                         "Chairman", "Chair", "Secretary", "Registrar", "Judge", "Agent",
                         "Member", "Members", "Judges"})
_DOCUMENT_WORDS = frozenset({"Act", "Acts", "Bill", "Code", "Rules", "Regulations", "Order",
                             "Statute", "Law", "Decree", "Directive", "Convention"})
# Generic words that still single out one body in a country: its apex courts, ministries.
_UNIQUE_BODY = frozenset({"supreme", "constitutional", "federal", "ministry", "parliament",
                          "cassation", "military", "general", "lords", "commons"})
_NAME_WORD = re.compile(r"[^\W_][\w'’-]*")


def _capitalised(word: str) -> bool:
    """A word of a proper name: "Supreme", "Beyoğlu", "8th", "First-instance"."""
    return word[0].isupper() or bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", word))


def find_named_bodies(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of runs of capitalised words headed by a body noun ("Court", "Ministry"),
    with at least two name words, that are not generic agency names."""
    words = list(_NAME_WORD.finditer(text))
    i = 0
    while i < len(words):
        if not _capitalised(words[i].group()):
            i += 1
            continue
        j = i
        # Extend over capitalised words and joiners separated by single spaces only.
        while j + 1 < len(words) and re.fullmatch(r" ", text[words[j].end():words[j + 1].start()]):
            nxt = words[j + 1].group()
            # "and the" starts another name: "the Local Authority and the Family Court".
            if nxt == "the" and words[j].group() == "and":
                j -= 1
                break
            if _capitalised(nxt) or nxt in _NAME_JOINERS:
                j += 1
            else:
                break
        run = words[i:j + 1]
        i = j + 1
        while run and (run[-1].group() in _NAME_JOINERS):
            run.pop()
        while run and run[0].group().casefold() in _NOT_NAME_START:
            run.pop(0)
        # An office-holder or a document of a body is not the body: "Head of the Legal
        # Department" names the department, "Rules of Court" no body at all.
        if run and run[0].group() in _ROLE_HEADS:
            of = next((k for k, w in enumerate(run) if w.group() == "of"), None)
            run = run[of + 1:] if of is not None else []
            while run and run[0].group() in _NAME_JOINERS:
                run.pop(0)
        # "Third Section of the Court": a part of a body named only by a generic word.
        if len(run) >= 3 and run[-2].group() in ("the", "of") and run[-1].group().casefold() \
                in _GENERIC_WORDS:
            run = run[:-2]
            while run and run[-1].group() in _NAME_JOINERS:
                run.pop()
        content = [w.group() for w in run if w.group() not in _NAME_JOINERS]
        # A law or bill named after a body is a document: "Military Service Act".
        if content and content[-1] in _DOCUMENT_WORDS:
            continue
        if len(content) < 2 or not any(w.casefold() in _BODY_NOUNS for w in content):
            continue
        # Pseudonyms ("Agency B", "Council 2") and headings in capitals are not names.
        if any(re.fullmatch(r"[A-Z]|\d+", w) for w in content) or all(w.isupper() for w in content):
            continue
        start, end = run[0].start(), run[-1].end()
        if text[end - 2:end] in ("'s", "’s"):  # "the Court of Cassation's ruling"
            end -= 2
        name = text[start:end]
        # A kind of court or office with many instances ("the District Court", "the
        # Regional Court") is as generic as "the County Court"; one that is unique in its
        # country ("the Supreme Administrative Court", "the Ministry of Justice") is named.
        folded = [w.casefold() for w in content]
        if all(w in _GENERIC_WORDS for w in folded) and not _UNIQUE_BODY & set(folded):
            continue
        # The review's own country's government narrows nothing ("the UK Government").
        if _UK.match(" ".join(w for w in content if w.casefold() not in _BODY_NOUNS)):
            continue
        # Generic names joined by "and" ("Police and Probation Service") stay generic.
        parts = re.split(r"\s+and\s+", name)
        if _PSEUDONYM.match(name) or all(
                normalise(part) in _generic_agencies() or " " not in part for part in parts):
            continue
        yield start, _with_gloss(text, end)


# A short bracketed gloss after a name is part of it: "(Amtsgericht)", "(EWE)",
# "(Sąd Okręgowy)". A bracket of lower-case words or numbers is the sentence's, not the name's.
_NAME_GLOSS = re.compile(r"\s*\((?:[“\"']?[^\W\d_][^()]{0,60})\)")


def _with_gloss(text: str, end: int) -> int:
    m = _NAME_GLOSS.match(text, end)
    if m and len(m.group().split()) <= 8:
        inner = m.group().strip()[1:]
        if inner.lstrip("“\"'")[:1].isupper():
            return m.end()
    return end


class NamedBodyRecognizer(EntityRecognizer):
    """ORGANISATION: named courts, ministries, councils and other bodies."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[ORG], name="NamedBodyRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if _heading(text):
            return []
        return [_result(self, ORG, s, e, "a named body narrows the place and the people")
                for s, e in find_named_bodies(text)]


# ------------------------------------------------------------------------ demographics

_OCCUPATION = re.compile(
    r"\b(?:work(?:ed|s|ing)?|employed|emplyment|job|career|trained|qualified|practi[sc]ed)\s+"
    r"as\s+(?:an?\s+|the\s+)?(?P<occ>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2}?)"
    r"(?=\s*(?:[.,;:)]|$|\s+(?:and|at|in|for|with|until|since|from|but|when|before|after|"
    r"while|on|who|which|where)\b))"
    r"|\b(?:an?\s+)?(?P<occ2>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+by\s+(?:profession|trade)\b",
)
# A job title from the list after a cue that says it is this person's job: "who is a
# lawyer", "she was a ballet dancer", "as a pharmacist", "a nurse by profession". A job
# named as a role in the case ("a lawyer practising in Leeds", "the social worker") is not
# about the family and is left alone.
_JOBS = "|".join(re.escape(j) for j in sorted(read_word_list("occupations.txt"), key=len,
                                                reverse=True))
_JOB_CUE = re.compile(
    rf"\b(?:(?:is|was|became|becoming|become)\s+(?:an?\s+)?|as\s+an?\s+)"
    rf"(?:(?:former|retired|trainee|senior|junior|qualified)\s+)?"
    rf"(?P<job>(?:[a-z]+\s+)?(?:{_JOBS}))s?\b(?!\s+(?:practising|acting|appointed|assigned))",
    re.IGNORECASE,
)
_JOB_SET = frozenset(read_word_list("occupations.txt"))
_ADULT_AGE = re.compile(
    r"\b(?:aged\s+(?P<n1>[2-9]\d|1[89])|(?P<n2>[2-9]\d|1[89])[\s-]+years?[\s-]+old)\b"
)


@functools.cache
def _ons_titles() -> frozenset[str]:
    """Every job title of the ONS SOC 2010 coding index (recognizers/data, lower case)."""
    titles = set()
    for line in read_word_list("occupation_titles.txt"):
        title = line.split("|", 1)[0].strip().casefold()
        if len(title) >= 4 and title not in _NOT_A_JOB:
            titles.add(title)
    return frozenset(titles)


# Index entries that are ordinary nouns before they are jobs ("a member of the public").
_NOT_A_JOB = frozenset({"member", "partner", "owner", "head", "assistant", "helper", "worker"})
# An occupation in apposition to a person, or after "serving as": "the applicant, a lorry
# driver, ...", "Her father, an artillery captain at ...", "the mother, who was a retired
# nurse", "serving as a non-commissioned officer". The noun phrase (up to five words) must
# END in a title of the ONS coding index, so "the father, a man she had met online" is not
# a job; the longest title-ending tail is the span.
_JOB_APPOSITION = re.compile(
    r"(?:,\s*(?:who\s+(?:is|was|had\s+been)\s+)?|\b(?:serv(?:ed|es|ing)|employed|"
    r"engaged|recruited|hired|enlisted|promoted)\s+as\s+)"
    r"(?P<np>(?:an?|the)\s+(?:[a-z][\w\u2010\u2011-]*\s+){0,4}?[a-z][\w\u2010\u2011-]*)"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:at|in|of|for|with|and|who|from|since|until|by|on|when|"
    r"employed|working|based)\b))"
)
_JOB_QUALIFIERS = frozenset({"retired", "former", "trainee", "senior", "junior", "qualified",
                             "local", "self-employed", "part-time", "full-time", "unemployed"})


def _job_tail(np: str) -> tuple[int, int] | None:
    """(start, end) in `np` of the title it ends with, qualifiers before it included."""
    words = list(re.finditer(r"[^\s]+", np))[1:]  # the article is not the job
    titles = _ons_titles()
    for i in range(len(words)):
        tail = " ".join(x.group() for x in words[i:]).casefold().replace("\u2011", "-")
        singular = tail[:-1] if tail.endswith("s") and tail[:-1] in titles else tail
        if singular in titles:
            j = i
            while j > 0 and words[j - 1].group().casefold() in _JOB_QUALIFIERS:
                j -= 1
            return words[j].start(), words[-1].end()
    return None


# Health: a diagnosis, a condition by its medical word-form, an injury to a body part.
# Suffixes that form the names of diseases and disorders (arthr-osis, neur-algia,
# schizo-phrenia, my-opia, disc-opathy); a word must be long enough that the suffix is one
# ("myopia", not "utopia": ordinary words with these endings are left out by the dictionary
# of plain English senses below).
_CONDITION_WORD = re.compile(
    r"\b(?:[a-z]+[\s\u2010\u2011-])?(?:[a-z]+(?:itis|osis|algia|opathy|phrenia|opia|plegia|"
    r"aemia|emia|trophy|oma|iasis|ectomy|otomy))\b",
    re.IGNORECASE,
)
_NOT_CONDITION = frozenset(
    """
    diagnosis prognosis hypnosis osmosis symbiosis metamorphosis apotheosis utopia dystopia
    cornucopia sympathy empathy antipathy apathy telepathy diploma aroma coma stigma dogma
    trauma enigma comatose academia bohemia trophy homeopathy osteopathy naturopathy
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_CONDITION_MODIFIER = re.compile(
    r"(?:[a-z]+(?:ic|al|oid|ive|ing|ed|ary|ous)|mild|severe|acute|chronic)$", re.IGNORECASE)
_DIAGNOSED = re.compile(
    r"\b(?:diagnosed\s+(?:him|her|them)?\s*(?:with|as\s+having)|suffer(?:s|ed|ing)?\s+from|"
    r"(?:a|the)\s+diagnosis\s+of)\s+(?:an?\s+|the\s+)?"
    r"(?P<np>[a-z][\w\u2010\u2011-]*(?:\s+[a-z][\w\u2010\u2011-]*){0,3}?)"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:and|at|in|by|which|that|who|since|after|before|but|"
    r"for|while|when|from)\b))"
)
_INJURY = re.compile(
    r"\b(?:fractures?|fractured|loss\s+of\s+(?:vision|sight|hearing)|dislocation|amputation)"
    r"\s+(?:of|in)\s+(?:the|his|her|their|its)\s+(?:[a-z0-9][\w\u2010\u2011-]*\s+){0,3}?"
    r"[a-z][\w\u2010\u2011-]*(?=\s*(?:[,.;:)]|$|\s+(?:in|that|and|which|with|after|"
    r"on|was|were|is|from)\b))",
    re.IGNORECASE,
)


def find_health(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, why) of health details: diagnoses, condition words, injuries."""
    for m in _DIAGNOSED.finditer(text):
        yield m.start("np"), m.end("np"), "a diagnosis narrows who the person is"
    for m in _INJURY.finditer(text):
        yield m.start(), m.end(), "an injury to a named part of the body narrows who it was"
    for m in _CONDITION_WORD.finditer(text):
        words = m.group().replace("\u2011", "-").split()
        last = words[-1].casefold()
        if last in _NOT_CONDITION or len(last) < 6 or last.split("-")[-1] in _NOT_CONDITION:
            continue
        start = m.start()
        if len(words) == 2 and not _CONDITION_MODIFIER.match(words[0]):
            start = m.end() - len(words[-1])
        yield start, m.end(), "a medical condition narrows who the person is"


class DemographicRecognizer(EntityRecognizer):
    """DEMOGRAPHIC: occupations (after a cue or in apposition), health, adults' ages."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[DEMOGRAPHIC], name="DemographicRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        out = []
        for m in _OCCUPATION.finditer(text):
            group = "occ" if m.group("occ") else "occ2"
            out.append(_result(self, DEMOGRAPHIC, m.start(group), m.end(group),
                               "an occupation narrows who the person is"))
        for m in _JOB_CUE.finditer(text):
            # "it was a manager who": a cleft sentence names a role, not someone's job.
            if re.search(r"\b(?:it|there|this|that)\s*$", text[max(0, m.start() - 8):m.start()],
                         re.IGNORECASE):
                continue
            start, end = m.span("job")
            # The optional word before the title must belong to it ("ballet dancer"), not be
            # the title of a job list entry already ("a lawyer" -> "lawyer").
            words = m.group("job").split()
            if len(words) > 1 and " ".join(words).lower() not in _JOB_SET \
                    and words[0].lower() in _NOT_NAME_START:
                start = m.start("job") + len(words[0]) + 1
            out.append(_result(self, DEMOGRAPHIC, start, end,
                               "an occupation narrows who the person is"))
        for m in _JOB_APPOSITION.finditer(text):
            tail = _job_tail(m.group("np"))
            if tail is not None:
                base = m.start("np")
                out.append(_result(self, DEMOGRAPHIC, base + tail[0], base + tail[1],
                                   "an occupation narrows who the person is"))
        for start, end, why in find_health(text):
            out.append(_result(self, DEMOGRAPHIC, start, end, why))
        for m in _ADULT_AGE.finditer(text):
            out.append(_result(self, DEMOGRAPHIC, m.start(), m.end(),
                               "an adult's exact age narrows who the person is"))
        return out



# ------------------------------------------------------------------- counts and places

_COUNT_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|"
               r"three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|"
               r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
               r"nineteen|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and\s+"
               r"\w+)?)")
# A count of things: "seven other persons", "five envelopes", "79 packages of powder",
# "seventy-one hearings". An exact count of hearings, letters or people involved can be
# matched against court lists and records; a thorough redaction rounds it. The noun is
# plural (a count of one narrows nothing) and not a unit of time (durations are dates).
_COUNT = re.compile(
    rf"(?<![\w.,£$€/§-])(?:{_COUNT_WORD}|\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}})"
    r"(?:\s+(?:other|more|further|different|separate|previous|[a-zA-Z]+))?"
    r"\s+(?P<noun>[a-z]{3,}s)\b(?:\s+of\s+(?:land|powder|heroin|cannabis|cocaine))?",
    re.IGNORECASE,
)
_NOT_COUNTED = frozenset(
    """
    years months weeks days hours minutes seconds times decades centuries nights weekends
    pounds euros dollars pence percent cents marks points per others ones was has is its
    this thus whereas days' as has
    """.split()  # noqa: SIM905
)
# Numbers that label rather than count: "Article 125", "section 47", "no. 12", "page 4".
_COUNT_LABEL_BEFORE = re.compile(
    r"(?:\b(?:Article|Articles|[Ss]ections?|[Pp]aragraphs?|[Pp]aras?|[Pp]ages?|[Nn]os?\.?|"
    r"[Rr]ules?|[Ll]aw|[Aa]ct|[Cc]hapter|[Pp]art|[Ss]chedule|[Rr]oom|[Ff]lat|[Uu]nit|[Ww]ard|"
    r"aged|age|of|[Cc]lass|[Yy]ear|[Cc]ase|[Aa]pplications?)\s*$)"
)


def find_counts(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of a number with the plural noun it counts."""
    for m in _COUNT.finditer(text):
        noun = m.group("noun").casefold()
        words = m.group().split()
        if noun in _NOT_COUNTED or words[1].casefold() in _NOT_COUNTED:
            continue
        if words[0].isdigit() and _YEAR_RE.fullmatch(words[0]):
            continue  # "in 2015 applications were" - a year, not a count
        if _COUNT_LABEL_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        # "three-year-old", "two years old": ages, left to the age recognisers.
        if re.match(r"[\s-]+(?:year|month)s?[\s-]+old", text[m.end():m.end() + 12]):
            continue
        yield m.start(), m.end()


_YEAR_RE = re.compile(r"(?:19|20)\d\d")

# A nationality with its noun: "a Turkish national", "a German citizen", "of Polish
# nationality". The noun belongs to the detail (a redaction that keeps "national" still
# says the person is foreign).
_NATIONAL = re.compile(
    r"\b(?:(?P<dem>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\s+(?:national|citizen|nationality|"
    r"passport\s+holder|origin|descent)s?\b)"
)

# Named places joined to the word that says what they are: "the Borough of Southwark",
# "the county of Jämtland", "Kalogrea district", "Poltava Oblast".
_PLACE_WORD = r"(?:[Bb]orough|[Cc]ounty|[Dd]istrict|[Mm]unicipality|[Pp]rovince|[Rr]egion|" \
              r"[Vv]illage|[Tt]own|[Cc]ity|[Pp]arish|[Oo]blast|[Cc]anton)"
_PLACE_NAME = r"[A-ZÀ-Ý][\wÀ-ÿ'’-]+(?:[ -][A-ZÀ-Ý][\wÀ-ÿ'’-]+){0,2}"
_PLACE_JOIN = re.compile(
    rf"\b{_PLACE_WORD}\s+of\s+(?P<a>{_PLACE_NAME})"
    rf"|(?P<b>{_PLACE_NAME})\s+(?:[Dd]istrict|Province|Region|Oblast|County|Borough|Canton)\b"
)
# Where someone lives, was born or works: "lives in Vouziers", "born in Tarnów",
# "a lawyer practising in Aydın". spaCy misses towns it has never seen.
_PLACE_CUE = re.compile(
    rf"\b(?:lives?|lived|living|resides?|resided|residing|resident|born|practising|"
    rf"practicing|settled|moved|relocated|grew\s+up)\s+(?:in|to|at)\s+(?P<p>{_PLACE_NAME})"
)


class CountPlaceRecognizer(EntityRecognizer):
    """QUANTITY counts, DEMOGRAPHIC nationalities, LOCATION places by their cue words."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[QUANTITY, DEMOGRAPHIC, LOCATION],
                         name="CountPlaceRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if _heading(text):
            return []
        out = [_result(self, QUANTITY, s, e, "an exact count can be matched to records")
               for s, e in find_counts(text)]
        for m in _NATIONAL.finditer(text):
            dem = m.group("dem")
            if _UK.match(dem) or dem.casefold() in _NOT_NAME_START or _generic(dem):
                continue
            out.append(_result(self, DEMOGRAPHIC, m.start(), m.end(),
                               "a nationality narrows who the person is"))
        for m in _PLACE_JOIN.finditer(text):
            name = m.group("a") or m.group("b")
            if not _place_name_ok(name):
                continue
            out.append(_result(self, LOCATION, m.start(), m.end(),
                               "a named place narrows where the family lives"))
        joined = [(r.start, r.end) for r in out if r.entity_type == LOCATION]
        for m in _PLACE_CUE.finditer(text):
            start, end = m.span("p")
            # "moved to Area B": a pseudonym; "Kalogrea district": already joined above.
            if re.match(r"\s+[A-Z0-9]{1,2}\b", text[end:end + 4]) or any(
                    s <= start and end <= e for s, e in joined):
                continue
            if _place_name_ok(m.group("p")):
                out.append(_result(self, LOCATION, m.start("p"), m.end("p"),
                                   "a named place narrows where the family lives"))
        return out


def _place_name_ok(name: str) -> bool:
    first = name.split()[0]
    return not (_UK.match(name) or first.casefold() in _NOT_NAME_START
                or first.casefold() in _MONTH_NAMES or _generic(name)
                or _PSEUDONYM.match(name) or re.fullmatch(r"[A-Z]", name.split()[-1]))


_MONTH_NAMES = MONTH_WORDS


# ------------------------------------------------------------------------ document pass

_OWN = {"QuasiDateRecognizer", "SpacyQuasiRecognizer", "DemographicRecognizer", "MoneyRecognizer",
        "NamedBodyRecognizer", "CountPlaceRecognizer"}
# Entities whose other mentions are flagged too (with the same entity id).
_PROPAGATE = {DATE, ORG, QUANTITY, DEMOGRAPHIC, LOCATION, "LOCATION_SMALL", "INSTITUTION"}


def _pieces(start: int, end: int, blockers: list[tuple[int, int]], text: str,
            lowercase_ok: bool = False) -> list[tuple[int, int]]:
    """[start, end) minus the blockers, each piece trimmed of spaces and punctuation.

    A stronger finding inside a quasi span ("Turkish" as a rare detail inside "200,000
    Turkish liras") wins the merge and would drop the whole low span; its pieces survive.
    """
    pieces = [(start, end)]
    for bs, be in blockers:
        pieces = [p for s, e in pieces
                  for p in ((s, min(e, bs)), (max(s, be), e)) if p[0] < p[1]]
    out = []
    for s, e in pieces:
        while s < e and not text[s].isalnum():
            s += 1
        # A piece starting "of the Ministry" keeps only the name.
        lead = re.match(r"(?:(?:of|the|and|for)\s+)+", text[s:e])
        if lead and s + lead.end() < e:
            s += lead.end()
        while e > s and not text[e - 1].isalnum() and text[e - 1] != ")":
            e -= 1
        # A leftover that names nothing ("Government" of "Turkish Government", "and")
        # is not reported.
        piece = text[s:e]
        if s < e and (piece == text[start:end] or (
                not _generic(piece)
                and (lowercase_ok or any(c.isupper() or c.isdigit() for c in piece)))):
            out.append((s, e))
    return out


def _mention_ok(entity: str, text: str, start: int, end: int) -> bool:
    """The same context tests the recognisers apply, for a mention found by string."""
    if entity == DEMOGRAPHIC and _STATE_AFTER.match(text[end:end + 30]):
        return False
    return not (entity == DATE and text[start:end].isdigit() and year_owned(text, start, end))



# Land and property registry numbers: "plot no. 900 of block D", "plots nos. 260, 268 and
# 425", "title number DN123456", "registration no. D-4840", "sheet/plan 24/59". They
# pinpoint one property (so the family's home) in a land registry, like an address. They
# are identifiers, reported at low severity in this profile only (REFERENCE_NUMBER is high
# for case and crime references, which the default profile finds).
REFERENCE = "REFERENCE_NUMBER"
_PROPERTY_ID = r"[A-Z]{0,3}-?\d[\w/.-]*(?<=\w)"
_PROPERTY_NO = re.compile(
    r"\b(?:(?:[Pp]lots?|[Pp]arcels?|[Ll]ots?|[Tt]itle|[Ll]and\s+[Rr]egistry|[Rr]egistration|"
    r"[Ss]heet/plan|[Ss]heet|[Bb]lock|[Ff]lat|[Aa]partment)\s+(?:nos?\.|numbers?|No\.?s?)"
    r"|[Ss]heet/plan)\s*"
    rf"{_PROPERTY_ID}(?:(?:,\s*|\s+and\s+){_PROPERTY_ID}(?![\w/]))*"
    rf"(?:,?\s+(?:of\s+block\s+[A-Z]\b|sheet/plan\s+{_PROPERTY_ID}))*"
)
GUIDANCE_PROPERTY = "Remove it: a registry number leads to the property and its owner."

# Titles a thorough redaction removes with the name ("Dr [NAME]" says the person is a
# doctor). names.py leaves them out of its spans on purpose; in this profile the title joins.
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Judge|Sir|Dame|Cllr|Councillor)\.?\s+$"
)


def document_pass(segments: Sequence[Segment], findings: list[Finding], config: Config
                  ) -> list[Finding]:
    """Every other mention of a quasi string found anywhere in the document, and the
    pieces of quasi spans that a stronger finding cuts."""
    if not config.quasi:
        return []
    from redactcheck.analysis import make_finding

    strings: dict[str, str] = {}  # text as written -> entity
    by_segment: dict[int, list[Finding]] = {}
    for f in findings:
        by_segment.setdefault(f.segment_index, []).append(f)
        if f.entity in _PROPAGATE:
            text = re.sub(r"\s+", " ", f.text.strip())
            if len(text) >= 3 and not _generic(text):
                strings.setdefault(text, f.entity)
    pattern = re.compile(
        r"(?<![\w])(" + "|".join(re.escape(a).replace(r"\ ", r"\s+")
                                  for a in sorted(strings, key=len, reverse=True))
        + r")(?![\w])"
    ) if strings else None  # case-sensitive: capitals mark the proper noun ("Court", "court")
    out: list[Finding] = []

    def emit(index: int, segment: Segment, start: int, end: int, entity: str, why: str) -> None:
        stronger = [f for f in by_segment.get(index, [])
                    if f.severity.rank > Severity.LOW.rank
                    and f.location.start < end and start < f.location.end]
        blockers = [(f.location.start, f.location.end) for f in stronger]
        # The rest of a sum ("liras" of "200,000 Turkish liras") is kept in lower case too.
        pieces = _pieces(start, end, blockers, segment.text, entity == QUANTITY)
        for s, e in pieces:
            out.append(make_finding(segment, index, s, e, entity, SCORE,
                                    recognizer="QuasiDocumentPass", explanation=why,
                                    guidance=GUIDANCE.get(entity)))
        # What is left of "Turkish national" or "the Turkish Government" around a rare
        # detail names nothing alone ("national", "Government"); it belongs to the stronger
        # finding, which a thorough redaction widens over the whole phrase: "a [DETAIL]",
        # not "a [DETAIL] national". The widened copy merges with the original finding.
        if not pieces and len(stronger) == 1:
            best = stronger[0]
            s, e = min(start, best.location.start), max(end, best.location.end)
            if (s, e) != (best.location.start, best.location.end):
                out.append(make_finding(segment, index, s, e, best.entity, best.score,
                                        recognizer="QuasiDocumentPass",
                                        explanation=best.explanation, guidance=best.guidance,
                                        extra=best.extra))

    for index, segment in enumerate(segments):
        seg_findings = by_segment.get(index, [])
        for m in _PROPERTY_NO.finditer(segment.text):
            out.append(make_finding(segment, index, m.start(), m.end(), REFERENCE, SCORE,
                                    recognizer="QuasiDocumentPass",
                                    explanation="a land or property registry number",
                                    guidance=GUIDANCE_PROPERTY).with_(severity=Severity.LOW))
        for f in seg_findings:
            title = _TITLE_BEFORE.search(segment.text, max(0, f.location.start - 14),
                                         f.location.start) if f.entity == "PERSON" else None
            if title:
                out.append(make_finding(segment, index, title.start(), f.location.end,
                                        "PERSON", f.score, recognizer="QuasiDocumentPass",
                                        explanation=f.explanation, guidance=f.guidance,
                                        extra=f.extra))
        for f in seg_findings:
            if f.entity in ENTITIES and f.recognizer in _OWN and any(
                    g.severity.rank > Severity.LOW.rank and g.location.start < f.location.end
                    and f.location.start < g.location.end
                    and not (g.location.start <= f.location.start
                             and f.location.end <= g.location.end) for g in seg_findings):
                emit(index, segment, f.location.start, f.location.end, f.entity, f.explanation)
        if pattern is None:
            continue
        spans = [(f.location.start, f.location.end) for f in seg_findings]
        for m in pattern.finditer(segment.text):
            start, end = m.span(1)
            # Only a mention already inside a finding is skipped: a longer organisation
            # overlapping a town found inside it still wins the merge (longest low span).
            if any(s <= start and end <= e for s, e in spans):
                continue
            entity = strings[re.sub(r"\s+", " ", m.group(1))]
            if not _mention_ok(entity, segment.text, start, end):
                continue
            emit(index, segment, start, end, entity,
                 "another mention of a detail found elsewhere in the document")
    return out


def build(config: Config) -> list[EntityRecognizer]:
    if not config.quasi:
        return []
    return [QuasiDateRecognizer(), SpacyQuasiRecognizer(), DemographicRecognizer(),
            MoneyRecognizer(), NamedBodyRecognizer(), CountPlaceRecognizer()]
