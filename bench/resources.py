"""Resource benchmark for hostile-but-valid inputs (run by hand; figures go in README).

    python bench/resources.py [--only NAME ...] [--pages 1000]

Each input is generated into a temporary folder and checked by a fresh CLI process
(`redactcheck check FILE --format json -o ...`); the bench records wall time, peak
resident memory and the exit code. Inputs:
  pages_1000     a draft of about 1,000 pages (≈ 400,000 words, 7,000 paragraphs, one name
                 and one date a page); `check`, then `redact` of the same file (--redact)
  paragraph_200k one paragraph of 200,000 characters (analysed in pieces)
  runs_20k       one paragraph split into 20,000 runs
  nested_tables  tables nested 60 deep with text in the innermost cell
  many_findings  5,000 findings in one draft, every report format rendered (report cost)
An exit code of 0, 1 or 3 is a pass (a clean, a finding or a refused input); 4 or a
crash is a failure.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SENTENCE = ("The panel reviewed the chronology of agency contact with the family and "
            "considered how information was shared between practitioners. ")


def _package(body: str) -> bytes:
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}">'
                f"<w:body>{body}</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", document)
    return buffer.getvalue()


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def pages(n: int) -> bytes:
    # About 400 words a page: 7 paragraphs of 3 sentences (≈ 57 words) each, one of them
    # with a name and a date, so the check has findings and `redact` has work to do.
    paragraph = _p(SENTENCE * 3)
    detail = _p(SENTENCE * 2 + "On 21/06/2015 Bethany Okafor met the health visitor.")
    return _package((detail + paragraph * 6) * n)


def paragraph_200k() -> bytes:
    text = (SENTENCE * (200_000 // len(SENTENCE) + 1))[:200_000]
    return _package(_p(text + " On 21/06/2015 the family moved."))


def runs_20k() -> bytes:
    words = (SENTENCE.split() * 2000)[:20_000]
    runs = "".join(f'<w:r><w:t xml:space="preserve">{w} </w:t></w:r>' for w in words)
    return _package(f"<w:p>{runs}</w:p>")


def nested_tables(depth: int = 60) -> bytes:
    inner = _p("Innermost cell: the family moved on 21/06/2015.")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    return _package(inner + _p("After the table."))


def many_findings(n: int = 5000) -> bytes:
    paragraphs = "".join(_p(f"On {1 + i % 28}/{1 + i % 12}/20{10 + i % 15} the visit was "
                            f"recorded under reference CR/{100000 + i}.") for i in range(n // 2))
    return _package(paragraphs)


INPUTS = {
    "pages_1000": None,  # built with --pages
    "paragraph_200k": paragraph_200k,
    "runs_20k": runs_20k,
    "nested_tables": nested_tables,
    "many_findings": many_findings,
}


def _run(args: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "redactcheck.cli", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return {"seconds": round(seconds, 2), "peak_mb": round(usage.ru_maxrss / 1024),
            "exit": os.waitstatus_to_exitcode(status), "stderr": err.strip()[-300:]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(INPUTS))
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--redact", action="store_true",
                        help="also time `redact` on the pages_1000 draft")
    args = parser.parse_args()
    names = args.only or list(INPUTS)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            data = pages(args.pages) if name == "pages_1000" else INPUTS[name]()
            path = Path(folder) / f"{name}.docx"
            path.write_bytes(data)
            row = {"input": name, "size_kb": len(data) // 1024}
            row.update(_run(["check", str(path), "--format", "json",
                             "-o", str(Path(folder) / f"{name}.json")]))
            if name == "many_findings":
                findings = json.loads((Path(folder) / f"{name}.json").read_text())
                row["findings"] = len(findings["documents"][0]["findings"])
                for fmt in ("sarif", "html", "junit"):
                    timing = _run(["check", str(path), "--format", fmt,
                                   "-o", str(Path(folder) / f"{name}.{fmt}")])
                    row[f"{fmt}_seconds"] = timing["seconds"]
            if name == "pages_1000":
                row["words"] = 400 * args.pages
                if args.redact:
                    timing = _run(["redact", str(path), "-o", str(Path(folder) / "copy.docx")])
                    row.update({f"redact_{k}": v for k, v in timing.items() if k != "stderr"})
                    failed |= timing["exit"] not in (0, 1, 3)
            failed |= row["exit"] not in (0, 1, 3)
            print(json.dumps(row), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
