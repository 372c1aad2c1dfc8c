"""recognizers/addresses.py: addresses, postcodes, small areas and towns, with exact spans."""

from __future__ import annotations

import pytest
from recognizer_yaml import check_case, load_cases

from recognizers import addresses
from recognizers.addresses import PlaceIndex, find_places
from redactcheck.config import Config

AREA = {PlaceIndex.key("Stockport")}


def found(text: str, exempt: set[str] = AREA) -> list[tuple[str, str]]:
    return [(h.entity, text[h.start:h.end]) for h in find_places(text, exempt)]


@pytest.mark.parametrize(("text", "expected"), [
    ("lived at 14 Brinnington Road with", [("ADDRESS", "14 Brinnington Road")]),
    ("moved to 22a Mill Lane in", [("ADDRESS", "22a Mill Lane")]),
    ("at Flat 3, 22 Mill Lane.", [("ADDRESS", "Flat 3, 22 Mill Lane")]),
    ("attended Flat 3 after", [("ADDRESS", "Flat 3")]),
    ("live at Rose Cottage, Church Lane.", [("ADDRESS", "Rose Cottage, Church Lane")]),
    ("at 3 Heron Court was", [("ADDRESS", "3 Heron Court")]),
    ("at 14 High Street.", [("ADDRESS", "14 High Street")]),
    ("at 14 Brinnington Road, Stockport SK5 7AB.",
     [("ADDRESS", "14 Brinnington Road"), ("POSTCODE", "SK5 7AB")]),
    ("at 5 Cross Street, Manchester M2 4JB.",
     [("ADDRESS", "5 Cross Street"), ("POSTCODE", "M2 4JB"), ("LOCATION", "Manchester")]),
])
def test_addresses(text: str, expected: list) -> None:
    assert sorted(found(text)) == sorted(expected)


@pytest.mark.parametrize(("text", "span"), [
    ("central London, EC1A 1BB.", "EC1A 1BB"),
    ("postcode was M1 1AE.", "M1 1AE"),
    ("postcode GIR 0AA", None),
    ("The family's postcode SK5 was", "SK5"),
    ("rehoused in Stockport SK5 after", "SK5"),
    ("in the SK5 area were", "SK5"),
    ("on Mill Lane, SK5 had", "SK5"),
    ("the SK57AB entry", "SK57AB"),
])
def test_postcodes(text: str, span: str | None) -> None:
    codes = [t for e, t in found(text) if e == "POSTCODE"]
    assert codes == ([span] if span else [])


@pytest.mark.parametrize("text", [
    "drove down the M1 to", "on the A6 near", "vitamin B12 by the GP", "Traffic on the M60",
    "used a B5 form", "the QQ1 1QQ code",  # QQ is not a postcode area
    "the M6 area", "Section 47 enquiries",
])
def test_postcode_look_alikes(text: str) -> None:
    assert [e for e, _ in found(text) if e == "POSTCODE"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("seen on Mill Lane late", ("LOCATION_SMALL", "Mill Lane")),
    ("lived on the Brinnington estate for", ("LOCATION_SMALL", "Brinnington estate")),
    ("played in Heaton Park after", ("LOCATION_SMALL", "Heaton Park")),
    ("the village of Marple Bridge.", ("LOCATION_SMALL", "Marple Bridge")),
    ("Housing in Reddish ward was", ("LOCATION_SMALL", "Reddish ward")),
    ("moved to the Brinnington area in", ("LOCATION_SMALL", "Brinnington")),
    ("moved to Leeds to", ("LOCATION", "Leeds")),
    ("came from Newcastle upon Tyne.", ("LOCATION", "Newcastle upon Tyne")),
    ("lived in Stoke-on-Trent.", ("LOCATION", "Stoke-on-Trent")),
    ("They moved to Sale when", ("LOCATION", "Sale")),
    ("lived in St. Helens before", ("LOCATION", "St. Helens")),
])
def test_places(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    "lived in Stockport throughout", "Stockport Safeguarding Children Board",
    "Greater Manchester Police attended", "Manchester City Council provided",
    "across the North West", "in England are", "across the UK.", "The Family Court made",
    "at the Crown Court.", "in the car park of", "on the High Street were",
    "worked in Real Estate before", "Mrs Preston was", "The sale of the house",
    "Bath time was", "Children in Wales and Scotland", "a place of safety",
    "lived in a flat above", "the Manchester Evening News", "Safe Place scheme",
])
def test_place_look_alikes(text: str) -> None:
    assert found(text) == []


def test_area_and_allow_from_config() -> None:
    [recognizer] = addresses.build(Config(area=("Leeds",), allow=("Heaton Park",)))
    text = "moved to Leeds and played in Heaton Park near Mill Lane"
    results = recognizer.analyze(text, recognizer.supported_entities)
    assert [(r.entity_type, text[r.start:r.end]) for r in results] == [
        ("LOCATION_SMALL", "Mill Lane")]
    assert "local authority area" in results[0].recognition_metadata["guidance"]


def test_spacy_places_not_in_list(artifacts) -> None:
    [recognizer] = addresses.build(Config(area=("Stockport",)))
    text = "The family lived in Poland and then in Stockport before moving to Warrington."
    results = recognizer.analyze(text, recognizer.supported_entities, artifacts(text))
    # Poland is a country (not a small area); Stockport is the board's area.
    assert [(r.entity_type, text[r.start:r.end]) for r in results] == [
        ("LOCATION", "Warrington")]


def test_spacy_place_outside_the_list(artifacts) -> None:
    # Presidio's spaCy engine labels GPE as LOCATION; both must reach the fallback.
    [recognizer] = addresses.build(Config())
    text = "The applicant was detained in Ankara by police officers."
    results = recognizer.analyze(text, recognizer.supported_entities, artifacts(text))
    assert [(r.entity_type, text[r.start:r.end], r.score) for r in results] == [
        ("LOCATION", "Ankara", 0.45)]


def test_spacy_heading_words_are_not_places() -> None:
    class Ent:  # the small model really does tag these headings GPE in long paragraphs
        def __init__(self, text: str, start: int) -> None:
            self.text, self.label_, self.start_char = text, "GPE", start
            self.end_char = start + len(text)

    text = "4 Background and family history 6 Involvement of professionals; the Panel met"

    class Artifacts:
        entities = [Ent(w, text.index(w)) for w in ("Background", "Involvement", "Panel")]

    assert find_places(text, set(), Artifacts()) == []


def test_replaces_presidio_postcode() -> None:
    assert addresses.PRESIDIO_REPLACES == ("UkPostcodeRecognizer",)


def test_place_index_is_linear_on_long_capitalised_text() -> None:
    text = "Lark Hill Road Heaton Moor Reddish Vale Country Park " * 3000 + "in Leeds"
    hits = find_places(text)
    assert ("LOCATION", "Leeds") in [(h.entity, text[h.start:h.end]) for h in hits]


@pytest.mark.parametrize("case", load_cases("addresses.yaml"), ids=lambda c: c["text"][:40])
def test_yaml_case(case: dict, artifacts) -> None:
    assert check_case(addresses, case, artifacts) == []
