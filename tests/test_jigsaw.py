"""Jigsaw risk: the formula, the base-rate table, bands on synthetic reviews, minimal
combinations, suggestions that really lower the band, and no network use."""

from __future__ import annotations

import json
import math
import socket
from itertools import combinations
from pathlib import Path

import pytest

from redactcheck import jigsaw
from redactcheck.document import Document, load, split_paragraphs
from redactcheck.findings import Finding, Location, Severity

# Synthetic reviews (our own text). HIGH_TEXT has the classic combination: a town, the month,
# twins, a very large family and a head injury. LOW_TEXT is the same review generalised.
HIGH_TEXT = "\n\n".join([
    "Serious Case Review: Child P and Child Q",
    "Published by the Stockport Safeguarding Children Partnership, March 2017.",
    "Child P and Child Q are twins and the youngest of seven children. The family lived in "
    "Stockport.",
    "In June 2015 Child P was admitted to hospital and was found to have a skull fracture. "
    "Child Q, the twin, was later found to have a similar injury.",
    "The health visitor, who was Polish, visited the family regularly. Working Together 2015 "
    "sets out the duties of agencies.",
]) + "\n"

LOW_TEXT = "\n\n".join([
    "Serious Case Review: Child P and Child Q",
    "Published by a Safeguarding Children Partnership in the North West, March 2017.",
    "Child P and Child Q are siblings and the youngest of several children. The family lived "
    "in the North West.",
    "In 2015 Child P was admitted to hospital with serious injuries. Child Q, a sibling, was "
    "later found to have a similar injury.",
    "The health visitor, who was Polish, visited the family regularly. Working Together 2015 "
    "sets out the duties of agencies.",
]) + "\n"


