"""The one table of entity types: severity, title, what it is and what to write instead.

Entity ids are stable once released: severities, the allow list, baselines and SARIF
rule ids depend on them. Recognisers may give finer guidance per finding; the text here
is the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Severity


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


def entity_type(entity: str) -> EntityType:
    """The catalogue entry; unknown ids (a user's own recogniser) default to medium."""
    known = ENTITY_TYPES.get(entity)
    if known is not None:
        return known
    return EntityType(entity, _M, entity.replace("_", " ").capitalize(),
                      "It may identify someone.", "Consider removing or generalising it.",
                      f"[{entity}]")
