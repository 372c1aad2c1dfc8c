"""recognizers/quasi.py: the thorough profile's low-severity quasi-identifiers, exact spans."""

from __future__ import annotations

import pytest

from recognizers import quasi
from recognizers.quasi import _MONEY, find_named_bodies, find_partial_dates
from redactcheck import policy
from redactcheck.analysis import get_analyzer
from redactcheck.config import Config
from redactcheck.document import split_paragraphs
from redactcheck.findings import Severity

QUASI = Config(quasi=True)
LOW_IDS = {"DATE_PARTIAL", "ORGANISATION", "QUANTITY", "DEMOGRAPHIC", "LOCATION"}

TEXT = (
    "In June 2015 the family moved from Poland to Leeds.\n\n"
    "The father, a Pakistani national, worked as a hairdresser and owed £2,450 in rent.\n\n"
    "Child B told the mother that the family had lived in Poland since 2009.\n\n"
    "Section 47 enquiries began under the Children Act 1989, as paragraph 6.4.10 explains."
)


def findings(text: str, config: Config) -> list[tuple[str, str, str]]:
    segments = split_paragraphs(text)
    found = policy.apply(get_analyzer(config).analyze_segments(segments), config)
    return [(f.entity, f.text, f.severity.value) for f in found]


@pytest.fixture(scope="module")
def thorough() -> list[tuple[str, str, str]]:
    return findings(TEXT, QUASI)


def test_profile_off_builds_and_finds_nothing() -> None:
    assert quasi.build(Config()) == []
    assert quasi.document_pass(split_paragraphs(TEXT), [], Config()) == []
    assert not [f for f in findings(TEXT, Config()) if f[0] in LOW_IDS - {"LOCATION"}]


@pytest.mark.parametrize(("entity", "span"), [
    ("DATE_PARTIAL", "June 2015"),         # month and year
    ("DATE_PARTIAL", "2009"),              # a year alone
    ("LOCATION", "Poland"),                # a country, both mentions
    ("DEMOGRAPHIC", "Pakistani national"),  # nationality with its noun (common, not rare)
    ("DEMOGRAPHIC", "hairdresser"),        # occupation after "worked as"
    ("QUANTITY", "£2,450"),                # an amount
])
def test_quasi_flagged_low(thorough, entity: str, span: str) -> None:
    assert (entity, span, "low") in thorough


def test_every_mention_of_a_country(thorough) -> None:
    assert [f for f in thorough if f[:2] == ("LOCATION", "Poland")] == [
        ("LOCATION", "Poland", "low")] * 2


@pytest.mark.parametrize("text", ["Section 47", "47", "1989", "Children Act 1989", "6.4.10",
                                  "Child B", "the mother", "mother"])
def test_look_alikes_left_alone(thorough, text: str) -> None:
    assert not [f for f in thorough if f[1] == text]


def test_organisation_flagged_generic_agency_not() -> None:
    text = ("A letter from Northbank Logistics Ltd reached the Local Authority and the Family "
            "Court in March.")
    assert findings(text, QUASI) == [("ORGANISATION", "Northbank Logistics Ltd", "low"),
                                     ("DATE_PARTIAL", "March", "low")]


@pytest.mark.parametrize(("text", "span"), [
    ("In June 2015 the family moved", "June 2015"),
    ("during the summer of 2014 the school", "summer of 2014"),
    ("in early March 2016 a referral", "early March 2016"),
    ("grew up in the 1990s in care", "the 1990s"),
    ("moved in 2012 and again", "2012"),
    ("for three months the family", "three months"),
])
def test_partial_dates(text: str, span: str) -> None:
    assert [text[s:e] for s, e, _ in find_partial_dates(text)] == [span]


@pytest.mark.parametrize("text", [
    "under the Children Act 1989 the local authority",
    "as Working Together 2018 sets out",
    "research (Brandon et al, 2008) shows",
    "see paragraph 6.4.10 of the report",
    "a 16-year-old attended",          # an age is not a duration
    "Room 2015 on the ward",
    "2015 children were referred",
])
def test_partial_date_look_alikes(text: str) -> None:
    assert [text[s:e] for s, e, _ in find_partial_dates(text)] == []


