"""recognizers/institutions.py: named institutions, with exact spans."""

from __future__ import annotations

import pytest
from recognizer_yaml import check_case, load_cases

from recognizers import institutions
from recognizers.institutions import find_institutions
from redactcheck.config import Config


def found(text: str, area: frozenset[str] = frozenset({"stockport"}),
          allow: frozenset[str] = frozenset()) -> list[str]:
    return [text[s:e] for s, e, *_ in find_institutions(text, area, allow)]


@pytest.mark.parametrize(("text", "span"), [
    ("attended Lark Hill Primary School.", "Lark Hill Primary School"),
    ("taken to Northgate General Hospital", "Northgate General Hospital"),
    ("registered at Heaton Moor Medical Centre.", "Heaton Moor Medical Centre"),
    ("services at St Anne's Church.", "St Anne's Church"),
    ("services at St Anne’s Church.", "St Anne’s Church"),
    ("trained at Moss Side Boxing Club twice", "Moss Side Boxing Club"),
    ("placed at Oakwood Children's Home.", "Oakwood Children's Home"),
    ("a sentence at HMYOI Wetherby.", "HMYOI Wetherby"),
    ("moved to HMP & YOI Hindley.", "HMP & YOI Hindley"),
    ("admitted to Ward 84 overnight", "Ward 84"),
    ("nursed on Rainbow Ward for", "Rainbow Ward"),
    ("admitted to Manchester Children's hospital accident", "Manchester Children's hospital"),
    ("remanded to Wetherby YOI.", "Wetherby YOI"),
    ("on roll at St. Mary's RC Primary School.", "St. Mary's RC Primary School"),
    ("nurse from Church Lane Primary School attended", "Church Lane Primary School"),
    ("LARK HILL PRIMARY SCHOOL: chronology", "LARK HILL PRIMARY SCHOOL"),
    ("The Priory Hospital admitted", "Priory Hospital"),
    ("When Oakwood School closed", "Oakwood School"),
    ("Child B went to Stockport Grammar School.", "Stockport Grammar School"),
    ("played for Reddish Vale FC.", "Reddish Vale FC"),
])
def test_institutions(text: str, span: str) -> None:
    assert found(text) == [span]


@pytest.mark.parametrize("text", [
    "The primary school raised", "Primary School staff noticed", "The High School had",
    "Children's Social Care held", "Greater Manchester Police shared",
    "Stockport NHS Foundation Trust provided", "The NHS Trust reviewed", "the local mosque",
    "to the hospital by", "The GP Surgery did not", "an example of Good Practice",
    "in the Special Care Baby Unit", "in a Mother and Baby Unit", "the After School Club on",
    "Child B's School was informed", "THE ROLE OF THE PRIMARY SCHOOL",
    "A Catholic primary school offered", "to the Children's Ward.", "The Youth Club was",
    "the Pupil Referral Unit.", "Stockport College offered", "Headteacher\tPrimary school",
    "General Practitioner\tGeneral Practice", "Sunday School was", "The Church was",
    "The Intensive Care Unit staff", "A Public Protection Unit officer", "The Nursery reported",
    "The Women's Refuge offered", "Social Work Practice", "HMP", "the ward round",
])
def test_generic_not_flagged(text: str) -> None:
    assert found(text) == []


def test_allowed_partner_not_flagged() -> None:
    text = "Stepping Hill Hospital and Lark Hill Primary School"
    assert found(text, allow=frozenset({"stepping hill hospital"})) == ["Lark Hill Primary School"]


def test_area_large_vs_small_institution() -> None:
    # A hospital or college named after the board's area serves the whole area; a school
    # named after it still points to one school community.
    assert found("Leeds General Infirmary and Leeds College",
                 area=frozenset({"leeds"})) == ["Leeds General Infirmary"]
    assert found("Leeds General Infirmary", area=frozenset()) == ["Leeds General Infirmary"]


def test_guidance_names_the_type() -> None:
    [recognizer] = institutions.build(Config(area=("Stockport",)))
    text = "She attended Lark Hill Primary School and Al-Noor Mosque."
    school, mosque = recognizer.analyze(text, ["INSTITUTION"])
    assert "the primary school" in school.recognition_metadata["guidance"]
    assert "faith community" in mosque.recognition_metadata["guidance"]
    assert (text[mosque.start:mosque.end], mosque.entity_type) == ("Al-Noor Mosque", "INSTITUTION")


def test_long_capitalised_heading_is_linear() -> None:
    text = "SERIOUS CASE REVIEW CHILD SAFEGUARDING PRACTICE " * 4000 + "Lark Hill School"
    assert found(text)[-1] == "Lark Hill School"


@pytest.mark.parametrize("case", load_cases("institutions.yaml"), ids=lambda c: c["text"][:40])
def test_yaml_case(case: dict, artifacts) -> None:
    assert check_case(institutions, case, artifacts) == []


def test_later_mentions_by_the_short_name_are_found() -> None:
    from redactcheck.analysis import get_analyzer
    from redactcheck.config import Config
    from redactcheck.document import split_paragraphs

    text = ("Mr P moved into Thornwick Lodge Residential Home in May.\n\n"
            "Later Thornwick Lodge said it could not meet his needs; Thornwick Lodge's "
            "manager wrote to the family.\n\nShe attended Riverside Primary School by the "
            "riverside.")
    findings = get_analyzer(Config()).analyze_segments(split_paragraphs(text))
    found = [f.text for f in findings if f.entity == "INSTITUTION"]
    assert found.count("Thornwick Lodge") == 2
    assert "Riverside Primary School" in found and "riverside" not in found
    assert institutions.short_name("Riverside Primary School") is None  # an ordinary word
    assert institutions.short_name("Hartlepool Medical Centre") is None  # a town alone
    assert institutions.short_name("Thornwick Lodge Residential Home") == "Thornwick Lodge"
