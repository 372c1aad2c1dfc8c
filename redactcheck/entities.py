"""The one table of entity types: severity, title, what it is and what to write instead.

Entity ids are stable once released: severities, the allow list, baselines and SARIF
rule ids depend on them. Recognisers may give finer guidance per finding; the text here
is the default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import review_type
from .findings import Severity
from .review_type import ReviewType


@dataclass(frozen=True)
class EntityType:
    id: str
    severity: Severity
    title: str
    description: str  # why it identifies
    guidance: str  # what the author should write instead
    tag: str  # replacement tag used by `redact --style tag`


_H, _M, _L = Severity.HIGH, Severity.MEDIUM, Severity.LOW

ENTITY_TYPES: dict[str, EntityType] = {
    e.id: e
    for e in [
        EntityType("PERSON", _H, "Name of a person",
                   "A real name identifies the person directly.",
                   "Use the review's pseudonym (Child B, Mother, Sibling 2) or a role "
                   "(the health visitor).", "[NAME]"),
        EntityType("DATE_EXACT", _H, "Exact date",
                   "A date precise to the day can be matched to court lists, news reports "
                   "and records.",
                   "Give the month and year (\"June 2015\") or the child's age.", "[DATE]"),
        EntityType("DATE_OF_BIRTH", _H, "Date of birth",
                   "A date of birth with a small area identifies a child almost uniquely.",
                   "Give the child's age at the time of the events, or the year only.",
                   "[DATE OF BIRTH]"),
        EntityType("AGE_EXACT", _M, "Exact age of a child",
                   "An exact age narrows who the child can be when combined with time and "
                   "place.",
                   "Use an age band (\"under one\", \"of primary school age\") where the "
                   "exact age is not needed.", "[AGE]"),
        EntityType("ADDRESS", _H, "Address",
                   "A house number and street locates the family's home.",
                   "Say \"the family home\" or \"temporary accommodation\".", "[ADDRESS]"),
        EntityType("POSTCODE", _H, "Postcode",
                   "A full postcode covers about 15 households; a district still narrows "
                   "the area.", "Remove it; name the local authority area if needed.",
                   "[POSTCODE]"),
        EntityType("LOCATION_SMALL", _M, "Small area",
                   "A named street, estate, village, suburb or ward has few families.",
                   "Name the local authority area or region instead (\"a town in the "
                   "North West\").", "[LOCATION]"),
        EntityType("LOCATION", _L, "Town or county",
                   "A town or county narrows the area; with other details it can identify.",
                   "Keep only if it is the publishing board's area; otherwise name the "
                   "region.", "[PLACE]"),
        EntityType("INSTITUTION", _H, "Named institution",
                   "A named school, nursery, surgery, hospital ward, church or home points "
                   "to a small community around the family.",
                   "Describe its type: \"the primary school\", \"the GP practice\", "
                   "\"a faith community\".", "[INSTITUTION]"),
        EntityType("NHS_NUMBER", _H, "NHS number",
                   "An NHS number identifies one patient.", "Remove it.", "[NHS NUMBER]"),
        EntityType("NI_NUMBER", _H, "National Insurance number",
                   "A National Insurance number identifies one person.", "Remove it.",
                   "[NI NUMBER]"),
        EntityType("PHONE_NUMBER", _H, "Phone number",
                   "A phone number reaches the person.", "Remove it.", "[PHONE]"),
        EntityType("EMAIL_ADDRESS", _H, "Email address",
                   "An email address usually contains a name and reaches the person.",
                   "Remove it.", "[EMAIL]"),
        EntityType("URL", _H, "Web address",
                   "A web address can lead to a profile, news story or fundraising page.",
                   "Remove it, or cite the source generically.", "[URL]"),
        EntityType("SOCIAL_MEDIA_HANDLE", _H, "Social media handle",
                   "A handle leads straight to a person's profile.", "Remove it.",
                   "[HANDLE]"),
        EntityType("VEHICLE_REGISTRATION", _H, "Vehicle registration",
                   "A registration mark identifies the keeper of the vehicle.", "Remove it.",
                   "[VEHICLE]"),
        EntityType("PASSPORT_NUMBER", _H, "Passport number",
                   "A passport number identifies one person.", "Remove it.", "[PASSPORT]"),
        EntityType("DRIVING_LICENCE", _H, "Driving licence number",
                   "A driving licence number encodes name and date of birth.", "Remove it.",
                   "[LICENCE]"),
        EntityType("REFERENCE_NUMBER", _H, "Case, court or police reference",
                   "Case, court and crime reference numbers link the review to court lists "
                   "and records.", "Remove it; say \"care proceedings were issued\".",
                   "[REFERENCE]"),
        EntityType("RARE_DETAIL", _M, "Rare identifying detail",
                   "Rare details (twins, a large family, a rare condition, a distinctive job "
                   "or event) identify the family in combination.",
                   "Generalise it: \"siblings\", \"a chronic health condition\", \"a faith "
                   "community\".", "[DETAIL]"),
        EntityType("KNOWN", _H, "Known identifier from the case list",
                   "It is on the case's list of real identifiers.",
                   "Replace it with the review's pseudonym or a generic description.",
                   "[REDACTED]"),
        EntityType("DECLARED_PSEUDONYM", _L, "Declared pseudonym",
                   "The review says this name is a pseudonym; it is left alone everywhere "
                   "else in the document.",
                   "Check that it is not the person's real name, nor a name the family or "
                   "the local press would recognise.", "[PSEUDONYM]"),
        EntityType("COVERED_TEXT", _H, "Covered, not removed",
                   "A box drawn over text in a PDF hides it on the page only: the text is "
                   "still in the file and can be copied, searched or read aloud.",
                   "Delete or replace the text in the source document and export the PDF "
                   "again; never redact by drawing boxes.", "[COVERED]"),
        # Low-severity quasi-identifiers, reported only with --quasi (the thorough profile).
        EntityType("DATE_PARTIAL", _L, "Month, year or season",
                   "A month and year or a year narrows when the events happened.",
                   "Keep only the precision the learning needs (\"2015\", \"mid-2010s\").",
                   "[DATE]"),
        EntityType("ORGANISATION", _L, "Named organisation",
                   "A named employer, court, company or local body narrows where the family "
                   "lives or works.", "Describe its type (\"the employer\", \"the court\").",
                   "[ORGANISATION]"),
        EntityType("QUANTITY", _L, "Amount or count",
                   "Exact amounts (money, distances, counts) can match records and reports.",
                   "Round it or describe it (\"a large sum\", \"several\").", "[AMOUNT]"),
        EntityType("DEMOGRAPHIC", _L, "Demographic detail",
                   "Nationality, ethnicity, occupation or age narrows who the person is when "
                   "combined with other details.",
                   "Keep it only if the learning needs it.", "[DETAIL]"),
        EntityType("JIGSAW_RISK", _H, "Combination of details identifies the family",
                   "Together, the area, time and rare details leave few matching families.",
                   "Generalise the details the report suggests until the risk is low.",
                   "[DETAIL]"),
    ]
}


# ---- wording per review type ------------------------------------------------------------
#
# The catalogue above is written for child reviews (the default). Adult reviews (SAR, DHR,
# Welsh APR, Scottish adult learning review) read it through this one overlay: per entity,
# the fields that change, with {subject}, {pseudonyms} and {home} filled in from the
# ReviewType ("the victim", "Adult A", "the victim's home"). Reports never branch on the
# type: findings carry the type's guidance (policy.apply) and entity_type(id, type) gives
# the type's titles.

ADULT_WORDING: dict[str, dict[str, str]] = {
    "PERSON": {
        "guidance": "Use the review's pseudonym ({pseudonyms}) or a role (the GP, the "
                    "support worker)."},
    "DATE_EXACT": {
        "guidance": "Give the month and year (\"June 2015\") or the period (\"that "
                    "summer\")."},
    "DATE_OF_BIRTH": {
        "description": "A date of birth with a small area identifies a person almost "
                       "uniquely.",
        "guidance": "Give an age band (\"in her thirties\", \"in his eighties\"), or the "
                    "year of birth only."},
    "AGE_EXACT": {
        "title": "Exact age",
        "description": "An exact age narrows who {subject} can be when combined with time "
                       "and place.",
        "guidance": "Give an age band (\"in her thirties\", \"in his eighties\") where the "
                    "exact age is not needed."},
    "ADDRESS": {
        "description": "A house number and street locates {home}.",
        "guidance": "Say \"{home}\", \"the care home\" or \"temporary accommodation\"."},
    "INSTITUTION": {
        "description": "A named GP practice, care home, refuge, hospital ward, day centre or "
                       "place of worship points to a small community around {subject}.",
        "guidance": "Describe its type: \"the GP practice\", \"the care home\", \"the "
                    "refuge\", \"a faith community\"."},
    "RARE_DETAIL": {
        "description": "Rare details (a rare condition, a distinctive job, a large family, an "
                       "event reported in the press) identify {subject} in combination.",
        "guidance": "Generalise it: \"a chronic health condition\", \"worked locally\", "
                    "\"a faith community\"."},
    "JIGSAW_RISK": {
        "description": "Together, the area, time and rare details leave few people who could "
                       "be {subject}."},
}

# Phrases of recognisers' own guidance that assume a child, and what an adult review says
# instead (applied in order; the month in "Give the month and year ("June 2015")" stays).
ADULT_REWRITES: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        (r"Give the child's age at the time of the events, or the year of birth only\.",
         "Give an age band (\"in her thirties\", \"in his eighties\"), or the year of birth "
         "only."),
        (r"the child's age at the time of the events", "an age band"),
        (r"the child's age at the time", "the period (\"that summer\")"),
        (r"the child's age", "an age band"),
        (r"\(\"under one\"[^)]*\)", "(\"in her thirties\", \"in his eighties\")"),
        (r"\(Child B, Mother, Sibling 2\)", "({pseudonyms})"),
        (r"\(the health visitor\)", "(the GP, the support worker)"),
        (r"\"a children's home\" or \"a residential placement\"",
         "\"a care home\", \"a nursing home\" or \"supported accommodation\""),
        (r", \"the children's ward\"", ", \"the ward\""),
        (r"\bChild B\b", "Adult A"),
    ))
# Child wording that must never reach an adult review's findings: guidance still holding
# one after the rewrites is replaced by the type's catalogue guidance.
CHILD_SUBJECT = re.compile(
    r"\bthe child(?:'s)?\b|\bChild [A-Z]\b|children's (?:home|ward)|\bunder one\b|"
    r"primary school age|\bthe baby\b", re.I)

# An institution's own words say what it is; in an adult review that decides the advice
# (a "Medical Centre" is a GP practice, not a school).
# None keeps the recogniser's advice (a place of worship, the children's school).
ADULT_INSTITUTION_GUIDANCE: tuple[tuple[re.Pattern, str | None], ...] = tuple(
    (re.compile(p, re.I), g) for p, g in (
        (r"\b(?:church|chapel|cathedral|mosque|masjid|temple|gurdwara|synagogue|"
         r"kingdom hall|madrass?a)\b", None),
        (r"\b(?:school|academy|nursery|college|pre-school|playgroup)\b", None),
        (r"\b(?:surgery|medical|health centre|practice|clinic|GP)\b",
         "Describe its type: \"the GP practice\", \"the health centre\"."),
        (r"\b(?:hospital|infirmary|ward|hospice)\b",
         "Describe its type: \"the hospital\", \"the ward\", \"the hospice\"."),
        (r"\brefuge\b", "Say \"the refuge\" or \"specialist accommodation\"."),
        (r"\b(?:care home|nursing home|residential home|home|lodge|court|house|hostel)\b",
         "Say \"the care home\", \"a nursing home\" or \"supported accommodation\"."),
        (r"\b(?:day centre|day service|centre)\b",
         "Say \"a day centre\" or \"a community service\"."),
    ))


def _fill(text: str, review: ReviewType) -> str:
    return (text.replace("{subject}", review.subject).replace("{pseudonyms}", review.pseudonyms)
            .replace("{home}", review.home))


def entity_type(entity: str, review: ReviewType | str | None = None) -> EntityType:
    """The catalogue entry in the wording of `review` (a ReviewType or id; None: child).

    Unknown ids (a user's own recogniser) default to medium.
    """
    known = ENTITY_TYPES.get(entity)
    if known is None:
        return EntityType(entity, _M, entity.replace("_", " ").capitalize(),
                          "It may identify someone.", "Consider removing or generalising it.",
                          f"[{entity}]")
    if review is None:
        return known
    rtype = review_type.get(review)
    overlay = ADULT_WORDING.get(entity) if rtype.is_adult else None
    if not overlay:
        return known
    return replace(known, **{k: _fill(v, rtype) for k, v in overlay.items()})


def guidance_for(entity: str, guidance: str, text: str, review: ReviewType | str | None
                 ) -> str:
    """A finding's guidance in the wording of `review`: child reviews keep it as written;
    adult reviews rewrite child phrases, and fall back to the type's catalogue guidance
    when a phrase that assumes a child is left."""
    if review is None:
        return guidance
    rtype = review_type.get(review)
    if not rtype.is_adult:
        return guidance
    if entity == "INSTITUTION":
        for pattern, advice in ADULT_INSTITUTION_GUIDANCE:
            if pattern.search(text):
                if advice is not None:
                    return advice
                break
    out = guidance
    for pattern, repl in ADULT_REWRITES:
        filled = _fill(repl, rtype)
        out = pattern.sub(lambda _m, r=filled: r, out)
    if CHILD_SUBJECT.search(out):
        return entity_type(entity, rtype).guidance
    return out