@pytest.mark.parametrize(("text", "span"), [
    ("rent arrears of £2,450 were", "£2,450"),
    ("she sent 200 Polish zlotys home", "200 Polish zlotys"),
    ("a loan of EUR 4,000 from", "EUR 4,000"),
    ("about 1,500 euros a month", "1,500 euros"),
    # withdrawn ISO 4217 codes and old currency names, with the bracketed code or gloss
    ("an award of ATS 10,000 in", "ATS 10,000"),
    ("she paid 1,500 Austrian schillings (ATS) to", "1,500 Austrian schillings (ATS)"),
    ("a fine of 80 DEM was", "80 DEM"),
    ("PLN 552.21 [approx. EUR 138] was owed", "PLN 552.21 [approx. EUR 138]"),
    ("approximately EUR 1,800 in arrears", "approximately EUR 1,800"),
    ("she borrowed five hundred euros from", "five hundred euros"),
])
def test_money(text: str, span: str) -> None:
    assert [m.group() for m in _MONEY.finditer(text)] == [span]


@pytest.mark.parametrize("text", ["scored 80 marks", "the EU 27 states", "Ward 84", "2 p.m.",
                                  "ALL 3 CHILDREN WERE SEEN", "some 200 people"])
def test_money_look_alikes(text: str) -> None:
    assert [m.group() for m in _MONEY.finditer(text)] == []


def test_quasi_findings_are_low_only(thorough) -> None:
    assert {sev for entity, _, sev in thorough if entity in LOW_IDS} == {Severity.LOW.value}


@pytest.mark.parametrize(("text", "spans"), [
    ("a disability rating of 40% was", ["40%"]),
    ("assessed at between 50 to 79% by", ["50 to 79%"]),
    ("a share of 18.5 per cent in the house", ["18.5 per cent"]),
    ("40% of referrals came from schools", []),   # a statistic about a population
    ("see paragraph 4.5 of the report", []),
])
def test_percentages(text: str, spans: list[str]) -> None:
    found = quasi.MoneyRecognizer().analyze(text, [quasi.QUANTITY])
    assert [text[r.start:r.end] for r in found] == spans


@pytest.mark.parametrize(("text", "spans"), [
    ("The Supreme Administrative Court dismissed the appeal.", ["Supreme Administrative Court"]),
    ("a hearing at Stockport Family Court (SFC) in May", ["Stockport Family Court (SFC)"]),
    ("a letter from the Ministry of Justice arrived", ["Ministry of Justice"]),
    # spaCy splits such a name at "of"; the whole name is one body
    ("the Ninth Chamber of the Leeds Assize Court sat",
     ["Ninth Chamber of the Leeds Assize Court"]),
    ("the Vienna Labour and Social Court heard it", ["Vienna Labour and Social Court"]),
    ("the Polish Government replied", ["Polish Government"]),
    ("the Court of Cassation's ruling", ["Court of Cassation"]),
])
def test_named_bodies(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in find_named_bodies(text)] == spans


@pytest.mark.parametrize("text", [
    "the Local Authority and the Family Court agreed",   # generic agencies
    "the court held a hearing",                          # a bare role noun
    "the District Court and the Regional Court",         # court types with many instances
    "Agency B and Council 2 shared records",             # pseudonyms
    "under the Rules of Court the judge",                # a document, not a body
    "the Third Section of the Court decided",            # a part of a generic body
    "Head of the Safeguarding Department",               # an office-holder: department stays
    "the United Kingdom Government said",                # the review's own country
    "the Military Service Act requires",                 # a law named after a body
    "POLICE AND PROBATION SERVICE",                      # a heading in capitals
])
def test_named_body_look_alikes(text: str) -> None:
    found = [text[s:e] for s, e in find_named_bodies(text)]
    assert found in ([], ["Safeguarding Department"])
    assert (found == ["Safeguarding Department"]) == text.startswith("Head of")


@pytest.mark.parametrize(("text", "spans"), [
    ("the mother, who is a pharmacist, moved", ["pharmacist"]),
    ("she was a ballet dancer until 2010", ["ballet dancer"]),
    ("he practised as an advocate in Leeds", ["advocate"]),
    ("the father is a student at the college", ["student"]),
    ("Mr Hale, a lawyer practising in Leeds, wrote", []),   # a role in the case
    ("it was a manager who called", []),                      # a cleft sentence
    ("the social worker visited", []),                        # no cue: a role
])
def test_occupations(text: str, spans: list[str]) -> None:
    found = {text[r.start:r.end] for r in quasi.DemographicRecognizer().analyze(text, [])}
    assert sorted(found) == spans


