"""recognizers/rare_details.py: exact spans on fixtures/cases/rare_details.yaml, categories
for the jigsaw module, and the data files."""

from __future__ import annotations

from pathlib import Path

import pytest
from recognizer_yaml import check_case, load_cases

from recognizers import rare_details
from recognizers.rare_details import GUIDANCE, RareDetailRecognizer, norm_token

ROOT = Path(__file__).resolve().parent.parent
CASES = load_cases("rare_details.yaml")
DATA = ROOT / "recognizers" / "data"


@pytest.fixture(scope="module")
def recognizer() -> RareDetailRecognizer:
    return RareDetailRecognizer()


def test_case_file_size():
    assert sum(len(c.get("match", [])) for c in CASES) >= 30
    assert sum(len(c.get("no_match", [])) for c in CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_case(case, artifacts):
    """This module alone on its cases (tests/test_cases.py runs them through the engine)."""
    assert check_case(rare_details, case, artifacts) == []


@pytest.mark.parametrize(
    ("text", "span", "category", "value"),
    [
        ("the twins attended", "twins", "multiple_birth", "twins"),
        ("his twin sister", "twin sister", "multiple_birth", "twins"),
        ("She was the eleventh child.", "eleventh child", "family_size", "eleventh child"),
        ("Child B has Prader-Willi syndrome.", "Prader-Willi syndrome", "condition",
         "Prader-Willi syndrome"),
        ("She had haemophilia.", "haemophilia", "condition", "haemophilia"),
        ("The family are Eritrean.", "Eritrean", "nationality", "Eritrean"),
        ("They are Tigrinya-speaking.", "Tigrinya-speaking", "language", "Tigrinya"),
        ("A Somali interpreter came.", "Somali", "language", "Somali"),
        ("Jehovah's Witnesses visited", "Jehovah's Witnesses", "religion", "Jehovah's Witness"),
        ("The father was a police officer.", "police officer", "occupation", "police officer"),
        ("The father worked at Kellogg's.", "Kellogg's", "occupation", "Kellogg's"),
        ("It featured in the local newspaper.", "It featured in the local newspaper", "event",
         "media coverage"),
        ("Her uncle was a farrier.", "farrier", "occupation", "farrier"),
        ("He is the fifth of eight children.", "the fifth of eight children", "family_size",
         "eight children"),
        ("The aunt won a national baking award.", "won a national baking award", "achievement",
         "won a national baking award"),
    ],
)
def test_extra_category_and_value(recognizer, text, span, category, value):
    """The jigsaw module reads recognition_metadata["extra"]; pin it exactly."""
    results = recognizer.analyze(text, ["RARE_DETAIL"])
    assert len(results) == 1, results
    result = results[0]
    assert text[result.start:result.end] == span
    meta = result.recognition_metadata
    assert meta["extra"] == {"category": category, "value": value}
    assert meta["guidance"] == GUIDANCE[category]


def test_orphanet_names_are_used(recognizer):
    # Not in the hand-picked list: only the Orphanet extract knows it.
    notable = (DATA / "rare_conditions_notable.txt").read_text("utf-8").casefold()
    assert "aarskog-scott" not in notable
    hits = recognizer.find("Child M has Aarskog-Scott syndrome.")
    assert [(h.category, h.value) for h in hits] == [("condition", "Aarskog-Scott syndrome")]


def test_common_conditions_never_in_index(recognizer):
    for name in ("asthma", "autism", "adhd", "depression", "epilepsy", "obesity"):
        assert (name,) not in recognizer.conditions.phrases


def test_norm_token_british_spelling_and_possessive():
    assert norm_token("Haemophilia") == "hemophilia"
    assert norm_token("Huntington\u2019s") == "huntington"
    assert norm_token("Guillain") == "guillain"


def test_other_entities_not_requested(recognizer):
    assert recognizer.analyze("the twins", ["PERSON"]) == []


@pytest.mark.parametrize(
    "name", ["rare_conditions_orphanet.txt", "rare_conditions_notable.txt",
             "rare_demographics.txt"],
)
def test_data_files_have_source_licence_date_header(name):
    header = (DATA / name).read_text("utf-8").splitlines()[0].lower()
    assert header.startswith("#")
    for word in ("source", "licence", "date"):
        assert word in header, (name, word)


def test_module_exports_build():
    built = rare_details.build(None)
    assert [r.supported_entities for r in built] == [["RARE_DETAIL"]]


def test_job_titles_rarity_classes():
    """The ONS index lexicon: crafts are distinctive, mass occupations common."""
    titles, _ = rare_details.load_job_titles()
    assert titles[("farrier",)] == "d"
    assert titles[("wheelwright",)] == "d"
    assert titles[("care", "worker")] == "c"
    assert titles[("bus", "driver")] == "c"
    header = (DATA / "occupation_titles.txt").read_text("utf-8").splitlines()[0].lower()
    for word in ("source", "licence", "date"):
        assert word in header


@pytest.mark.parametrize(
    "text",
    [
        "Staff had training on Williams syndrome.",
        "She was offered the routine screening test for cystic fibrosis.",
        "Services for people with Prader-Willi syndrome in general are patchy.",
    ],
)
def test_generic_condition_mentions_not_flagged(recognizer, text):
    assert [h for h in recognizer.find(text) if h.category == "condition"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Her son has Williams syndrome.",
        "He was diagnosed with cystic fibrosis after the screening test for cystic fibrosis.",
        "Her two children with cystic fibrosis were often unwell.",
    ],
)
def test_held_conditions_still_flagged(recognizer, text):
    assert any(h.category == "condition" for h in recognizer.find(text))
