"""Whole names: a redacted name leaves no part behind (redact.whole_name, redact.name_parts)."""

from __future__ import annotations

from pathlib import Path

import docx

from redactcheck.config import Config
from redactcheck.docx_reader import load_docx
from redactcheck.findings import Finding, Location, Severity, make_context
from redactcheck.redact import RedactOptions, plan, redact_file


def _doc(tmp_path: Path, paragraphs: list[str]):
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    path = tmp_path / "draft.docx"
    d.save(path)
    return path, load_docx(path)


def _person(doc, text: str, nth: int = 0) -> Finding:
    hits = [(i, s) for i, s in enumerate(doc.segments) if text in s.text]
    i, seg = hits[nth]
    a = seg.text.index(text)
    b = a + len(text)
    return Finding("PERSON", text, Location(seg.part, seg.kind, seg.paragraph, a, b, seg.label),
                   0.9, Severity.HIGH, "test", "matched", "use a pseudonym",
                   make_context(seg.text, a, b), i)


def _replaced(doc, findings: list[Finding]) -> set[str]:
    return {f.text for f, _ in plan(doc, findings, RedactOptions()).replace}


def test_found_first_name_takes_the_unfound_surname_beside_it(tmp_path: Path) -> None:
    _, doc = _doc(tmp_path, ["The nurse met Teodora Quillfeather-Amsel at the clinic."])
    assert _replaced(doc, [_person(doc, "Teodora")]) == {"Teodora Quillfeather-Amsel"}


def test_found_surname_takes_the_first_name_but_not_a_sentence_start(tmp_path: Path) -> None:
    _, doc = _doc(tmp_path, ["Later Teodora Quillfeather rang.", "Staff saw Teodora Quillfeather."])
    seg0 = _replaced(doc, [_person(doc, "Quillfeather")])
    # "Later" is an ordinary word starting the sentence: never part of the name.
    assert "Later Teodora Quillfeather" not in seg0
    assert "Teodora Quillfeather" in seg0


def test_every_later_mention_of_a_part_is_replaced(tmp_path: Path) -> None:
    _, doc = _doc(tmp_path, [
        "Teodora Quillfeather-Amsel moved in June.",
        "Quillfeather-Amsel was seen twice; Teodora's brother called.",
        "QUILLFEATHER signed the form, and Amsel was her mother's name.",
    ])
    texts = _replaced(doc, [_person(doc, "Teodora Quillfeather-Amsel")])
    assert {"Quillfeather-Amsel", "Teodora", "QUILLFEATHER", "Amsel"} <= texts


def test_review_words_beside_a_name_are_not_taken(tmp_path: Path) -> None:
    _, doc = _doc(tmp_path, ["On Monday Teodora Mother said no.", "Teodora Social Worker"])
    f = _person(doc, "Teodora")
    assert _replaced(doc, [f, _person(doc, "Teodora", 1)]) == {"Teodora"}


def test_redacted_copy_has_no_part_of_the_name_and_check_agrees(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redactcheck.cli import main

    path, _ = _doc(tmp_path, [
        "Child Safeguarding Practice Review: Child R",
        "Mrs Ondine Peverell-Strauss lived with her son.",
        "Peverell-Strauss told the GP that Ondine's partner had left.",
    ])
    out = tmp_path / "copy.docx"
    redact_file(path, out, Config(), RedactOptions(redact_rare=True, generalise_ages=True))
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    for part in ("Ondine", "Peverell", "Strauss"):
        assert part not in text
    res = CliRunner().invoke(main, ["check", str(out)], env={"CI": ""})
    assert res.exit_code == 0, res.output