@pytest.mark.parametrize(("text", "spans"), [
    ("the police charged him and seven other persons", ["seven other persons"]),
    ("she kept five envelopes from the prison", ["five envelopes"]),
    ("seventy-one hearings were listed", ["seventy-one hearings"]),
    ("police found 79 packages of powder in the van", ["79 packages of powder"]),
    ("she ran 20 chemist shops", ["20 chemist shops"]),
    # look-alikes: durations, labels, ages, a year, a count of one
    ("for three months the family", []),
    ("under Article 125 two officers", []),
    ("see paragraph 14 sets out", []),
    ("a three-year-old boy", []),
    ("in 2015 referrals rose", []),
    ("one envelope arrived", []),
])
def test_counts(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in quasi.find_counts(text)] == spans


@pytest.mark.parametrize(("text", "spans"), [
    ("The family moved to the Borough of Southwark.", [("LOCATION", "Borough of Southwark")]),
    ("a farm in the county of Harrowfield", [("LOCATION", "county of Harrowfield")]),
    ("they settled in Kalogrea district", [("LOCATION", "Kalogrea district")]),
    ("Her aunt lives in Vouziers.", [("LOCATION", "Vouziers")]),
    ("a lawyer practising in Aydın", [("LOCATION", "Aydın")]),
    ("a German citizen", [("DEMOGRAPHIC", "German citizen")]),
    # look-alikes: the UK, a month, a pseudonym, a generic body, an agency's department
    ("She lives in England.", []),
    ("He was born in June.", []),
    ("The family moved to Area B.", []),
    ("a United Kingdom national", []),
    ("a letter from the Department of Lands", []),
])
def test_counts_places_nationalities(text: str, spans: list[tuple[str, str]]) -> None:
    found = quasi.CountPlaceRecognizer().analyze(text, [])
    assert [(r.entity_type, text[r.start:r.end]) for r in found] == spans


def test_nationality_noun_joins_the_rare_detail() -> None:
    # "Turkish" is a rare detail (medium); "national" alone names nothing, so the thorough
    # profile widens the rare detail over it rather than leaving "a [DETAIL] national".
    text = "The father, a Turkish national, wrote to the Turkish Government."
    found = findings(text, QUASI)
    assert ("RARE_DETAIL", "Turkish national", "medium") in found
    assert ("RARE_DETAIL", "Turkish Government", "medium") in found
    assert not [f for f in findings(text, Config()) if f[1] != "Turkish"]


@pytest.mark.parametrize(("text", "span"), [
    ("registered under plot no. 900, sheet/plan 24/59; a permit", "plot no. 900, sheet/plan 24/59"),
    ("the plots nos. 260, 268, 119/5 and 425 were sold", "plots nos. 260, 268, 119/5 and 425"),
    ("the house has title number DN123456 at the registry", "title number DN123456"),
    ("a site with plot no. 937 of block C was", "plot no. 937 of block C"),
])
def test_property_numbers_low(text: str, span: str) -> None:
    assert ("REFERENCE_NUMBER", span, "low") in findings(text, QUASI)
    assert not [f for f in findings(text, Config()) if f[0] == "REFERENCE_NUMBER"]


@pytest.mark.parametrize("text", ["a plot of land near the river", "plot 3 of the story",
                                  "see paragraph no. 12 below"])
def test_property_number_look_alikes(text: str) -> None:
    assert not [f for f in findings(text, QUASI) if f[0] == "REFERENCE_NUMBER"]


@pytest.mark.parametrize(("text", "span"), [
    ("The family was seen by Dr. Kayleigh Morris at home.", "Dr. Kayleigh Morris"),
    ("a report by Mr. Darren Whitlock arrived", "Mr. Darren Whitlock"),
    ("Prof Priya Sharma gave evidence", "Prof Priya Sharma"),
])
def test_title_joins_the_name_in_thorough_profile(text: str, span: str) -> None:
    assert ("PERSON", span, "high") in findings(text, QUASI)
    # the default profile keeps names.py's span, title left out
    assert ("PERSON", span.split(" ", 1)[1], "high") in findings(text, Config())
