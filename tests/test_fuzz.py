"""Mutation fuzzing: damaged and odd DOCX packages never crash the checker or `redact`.

A small draft with the usual parts (body, table, header, footer, comment, core properties)
is built once; each case then mutates it, deterministically from its seed: bytes of the
zip flipped or cut, or one XML part damaged (a slice deleted, duplicated or replaced by
random markup, an attribute value changed, the part emptied or truncated; sometimes a
part removed, or copied under an unsafe or case-variant name) and the package
re-zipped with valid checksums, so the damage reaches the XML readers and not only the zip
layer. Every outcome must be a result or a one-line input error: never an internal error.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from redactcheck.checker import check_document
from redactcheck.config import Config
from redactcheck.errors import RedactcheckError

CASES = 240
REDACT_EVERY = 12  # redact (load, analyse, write, re-check) one mutant in this many

_JUNK = ["<", ">", "</w:t>", "<w:t>", "<w:r>", "</w:p>", "&", "&amp;", "&#0;", "&#xD800;",
         "\x00", "\u200b", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", "&a;", "<![CDATA[x]]>",
         "w:val=\"\"", "xml:space=\"preserve\"", "r:id=\"rId999\"", "<w:del>", "\"", "'",
         "<w:tbl><w:tr><w:tc>", "Zephyrine Quarshie", "21/06/2015", "<?xml version='1.0'?>"]


@pytest.fixture(scope="module")
def base_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.author = "Ottoline Brackenridge"
    document.core_properties.title = "Review of the family of Child Q"
    document.add_heading("Child Safeguarding Practice Review: Child Q", level=1)
    para = document.add_paragraph("On 21/06/2015 ")
    para.add_run("Zephyrine Quarshie").bold = True
    para.add_run(" moved to 14 Orchard Rise, Bramcote NG9 3AB with her daughter.")
    document.add_paragraph("The health visitor saw the family at Lark Hill Primary School.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Relationship"
    table.cell(1, 0).text = "TAVISH OKONJO"
    table.cell(1, 1).text = "Father"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Ref CSPR-2041-77"
    section.footer.paragraphs[0].text = "Draft for panel members only"
    if hasattr(document, "add_comment"):
        document.add_comment(para.runs[1], text="check the spelling with Ysolde",
                             author="Marisol Penhaligon", initials="MP")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _mutate(data: bytes, seed: int) -> bytes:
    rnd = random.Random(seed)
    if seed % 5 == 0:  # the zip layer: flip bytes or cut the file
        out = bytearray(data)
        if rnd.random() < 0.3:
            return bytes(out[: rnd.randrange(1, len(out))])
        for _ in range(rnd.randint(1, 8)):
            out[rnd.randrange(len(out))] = rnd.randrange(256)
        return bytes(out)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    xml_parts = sorted(n for n in parts if n.endswith((".xml", ".rels")))
    weights = [6 if n == "word/document.xml" else 1 for n in xml_parts]
    name = rnd.choices(xml_parts, weights)[0]
    text = parts[name].decode("utf-8", errors="replace")
    for _ in range(rnd.randint(1, 3)):
        text = _damage(text, rnd)
    parts[name] = text.encode("utf-8", errors="surrogatepass")
    if rnd.random() < 0.1:  # a part removed altogether
        parts.pop(rnd.choice(sorted(parts)), None)
    if rnd.random() < 0.08:  # a member copied under an unsafe or a case-variant name
        old = rnd.choice(sorted(parts))
        prefix = rnd.choice(["../", "/", "C:", "a\\..\\", ""])
        parts[prefix + old if prefix else old.upper()] = parts[old]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, payload in parts.items():
            zf.writestr(part, payload)
    return buffer.getvalue()


def _damage(text: str, rnd: random.Random) -> str:
    if not text:
        return rnd.choice(_JUNK)
    i = rnd.randrange(len(text))
    j = min(len(text), i + rnd.randint(1, 400))
    kind = rnd.randrange(6)
    if kind == 0:
        return text[:i] + text[j:]
    if kind == 1:
        return text[:j] + text[i:j] * rnd.randint(2, 30) + text[j:]
    if kind == 2:
        return text[:i] + "".join(rnd.choices(_JUNK, k=rnd.randint(1, 6))) + text[j:]
    if kind == 3:  # an attribute value changed
        k = text.find('="', i)
        if k < 0:
            return text[:i]
        end = text.find('"', k + 2)
        value = rnd.choice(["", "-1", "99999999999", "x" * 300, "rId1", "true", "<", "&#9;"])
        return text[:k + 2] + value + text[end:]
    if kind == 4:
        return text[:i]
    return ""


def test_mutated_packages_never_crash_check_or_redact(tmp_path: Path, base_docx: bytes) -> None:
    from redactcheck.findings import Severity
    from redactcheck.redact import RedactOptions, redact_file

    config = Config()
    outcomes = {"checked": 0, "input error": 0}
    internal: list[tuple[int, list[str]]] = []
    for seed in range(CASES):
        path = tmp_path / f"mutant_{seed}.docx"
        path.write_bytes(_mutate(base_docx, seed))
        result = check_document(path, config)
        if result.internal_error:
            internal.append((seed, result.errors))
            continue
        outcomes["input error" if result.errors else "checked"] += 1
        if not result.errors and seed % REDACT_EVERY == 1:
            out = tmp_path / f"mutant_{seed}.redacted.docx"
            try:
                redact_file(path, out, config, RedactOptions(min_severity=Severity.MEDIUM))
            except RedactcheckError:
                pass  # a one-line refusal (the copy would still hold something) is fine
            except Exception as exc:  # noqa: BLE001 - the point of the test
                internal.append((seed, [f"redact: {type(exc).__name__}: {exc}"]))
    assert not internal, internal[:5]
    # The mutations must reach the readers, not only the zip layer.
    # (a damaged [Content_Types].xml is refused outright: exit 3, as Word cannot open it)
    assert outcomes["checked"] >= CASES // 5, outcomes
    assert outcomes["input error"] >= CASES // 10, outcomes