def doc(text: str, tmp_path: Path, name: str = "review.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load(path)


def text_doc(text: str) -> Document:
    return Document(path=Path("mem.txt"), format="txt", segments=split_paragraphs(text))


def qi(result: dict, attribute: str) -> list[dict]:
    return [q for q in result["quasi_identifiers"] if q["attribute"] == attribute]


def detail(attribute: str, rate: float, key: str | None = None, **kw) -> jigsaw.Detail:
    return jigsaw.Detail(attribute, key or f"{attribute}:{rate}", str(rate), rate, "test",
                         2024, **kw)


def area_detail(name: str) -> jigsaw.Detail:
    area = jigsaw.lookup_area(name)
    assert area is not None
    return jigsaw._area_detail(area, jigsaw.Mention(name, 0, "Paragraph 1"))


# --------------------------------------------------------------------------- formula


def test_kappa_inverts_to_lambda_about_2_86_at_one_third():
    lo, hi = 0.01, 100.0  # κ falls as λ rises: bisect κ(λ) = 0.33
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if jigsaw.kappa(mid) > 0.33 else (lo, mid)
    assert lo == pytest.approx(2.86, abs=0.01)
    assert jigsaw.kappa(1.0) == pytest.approx(1 - math.exp(-1))
    assert jigsaw.kappa(0.0) == 1.0


def test_zip_birth_date_sex_is_about_87_percent_unique():
    # The classic US check: ~280 million people, ~42,000 ZIP codes, birth dates over ~80
    # years, 2 sexes. The chance nobody else shares a person's triple is e^(−λ).
    lam = jigsaw.matches(280e6, [1 / 42_000, 1 / (365 * 80), 1 / 2])
    assert lam == pytest.approx(280e6 / (42_000 * 365 * 80 * 2))
    assert math.exp(-lam) == pytest.approx(0.87, abs=0.025)


def test_expected_matches_is_children_in_area_times_rates():
    stockport = area_detail("Stockport")
    twins = detail("multiple_birth", 0.016)
    lam = jigsaw.expected_matches([stockport, twins])
    assert lam == pytest.approx(294_800 * 0.012 * 18 * 0.016)
    # Without an area the whole UK is the population.
    assert jigsaw.expected_matches([twins]) == pytest.approx(jigsaw.uk_people() * 0.216 * 0.016)


def test_event_rate_uses_window_and_implied_infant_age_once():
    nahi = jigsaw._term_detail("events", "serious_head_injury", "skull fracture",
                               jigsaw.Mention("skull fracture", 0, "Paragraph 1"))
    assert nahi.implies_infant
    # No age stated: annual per-infant rate × 3-year window × share of children under one.
    assert jigsaw.expected_matches([nahi]) == pytest.approx(
        jigsaw.uk_people() * 0.216 * 0.00034 * 3 / 18, rel=1e-3)
    # "a baby" stated: the age factor is not counted twice.
    baby = jigsaw._term_detail("age", "infant", "baby", jigsaw.Mention("baby", 0, "P"))
    assert jigsaw.expected_matches([nahi, baby]) == pytest.approx(
        jigsaw.expected_matches([nahi]), rel=1e-3)


def test_bits_sum_minus_log2_rates():
    ds = [detail("multiple_birth", 0.25, "a"), detail("family_size", 0.125, "b")]
    assert jigsaw._bits(ds) == pytest.approx(2 + 3)


# --------------------------------------------------------------------------- bands and rules


def test_band_thresholds_and_strict_policy():
    # A region and one detail tuned so that λ = 15: κ ≈ 0.0667, between 0.05 and 0.09.
    region = area_detail("the North West")
    n = jigsaw.expected_matches([region])
    tuned = detail("condition", 15 / n)
    band, lam, k, _ = jigsaw.band_for([region, tuned], "ico")
    assert lam == pytest.approx(15)
    assert band == "LOW"
    assert jigsaw.band_for([region, tuned], "strict")[0] == "MEDIUM"
    high = detail("condition", 2 / n, "c2")
    assert jigsaw.band_for([region, high])[0] == "HIGH"  # κ(2) ≈ 0.43
    assert jigsaw.band_for([])[0] == "NONE"


def test_small_area_with_any_other_detail_is_high():
    estate = jigsaw._small_area("the Ashgrove estate", jigsaw.Mention("x", 0, "P"))
    common = detail("religion", 0.462)
    assert jigsaw.band_for([estate])[0] == "LOW"  # alone: about 3,000 children
    assert jigsaw.band_for([estate, common])[0] == "HIGH"


def test_three_indirect_identifiers_are_at_least_medium():
    region = area_detail("the North West")
    three = [detail("ethnicity", 0.4, "a"), detail("religion", 0.4, "b"),
             detail("language", 0.4, "c")]
    band, lam, _, reasons = jigsaw.band_for([region, *three])
    assert lam > 100_000  # κ alone says LOW
    assert band == "MEDIUM"
    assert "three or more indirect identifiers" in reasons
    assert jigsaw.band_for([region, *three[:2]])[0] == "LOW"


def test_index_event_with_area_and_time_is_high_only_below_region(tmp_path):
    text = ("In 2015 the baby was admitted to hospital with a skull fracture. "
            "The family lived in {place}.")
    county = jigsaw.assess(text_doc(text.format(place="Lancashire")), [])
    assert county["band"] == "HIGH"
    assert "the index event with the area and the time" in county["reasons"]
    assert jigsaw.kappa(county["lambda"]) < 0.33  # the hard rule, not κ, made it HIGH
    region = jigsaw.assess(text_doc(text.format(place="the North West")), [])
    assert region["band"] == "MEDIUM"


def test_exceeds():
    assert jigsaw.exceeds({"band": "HIGH"}, "high")
    assert not jigsaw.exceeds({"band": "MEDIUM"}, "high")
    assert jigsaw.exceeds({"band": "MEDIUM"}, "medium")
    assert not jigsaw.exceeds({"band": "LOW"}, "medium")
    assert not jigsaw.exceeds({"band": "HIGH"}, "never")
    assert not jigsaw.exceeds(None, "high")
    with pytest.raises(ValueError):
        jigsaw.exceeds({"band": "HIGH"}, "sometimes")
    assert jigsaw.BAND_RANK == {"NONE": 0, "LOW": 1, "MEDIUM": 2, "HIGH": 3}


# --------------------------------------------------------------------------- synthetic reviews


def test_stockport_style_review_is_high(tmp_path):
    result = jigsaw.assess(doc(HIGH_TEXT, tmp_path), [])
    assert result["band"] == "HIGH"
    assert result["lambda"] < 0.01
    assert result["population"]["area"] == "Stockport"
    assert result["population"]["people"] == 294_800
    assert [q["value"] for q in qi(result, "time")] == ["June 2015"]
    assert [q["value"] for q in qi(result, "multiple_birth")] == ["twins"]
    assert [q["value"] for q in qi(result, "family_size")] == ["7 children"]
    assert [q["paragraphs"] for q in qi(result, "event")] == [["Paragraph 4"]]
    # Facts about professionals and citations do not count.
    assert not qi(result, "nationality") and not qi(result, "language")
    plain = [q["queries"][0] for q in result["queries"]]
    assert any(all(w in q for w in ("Stockport", "twins", "2015")) for q in plain), plain
    json.dumps(result.to_dict())  # JSON-serialisable


def test_generalised_review_is_low(tmp_path):
    result = jigsaw.assess(doc(LOW_TEXT, tmp_path), [])
    assert result["band"] == "LOW"
    assert result["population"]["area"] == "North West"
    assert [q["value"] for q in qi(result, "time")] == ["2015"]
    assert not qi(result, "multiple_birth") and not qi(result, "family_size")
    assert not qi(result, "event")
    assert result["combinations"] == [] and result["queries"] == []


def test_document_without_details_is_none():
    result = jigsaw.assess(text_doc("The agencies met and agreed a plan."), [])
    assert result["band"] == "NONE"
    assert result["quasi_identifiers"] == []
    assert result["suggestions"] == []


def test_required_keys_and_assumptions(tmp_path):
    result = jigsaw.assess(doc(HIGH_TEXT, tmp_path), [])
    for key in ("band", "policy", "lambda", "kappa", "bits", "population", "quasi_identifiers",
                "combinations", "suggestions", "queries", "assumptions"):
        assert key in result
    assert set(result["population"]) >= {"area", "level", "people", "source"}
    for q in result["quasi_identifiers"]:
        assert set(q) >= {"attribute", "value", "rate", "bits", "source", "year", "paragraphs"}
        assert q["bits"] == pytest.approx(-math.log2(q["rate"]), abs=0.01)
    text = " ".join(result["assumptions"]).lower()
    assert "independent" in text and "vintage" in text and "person must judge" in text
    assert result["bits"] == pytest.approx(sum(q["bits"] for q in result["quasi_identifiers"]),
                                           abs=0.05)


def test_minimal_combinations_are_minimal_and_risky(tmp_path):
    document = doc(HIGH_TEXT, tmp_path)
    result = jigsaw.assess(document, [])
    details, areas = jigsaw.collect(document, [])
    by_label = {d.label: d for d in jigsaw._with_area(details, areas)}
    assert result["combinations"]
    seen = set()
    for combo in result["combinations"]:
        ds = [by_label[label] for label in combo["details"]]
        assert jigsaw.band_for(ds)[0] == "HIGH" == combo["band"]
        assert len(ds) <= jigsaw.MAX_COMBINATION
        for size in range(1, len(ds)):
            for sub in combinations(ds, size):
                assert jigsaw.band_for(sub)[0] != "HIGH", (combo["details"], sub)
        seen.add(frozenset(combo["details"]))
    assert len(seen) == len(result["combinations"])  # no duplicates
    # Completeness on this small case: every HIGH subset contains one of the reported ones.
    labels = list(by_label)
    for size in range(1, 6):
        for sub in combinations(labels, size):
            if jigsaw.band_for([by_label[x] for x in sub])[0] == "HIGH":
                assert any(s <= set(sub) for s in seen)


def apply_suggestions(text: str, steps: list[dict]) -> str:
    """Apply suggestion replacements paragraph by paragraph, as an author would."""
    paragraphs = [s.text for s in split_paragraphs(text)]
    for step in steps:
        for rep in step["replacements"]:
            n = int(rep["paragraph"].split()[-1]) - 1
            assert rep["from"] in paragraphs[n], rep
            paragraphs[n] = paragraphs[n].replace(rep["from"], rep["to"])
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("text", [
    HIGH_TEXT,
    HIGH_TEXT.replace("In June 2015", "On 21.06.15"),  # exact date: day → month → year
    "The family lived on the Ashgrove estate in Oldham. In March 2016 the baby, one of "
    "triplets, was admitted to hospital with a head injury.",
])
def test_suggestions_lower_the_band_when_applied(tmp_path, text):
    before = jigsaw.assess(doc(text, tmp_path), [])
    plan = before["suggestions"]
    assert before["band"] in ("HIGH", "MEDIUM") and plan
    for i in range(1, len(plan) + 1):
        changed = apply_suggestions(text, plan[:i])
        after = jigsaw.assess(doc(changed, tmp_path, f"step{i}.txt"), [])
        assert after["band"] == plan[i - 1]["after"]["band"], (i, plan[i - 1], changed)
        assert after["lambda"] == pytest.approx(plan[i - 1]["after"]["lambda"], rel=0.01)
    assert plan[-1]["after"]["band"] == "LOW"
    assert jigsaw.BAND_RANK[plan[-1]["after"]["band"]] < jigsaw.BAND_RANK[before["band"]]
    last = plan[-1]
    assert f'Replace "{last["from"]}" with "{last["to"]}"' in last["text"]
    assert (f"about {last['after']['families']:,} other families would match, risk LOW"
            in last["text"])


# A review that names the home: an address, the town, twins and the month and year.
ADDRESS_TEXT = "\n\n".join([
    "Serious Case Review: Child A and Child B",
    "Child A and Child B are twins. The family lived at 14 Brinnington Road in Stockport.",
    "In June 2015 Child A was admitted to hospital. Officers attended 14 Brinnington Road.",
]) + "\n"


def place_findings(document: Document, places: dict[str, str]) -> list[Finding]:
    """What the address and postcode recognisers would report: a finding for every place
    (text → entity) at each occurrence still in the document."""
    out = []
    for i, seg in enumerate(document.segments):
        for text, entity in places.items():
            start = seg.text.find(text)
            while start >= 0:
                loc = Location("text", "body", seg.paragraph, start, start + len(text),
                               seg.label)
                out.append(Finding(entity, text, loc, 0.9, Severity.HIGH, "test", "", "",
                                   segment_index=i))
                start = seg.text.find(text, start + len(text))
    return out


def assess_places(text: str, tmp_path: Path, name: str, places: dict[str, str],
                  **kw) -> dict:
    document = doc(text, tmp_path, name)
    return jigsaw.assess(document, place_findings(document, places), **kw)


def check_plan_when_applied(text: str, tmp_path: Path, places: dict[str, str],
                            **kw) -> list[dict]:
    """Apply the plan step by step, re-assess, and compare with each predicted `after`."""
    plan = assess_places(text, tmp_path, "before.txt", places, **kw)["suggestions"]
    for i in range(1, len(plan) + 1):
        changed = apply_suggestions(text, plan[:i])
        after = assess_places(changed, tmp_path, f"step{i}.txt", places, **kw)
        assert after["band"] == plan[i - 1]["after"]["band"], (i, plan[i - 1], changed)
        assert after["lambda"] == pytest.approx(plan[i - 1]["after"]["lambda"], rel=0.01), (
            i, plan[i - 1], changed)
    return plan


def test_address_is_removed_first_and_the_area_falls_back_to_the_town(tmp_path):
    places = {"14 Brinnington Road": "ADDRESS"}
    before = assess_places(ADDRESS_TEXT, tmp_path, "review.txt", places)
    assert before["band"] == "HIGH"
    assert before["population"]["level"] == "address"
    plan = check_plan_when_applied(ADDRESS_TEXT, tmp_path, places)
    first = plan[0]
    assert (first["attribute"], first["from"], first["to"]) == (
        "area", "14 Brinnington Road", "the family home")
    assert [r["paragraph"] for r in first["replacements"]] == ["Paragraph 2", "Paragraph 3"]
    assert first["text"].startswith('Remove "14 Brinnington Road" (write "the family home")')
    assert "falls back to Stockport" in first["text"]
    # Stockport, twins and the month: κ says LOW, three indirect identifiers say MEDIUM.
    assert first["after"]["band"] == "MEDIUM"
    assert first["after"]["lambda"] == pytest.approx(
        294_800 * 0.216 * 0.016 * 0.3333 * 0.08333, rel=0.01)
    assert plan[-1]["after"]["band"] == "LOW"


def test_every_place_finer_than_a_town_goes_in_one_step(tmp_path):
    # One address removed alone would leave the postcode and the estate, and the band would
    # stay HIGH: the first rung removes them all and falls back to the board's area.
    text = ("The family lived at 14 Brinnington Road, SK5 7AB, on the Ashgrove estate. "
            "Child A, a twin, was admitted to hospital in June 2015.\n")
    places = {"14 Brinnington Road": "ADDRESS", "SK5 7AB": "POSTCODE"}
    plan = check_plan_when_applied(text, tmp_path, places, area_allow=("Stockport",))
    first = plan[0]
    assert first["from"] == "14 Brinnington Road"
    assert {r["from"]: r["to"] for r in first["replacements"]} == {
        "14 Brinnington Road": "the family home", "SK5 7AB": "",
        "Ashgrove estate": "local estate"}
    assert "and the 2 other named places finer than a town" in first["text"]
    assert "falls back to Stockport" in first["text"]
    assert jigsaw.BAND_RANK[first["after"]["band"]] < jigsaw.BAND_RANK["HIGH"]
    assert all(s["attribute"] != "area" for s in plan[1:])  # the board's area stays


def test_a_town_written_inside_the_address_goes_with_it(tmp_path):
    # "Oldham" is only written inside the address: once the address is rewritten no town is
    # left, so the area falls back to the whole UK (predicting Oldham would be wrong).
    text = ("The family lived at 14 Station Road, Oldham. In June 2015 Child A, one of "
            "twins, was admitted to hospital.\n")
    plan = check_plan_when_applied(text, tmp_path, {"14 Station Road, Oldham": "ADDRESS"})
    assert plan[0]["text"].startswith('Remove "14 Station Road, Oldham"')
    assert "falls back to the United Kingdom" in plan[0]["text"]
    assert plan[0]["after"]["band"] == "LOW"


def test_names_are_shown_as_written_and_matched_folded():
    d = text_doc("The family are Jehovah's Witnesses. The mother has Fooblex Syndrome.")
    rare = make_finding(d, "RARE_DETAIL", "Fooblex Syndrome",
                        {"category": "condition", "value": "fooblex syndrome"})
    again = make_finding(d, "RARE_DETAIL", "Jehovah's Witnesses",
                         {"category": "religion", "value": "jehovah's witness"})
    result = jigsaw.assess(d, [rare, again])
    religion = qi(result, "religion")
    assert [q["value"] for q in religion] == ["Jehovah's Witnesses"]  # one detail, not two
    assert religion[0]["rate"] == 0.0005  # the table's entry, found through the folded key
    assert [q["value"] for q in qi(result, "condition")] == ["Fooblex Syndrome"]


def test_board_area_is_counted_but_never_suggested(tmp_path):
    result = jigsaw.assess(doc(HIGH_TEXT, tmp_path), [], area_allow=("Stockport",))
    assert result["population"]["area"] == "Stockport"
    assert all("area: Stockport" in c["details"] for c in result["combinations"])
    assert all(s["attribute"] != "area" for s in result["suggestions"])


def test_town_generalises_to_county_then_region():
    text = "The family lived in Stockport. In June 2015 the twins were admitted with injuries."
    details, areas = jigsaw.collect(text_doc(text), [])
    targets = [c.to_text for c in jigsaw._changes(details, areas) if c.attribute == "area"]
    assert targets == ["Greater Manchester", "North West"]
    times = [c.to_text for c in jigsaw._changes(details, areas) if c.attribute == "time"]
    assert times == ["2015", "the mid-2010s"]


# --------------------------------------------------------------------------- findings in


def make_finding(document: Document, entity: str, text: str, extra: dict | None = None
                 ) -> Finding:
    for i, seg in enumerate(document.segments):
        start = seg.text.find(text)
        if start >= 0:
            loc = Location("text", "body", seg.paragraph, start, start + len(text), seg.label)
            return Finding(entity, text, loc, 0.9, Severity.MEDIUM, "test", "", "",
                           segment_index=i, extra=extra or {})
    raise AssertionError(text)


def test_findings_from_recognisers_are_used():
    d = text_doc("The children lived in Brinnington with their mother, who has Fooblex "
                 "syndrome. One of the children attended Larkfield Primary School.")
    small = make_finding(d, "LOCATION_SMALL", "Brinnington")
    rare = make_finding(d, "RARE_DETAIL", "Fooblex syndrome",
                        {"category": "condition", "value": "Fooblex syndrome"})
    result = jigsaw.assess(d, [small, rare])
    assert result["population"]["level"] == "small"
    assert result["population"]["people"] == 15_000
    cond = qi(result, "condition")
    assert [c["rate"] for c in cond] == [0.0005]  # unknown: rare, never common
    assert result["band"] == "HIGH"
    assert "an area smaller than a town with another detail" in result["reasons"]


def test_exact_date_finding_and_twins_finding():
    d = text_doc("On 21 June 2015 the baby was admitted to hospital. She is a twin.")
    date = make_finding(d, "DATE_EXACT", "21 June 2015",
                        {"iso": "2015-06-21", "month_year": "June 2015"})
    twin = make_finding(d, "RARE_DETAIL", "twin", {"category": "multiple_birth",
                                                   "value": "twins"})
    result = jigsaw.assess(d, [date, twin])
    assert [q["value"] for q in qi(result, "time")] == ["21 June 2015"]
    assert [q["value"] for q in qi(result, "multiple_birth")] == ["twins"]
    assert qi(result, "time")[0]["rate"] == pytest.approx(1 / 3 * 0.00274, rel=0.01)


def test_professional_details_do_not_count_but_family_ones_do():
    prof = jigsaw.assess(text_doc("The Polish social worker visited the mother."), [])
    fam = jigsaw.assess(text_doc("The mother is Polish and the father is a Muslim."), [])
    assert not qi(prof, "nationality")
    # Shown as the document writes them; the table's folded keys are only for lookup.
    assert [q["value"] for q in qi(fam, "nationality")] == ["Polish"]
    assert [q["value"] for q in qi(fam, "religion")] == ["Muslim"]


def test_quoted_criteria_and_adult_deaths_are_not_the_index_event():
    quoted = text_doc("A review is one where (a) abuse is suspected; and (b) either (i) the "
                      "child has died or (ii) the child has been seriously harmed.")
    adult = text_doc("The maternal grandmother died in 2012, which upset the mother.")
    real = text_doc("Child D died in hospital in 2016.")
    assert not qi(jigsaw.assess(quoted, []), "event")
    assert not qi(jigsaw.assess(adult, []), "event")
    assert [q["value"] for q in qi(jigsaw.assess(real, []), "event")] == ["child death"]


def test_ages_of_children_are_details_and_adults_are_not():
    d = text_doc("Child B, aged 3 months, and her brother, a 7-year-old, lived with their "
                 "mother, aged 24. Child B was 3 months old when seen.")
    ages = sorted(q["value"] for q in qi(jigsaw.assess(d, []), "age"))
    assert ages == ["3 months", "7 years"]
    one = [q for q in qi(jigsaw.assess(d, []), "age") if q["value"] == "3 months"][0]
    assert one["mentions"] == ["aged 3 months", "3 months old"]


def test_common_details_are_never_suggested():
    d = text_doc("The family, who are White British, lived in Stockport. Child B, a twin, "
                 "was admitted with a skull fracture in June 2015.")
    result = jigsaw.assess(d, [])
    assert qi(result, "ethnicity")
    assert result["suggestions"]
    assert all(s["attribute"] != "ethnicity" for s in result["suggestions"])


def test_language_context_and_review_dates():
    d = text_doc("The mother spoke Urdu and needed an interpreter. The Board decided to "
                 "convene a review in July 2016. The child was born in 2014.")
    result = jigsaw.assess(d, [])
    assert [q["value"] for q in qi(result, "language")] == ["Urdu"]
    assert [q["value"] for q in qi(result, "time")] == ["2014"]


# --------------------------------------------------------------------------- data and safety


def test_base_rate_table_is_complete_and_consistent():
    rates = jigsaw.base_rates()
    for section, entries in rates.items():
        if section == "areas":
            continue
        for key, entry in entries.items():
            assert {"rate", "unit", "source", "year"} <= set(entry), (section, key)
            assert entry["source"] and entry["unit"]
            if section != "model":
                assert 0 < entry["rate"] <= 1, (section, key)
    authorities = rates["areas"]["authorities"]
    counties = rates["areas"]["counties"]
    assert len(authorities) >= 40
    for county in ("Greater Manchester", "Merseyside", "West Yorkshire"):
        members = [a for a in authorities.values() if a.get("county") == county]
        assert len(members) == {"Greater Manchester": 10, "Merseyside": 5,
                                "West Yorkshire": 5}[county]
        total = sum(a["people"] for a in members)
        assert total == pytest.approx(counties[county]["people"], rel=0.005)
    regions = rates["areas"]["regions"]
    for row in list(counties.values()) + list(authorities.values()):
        assert row.get("county") in counties or row.get("region") in regions or row.get(
            "region") in rates["areas"]["country"]


def test_no_network_is_used(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError("jigsaw tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = jigsaw.assess(doc(HIGH_TEXT, tmp_path), [])
    assert result["queries"]
    for q in result["queries"]:
        assert q["note"] == jigsaw.QUERY_NOTE
        assert all(isinstance(s, str) and s for s in q["queries"])
    first = result["queries"][0]["queries"]
    assert len(first) == 3 and "news" in first[1] and "court" in first[2]


def test_events_that_are_not_injuries_generalise_to_an_incident():
    result = jigsaw.assess(text_doc(
        "Child B lived in Oldham. In June 2015 the family home was destroyed in a house fire "
        "and the family featured in the local newspaper."), [])
    events = {s["from"]: s["to"] for s in result["suggestions"] if s["attribute"] == "event"}
    assert events, result["suggestions"]
    assert set(events.values()) == {"a significant incident"}
