"""An adult review's reports, in every format, never call the subject a child."""

from __future__ import annotations

import io
import re

import docx
import pytest

from redactcheck.checker import check_document
from redactcheck.config import Config
from redactcheck.report import FORMATS, ReportOptions, render
from redactcheck.result import CheckResult

CHILD = re.compile(r"\bchild(?:ren)?(?:'s)?\b", re.I)
# Not wording about the subject: the model's definition of the adults counted ("the
# residents less the children aged 0-17"), JSON's empty child count, CSS selectors.
NOT_WORDING = re.compile(r"residents less the children aged 0-17|\"children\": null|"
                         r"[-:]child\b")


@pytest.fixture(scope="module")
def adult_result(tmp_path_factory) -> CheckResult:
    d = docx.Document()
    d.add_paragraph("Safeguarding Adults Review: Adult K")
    d.add_paragraph("1.1 Adult K, aged 47, lived alone at 9 Larkspur Crescent, Thornbury Vale.")
    d.add_paragraph("1.2 On 3 March 2021 her neighbour Bertram Aldous-Finch called the GP at "
                    "Wexcombe Medical Centre; she died in hospital in April 2021.")
    d.add_paragraph("1.3 Her NHS number 943 476 5919 was on the referral.")
    d.sections[0].header.paragraphs[0].text = "SAR Adult K: Bertram Aldous-Finch"
    path = tmp_path_factory.mktemp("adult") / "sar.docx"
    d.save(path)
    doc = check_document(path, Config())
    assert doc.review and doc.review["audience"] == "adult"
    assert doc.findings
    return CheckResult([doc])


def _report_text(fmt: str, result: CheckResult) -> str:
    out = render(fmt, result, ReportOptions(show_low=True))
    if isinstance(out, bytes):  # the annotated DOCX: comments and the summary page
        word = docx.Document(io.BytesIO(out))
        parts = [c.text for c in word.comments]
        texts = [p.text for p in word.paragraphs]
        start = texts.index("redactcheck summary")
        parts += texts[start:]
        parts += [c.text for t in word.tables for r in t.rows for c in r.cells]
        return "\n".join(parts)
    return out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_child_wording_in_an_adult_review(fmt: str, adult_result: CheckResult) -> None:
    text = _report_text(fmt, adult_result)
    # Quoted draft text may say anything; this draft never says "child".
    found = CHILD.findall(NOT_WORDING.sub("", text))
    assert not found, f"{fmt}: {found}"
