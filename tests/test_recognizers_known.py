"""KNOWN recogniser (recognizers/known.py): loading, variants, typos, errors, YAML cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from recognizer_yaml import findings_problems

from recognizers import known, names
from redactcheck.analysis import to_findings
from redactcheck.config import Config
from redactcheck.document import split_paragraphs
from redactcheck.errors import ConfigError
from redactcheck.findings import merge_overlaps

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


def matcher(*values: str, category: str = "names") -> known.KnownMatcher:
    return known.KnownMatcher([known.Entry(v, category) for v in values])


def spans(m: known.KnownMatcher, text: str) -> list[tuple[str, str, bool]]:
    return [(text[s:e], v.kind, typo) for s, e, v, typo in m.find(text)]


def test_exact_case_insensitive_and_possessive():
    m = matcher("Donna Morris")
    assert spans(m, "DONNA MORRIS and donna morris's coat") == [
        ("DONNA MORRIS", "exact", False),
        ("donna morris", "exact", False),
    ]


def test_initials():
    m = matcher("Donna Morris")
    assert spans(m, "To D. Morris, cc D Morris.") == [
        ("D. Morris", "initial", False),
        ("D Morris", "initial", False),
    ]


def test_parts_need_a_capital():
    m = matcher("Donna Morris")
    assert spans(m, "Morris said; a morris dancer") == [("Morris", "part", False)]


def test_institutions_and_addresses_match_only_whole():
    m = known.KnownMatcher([
        known.Entry("Oakfield House Children's Home", "other"),
        known.Entry("Lark Hill Primary School", "schools"),
        known.Entry("14 Larkfield Close", "addresses"),
        known.Entry("Wojciech Nowakowski", "other"),
    ])
    text = ("Children's House staff visited Oakfield House Children's Home. Lark Hill said "
            "Close friends met at Lark Hill Primary School; Nowakowski and W. Nowakowski came.")
    assert spans(m, text) == [
        ("Oakfield House Children's Home", "exact", False),
        ("Lark Hill Primary School", "exact", False),
        ("Nowakowski", "part", False),
        ("W. Nowakowski", "initial", False),
    ]


def test_titles_and_common_words_are_no_parts():
    m = matcher("Mrs Okonkwo", "Grace Brown")
    text = "Mrs Adebayo met Brown and Grace; Okonkwo replied to G. Brown and Mrs Okonkwo."
    assert spans(m, text) == [
        ("Okonkwo", "part", False),
        ("G. Brown", "initial", False),
        ("Mrs Okonkwo", "exact", False),
    ]


def test_hyphen_and_space_variants():
    m = matcher("Smith-Jones", category="other")
    got = spans(m, "Smith-Jones, Smith Jones and Smith\u2013Jones")
    assert [t for t, _, _ in got] == ["Smith-Jones", "Smith Jones", "Smith\u2013Jones"]


def test_one_letter_typos_of_long_words_only():
    m = matcher("Kayleigh", "Dee", category="nicknames")
    got = spans(m, "Kayliegh, Kayleig, Kaylleigh, Kayleigh, Dew, Kaylee")
    assert got == [
        ("Kayliegh", "exact", True),
        ("Kayleig", "exact", True),
        ("Kaylleigh", "exact", True),
        ("Kayleigh", "exact", False),
    ]


def test_no_match_inside_longer_word():
    m = matcher("Morris")
    assert spans(m, "Morrisons and Morrison's") == []


def test_dates_match_across_separators():
    m = matcher("21/06/2015", category="dates_of_birth")
    assert [t for t, _, _ in spans(m, "21.06.2015 or 21-06-2015 not 21.06.2016")] == [
        "21.06.2015", "21-06-2015",
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("morris", "moris", True), ("morris", "morrie", True), ("kayleigh", "kayliegh", True),
     ("morris", "morrisons", False), ("abc", "bca", False), ("abcde", "abced", True)],
)
def test_within_one_edit(a, b, expected):
    assert known.within_one_edit(a, b) is expected


def test_yaml_and_csv_loading(tmp_path):
    y = tmp_path / "k.yaml"
    y.write_text("names: [Donna Morris]\ndates_of_birth: [2015-06-21]\n", encoding="utf-8")
    assert known.load_known(y) == [
        known.Entry("Donna Morris", "names"), known.Entry("21/06/2015", "dates_of_birth"),
    ]
    plain = tmp_path / "p.yml"
    plain.write_text("- Dee\n- 14 Larkfield Close\n", encoding="utf-8")
    assert [e.value for e in known.load_known(plain)] == ["Dee", "14 Larkfield Close"]
    c = tmp_path / "k.csv"
    c.write_text("value,category\nDonna Morris,names\nDee\n", encoding="utf-8")
    assert known.load_known(c) == [
        known.Entry("Donna Morris", "names"), known.Entry("Dee", "other"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.yaml", None, "known-identifiers file not found"),
        ("bad.yaml", "names: [a\n", "not valid YAML"),
        ("key.yaml", "pets: [Rex]\n", "unknown key 'pets'"),
        ("empty.yaml", "", "lists no identifiers"),
        ("list.txt", "Dee\n", "must be .yaml, .yml or .csv"),
        ("nested.yaml", "names: [{a: b}]\n", "every entry must be non-empty text"),
    ],
)
def test_bad_files_raise_one_line_config_error(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        known.load_known(path)
    assert message in info.value.message
    assert str(path) in info.value.message
    assert "\n" not in info.value.message


def test_build_without_list_adds_nothing():
    assert known.build(Config()) == []


def _alpha(i: int) -> str:
    return "".join("abcdefghijklmnopqrstuvwxyz"[(i // 26**k) % 26] for k in range(3))


def test_many_entries_and_long_text_stay_linear():
    # 2,000 entries x 20,000 words: the indexes keep this to a fraction of a second.
    entries = [known.Entry(f"Pers{_alpha(i)} Surn{_alpha(i)}", "names") for i in range(2000)]
    m = known.KnownMatcher(entries)
    target = _alpha(1999)
    text = " ".join([f"the family saw Surn{target} and Pers{_alpha(7)} Surm{_alpha(7)}"] * 2000)
    got = m.find(text)
    assert len(got) == 4000
    assert {text[s:e] for s, e, _, _ in got} == {
        f"Surn{target}", f"Pers{_alpha(7)} Surm{_alpha(7)}",
    }


def _cases():
    return yaml.safe_load((CASES_DIR / "known.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def run_case(artifacts):
    def run(case: dict):
        cfg = case.get("config") or {}
        config = Config(known=(CASES_DIR / cfg["known"]) if cfg.get("known") else None)
        recognizers = known.build(config) + names.build(config)
        segments = split_paragraphs(case["text"])
        findings = []
        for i, seg in enumerate(segments):
            for r in recognizers:
                res = r.analyze(seg.text, r.supported_entities, artifacts(seg.text))
                findings.extend(to_findings(res, seg, i))
        findings.extend(names.document_pass(segments, findings, config))
        return segments, merge_overlaps(findings, [s.text for s in segments])

    return run


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:40])
def test_yaml_cases_module_only(run_case, case):
    """known.yaml with the KNOWN and PERSON modules alone (test_cases.py runs all)."""
    segments, findings = run_case(case)
    assert findings_problems(case, segments, findings) == []
