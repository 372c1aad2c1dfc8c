"""Tests for the UK geography gazetteer (redactcheck.geography)."""

from __future__ import annotations

from collections import Counter

from redactcheck import geography as g


def test_every_england_and_wales_local_authority_present() -> None:
    """2021 vintage: England 309 local authorities, Wales 22 principal areas."""
    counts = Counter(p.id[0] for p in g.local_authorities())
    assert counts["E"] == 309
    assert counts["W"] == 22


def test_populations_sum_to_nation_and_uk() -> None:
    las = g.local_authorities()
    for nation in ("E92000001", "W92000004"):
        total = sum(p.population for p in las if g.contains(g.by_id(nation), p))
        assert total == g.by_id(nation).population
    assert g.by_id("uk").population == sum(p.population for p in las)
    assert 3_000_000 < g.by_id("W92000004").population < 3_200_000
    assert 56_000_000 < g.by_id("E92000001").population < 57_000_000


def test_parent_chain_ends_at_uk() -> None:
    for place in g.local_authorities():
        chain = g.ancestors(place)
        assert chain[-1].id == "uk"
        assert [p.kind for p in chain][-1] == "uk"


def test_aliases_and_welsh_names() -> None:
    assert g.lookup("Caerdydd") == g.lookup("Cardiff")
    assert g.lookup("abertawe") == g.lookup("Swansea")
    assert g.lookup("Ynys Môn") == g.lookup("ynys mon") == g.lookup("Isle of Anglesey")
    assert g.lookup("Hull") == g.lookup("Kingston upon Hull")
    assert g.lookup("Bristol, City of") == g.lookup("Bristol")
    assert g.lookup("Atlantis") is None


def test_county_contains_its_districts() -> None:
    county = g.lookup("Greater Manchester")
    assert county is not None and county.kind == "county"
    assert g.contains(county, g.lookup("Stockport"))
    assert not g.contains(county, g.lookup("Cardiff"))
    assert county.population == sum(
        p.population for p in g.local_authorities() if p.parent == county.id
    )


def test_board_names() -> None:
    assert g.board_area("Wirral Safeguarding Children Partnership") == g.lookup("Wirral")
    assert g.board_area("Cardiff and Vale Regional Safeguarding Board") == g.lookup("Cardiff")
    assert g.board_area("Gateshead Safeguarding Adults Board") == g.lookup("Gateshead")


def test_postcode_district_not_yet_available() -> None:
    """The postcode-district level is not in the data yet: None, never a wrong place."""
    assert g.postcode_district("M14 5AB") is None
    assert g.postcode_district("not a postcode") is None


def test_candidates_finest_first() -> None:
    found = g.candidates("Newport")
    assert found and found[0].kind == "local_authority"
    assert all(
        g._KIND_ORDER[a.kind] <= g._KIND_ORDER[b.kind]
        for a, b in zip(found, found[1:], strict=False)
    )


def test_ceremonial_county_includes_its_unitaries() -> None:
    cheshire = g.lookup("Cheshire")
    assert cheshire is not None and cheshire.kind == "county"
    members = {p.name for p in g.local_authorities() if p.parent == cheshire.id}
    assert {"Cheshire East", "Cheshire West and Chester"} <= members
    assert cheshire.population == sum(
        p.population for p in g.local_authorities() if p.parent == cheshire.id
    )
    kent = g.lookup("Kent")
    assert g.contains(kent, g.lookup("Medway")) and g.contains(kent, g.lookup("Maidstone"))
    assert g.contains(g.lookup("London"), g.lookup("Camden"))


def test_every_english_local_authority_has_a_county() -> None:
    for place in g.local_authorities():
        if place.id.startswith("E") and place.id != "E09000001":
            assert by_kind(place.parent) == "county", place.name


def test_county_and_authority_of_the_same_name_are_both_candidates() -> None:
    kinds = [p.kind for p in g.candidates("County Durham")]
    assert kinds == ["local_authority", "county"]


def by_kind(place_id: str | None) -> str:
    assert place_id is not None
    return g.by_id(place_id).kind
