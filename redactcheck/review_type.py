"""The review's own type: who the review is about and why it exists.

A Child Safeguarding Practice Review is about a child; a Safeguarding Adults Review or a
Domestic Homicide Review is about an adult, and a homicide is the reason a DHR exists, not
a rare detail. The type decides the wording of every finding (`entities.entity_type`), which
rare details are the review's index event (`index_events`) and the population the
combination risk counts (`jigsaw`).

Detection reads the strongest evidence first: the title (document properties and the title
block at the top of the body), then the first pages (about 600 words, headers included),
then the whole text. Within the first tier that names a type, the type named most often
wins; ties go to a child review (the tool's default wording). `--review-type` or the
config key `review_type` overrides detection (`auto`, the default, detects).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class ReviewType:
    """One kind of review and the words its reports use."""

    id: str  # cspr, sar, dhr, cpr, apr, scot-child, scot-adult, ni-cmr
    name: str  # "Domestic Homicide Review"
    audience: str  # "child" | "adult": whose review it is
    nation: str  # England, Wales, Scotland, Northern Ireland (England and Wales for DHRs)
    subject: str  # "the child", "the adult", "the victim"
    pseudonyms: str  # examples of the pseudonyms such a review uses
    home: str  # what to write for the subject's address
    index_event: str  # what the review exists because of, in words
    index_terms: tuple[str, ...]  # RARE_DETAIL texts that are the index event

    @property
    def is_adult(self) -> bool:
        return self.audience == "adult"


# Words that name the event a review of each kind exists because of. A RARE_DETAIL whose
# whole text is one of these (with an article or possessive) is the index event.
_CHILD_EVENT = ("died", "death", "the death of the child", "death of the child",
                "death of the baby", "serious injury", "serious injuries", "seriously injured",
                "seriously harmed", "serious harm", "non-accidental injury",
                "non-accidental injuries", "fatal injuries", "fatally injured")
_DHR_EVENT = ("murder", "murdered", "homicide", "domestic homicide", "killed", "was killed",
              "killing", "unlawful killing", "manslaughter", "stabbed", "stabbing",
              "fatally stabbed", "strangled", "strangulation", "died", "death", "suicide",
              "took her own life", "took his own life", "fatal injuries", "fatally injured")
_ADULT_EVENT = ("self-neglect", "self neglect", "neglect", "died", "death", "serious harm",
                "seriously harmed", "abuse or neglect", "abuse and neglect",
                "pressure ulcers", "pressure sores", "serious injury", "serious injuries")

_CHILD: dict[str, Any] = dict(audience="child", subject="the child",
              pseudonyms="Child B, Mother, Sibling 2",
              home="the family home", index_event="the child's death or serious injury",
              index_terms=_CHILD_EVENT)
_ADULT: dict[str, Any] = dict(audience="adult", subject="the adult",
              pseudonyms="Adult A, \u201cMr K\u201d, his daughter",
              home="the adult's home", index_event="the adult's death, serious harm or "
              "self-neglect", index_terms=_ADULT_EVENT)

REVIEW_TYPES: dict[str, ReviewType] = {t.id: t for t in (
    ReviewType("cspr", "Child Safeguarding Practice Review", nation="England", **_CHILD),
    ReviewType("sar", "Safeguarding Adults Review", nation="England", **_ADULT),
    ReviewType("dhr", "Domestic Homicide Review", nation="England and Wales",
               audience="adult", subject="the victim",
               pseudonyms="the name agreed with the family, Adult A, the victim's sister",
               home="the victim's home", index_event="the homicide (or death) of the victim",
               index_terms=_DHR_EVENT),
    ReviewType("cpr", "Child Practice Review", nation="Wales", **_CHILD),
    ReviewType("apr", "Adult Practice Review", nation="Wales", **_ADULT),
    ReviewType("scot-child", "Learning Review (child)", nation="Scotland", **_CHILD),
    ReviewType("scot-adult", "Learning Review (adult)", nation="Scotland", **_ADULT),
    ReviewType("ni-cmr", "Case Management Review", nation="Northern Ireland", **_CHILD),
)}

DEFAULT = "cspr"  # child wording: the catalogue's own
# Accepted by --review-type and the config key (aliases map onto the ids above).
ALIASES = {"scr": "cspr", "child": "cspr", "dardr": "dhr", "adult": "sar", "lr-child": "scot-child",
           "lr-adult": "scot-adult", "cmr": "ni-cmr"}
CHOICES = ("auto", *REVIEW_TYPES, *ALIASES)

# Tie-break order: child reviews first (ties go to child), then adult ones.
_ORDER = ("cspr", "cpr", "scot-child", "ni-cmr", "dhr", "sar", "apr", "scot-adult")


def get(type_id: str | ReviewType | None) -> ReviewType:
    """The ReviewType for an id or alias (None or "auto": the default, child wording)."""
    if isinstance(type_id, ReviewType):
        return type_id
    key = (type_id or DEFAULT).strip().lower()
    key = ALIASES.get(key, key)
    if key == "auto":
        key = DEFAULT
    try:
        return REVIEW_TYPES[key]
    except KeyError:
        raise ValueError(f"unknown review type {type_id!r} "
                         f"(use {', '.join(CHOICES)})") from None


def normalise_choice(value: str) -> str:
    """A config or flag value as stored: an id or "auto" (raises ValueError if unknown)."""
    key = value.strip().lower()
    if key == "auto":
        return key
    return get(key).id


@dataclass(frozen=True)
class Detection:
    """The type a document was treated as and why."""

    type: ReviewType
    source: str  # "the title", "the document properties", "the first pages", ...
    evidence: str = ""  # the words that decided it ("Domestic Homicide Review")

    @property
    def note(self) -> str:
        """"review type: Domestic Homicide Review (from the title)"."""
        return f"review type: {self.type.name} ({self.source})"

    def to_dict(self) -> dict:
        return {"id": self.type.id, "name": self.type.name, "audience": self.type.audience,
                "nation": self.type.nation, "source": self.source, "evidence": self.evidence,
                "index_event": self.type.index_event}


# ---- detection ------------------------------------------------------------------------

# (group, pattern, acronym). A group is a type id, or "scot" (learning / significant case
# review: child or adult decided by the cues below). Acronyms count in the title only:
# in the body "SAR" is also a subject access request, "CPR" resuscitation, "SCR" the
# Summary Care Record.
_NAMES: tuple[tuple[str, str, bool], ...] = (
    ("cspr", r"(?:local\s+)?child\s+safeguarding\s+practice\s+reviews?", False),
    ("cspr", r"serious\s+case\s+reviews?", False),
    ("cspr", r"\bL?CSPRs?\b", True),
    ("cspr", r"\bSCRs?\b", True),
    ("sar", r"safeguarding\s+adults?\s+reviews?", False),
    ("sar", r"adult\s+safeguarding\s+reviews?", False),
    ("sar", r"\bSARs?\b", True),
    ("dhr", r"domestic\s+homicide\s+reviews?", False),
    ("dhr", r"domestic\s+abuse[\s-]+related\s+death\s+reviews?", False),
    ("dhr", r"\b(?:DHR|DARDR)s?\b", True),
    ("cpr", r"(?<!safeguarding\s)child\s+practice\s+reviews?", False),
    # Welsh: Adolygiad Ymarfer Plant (plural Adolygiadau), with the soft-mutated forms.
    ("cpr", r"[ah]?[dn]?olygiad(?:au)?\s+[yY]marfer\s+[pP]lant(?:ion|yn)?", False),
    ("cpr", r"\bCPRs?\b(?!\s+(?:was|were|is|had|on|by|and|training))", True),
    ("apr", r"adult\s+practice\s+reviews?", False),
    ("apr", r"[ah]?[dn]?olygiad(?:au)?\s+[yY]marfer\s+[oO]edolion", False),
    ("apr", r"[ah]?[dn]?olygiad(?:au)?\s+[yY]marfer\s+[oO]edolyn", False),
    ("apr", r"\bAPRs?\b", True),
    ("scot", r"(?<!rapid\s)(?<!local\s)learning\s+reviews?", False),
    ("scot", r"significant\s+case\s+reviews?", False),
    ("ni-cmr", r"case\s+management\s+reviews?", False),
    ("ni-cmr", r"\bCMRs?\b", True),
)

# Child or adult, for a Scottish learning review (and to break nothing else).
_CHILD_CUES = re.compile(
    r"child\s+protection\s+committee|children'?s\s+(?:hearing|reporter)|\bchild\s+protection\b|"
    r"\bChild\s+[A-Z]\b|\bPlentyn\s+[A-Z]\b|\bthe\s+(?:child|baby|infant)\b|"
    r"getting\s+it\s+right\s+for\s+every\s+child", re.I)
_ADULT_CUES = re.compile(
    r"adult\s+protection\s+committee|adult\s+support\s+and\s+protection|adults?\s+at\s+risk|"
    r"\bAdult\s+[A-Z]\b|\bthe\s+adult\b|adults\s+board|care\s+act\s+2014", re.I)

TITLE_BLOCK_PARAGRAPHS = 5  # short paragraphs at the top of the body read as the title
TITLE_MAX_CHARS = 200
FIRST_PAGES_WORDS = 600
_NOT_TITLE = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s|[.!?]\s*$")


@cache
def _patterns() -> list[tuple[str, re.Pattern, bool]]:
    return [(group, re.compile(p, 0 if acronym else re.I), acronym)
            for group, p, acronym in _NAMES]


def _count(text: str, title: bool) -> tuple[Counter, dict[str, str]]:
    """Mentions of each group in `text` (acronyms only when `title`), and the first words."""
    counts: Counter = Counter()
    first: dict[str, str] = {}
    for group, pattern, acronym in _patterns():
        if acronym and not title:
            continue
        found = pattern.findall(text)
        if found:
            counts[group] += len(found)
            first.setdefault(group, re.sub(r"\s+", " ", found[0]))
    return counts, first


def _tiers(document: Any) -> list[tuple[str, str, bool]]:
    """(source, text, title?) from strongest to weakest evidence."""
    segments = list(getattr(document, "segments", None) or [])
    props = [s.text for s in segments if s.kind == "property"
             and re.search(r"property: (?:title|subject|description|keywords)$", s.label or "",
                           re.I)]
    body = [s for s in segments if s.kind == "body" and s.text.strip()]
    title_block: list[str] = []
    for s in body[:TITLE_BLOCK_PARAGRAPHS]:
        # The title block ends at the first sentence or numbered section ("1. Introduction").
        if len(s.text) > TITLE_MAX_CHARS or _NOT_TITLE.search(s.text):
            break
        title_block.append(s.text)
    first: list[str] = []
    words = 0
    for s in segments:
        if s.kind in ("body", "header", "table", "textbox") and words < FIRST_PAGES_WORDS:
            first.append(s.text)
            if s.kind != "header":
                words += len(s.text.split())
    whole = [s.text for s in segments if s.kind not in ("property", "hyperlink")]
    return [("the title", "\n".join(title_block), True),
            ("the document properties", "\n".join(props), True),
            ("the first pages", "\n".join(first), False),
            ("the whole text", "\n".join(whole), False)]


def _winner(counts: Counter) -> str:
    best = max(counts.values())
    tied = [g for g in counts if counts[g] == best]
    order = {g: i for i, g in enumerate((*_ORDER, "scot"))}
    # "scot" sits with the child types for tie-breaking when nothing else decides.
    tied.sort(key=lambda g: order.get("scot-child" if g == "scot" else g, 99))
    return tied[0]


def detect(document: Any) -> Detection:
    """The review type the document names, strongest evidence first (see module doc)."""
    tiers = _tiers(document)
    # The title block and the properties are one tier: their counts add up, and the
    # reason names the title when the winning words are in it.
    counted = [(source, *_count(text, is_title)) for source, text, is_title in tiers]
    title_counts: Counter = counted[0][1] + counted[1][1]
    if title_counts:
        group = _winner(title_counts)
        source, _, first = next(c for c in counted[:2] if c[1].get(group))
        return _detection(group, source, first[group], document)
    for source, counts, first in counted[2:]:
        if counts:
            group = _winner(counts)
            return _detection(group, source, first[group], document)
    return Detection(get(DEFAULT), "default: the document names no review type, so child "
                     "wording is used")


def _detection(group: str, source: str, evidence: str, document: Any) -> Detection:
    if group == "scot":
        text = "\n".join(s.text for s in getattr(document, "segments", None) or [])
        child, adult = len(_CHILD_CUES.findall(text)), len(_ADULT_CUES.findall(text))
        group = "scot-adult" if adult > child else "scot-child"
    return Detection(REVIEW_TYPES[group], f"from {source}", evidence)


def resolve(setting: str | None, document: Any = None) -> Detection:
    """The type to use: the configured one, else detected from the document."""
    key = (setting or "auto").strip().lower()
    if key != "auto":
        return Detection(get(key), "set by --review-type or review_type in the configuration")
    if document is None:
        return Detection(get(DEFAULT), "default: no document to read the type from")
    return detect(document)
