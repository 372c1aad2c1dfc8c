"""The review's own type: detection, wording, the index event and the combination risk.

Every name, place and number here is invented for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactcheck import index_events, jigsaw, policy, review_type
from redactcheck.cli import main
from redactcheck.config import Config, from_mapping
from redactcheck.document import Segment, load, split_paragraphs
from redactcheck.entities import ENTITY_TYPES, entity_type, guidance_for
from redactcheck.errors import ConfigError
from redactcheck.findings import Finding, Location, Severity


class _Doc:
    """A document made of segments (body paragraphs and optional properties)."""

    def __init__(self, body: str, properties: dict[str, str] | None = None) -> None:
        self.segments = [
            Segment(v, "docProps/core.xml", "property", 1, f"Document property: {k}")
            for k, v in (properties or {}).items()
        ] + split_paragraphs(body)


def detect(body: str, **props: str) -> review_type.Detection:
    return review_type.detect(_Doc(body, props))


# ---- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "expected"), [
    ("Domestic Homicide Review\n\nInto the death of 'Rowena'", "dhr"),
    ("Domestic Abuse Related Death Review: Adult T", "dhr"),
    ("Safeguarding Adults Review: Mr H", "sar"),
    ("Child Safeguarding Practice Review: Child W", "cspr"),
    ("Serious Case Review: Baby Q", "cspr"),
    ("Adolygiad Ymarfer Plant: Plentyn H", "cpr"),
    ("Concise Child Practice Review: Child J", "cpr"),
    ("Adolygiad Ymarfer Oedolion: Oedolyn M", "apr"),
    ("Adult Practice Review: Mrs P", "apr"),
    ("Learning Review: Child V\n\nA report for the Glenhollow Child Protection Committee",
     "scot-child"),
    ("Learning Review: Mr D\n\nA report for the Glenhollow Adult Protection Committee. "
     "Adult D was an adult at risk under the Adult Support and Protection Act.", "scot-adult"),
    ("Case Management Review: Child E", "ni-cmr"),
])
def test_type_from_the_title(title: str, expected: str) -> None:
    found = detect(title + "\n\n1.1 The review looked at how agencies worked together.")
    assert found.type.id == expected
    assert found.source == "from the title"


def test_welsh_only_title_is_a_child_practice_review() -> None:
    found = detect("Adolygiad Ymarfer Plant\n\nPlentyn T\n\n1. Cyflwyniad\n\n1.1 Mae'r "
                   "adolygiad hwn yn edrych ar waith yr asiantaethau.")
    assert found.type.id == "cpr"
    assert found.note == "review type: Child Practice Review (from the title)"


def test_properties_count_with_the_title_and_acronyms_only_there() -> None:
    # The body title says nothing; the title property says DHR.
    found = detect("Overview report\n\n1.1 The panel met six times.", title="DHR overview v3")
    assert found.type.id == "dhr"
    assert found.source == "from the document properties"
    # In the body "SAR" is a subject access request: not evidence.
    found = detect("Overview report\n\n1.1 The mother made a SAR to the council.\n\n"
                   + "1.2 The child attended nursery.\n\n" * 3)
    assert found.type.id == "cspr"
    assert found.source.startswith("default")


def test_title_beats_the_body_and_ties_go_to_child() -> None:
    body = ("Safeguarding Adults Review: Mrs L\n\n1.1 This review draws on earlier Domestic "
            "Homicide Reviews and on a Domestic Homicide Review from 2019 and another "
            "Domestic Homicide Review.")
    assert detect(body).type.id == "sar"
    tie = "Overview report\n\n" + ("x " * 700) + ("\n\nThe Safeguarding Adults Review and the "
                                                  "Child Safeguarding Practice Review ran "
                                                  "together.")
    found = detect(tie)
    assert found.type.id == "cspr" and found.source == "from the whole text"


def test_first_pages_beat_the_whole_text() -> None:
    text = ("Overview report\n\nThis Safeguarding Adults Review was commissioned by the "
            "board.\n\n" + "word " * 800 + "\n\nLearning from a Serious Case Review and "
            "another Serious Case Review.")
    found = detect(text)
    assert found.type.id == "sar" and found.source == "from the first pages"


def test_setting_overrides_detection() -> None:
    doc = _Doc("Child Safeguarding Practice Review: Child N")
    assert review_type.resolve("dhr", doc).type.id == "dhr"
    assert review_type.resolve("DARDR", doc).type.id == "dhr"  # aliases, any case
    assert review_type.resolve("auto", doc).type.id == "cspr"
    assert review_type.resolve(None, None).type.id == "cspr"
    with pytest.raises(ValueError):
        review_type.get("court-review")


# ---- wording -----------------------------------------------------------------------------


def test_child_wording_is_the_catalogue() -> None:
    for cid in ("cspr", "cpr", "scot-child", "ni-cmr"):
        for entity, et in ENTITY_TYPES.items():
            assert entity_type(entity, cid) == et
            assert guidance_for(entity, et.guidance, "x", cid) == et.guidance


def test_adult_wording_has_no_child_subject() -> None:
    dhr = review_type.get("dhr")
    assert entity_type("AGE_EXACT", dhr).title == "Exact age"
    assert entity_type("AGE_EXACT").title == "Exact age of a child"
    assert "the victim" in entity_type("INSTITUTION", dhr).description
    assert "the refuge" in entity_type("INSTITUTION", dhr).guidance
    assert "Child B" not in entity_type("PERSON", "sar").guidance
    for rid in ("sar", "dhr", "apr", "scot-adult"):
        for entity in ENTITY_TYPES:
            et = entity_type(entity, rid)
            assert not review_type_child(et.guidance), (rid, entity, et.guidance)
            assert et.severity is ENTITY_TYPES[entity].severity
            assert et.tag == ENTITY_TYPES[entity].tag


def review_type_child(text: str) -> bool:
    from redactcheck.entities import CHILD_SUBJECT

    return bool(CHILD_SUBJECT.search(text))


@pytest.mark.parametrize(("entity", "guidance", "text", "want", "unwanted"), [
    ("DATE_EXACT", 'Give the month and year ("May 2019") or the child\'s age at the time.',
     "3 May 2019", '"May 2019"', "child"),
    ("DATE_OF_BIRTH", "Give the child's age at the time of the events, or the year of birth "
     "only.", "1 May 1980", "age band", "child"),
    ("AGE_EXACT", 'Use an age band ("under one", "of primary school age", "a teenager") '
     "unless the exact age matters to the learning.", "aged 41", "in her thirties",
     "primary"),
    ("INSTITUTION", 'Describe its type: "the primary school", "the secondary school", '
     '"the nursery".', "Tamworth Lane Medical Centre", "GP practice", "school"),
    ("INSTITUTION", 'Say "a children\'s home" or "a residential placement".',
     "Larkspur House Nursing Home", "care home", "children"),
    ("INSTITUTION", 'Describe its type: "the primary school", "the secondary school", '
     '"the nursery".', "Fernbank Primary School", "primary school", None),
    ("PERSON", "Replace the name with the review's pseudonym (Child B, Mother, Sibling 2) "
     "or a role (the health visitor).", "Corin Alder", "the victim", "Child B"),
])
def test_recogniser_guidance_is_rewritten_for_adults(entity, guidance, text, want, unwanted):
    out = guidance_for(entity, guidance, text, "dhr")
    assert want in out
    if unwanted:
        assert unwanted not in out
    assert guidance_for(entity, guidance, text, "cspr") == guidance


def _finding(entity: str, text: str, guidance: str = "", severity=Severity.MEDIUM,
             extra: dict | None = None, segment: int = 0) -> Finding:
    loc = Location("text", "body", 1, 0, len(text), "Paragraph 1")
    return Finding(entity, text, loc, 0.8, severity, "test", "matched",
                   guidance or ENTITY_TYPES[entity].guidance, text, segment, extra or {})


# ---- the index event ---------------------------------------------------------------------


@pytest.mark.parametrize(("rid", "text", "lowered"), [
    ("dhr", "murder", True),
    ("dhr", "the homicide", True),
    ("dhr", "Stabbed", True),
    ("dhr", "domestic homicide", True),
    ("dhr", "twin sons", False),
    ("dhr", "convicted in the Harrow Yard stabbing case", False),
    ("sar", "self-neglect", True),
    ("sar", "died", True),
    ("sar", "murder", False),
    ("cspr", "murder", False),
    ("cspr", "stabbing", False),
    ("cspr", "serious injury", True),
])
def test_index_event_is_not_a_rare_detail(rid: str, text: str, lowered: bool) -> None:
    f = _finding("RARE_DETAIL", text, extra={"category": "event"})
    out = index_events.apply([f], review_type.get(rid))[0]
    assert (out.severity is Severity.LOW) is lowered
    if lowered:
        assert out.extra["index_event"] is True
        assert "index event" in out.explanation
    other = index_events.apply([_finding("PERSON", text)], review_type.get(rid))[0]
    assert other.severity is Severity.MEDIUM  # only rare details


def test_policy_applies_type_wording_and_index_event() -> None:
    doc = _Doc("Domestic Homicide Review: Adult R\n\n1.1 Adult R, aged 38, was killed by "
               "her partner.")
    findings = [_finding("RARE_DETAIL", "murder", extra={"category": "event"}),
                _finding("AGE_EXACT", "aged 38"),
                _finding("INSTITUTION", "Cobbler's Row Surgery")]
    out = policy.apply(findings, Config(), doc)
    assert [f.severity for f in out] == [Severity.LOW, Severity.MEDIUM, Severity.MEDIUM]
    assert "in her thirties" in out[1].guidance
    assert "GP practice" in out[2].guidance
    # The same findings in a child review stay as they are.
    child = policy.apply(findings, Config(review_type="cspr"), doc)
    assert [f.guidance for f in child] == [f.guidance for f in findings]
    assert child[0].severity is Severity.MEDIUM


# ---- configuration and the command line --------------------------------------------------


def test_config_key() -> None:
    assert from_mapping({"review_type": "DHR"}).review_type == "dhr"
    assert from_mapping({"review_type": "scr"}).review_type == "cspr"
    assert from_mapping({}).review_type == "auto"
    with pytest.raises(ConfigError, match="review_type"):
        from_mapping({"review_type": "inquest"})
    with pytest.raises(ConfigError, match="review_type"):
        from_mapping({"review_type": 3})
    assert Config().with_overrides(review_type="sar").review_type == "sar"


DHR_TEXT = """Domestic Homicide Review

