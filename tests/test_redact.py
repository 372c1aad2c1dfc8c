"""redact.py / redact_docx.py / proof.py: replacements, hidden content, the proof."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import stat
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from lxml import etree

from redactcheck import policy
from redactcheck.config import Config
from redactcheck.document import load
from redactcheck.docx_reader import load_docx
from redactcheck.errors import EXIT_FINDINGS
from redactcheck.findings import Finding, Location, Severity
from redactcheck.proof import find_leaks, is_label_only, needles
from redactcheck.redact import (
    ProofFailed,
    Pseudonyms,
    RedactOptions,
    age_band,
    month_year,
    plan,
    redact_file,
    replacement_for,
)
from redactcheck.redact_docx import Edit, apply_edits

DRAFTS = Path(__file__).resolve().parent.parent / "fixtures" / "drafts"
DOCX_DRAFTS = sorted(DRAFTS.glob("*.docx"))
TEXT_DRAFTS = sorted([*DRAFTS.glob("*.txt"), *DRAFTS.glob("*.md")])
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@pytest.fixture(scope="session")
def analyzer():
    from redactcheck.analysis import get_analyzer

    return get_analyzer(Config())


def _finding(text: str, entity: str = "PERSON", seg: int = 0, start: int = 0,
             extra: dict | None = None) -> Finding:
    loc = Location("word/document.xml", "body", 1, start, start + len(text), "Paragraph 1")
    return Finding(entity, text, loc, 0.9, Severity.HIGH, "test", "", "", segment_index=seg,
                   extra=extra or {})


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(data: bytes, part: str, tag: str) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return len(etree.fromstring(zf.read(part)).findall(f".//{W}{tag}"))


# ---------------------------------------------------------------- unit: replacements
def test_month_year_from_extra_iso_and_parsed():
    assert month_year(_finding("21.06.15", "DATE_EXACT", extra={"month_year": "June 2015"})) \
        == "June 2015"
    assert month_year(_finding("x", "DATE_EXACT", extra={"iso": "2015-06-21"})) == "June 2015"
    assert month_year(_finding("21.06.15", "DATE_EXACT")) == "June 2015"
    assert month_year(_finding("3rd March", "DATE_EXACT", extra={"month": "March"})) == "March"


def test_date_of_birth_and_tags():
    opts = RedactOptions()
    assert replacement_for(_finding("14.11.79", "DATE_OF_BIRTH"), opts, None) == "[DATE OF BIRTH]"
    assert replacement_for(_finding("Lark Hill Primary School", "INSTITUTION"), opts, None) \
        == "[SCHOOL]"
    assert replacement_for(_finding("Northgate General Hospital", "INSTITUTION"), opts, None) \
        == "[INSTITUTION]"
    assert replacement_for(_finding("0161 496 0123", "PHONE_NUMBER"), opts, None) == "[PHONE]"


@pytest.mark.parametrize(("extra", "band"), [
    ({"months": 3}, "under 1"), ({"weeks": 6}, "under 1"), ({"years": 1}, "1–4"),
    ({"years": 4}, "1–4"), ({"years": 5}, "5–10"), ({"years": 10}, "5–10"),
    ({"years": 14}, "11–15"), ({"years": 16}, "16–17"), ({"years": 17}, "16–17"),
    ({"years": 18}, "adult"), ({"months": 30}, "1–4"),
])
def test_age_bands(extra, band):
    assert age_band(extra) == band


def test_pseudonyms_consistent_across_forms():
    mentions = [
        _finding("Donna Morris", start=0), _finding("Kayleigh Morris", start=20),
        _finding("D. Morris", seg=1), _finding("DONNA MORRIS", seg=2),
        _finding("Donna's", seg=3), _finding("Ms Morris", seg=4), _finding("Kayleigh", seg=5),
        _finding("K Morris", seg=6), _finding("Tyler Morris", seg=7),
    ]
    p = Pseudonyms(mentions)
    labels = [p.label(m) for m in mentions]
    assert labels == ["Person A", "Person B", "Person A", "Person A", "Person A's", "Person A",
                      "Person B", "Person B", "Person C"]
    school = [_finding("Lark Hill Primary School", "INSTITUTION"),
              _finding("lark hill primary school", "INSTITUTION", seg=1),
              _finding("Moorside Academy", "INSTITUTION", seg=2)]
    p = Pseudonyms(school)
    assert [p.label(s) for s in school] == ["School 1", "School 1", "School 2"]


def test_label_only_findings_are_ignored_by_the_recheck():
    labels = ["Person A", "Person B", "[SCHOOL]"]
    assert is_label_only("Person A and Person B", labels)
    assert is_label_only("the [SCHOOL]", labels)
    assert is_label_only("Area", ["Area 2"])
    assert not is_label_only("Area Morris", ["Area 2"])
    assert not is_label_only("Person A Morris", labels)


# ---------------------------------------------------------------- unit: run-level edits
def _three_run_docx(path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Seen by Donna ")
    p.add_run("Mor").bold = True
    p.add_run("ris on Monday").italic = True
    d.add_paragraph("Untouched paragraph.")
    d.save(str(path))


def test_replacement_across_runs_takes_first_runs_formatting(tmp_path):
    src = tmp_path / "runs.docx"
    _three_run_docx(src)
    doc = load_docx(src)
    seg = doc.segments[0]
    start = seg.text.index("Donna Morris")
    runs = list(doc.package.xml("word/document.xml").iter(f"{W}r"))
    before = [etree.tostring(r.find(f"{W}rPr")) if r.find(f"{W}rPr") is not None else b""
              for r in runs]
    untouched = etree.tostring(runs[3])
    apply_edits(doc.segments, [Edit(0, start, start + len("Donna Morris"), "[NAME]")])
    texts = [r.find(f"{W}t").text for r in runs]
    assert texts == ["Seen by [NAME]", "", " on Monday", "Untouched paragraph."]
    after = [etree.tostring(r.find(f"{W}rPr")) if r.find(f"{W}rPr") is not None else b""
             for r in runs]
    assert after == before  # formatting of every run unchanged
    assert etree.tostring(runs[3]) == untouched
    # Leading space kept in the third run.
    assert runs[2].find(f"{W}t").get("{http://www.w3.org/XML/1998/namespace}space") \
        == "preserve"


# ---------------------------------------------------------------- unit: leak search
def test_find_leaks_across_runs_attributes_and_binaries():
    body = (b'<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Donna'
            b' Mo</w:t></w:r><w:r><w:t>rris</w:t></w:r></w:p><w:p><w:r><w:t>the annual review'
            b'</w:t></w:r></w:p></w:body></w:document>')
    rels = (b'<Relationships><Relationship Id="r1" Target="mailto:kay%20smith@x.org"/>'
            b'</Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("word/document.xml", body)
        zf.writestr("word/_rels/document.xml.rels", rels)
        zf.writestr("word/media/image1.png", b"\x89PNG..Author: Kayleigh\x00")
    leaks = find_leaks(out.getvalue(), needles(["Donna Morris", "Ann", "Kay Smith",
                                                "Kayleigh", "NA"], ["[NAME]"]))
    found = {(leak.part, leak.what.split("'")[1]) for leak in leaks}
    assert found == {("word/document.xml", "Donna Morris"),
                     ("word/_rels/document.xml.rels", "Kay Smith"),
                     ("word/media/image1.png", "Kayleigh")}


# ---------------------------------------------------------------- round trips
def _untouched_runs(document, findings_plan) -> Counter:
    """Serialised body runs no edit touches and no cleaning removes."""
    touched = set()
    for f, _ in findings_plan.replace:
        for span in document.segments[f.segment_index].spans_in(f.location.start,
                                                                 f.location.end):
            # Every enclosing run counts: a drawing run holds alt text and text boxes.
            touched.update(a for a in span.node.iterancestors(f"{W}r"))
    root = document.package.xml("word/document.xml")
    out: Counter = Counter()
    skip_ancestors = {f"{W}del", f"{W}moveFrom", f"{W}ins", f"{W}moveTo",
                      "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
    for run in root.iter(f"{W}r"):
        if run in touched or any(a.tag in skip_ancestors for a in run.iterancestors()):
            continue
        rpr = run.find(f"{W}rPr")
        if rpr is not None and (rpr.find(f"{W}vanish") is not None
                                or rpr.find(f"{W}rPrChange") is not None):
            continue
        if run.find(f"{W}commentReference") is not None:
            continue
        if run.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}hlinkClick") \
                is not None:
            continue  # a picture's link is removed when its target held a finding
        out[etree.tostring(run)] += 1
    return out


@pytest.mark.parametrize("style", ["tag", "pseudonym"])
@pytest.mark.parametrize("draft", DOCX_DRAFTS, ids=lambda p: p.name)
def test_docx_round_trip(draft, style, analyzer, tmp_path):
    assert DOCX_DRAFTS, "fixture drafts missing: run python fixtures/build.py"
    before_hash = _sha(draft)
    options = RedactOptions(style=style)
    original = load(draft)
    the_plan = plan(original, policy.apply(analyzer.analyze(original), Config()), options)
    untouched = _untouched_runs(original, the_plan)

    out = tmp_path / "copy.docx"
    log = tmp_path / "log.json"
    report = redact_file(draft, out, Config(), options, analyzer, log=log)
    assert _sha(draft) == before_hash  # the input is never modified
    data = out.read_bytes()
    src = draft.read_bytes()

    # Zero findings at or above the threshold (other than kept rare details/ages).
    copy = load(out)
    remaining = [f for f in policy.apply(analyzer.analyze(copy), Config())
                 if f.severity.rank >= Severity.MEDIUM.rank
                 and f.entity not in options.kept_entities
                 and not is_label_only(f.text, the_plan.replacements)]
    assert remaining == []
    # Zero leaked strings in any part.
    assert find_leaks(data, needles(the_plan.removed, the_plan.replacements), copy) == []
    # Untouched runs byte-identical.
    after = Counter(etree.tostring(r) for r in copy.package.xml("word/document.xml")
                    .iter(f"{W}r"))
    missing = untouched - after
    assert not missing, list(missing)[:3]
    # Tables and numbering intact.
    assert _count(data, "word/document.xml", "tbl") == _count(src, "word/document.xml", "tbl")
    assert _count(data, "word/document.xml", "numPr") == _count(src, "word/document.xml",
                                                                "numPr")
    # Hidden content gone.
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        assert not [n for n in names if re.search(r"comments|people\.xml|customXml/|"
                                                  r"thumbnail|custom\.xml", n)]
        body = zf.read("word/document.xml")
        for marker in (b"<w:del ", b"<w:ins ", b"w:delText", b"<w:vanish", b"commentRange",
                       b"commentReference", b"rPrChange"):
            assert marker not in body, marker
        core = zf.read("docProps/core.xml")
        assert b"<dc:creator>redactcheck</dc:creator>" in core
    # Opens in python-docx.
    docx.Document(str(out))
    # Log: owner-only, every change listed.
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    entries = json.loads(log.read_text(encoding="utf-8"))["changes"]
    assert len(entries) == len(report.changes)
    assert "anonymis" not in "\n".join(report.summary_lines()).lower()


def test_pseudonyms_and_dates_in_the_log(analyzer, tmp_path):
    draft = DRAFTS / "leaky_review.docx"
    log = tmp_path / "log.json"
    redact_file(draft, tmp_path / "c.docx", Config(), RedactOptions(style="pseudonym"),
                analyzer, log=log)
    changes = json.loads(log.read_text(encoding="utf-8"))["changes"]
    people: dict[str, set[str]] = {}
    for c in changes:
        if c["entity"] == "PERSON":
            key = re.sub(r"['’]s$", "", c["original"]).casefold()
            people.setdefault(key, set()).add(re.sub(r"['’]s$", "", c["replacement"]))
    assert people["donna morris"] == {"Person B"} == people["donna"]
    assert people["kayleigh morris"] == {"Person A"} == people["kayleigh"]
    assert all(len(v) == 1 for v in people.values())
    dates = [c for c in changes if c["entity"] == "DATE_EXACT"]
    # "on 21.06.15" takes "in": the preposition is part of the change.
    assert dates and all(re.fullmatch(rf"(?:[Ii]n )?(?:{MONTHS})(?: \d{{4}})?",
                                      c["replacement"]) for c in dates)
    by_original = {re.sub(r"^[Oo]n\s+", "", c["original"]):
                   re.sub(r"^[Ii]n ", "", c["replacement"]) for c in dates}
    assert by_original.get("21.06.15") == "June 2015"
    assert {c["replacement"] for c in changes if c["entity"] == "DATE_OF_BIRTH"} \
        == {"[DATE OF BIRTH]"}


def test_keep_comments_and_revisions_are_redacted_too(analyzer, tmp_path):
    out = tmp_path / "kept.docx"
    redact_file(DRAFTS / "leaky_review.docx", out, Config(),
                RedactOptions(keep_comments=True, keep_revisions=True), analyzer)
    with zipfile.ZipFile(out) as zf:
        assert "word/comments.xml" in zf.namelist()
        comments = zf.read("word/comments.xml")
        body = zf.read("word/document.xml")
    assert b"<w:del " in body and b"w:delText" in body
    for name in (b"Sarah Jenkins", b"Ruth Ashworth", b"Darren Whitfield", b"Donna"):
        assert name not in comments and name not in body


def test_rare_details_marked_unless_asked(analyzer, tmp_path):
    kept = redact_file(DRAFTS / "leaky_review.docx", tmp_path / "a.docx", Config(),
                       RedactOptions(), analyzer)
    rare = [f for f in kept.marked if f.entity == "RARE_DETAIL"]
    assert rare and not [c for c in kept.changes if c.entity == "RARE_DETAIL"]
    assert any("marked, not removed" in line for line in kept.summary_lines())
    gone = redact_file(DRAFTS / "leaky_review.docx", tmp_path / "b.docx", Config(),
                       RedactOptions(redact_rare=True, generalise_ages=True), analyzer)
    assert {c.entity for c in gone.changes} >= {"RARE_DETAIL", "AGE_EXACT"}
    assert not gone.marked
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs)
    assert "[age band 11–15]" in text


@pytest.mark.parametrize("draft", TEXT_DRAFTS, ids=lambda p: p.name)
def test_text_round_trip(draft, analyzer, tmp_path):
    out = tmp_path / f"copy{draft.suffix}"
    report = redact_file(draft, out, Config(), RedactOptions(), analyzer)
    text = out.read_text(encoding="utf-8")
    assert report.changes
    for change in report.changes:
        if len(change.original) >= 3:
            assert change.original.casefold() not in text.casefold()
    # Paragraph structure kept: same number of blank-line separated blocks.
    assert text.count("\n\n") == draft.read_text(encoding="utf-8").count("\n\n")


# ---------------------------------------------------------------- failure and safety
def test_failed_proof_leaves_no_file(analyzer, tmp_path, monkeypatch):
    import redactcheck.redact as redact_mod

    work = tmp_path / "work"
    work.mkdir()
    draft = work / "draft.docx"
    shutil.copy(DRAFTS / "leaky_review.docx", draft)
    before = _sha(draft)
    monkeypatch.setattr(redact_mod, "replacement_for", lambda f, o, p: f.text)
    with pytest.raises(ProofFailed) as info:
        redact_file(draft, work / "copy.docx", Config(), RedactOptions(), analyzer,
                    log=work / "log.json")
    assert info.value.exit_code == EXIT_FINDINGS
    assert "Paragraph" in info.value.message and "word/document.xml" in info.value.message
    assert sorted(p.name for p in work.iterdir()) == ["draft.docx"]  # no copy, temp, log
    assert _sha(draft) == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_converts_the_copy(analyzer, tmp_path):
    out = tmp_path / "copy.docx"
    redact_file(DRAFTS / "leaky_review.docx", out, Config(), RedactOptions(), analyzer)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(out)], check=True, timeout=180, capture_output=True)
    assert (tmp_path / "copy.pdf").stat().st_size > 1000


def test_generalised_dates_take_in_not_on(analyzer, tmp_path):
    draft = tmp_path / "dates.txt"
    draft.write_text("The panel met on 14 August 2015. On 21.06.15 Child B was admitted.\n\n"
                     "By 3 March 2016 the plan had ended.\n", encoding="utf-8")
    redact_file(draft, tmp_path / "out.txt", Config(), RedactOptions(), analyzer)
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "The panel met in August 2015." in text
    assert "In June 2015 Child B was admitted." in text
    assert "By March 2016 the plan had ended." in text
