"""JUnit XML for CI test tabs (GitLab, Jenkins, Azure DevOps).

One <testcase> per document (classname "redactcheck", name = the path); a <failure> per
finding at or above options.fail_on, whose message names the (masked) text, the entity
and the place and whose body is the guidance; an <error> for a document that could not
be read. Test tabs are often visible to the whole team, hence masking by default.

Counts follow the usual JUnit convention that Jenkins and GitLab read: `tests` is the
number of test cases, `failures`/`errors` the number of test cases that failed/errored
(not the number of <failure> elements; a document with three findings is one failed test).
"""

from __future__ import annotations

import re

from lxml import etree

from ..result import CheckResult, DocumentResult
from . import ReportOptions
from .common import jigsaw_severity, relative_posix
from .mask import Masker, mask, masker_for


def render(result: CheckResult, options: ReportOptions) -> str:
    root = etree.Element("testsuites", name="redactcheck")
    suite = etree.SubElement(root, "testsuite", name="redactcheck")
    failed = errored = 0
    for doc in result.documents:
        case = etree.SubElement(suite, "testcase", classname="redactcheck",
                                name=_xml(relative_posix(doc.path)), time="0")
        if doc.errors:
            errored += 1
            error = etree.SubElement(case, "error", message=_xml(doc.errors[0]),
                                     type="unreadable")
            error.text = _xml("\n".join(doc.errors))
            continue
        failures = _failures(doc, options)
        for message, kind, body in failures:
            failure = etree.SubElement(case, "failure", message=_xml(message), type=kind)
            failure.text = _xml(body)
        if failures:
            failed += 1
    counts = {"tests": str(len(result.documents)), "failures": str(failed),
              "errors": str(errored), "skipped": "0", "time": "0"}
    for element in (root, suite):
        for key, value in counts.items():
            element.set(key, value)
    # str, not bytes, so the report can also go to stdout in a CI step.
    body = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body


# Characters XML 1.0 cannot hold at all (C0 controls but tab/newline/CR, surrogates,
# U+FFFE/U+FFFF): shown escaped, as on a terminal, so a file name cannot break the report.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100
                        else f"\\u{ord(m.group(0)):04x}", text)


def _failures(doc: DocumentResult, options: ReportOptions) -> list[tuple[str, str, str]]:
    """(message, type, body) for each finding at or above the threshold, then the jigsaw."""
    out: list[tuple[str, str, str]] = []
    masker = masker_for(doc, strict=True) if options.mask else None
    for f in doc.findings:
        if f.severity.rank < options.fail_on.rank or f.extra.get("baseline") == "accepted":
            continue  # below the threshold, or accepted by a reviewer (a baseline)
        et = doc.entity_type(f.entity)
        text = masker.text(f.text) if masker else f.text
        label = masker.label(f.location.label) if masker else f.location.label
        message = (f"{f.severity.value.upper()} {f.entity}: \"{text}\" ({et.title}) "
                   f"in {label}")
        body = f"{et.description}\nWhat to write instead: {f.guidance or et.guidance}"
        out.append((message, f.entity, body))
    severity = jigsaw_severity(doc.jigsaw)
    if severity is not None and doc.jigsaw is not None and severity.rank >= options.fail_on.rank:
        jig = doc.jigsaw
        values = [str(q.get("value", "")) for q in jig.get("quasi_identifiers", [])]
        shown = [mask(v) if options.mask else v for v in values]
        message = (f"{severity.value.upper()} JIGSAW_RISK: combination of details identifies "
                   f"the family ({', '.join(shown)})")
        suggestions = [str(s.get("text", "")) for s in jig.get("suggestions", [])]
        if options.mask:
            jig_masker = Masker(values)
            suggestions = [jig_masker.context(s) for s in suggestions]
        body = "\n".join([doc.entity_type("JIGSAW_RISK").guidance, *suggestions])
        out.append((message, "JIGSAW_RISK", body))
    return out