Into the death of 'Imelda', aged 52

1.1 This review is about the murder of Imelda in March 2021. She had twin sons. Her GP
practice, Saltergate Medical Centre, saw her twice.
"""

CSPR_TEXT = """Child Safeguarding Practice Review: Child M

1.1 Child M, aged 4, was seriously injured in March 2021. The family were Jehovah's
Witnesses. Child M attended Harrowdene Primary School.
"""


def _check_json(tmp_path: Path, text: str, *args: str, name: str = "draft.txt") -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--fail-on",
                                       "never", "--fail-on-jigsaw", "never", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["documents"][0]


def test_dhr_gets_adult_wording_end_to_end(tmp_path: Path) -> None:
    doc = _check_json(tmp_path, DHR_TEXT)
    assert doc["review_type"]["id"] == "dhr"
    assert "review type: Domestic Homicide Review (from the title)" in doc["notes"]
    for f in doc["findings"]:
        assert not review_type_child(f["guidance"]), f
        if f["text"].casefold() == "murder":
            assert f["severity"] == "low"
    ages = [f for f in doc["findings"] if f["entity"] == "AGE_EXACT"]
    assert ages and all("age band" in f["guidance"] for f in ages)
    pop = doc["jigsaw"]["population"]
    assert pop["counted"] == "adults" and pop["children"] is None and pop["adults"] > 0
    assert "child" not in json.dumps(doc["jigsaw"]["quasi_identifiers"]).casefold()
    assert "family" not in doc["jigsaw"]["summary"]


def test_cspr_stays_as_now_and_flag_overrides(tmp_path: Path) -> None:
    doc = _check_json(tmp_path, CSPR_TEXT)
    assert doc["review_type"]["id"] == "cspr"
    ages = [f for f in doc["findings"] if f["entity"] == "AGE_EXACT"]
    assert ages and all("under one" in f["guidance"] for f in ages)  # child wording
    assert not any(f.get("extra", {}).get("index_event") for f in doc["findings"])
    assert doc["jigsaw"]["population"]["counted"] == "children"
    assert doc["jigsaw"]["population"]["children"] > 0
    forced = _check_json(tmp_path, CSPR_TEXT, "--review-type", "sar")
    assert forced["review_type"]["id"] == "sar"
    assert forced["review_type"]["source"].startswith("set by")
    assert forced["jigsaw"]["population"]["counted"] == "adults"


def test_config_file_sets_the_type(tmp_path: Path) -> None:
    (tmp_path / "redactcheck.toml").write_text('review_type = "dhr"\n', encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_text(CSPR_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--fail-on",
                                       "never", "--fail-on-jigsaw", "never", "--config",
                                       str(tmp_path / "redactcheck.toml")])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)["documents"][0]
    assert doc["review_type"]["id"] == "dhr"


def test_bundled_fixture_types() -> None:
    drafts = Path(__file__).resolve().parents[1] / "fixtures" / "drafts"
    assert review_type.detect(load(drafts / "leaky_review.txt")).type.id == "cspr"


# ---- the combination risk ----------------------------------------------------------------


def test_jigsaw_counts_adults_in_an_adult_review(tmp_path: Path) -> None:
    text = ("In March 2021 Mrs V, aged 67, died at her home in Stockport. She had "
            "cerebral palsy. Her baby grandson visited.")
    doc = load(_write(tmp_path, text))
    child = jigsaw.assess(doc, [])
    adult = jigsaw.assess(doc, [], review_type="sar")
    assert child["population"]["counted"] == "children"
    assert adult["population"]["counted"] == "adults"
    adult_events = [q for q in adult["quasi_identifiers"] if q["attribute"] == "event"]
    assert adult_events and all(q["value"] == "death" for q in adult_events)
    ages = [q for q in adult["quasi_identifiers"] if q["attribute"] == "age"]
    assert [q["value"] for q in ages] == ["67 years"]  # "baby" is a relative, not her age
    assert all(q["title"] != "Child's age" for q in adult["quasi_identifiers"])
    assert adult["assumptions"][2] == jigsaw.ADULT_ASSUMPTION


def test_plain_summary_and_symbols_in_the_appendix(tmp_path: Path) -> None:
    text = ("Serious Case Review: Child P\n\nIn June 2015 Child P, one of twins, was admitted "
            "with a skull fracture. The family lived in Stockport.")
    result = jigsaw.assess(load(_write(tmp_path, text)), [])
    plain = [result["summary"], *result["reasons"],
             *(s["text"] for s in result["suggestions"]),
             *(c["text"] for c in result["combinations"])]
    for sentence in plain:
        assert not any(sym in sentence for sym in ("λ", "κ", "bits")), sentence
    assert "would match these details together" in result["summary"]
    assert "λ" in result["appendix"]["figures"] and "κ" in result["appendix"]["figures"]
    assert all("λ" in s["model"] for s in result["suggestions"])
    # Existing keys are kept.
    for key in ("band", "lambda", "kappa", "bits", "reasons", "population", "suggestions"):
        assert key in result


def test_summary_wording() -> None:
    assert jigsaw.summary(1.2, "HIGH", "Stockport") == (
        "About 1 other family in Stockport would match these details together: risk HIGH.")
    assert jigsaw.summary(14, "LOW", "", "adults").startswith(
        "About 14 other people in the United Kingdom")
    assert jigsaw.summary(0.1, "HIGH", "4 Mill Lane", level="address").startswith(
        "Probably no other family at 4 Mill Lane")
    assert "Probably no other person" in jigsaw.summary(0.2, "HIGH", "Bury", "adults")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_document_result_gives_the_type_wording() -> None:
    from redactcheck.result import DocumentResult

    adult = DocumentResult(path="x", review=review_type.Detection(
        review_type.get("sar"), "from the title").to_dict())
    assert adult.entity_type("AGE_EXACT").title == "Exact age"
    assert DocumentResult(path="y").entity_type("AGE_EXACT").title == "Exact age of a child"
