"""Normalisation between the document and analysis: tricks are undone, offsets map back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from redactcheck.normalise import normalise


def test_invisible_characters_are_dropped_and_mapped_back() -> None:
    text = "Ros\u200bie Hale rang"
    view = normalise(text)
    assert view.text == "Rosie Hale rang"
    start, end = view.span(0, len("Rosie Hale"))
    assert text[start:end] == "Ros\u200bie Hale"
    assert [t.describe() for t in view.tricks] == ["invisible zero-width space (U+200B)"]


def test_soft_hyphen_bom_and_bidi_controls() -> None:
    view = normalise("\ufeffSK5\u202e 7AB and Mar\u00adtin")
    assert view.text == "SK5 7AB and Martin"


def test_decomposed_accent_is_composed() -> None:
    view = normalise("Siobha\u0301n said")
    assert view.text == "Siobhán said"
    assert view.span(0, 7) == (0, 8)


def test_full_width_and_no_break_spaces() -> None:
    assert normalise("ＫＷ１７ ２ＰＪ").text == "KW17 2PJ"
    assert normalise("M1\u00a01AE").text == "M1 1AE"


def test_look_alike_letters_fold_only_in_mixed_script_words() -> None:
    assert normalise("\u0422ariq").text == "Tariq"  # Cyrillic Te in a Latin word
    assert normalise("Москва").text == "Москва"  # genuine Cyrillic stays


def test_ascii_text_is_unchanged() -> None:
    view = normalise("Child B was seen on 21.06.15.")
    assert view.text == "Child B was seen on 21.06.15." and not view.tricks


@given(st.text(max_size=60))
def test_offsets_always_map_inside_the_original(text: str) -> None:
    view = normalise(text)
    assert len(view.starts) == len(view.text) == len(view.ends)
    last = 0
    for s, e in zip(view.starts, view.ends, strict=True):
        assert 0 <= s < e <= len(text) and s >= last
        last = s
    if view.text:
        start, end = view.span(0, len(view.text))
        assert 0 <= start <= end <= len(text)
