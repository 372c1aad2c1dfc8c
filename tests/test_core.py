"""Unit tests of the data model, policy and configuration (no NLP)."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactcheck import policy
from redactcheck.config import Config, EntitySettings, from_mapping, load_config
from redactcheck.document import split_paragraphs
from redactcheck.errors import ConfigError
from redactcheck.findings import (
    Finding,
    Location,
    Severity,
    fingerprint,
    make_context,
    merge_overlaps,
)


def finding(entity: str, start: int, end: int, text: str, severity=Severity.HIGH,
            score: float = 0.8, segment: int = 0) -> Finding:
    loc = Location("text", "body", 1, start, end, "Paragraph 1")
    return Finding(entity, text[start:end], loc, score, severity, "test", "why", "what",
                   context=make_context(text, start, end), segment_index=segment)


TEXT = "Yesterday Donna Morris spoke to Mrs Okonkwo at 14 Mill Lane."


def test_fingerprint_ignores_position_and_distant_edits():
    a = fingerprint("PERSON", "Donna Morris", "…and so yesterday Donna Morris spoke to her…")
    b = fingerprint("PERSON", "donna  morris",
                    "Much earlier, and so yesterday Donna Morris spoke to her, then left")
    c = fingerprint("PERSON", "Donna Morris", "Later Donna Morris wrote to")
    assert a == b
    assert a != c
    assert len(a) == 16


def test_merge_keeps_highest_severity_and_joins_same_entity_halves():
    first = finding("PERSON", 10, 15, TEXT)  # Donna
    second = finding("PERSON", 16, 22, TEXT, score=0.6)  # Morris
    whole = finding("PERSON", 10, 22, TEXT, score=0.5)
    merged = merge_overlaps([first, second, whole], [TEXT])
    assert [(f.text, f.location.start, f.location.end) for f in merged] == [
        ("Donna Morris", 10, 22)
    ]
    low = finding("LOCATION", 50, 59, TEXT, severity=Severity.LOW, score=0.9)
    address = finding("ADDRESS", 47, 59, TEXT)
    merged = merge_overlaps([low, address], [TEXT])
    assert [(f.entity, f.text) for f in merged] == [("ADDRESS", "14 Mill Lane")]


def test_merge_leaves_separate_segments_alone():
    a = finding("PERSON", 10, 15, TEXT, segment=0)
    b = finding("PERSON", 10, 15, TEXT, segment=1)
    assert len(merge_overlaps([a, b], [TEXT, TEXT])) == 2


def test_context_is_cut_at_words_with_ellipses():
    text = "word " * 30 + "Donna Morris" + " word" * 30
    start = text.index("Donna")
    context = make_context(text, start, start + 12)
    assert context.startswith("…word") and context.endswith("word…")
    assert "Donna Morris" in context


def test_policy_allow_list_area_and_severity_overrides():
    f_author = finding("PERSON", 32, 43, TEXT)  # Mrs Okonkwo
    f_donna = finding("PERSON", 10, 22, TEXT)
    f_address = finding("ADDRESS", 47, 59, TEXT)
    config = Config(allow=("Amara Okonkwo",),
                    entities={"ADDRESS": EntitySettings(severity=Severity.LOW)})
    kept = policy.apply([f_author, f_donna, f_address], config)
    assert [(f.text, f.severity) for f in kept] == [
        ("Donna Morris", Severity.HIGH), ("14 Mill Lane", Severity.LOW)
    ]
    disabled = Config(entities={"PERSON": EntitySettings(enabled=False)})
    assert [f.entity for f in policy.apply([f_donna, f_address], disabled)] == ["ADDRESS"]
    assert policy.exceeds(kept, Severity.HIGH)
    assert not policy.exceeds(kept[1:], Severity.MEDIUM)


def test_config_file_discovery_and_relative_known(tmp_path: Path):
    (tmp_path / "redactcheck.toml").write_text(
        'model = "en_core_web_lg"\nfail_on = "high"\nallow = ["Stockport Council"]\n'
        'area = "Stockport"\nknown = "case/known.yaml"\n'
    )
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load_config(start=nested)
    assert config.model == "en_core_web_lg"
    assert config.fail_on is Severity.HIGH
    assert config.area == ("Stockport",)
    assert config.known == tmp_path / "case" / "known.yaml"
    merged = config.with_overrides(allow=("Jane Author",), model=None)
    assert merged.allow == ("Stockport Council", "Jane Author")
    assert merged.model == "en_core_web_lg"


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"fail_on": "severe"}, "fail_on"),
        ({"min_score": 2}, "min_score"),
        ({"entities": {"PERSON": {"colour": "red"}}}, "entities.PERSON.colour"),
        ({"entities": {"PERSON": "yes"}}, "entities.PERSON"),
        ({"area": [1, 2]}, "area"),
        ({"unknown_key": 1}, "unknown_key"),
    ],
)
def test_config_errors_name_the_key(data, needle):
    with pytest.raises(ConfigError, match=needle):
        from_mapping(data, Path("redactcheck.toml"))


def test_plain_text_paragraph_offsets():
    text = "First para.\r\n\r\n  Second para\nsame para  \n\n\nThird"
    segs = split_paragraphs(text)
    assert [s.text for s in segs] == ["First para.", "Second para\nsame para", "Third"]
    for s in segs:
        assert text[s.char_start:s.char_start + len(s.text)] == s.text
    assert [s.label for s in segs] == ["Paragraph 1", "Paragraph 2", "Paragraph 3"]


def test_merge_keeps_findings_that_do_not_overlap_the_winner():
    text = "On 21 June D. Morris rang the school."
    date = finding("DATE_EXACT", 3, 10, text, score=0.85)  # 21 June
    known = finding("KNOWN", 8, 20, text, score=1.0)  # "ne D. Morris" (overlaps the date)
    name = finding("PERSON", 11, 20, text, score=0.6)  # D. Morris
    merged = merge_overlaps([date, known, name], [text])
    # KNOWN wins its characters; PERSON overlaps only KNOWN and goes; the date overlaps
    # KNOWN too, so it goes as well: only findings clear of every winner stay.
    assert [(f.entity, f.text) for f in merged] == [("KNOWN", "ne D. Morris")]
    clear = finding("KNOWN", 11, 20, text, score=1.0)
    merged = merge_overlaps([date, clear, name], [text])
    assert [(f.entity, f.text) for f in merged] == [("DATE_EXACT", "21 June"),
                                                   ("KNOWN", "D. Morris")]
