"""Speed and memory benchmark (run by hand; figures go in README, never in tests).

    python bench/speed.py [--quick] [--model NAME] [--out bench/out]

On the same machine and the same generated text it measures:
 1. a bare spaCy pass with only the components NER needs (the practical floor);
 2. plain Presidio AnalyzerEngine, default English recognisers, same model, per segment;
 3. redactcheck check in-process on the same document (engine loaded), every part;
 4. redactcheck check as a fresh CLI process (cold start, model load included);
 5. peak resident memory of 3 and 4;
on a ~15,000-word and a ~150,000-word draft from the fixtures generator, plus a folder of
20 drafts checked with --jobs 1 and --jobs 2. It prints ratios as well as seconds, since
machines here are shared and noisy: each timing is the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _child(code: str, *args: str) -> dict:
    """Run `code` in a fresh interpreter; it prints one JSON line. Adds its peak RSS (MB)."""
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code:
        raise SystemExit(f"benchmark child failed ({code})")
    data = json.loads(out.decode().strip().splitlines()[-1])
    data["peak_mb"] = usage.ru_maxrss / 1024
    return data


_MEASURE = r'''
import json, resource, sys, time
sys.path.insert(0, ".")
path, model, mode, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
from redactcheck.document import load
doc = load(path)
texts = [s.text for s in doc.segments]
def best(fn):
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)
if mode == "spacy":
    import spacy
    nlp = spacy.load(model)
    nlp.select_pipes(enable=["ner"])  # NER alone: in the sm/md/lg pipelines it has its own tok2vec
    list(nlp.pipe(texts[:50]))
    secs = best(lambda: list(nlp.pipe(texts, batch_size=64)))
elif mode == "presidio":
    from redactcheck.offline import ensure_offline
    ensure_offline()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
    engine.load()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    analyzer.analyze("warm up Donna", language="en")
    secs = best(lambda: [analyzer.analyze(t, language="en") for t in texts])
elif mode == "redactcheck":
    from redactcheck.checker import check_document
    from redactcheck.config import Config
    from redactcheck.analysis import get_analyzer
    from pathlib import Path
    config = Config(model=model)
    get_analyzer(config).analyze_segments(doc.segments[:20])
    secs = best(lambda: check_document(Path(path), config))
print(json.dumps({"seconds": secs, "words": doc.words, "segments": len(texts),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def measure(path: Path, model: str, mode: str, repeat: int) -> dict:
    return _child(_MEASURE, str(path), model, mode, str(repeat))


def cold_cli(args: list[str], repeat: int) -> dict:
    """Best wall time and peak RSS of a fresh `redactcheck` process."""
    best_secs, peak = float("inf"), 0.0
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "redactcheck.cli", *args],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        _, status, usage = os.wait4(proc.pid, 0)
        best_secs = min(best_secs, time.perf_counter() - t)
        peak = max(peak, usage.ru_maxrss / 1024)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"redactcheck {' '.join(args)} exited {code}")
    return {"seconds": best_secs, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: best installed)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="small sizes, one repeat")
    args = parser.parse_args()

    from fixtures.build import build_folder, build_large_draft
    from redactcheck.analysis import resolve_model

    model = resolve_model(args.model)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = (3_000, 30_000) if args.quick else (15_000, 150_000)
    repeat = 1 if args.quick else args.repeat
    print(f"machine: {os.cpu_count()} cores; model {model}; best of {repeat}")
    print(f"{'draft':>14} {'spaCy NER':>10} {'Presidio':>10} {'redactcheck':>12} "
          f"{'rc/Presidio':>12} {'rc/spaCy':>9} {'µs/word':>8} {'rc RSS MB':>10} "
          f"{'cold CLI s':>11} {'CLI RSS MB':>11}")
    per_word = {}
    for words in sizes:
        path = args.out / f"draft_{words}.docx"
        if not path.exists():
            build_large_draft(path, words)
        spacy_r = measure(path, model, "spacy", repeat)
        presidio_r = measure(path, model, "presidio", repeat)
        rc = measure(path, model, "redactcheck", repeat)
        cli = cold_cli(["check", str(path), "--format", "json", "-o", os.devnull,
                        "--model", model], repeat)
        per_word[words] = rc["seconds"] / rc["words"]
        print(f"{rc['words']:>8} words {spacy_r['seconds']:>9.2f}s {presidio_r['seconds']:>9.2f}s "
              f"{rc['seconds']:>11.2f}s {rc['seconds'] / presidio_r['seconds']:>11.2f}× "
              f"{rc['seconds'] / spacy_r['seconds']:>8.2f}× {per_word[words] * 1e6:>8.1f} "
              f"{rc['peak_mb']:>10.0f} {cli['seconds']:>10.2f}s {cli['peak_mb']:>11.0f}")
    small, large = sizes
    print(f"cost per word, large/small: {per_word[large] / per_word[small]:.2f}×")

    # Review drafts run to 10,000-60,000 words; the 3,000-word folder shows how the fixed
    # start-up (Python, spaCy and Presidio imports, model load) caps the speed-up on small
    # drafts, the 10,000-word one what a board's archive sweep sees.
    for words in (1_500,) if args.quick else (3_000, 10_000):
        folder = args.out / f"folder20_{words}"
        if not folder.exists():
            build_folder(folder, count=20, words=words)
        jobs = {}
        for n in (1, 2):
            jobs[n] = cold_cli(["check", str(folder), "--format", "json", "-o", os.devnull,
                                "--jobs", str(n), "--model", model], 1)
        print(f"folder of 20 drafts of {words:,} words: --jobs 1 {jobs[1]['seconds']:.2f}s, "
              f"--jobs 2 {jobs[2]['seconds']:.2f}s, speed-up "
              f"{jobs[1]['seconds'] / jobs[2]['seconds']:.2f}× (peak RSS per process "
              f"{jobs[2]['peak_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
