"""PERSON recogniser (recognizers/names.py): exact spans, look-alikes, document pass."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from recognizer_yaml import findings_problems

from recognizers import names
from redactcheck.analysis import make_finding, to_findings
from redactcheck.config import Config
from redactcheck.document import split_paragraphs
from redactcheck.findings import merge_overlaps

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "names.yaml"


@pytest.fixture(scope="module")
def person(artifacts):
    """spans(text) -> [(entity, text)] from the PERSON recogniser alone."""
    recognizer = names.PersonRecognizer()

    def spans(text: str) -> list[str]:
        results = recognizer.analyze(text, ["PERSON"], artifacts(text))
        return sorted((r.start, text[r.start:r.end]) for r in results)

    return spans


@pytest.fixture(scope="module")
def run_module(artifacts):
    """Findings of this module alone (recogniser + document pass), merged like analysis.py."""
    recognizer = names.PersonRecognizer()

    def run(text: str):
        segments = split_paragraphs(text)
        findings = []
        for i, seg in enumerate(segments):
            results = recognizer.analyze(seg.text, ["PERSON"], artifacts(seg.text))
            findings.extend(to_findings(results, seg, i))
        findings.extend(names.document_pass(segments, findings, Config()))
        return segments, merge_overlaps(findings, [s.text for s in segments])

    return run


def texts(spans: list) -> list[str]:
    return [t for _, t in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs Okonkwo said that Kayleigh's brother was at home.", ["Okonkwo", "Kayleigh"]),
        ("DONNA MORRIS attended.", ["DONNA MORRIS"]),
        ("It was sent to D. Morris today.", ["D. Morris"]),
        ("It was sent to D Morris today.", ["D Morris"]),
        ("Gwenllian and Dafydd were late.", ["Gwenllian", "Dafydd"]),
        ("Agnieszka told the interpreter that Wojciech had left.", ["Agnieszka", "Wojciech"]),
        ("The nurse saw Chukwuemeka's sister.", ["Chukwuemeka"]),
        ("PC Hughes attended with DC Pritchard.", ["Hughes", "Pritchard"]),
        ("Her partner, known as Dee, moved in.", ["Dee"]),
        ("Mr Young said no.", ["Young"]),
        ("Mrs O'Sullivan phoned.", ["O'Sullivan"]),
        ("Sinéad O'Brien was the neighbour.", ["Sinéad O'Brien"]),
    ],
)
def test_flags_exact_spans(person, text, expected):
    assert texts(person(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Child B and Child C lived with Mother and Adult A.",
        "Mr B told the panel that Mrs A had left.",
        "Young Carer assessments were not offered.",
        "The baby was born by Caesarean section.",
        "Tables use Calibri, Arial and Times New Roman.",
        "Working Together 2015 sets out the duties.",
        "Section 47 of the Children Act 1989 applies.",
        "Research by Brandon et al, 2008 found this.",
        "Earlier studies (Brandon and Belderson, 2012) agree.",
        "Meetings took place on Monday in June.",
        "Hope is what the family needed.",
        "The MASH and MARAC received it from CAMHS.",
        "A Serious Case Review was initiated by the Board.",
        "INTRODUCTION",
    ],
)
def test_leaves_look_alikes(person, text):
    assert person(text) == []


def test_dotted_initials(person):
    text = "The Agent, F. Trauttmansdorff, met Mr Z.M. Necatigil and Ms A.-M. Mendiboure."
    assert texts(person(text)) == ["F. Trauttmansdorff", "Z.M. Necatigil", "A.-M. Mendiboure"]


def test_lettered_heading_is_not_an_initial(person):
    assert person("C. Analysis of practice") == []


def test_document_pass_lowercase_only_for_unambiguous_words(run_module):
    # "Law" is a surname but "law" is an ordinary word: only the capitalised one counts.
    _, findings = run_module("Mrs Law phoned.\n\nThe law says Law must be told.")
    assert [(f.segment_index, f.text) for f in findings] == [(0, "Law"), (1, "Law")]


def test_title_is_not_part_of_span(person):
    assert person("Dr Chukwuemeka Obi examined the baby.") == [(3, "Chukwuemeka Obi")]


def test_ambiguous_word_needs_spacy_agreement_mid_sentence(person):
    # At the start of a sentence "Will" is read as a verb, never as a name on its own.
    assert person("Will the agencies learn?") == []


def test_document_pass_flags_other_mentions(run_module):
    segments, findings = run_module(
        "Kayleigh Morris was seen.\n\nThe file said MORRIS in capitals and morris's coat."
    )
    got = [(f.segment_index, f.text, f.explanation) for f in findings]
    assert (0, "Kayleigh Morris", "given name and surname") in got
    assert (1, "MORRIS", "same name as found in Paragraph 1") in got
    assert (1, "morris", "same name as found in Paragraph 1") in got
    # The possessive stays out of the span.
    assert all(f.text != "morris's" for f in findings)


def test_document_pass_keeps_ambiguous_parts_capitalised(run_module):
    _, findings = run_module("Mr Grace spoke.\n\nGrace attended, by the grace of a late bus.")
    assert [(f.segment_index, f.text) for f in findings] == [(0, "Grace"), (1, "Grace")]


def test_document_pass_drops_titles_and_initials(run_module):
    _, findings = run_module("It went to D. Morris.\n\nD said no; Morris said yes.")
    assert [(f.segment_index, f.text) for f in findings] == [(0, "D. Morris"), (1, "Morris")]


def test_document_pass_skips_covered_text():
    seg = split_paragraphs("Mrs Okonkwo phoned. Okonkwo said yes.")
    first = make_finding(seg[0], 0, 4, 11, "PERSON", 0.9, "x", "title")
    other = make_finding(seg[0], 0, 20, 27, "KNOWN", 0.9, "x", "known")
    assert names.document_pass(seg, [first, other], Config()) == []


def test_document_pass_scans_each_segment_once():
    # 2,000 paragraphs x 200 names: one alternation regex keeps this fast.
    seg = split_paragraphs("\n\n".join(f"Paragraph {i}: Priya met Name{i}x." for i in range(2000)))
    found = [make_finding(seg[0], 0, 13, 18, "PERSON", 0.9, "x", "given name")]
    found += [make_finding(seg[i], i, 0, 9, "PERSON", 0.9, "x", "x") for i in range(1, 200)]
    extra = names.document_pass(seg, found, Config())
    assert sum(f.text == "Priya" for f in extra) == 1999


def _cases():
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:40])
def test_yaml_cases_module_only(run_module, case):
    """The YAML cases, with this module alone (tests/test_cases.py runs them end to end)."""
    segments, findings = run_module(case["text"])
    assert findings_problems(case, segments, findings) == []


def test_fold_drops_accents_both_ways():
    assert names.fold("Małgorzata") == "malgorzata"
    assert names.fold("Siôn") == names.fold("Sion") == "sion"
    assert names.fold("Catrìona") == "catriona"


def test_folded_english_word_is_no_name():
    # A name listed only with accents must not turn an English word into a name.
    lex = names.lexicon()
    assert "over" not in lex.first and "over" not in lex.surnames


def test_celtic_common_words_are_ambiguous():
    lex = names.lexicon()
    assert "pant" in lex.ambiguous  # Welsh "hollow", also a surname
    assert "dewi" not in lex.ambiguous  # a dictionary proper noun stays a name


def test_soft_hyphen_inside_a_name_end_to_end():
    from redactcheck.analysis import get_analyzer

    text = "The mother's partner, Gwil\u00adym Prosser, moved in that spring."
    found = get_analyzer(Config()).analyze_segments(split_paragraphs(text))
    assert [f.text for f in found if f.entity == "PERSON"] == ["Gwil\u00adym Prosser"]


def _segment(text: str, kind: str, label: str, paragraph: int = 1):
    from redactcheck.document import Segment

    return Segment(text=text, part="word/document.xml", kind=kind, paragraph=paragraph,
                   label=label)


def _short(segments):
    return [(f.segment_index, f.text, f.explanation)
            for f in names.document_pass(segments, [], Config())]


def test_name_column_of_a_table():
    segments = [
        _segment("Full name", "table", "Table 2, row 1, cell 1"),
        _segment("Role", "table", "Table 2, row 1, cell 2"),
        _segment("ABDIRAHMAN QORANE", "table", "Table 2, row 2, cell 1"),
        _segment("Father", "table", "Table 2, row 2, cell 2"),
        _segment("Child E", "table", "Table 2, row 3, cell 1"),
        _segment("Sibling", "table", "Table 2, row 3, cell 2"),
    ]
    assert _short(segments) == [(2, "ABDIRAHMAN QORANE", "in a table column headed as names")]


def test_author_properties():
    segments = [
        _segment("Eluned Pryce-Vaughan", "property", "Document property: creator"),
        _segment("Safeguarding Business Unit", "property", "Document property: lastModifiedBy"),
        _segment("Independent Reviewer", "comment", "Comment author"),
        _segment("Board Business Manager", "property", "Document property: Manager"),
    ]
    assert _short(segments) == [
        (0, "Eluned Pryce-Vaughan", "an author or person field of the document")]


def test_short_line_of_gazetteer_names():
    segments = [
        _segment("KATARZYNA WOJCIK", "table", "Table 1, row 3, cell 2"),
        _segment("Rose Cottage", "textbox", "Text box, paragraph 4"),
        _segment("Learning Point 5", "textbox", "Text box, paragraph 5"),
    ]
    assert _short(segments) == [(0, "KATARZYNA WOJCIK", "a short line of gazetteer names")]


def test_people_a_comment_addresses_or_cites_are_names() -> None:
    from redactcheck.analysis import get_analyzer
    from redactcheck.document import Segment

    texts = ["Morwenna – is this the right date for the visit?",
             "Please check with Tegwedd before this goes to panel.",
             "Oriana says the health visitor saw the baby twice.",
             "Social Care - is this the right team?",
             "Check with Barnardo's and the MASH first.",
             "January – the meeting moved, see Section 4."]
    segments = [Segment(text=t, part="word/comments.xml", kind="comment", paragraph=i + 1,
                        label=f"Comment by Reviewer {i}") for i, t in enumerate(texts)]
    found = {f.text for f in get_analyzer(Config()).analyze_segments(segments)
             if f.entity == "PERSON"}
    assert {"Morwenna", "Tegwedd", "Oriana"} <= found
    assert not found & {"Social", "Care", "Barnardo's", "MASH", "January", "Section"}
