"""Detection quality (run by hand; figures go in README, not in tests).

    python bench/quality.py [--tab ../shared/tab/echr_tab_devtrain113.json] [--tab-limit N]
                            [--model NAME] [--json-out FILE]

1. Fixtures: every planted identifier in fixtures/drafts/*.expected.yaml must be reported in
   the right place (same kind and label, overlapping text, same entity family). Prints recall
   per entity family and per place kind, precision on the leaky drafts, and medium/high
   findings per 1,000 words on the already anonymised draft (clean_review.docx).
2. TAB (Text Anonymization Benchmark, ECHR judgments): every finding becomes a masked span,
   scored by ../shared/tools/tab_eval.py (entity recall on direct/quasi identifiers, token
   precision, recall per type).
3. The development set (../shared/devset, drafts written independently of this project):
   `check` at medium+, scored by ../shared/tools/score_drafts.py (recall by category and
   place, look-alikes flagged, findings per 1,000 words on the clean drafts); then every
   unredacted draft is redacted (`--redact-rare --generalise-ages`) and the copies are
   leak-checked by the same scorer. Its strings never go into code, lists or tests.
4. The seed (../shared/seed, a real published review): the people named, exact dates, rare
   details, and the number of other distinct medium+ findings.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.expected import DRAFTS, drafts_with_expected, family, matches  # noqa: E402
from redactcheck import policy  # noqa: E402
from redactcheck.analysis import get_analyzer  # noqa: E402
from redactcheck.config import Config  # noqa: E402
from redactcheck.document import load, split_paragraphs  # noqa: E402
from redactcheck.findings import Severity  # noqa: E402

TARGETS = {"names": 1.0, "identifiers": 1.0, "addresses": 1.0, "institutions": 1.0,
           "exact dates": 0.97, "rare details": 0.90}


def score_fixtures(config: Config) -> dict:
    analyzer = get_analyzer(config)
    by_family: dict[str, Counter] = defaultdict(Counter)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    misses, matched_findings, total_findings = [], 0, 0
    for draft, expected in drafts_with_expected():
        if draft.name.startswith("clean"):
            continue
        document = load(draft)
        findings = policy.apply(analyzer.analyze(document), config)
        used = set()
        for item in expected:
            hit = [i for i, f in enumerate(findings) if matches(item, f)]
            fam = family(item["entity"])
            by_family[fam]["planted"] += 1
            by_kind[item["kind"]]["planted"] += 1
            if hit:
                used.update(hit)
                by_family[fam]["found"] += 1
                by_kind[item["kind"]]["found"] += 1
            else:
                misses.append(f"{draft.name}: {item['entity']} {item['text']!r} "
                              f"({item['label']})")
        relevant = [f for f in findings if f.severity.rank >= Severity.MEDIUM.rank]
        total_findings += len(relevant)
        matched_findings += len([i for i in used if findings[i].severity.rank >= 2])
    clean = DRAFTS / "clean_review.docx"
    fp_per_1000 = None
    clean_findings = []
    if clean.exists():
        document = load(clean)
        clean_findings = [f for f in policy.apply(analyzer.analyze(document), config)
                          if f.severity.rank >= Severity.MEDIUM.rank]
        fp_per_1000 = 1000 * len(clean_findings) / max(document.words, 1)
    return {
        "recall_by_family": {k: v["found"] / v["planted"] for k, v in sorted(by_family.items())},
        "planted_by_family": {k: v["planted"] for k, v in sorted(by_family.items())},
        "recall_by_kind": {k: v["found"] / v["planted"] for k, v in sorted(by_kind.items())},
        "precision_medium_high": matched_findings / total_findings if total_findings else None,
        "clean_fp_per_1000_words": fp_per_1000,
        "clean_findings": [f"{f.entity} {f.text!r} ({f.location.label})" for f in clean_findings],
        "misses": misses,
    }


def tab_predictions(tab_path: Path, config: Config, limit: int | None) -> Path:
    analyzer = get_analyzer(config)
    docs = json.loads(tab_path.read_text(encoding="utf-8"))[: limit or None]
    out = Path(tempfile.mkdtemp()) / "preds.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for doc in docs:
            segments = split_paragraphs(doc["text"])
            findings = policy.apply(analyzer.analyze_segments(segments), config)
            spans = sorted(
                [segments[f.segment_index].char_start + f.location.start,
                 segments[f.segment_index].char_start + f.location.end]
                for f in findings
            )
            fh.write(json.dumps({"doc_id": doc["doc_id"], "spans": spans}) + "\n")
    return out


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "redactcheck.cli", *args], cwd=ROOT,
                          capture_output=True, text=True)


def score_devset(devset: Path, tools: Path, model: str | None, leak: bool) -> dict:
    """Check the devset drafts, score them, optionally redact and leak-check the copies."""
    work = Path(tempfile.mkdtemp(prefix="devset-"))
    model_args = ["--model", model] if model else []
    raw = work / "raw.json"
    _cli("check", str(devset / "drafts"), "--format", "json", "-o", str(raw), *model_args)
    reports = work / "reports"
    subprocess.run([sys.executable, str(tools / "split_reports.py"), str(raw), str(reports),
                    "--min-severity", "medium"], check=True, capture_output=True)
    scores = work / "scores.json"
    subprocess.run([sys.executable, str(tools / "score_drafts.py"), str(reports),
                    "--gold", str(devset / "gold.json"), "--drafts", str(devset / "drafts"),
                    "--json", str(scores)], check=True, capture_output=True)
    out: dict = {"scores": json.loads(scores.read_text())}
    if leak:
        redacted = work / "redacted"
        redacted.mkdir()
        refused = []
        for draft in sorted((devset / "drafts").glob("dev_unredacted_*.docx")):
            done = _cli("redact", str(draft), "-o", str(redacted / draft.name),
                        "--redact-rare", "--generalise-ages", *model_args)
            if done.returncode != 0:
                refused.append(f"{draft.name}: exit {done.returncode}")
        check = subprocess.run([sys.executable, str(tools / "score_drafts.py"),
                                "--leak", str(redacted), "--gold", str(devset / "gold.json")],
                               capture_output=True, text=True)
        last = [line for line in check.stdout.splitlines() if line.startswith("leaks:")]
        out["leak"] = {"summary": last[-1] if last else check.stdout[-300:],
                       "refused": refused}
    return out


def print_devset(result: dict) -> None:
    sc = result["scores"]
    print(f"\nDevset: recall at medium+ {sc['recall']:.3f} ({sc['found']}/{sc['total']}); "
          f"targets: >= 0.99 overall and in every place")
    for title, key in (("category", "by_category"), ("place", "by_where")):
        cells = []
        for name, row in sorted(sc[key].items()):
            cells.append(f"{name} {row['found']}/{row['total']}")
        print(f"  by {title}: " + ", ".join(cells))
    print(f"  look-alikes flagged: {sc['benign_flagged']}/{sc['benign_total']} "
          f"({sc['benign_flagged'] / max(1, sc['benign_total']):.1%}; target <= 2%)")
    for name, row in sorted(sc["clean"].items()):
        print(f"  clean draft {name}: {row['per_1000_words']:.2f} medium+ per 1,000 words "
              f"{row['by_entity']} (target <= 1)")
    if "leak" in result:
        print(f"  redacted copies: {result['leak']['summary']}; refused: "
              f"{result['leak']['refused'] or 'none'}")


def seed_summary(seed: Path, config: Config) -> dict:
    """People, exact dates and rare details found in the published review, and the rest."""
    analyzer = get_analyzer(config)
    out = {}
    for path in sorted(seed.glob("*.txt")):
        findings = policy.apply(analyzer.analyze(load(path)), config)
        medium = [f for f in findings if f.severity.rank >= Severity.MEDIUM.rank]
        distinct = Counter((f.entity, f.text.casefold()) for f in medium)
        people = sorted({t for e, t in distinct if e == "PERSON"})
        dates = sorted({t for e, t in distinct if e == "DATE_EXACT"})
        rare = sorted({t for e, t in distinct if e == "RARE_DETAIL"})
        others = sorted(f"{e}: {t}" for e, t in distinct
                        if e not in ("PERSON", "DATE_EXACT", "RARE_DETAIL"))
        out[path.name] = {"people": people, "exact_dates": dates, "rare_details": rare,
                          "other_distinct": others, "medium_findings": len(medium)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model")
    parser.add_argument("--tab", type=Path,
                        default=ROOT.parent / "shared" / "tab" / "echr_tab_devtrain113.json")
    parser.add_argument("--tab-eval", type=Path,
                        default=ROOT.parent / "shared" / "tools" / "tab_eval.py")
    parser.add_argument("--tab-limit", type=int)
    parser.add_argument("--no-tab", action="store_true")
    parser.add_argument("--tab-profile", choices=["default", "quasi", "both"], default="both",
                        help="score TAB with the default profile, --quasi, or both")
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--no-devset", action="store_true")
    parser.add_argument("--no-leak", action="store_true",
                        help="skip redacting the devset drafts and leak-checking the copies")
    parser.add_argument("--seed", type=Path, default=ROOT.parent / "shared" / "seed")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    config = Config(model=args.model)

    report = {"fixtures": score_fixtures(config)}
    fx = report["fixtures"]
    print("Fixtures: recall by identifier family (target)")
    for fam, recall in fx["recall_by_family"].items():
        target = TARGETS.get(fam)
        flag = "" if target is None or recall >= target else "  BELOW TARGET"
        print(f"  {fam:<14} {recall:6.3f}  of {fx['planted_by_family'][fam]:>3}"
              f"  ({target if target is not None else '-'}){flag}")
    print("Fixtures: recall by place")
    for kind, recall in fx["recall_by_kind"].items():
        print(f"  {kind:<18} {recall:6.3f}")
    if fx["precision_medium_high"] is not None:
        print(f"Precision (medium/high findings that are planted identifiers): "
              f"{fx['precision_medium_high']:.3f}")
    if fx["clean_fp_per_1000_words"] is not None:
        print(f"Anonymised draft: {fx['clean_fp_per_1000_words']:.2f} medium/high findings per "
              f"1,000 words (target ≤ 3)")
        for line in fx["clean_findings"][:20]:
            print(f"    {line}")
    for miss in fx["misses"]:
        print(f"  missed: {miss}")

    if not args.no_devset and (args.devset / "gold.json").exists():
        report["devset"] = score_devset(args.devset, args.tab_eval.parent, args.model,
                                        leak=not args.no_leak)
        print_devset(report["devset"])
    if args.seed.is_dir():
        report["seed"] = seed_summary(args.seed, config)
        for name, row in report["seed"].items():
            print(f"\nSeed {name}: {row['medium_findings']} medium+ findings")
            for key in ("people", "exact_dates", "rare_details", "other_distinct"):
                print(f"  {key}: {row[key]}")

    profiles = {"default": [False], "quasi": [True], "both": [False, True]}[args.tab_profile]
    for quasi in profiles if not args.no_tab and args.tab.exists() else []:
        name = "quasi" if quasi else "default"
        preds = tab_predictions(args.tab, Config(model=args.model, quasi=quasi), args.tab_limit)
        cmd = [sys.executable, str(args.tab_eval), str(args.tab), "--predictions", str(preds),
               "--name", f"redactcheck ({name} profile)"]
        if args.tab_limit:
            cmd += ["--limit", str(args.tab_limit)]
        json_out = preds.with_suffix(".scores.json")
        cmd += ["--json-out", str(json_out)]
        target = ("ER_qi >= 0.95, TokP >= 0.65" if quasi else "ER_di >= 0.97, TokP >= 0.90")
        print(f"\nTAB, {name} profile (targets, issue 10: {target}):", flush=True)
        subprocess.run(cmd, check=True)
        if json_out.exists():
            report[f"tab_{name}"] = json.loads(json_out.read_text())
    if args.json_out:
        args.json_out.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
