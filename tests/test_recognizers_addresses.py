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


@pytest.mark.parametrize(("text", "expected"), [
    ("Neighbours in Hollick Sike End kept", ("LOCATION_SMALL", "Hollick Sike End")),
    ("the banner at Scarrowby Point vigil", ("LOCATION_SMALL", "Scarrowby Point")),
    ("SAR; falls; Wrexley Lock", ("LOCATION_SMALL", "Wrexley Lock")),
    ("lived at Tyddyn Ystwyth, a farm", ("LOCATION_SMALL", "Tyddyn Ystwyth")),
    ("yn byw ym Mhlas Gwyn ers", ("LOCATION_SMALL", "Mhlas Gwyn")),
    ("the seals from Camas na Feannag.", ("LOCATION_SMALL", "Camas na Feannag")),
    ("Flat 48, Haverley Tower, since", ("ADDRESS", "Flat 48, Haverley Tower")),
    ("at 12 Heol Glasfryn.", ("ADDRESS", "12 Heol Glasfryn")),
    # The PERSON recogniser also claims these unknown words (and wins at high severity),
    # so they are checked here on this module alone rather than end to end.
    ('Garrowby Holme flooded every spring.',
     ("LOCATION_SMALL", 'Garrowby Holme')),
    ('For a while they stayed with the grandmother in Nghaerllwyd.',
     ("LOCATION_SMALL", 'Nghaerllwyd')),
    ('The tenement was on the Dunmarrow scheme.',
     ("LOCATION_SMALL", 'Dunmarrow scheme')),
    ('They met behind the shelter at Tallis Rise rec after school.',
     ("LOCATION_SMALL", 'Tallis Rise rec')),
    ('The children often went to a farm called Nether Hollinshaw.',
     ("LOCATION_SMALL", 'Nether Hollinshaw')),
])
def test_small_places(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    "Learning Point 1 was agreed", "referred to Turning Point", "at the Crown Court.",
    "Mrs Sarah Green attended", "at the end of the day", "the Red Cross helped",
    "Bryn Thomas said", "the Cwm Hirnant Regional Safeguarding Board",
    "Bwrdd Diogelu Rhanbarthol Cwm Hirnant", "she went to the Tipping Point",
])
def test_small_place_look_alikes(text: str) -> None:
    assert [h for h in find_places(text) if h.entity != "LOCATION"] == []


def test_common_words() -> None:
    assert addresses.is_common_word("Keeper's") and addresses.is_common_word("mill-race")
    assert not addresses.is_common_word("Garrowby")


def _segments(*items: tuple[str, str]):
    from redactcheck.document import Segment

    return [Segment(text=t, part="word/document.xml", kind=k, paragraph=i + 1,
                    label=f"Paragraph {i + 1}") for i, (k, t) in enumerate(items)]


def test_document_pass_short_segments_and_mutations() -> None:
    from redactcheck.analysis import make_finding

    segments = _segments(("property", "neglect; fire; Sedge Bank"),
                         ("body", "They moved to Cwm Hirnant in 2019."),
                         ("body", "Mae hi'n byw yng Nghwm Hirnant nawr."))
    text = segments[1].text
    start = text.index("Cwm")
    first = make_finding(segments[1], 1, start, start + len("Cwm Hirnant"), "LOCATION_SMALL",
                         0.7, recognizer="AddressRecognizer", explanation="a Welsh place")
    out = addresses.document_pass(segments, [first], Config())
    assert sorted((f.entity, f.text) for f in out) == [
        ("LOCATION_SMALL", "Nghwm Hirnant"), ("LOCATION_SMALL", "Sedge Bank")]


def test_replaces_presidio_postcode() -> None:
    assert addresses.PRESIDIO_REPLACES == ("UkPostcodeRecognizer",)


def test_place_index_is_linear_on_long_capitalised_text() -> None:
    text = "Lark Hill Road Heaton Moor Reddish Vale Country Park " * 3000 + "in Leeds"
    hits = find_places(text)
    assert ("LOCATION", "Leeds") in [(h.entity, text[h.start:h.end]) for h in hits]


@pytest.mark.parametrize("case", load_cases("addresses.yaml"), ids=lambda c: c["text"][:40])
def test_yaml_case(case: dict, artifacts) -> None:
    assert check_case(addresses, case, artifacts) == []
