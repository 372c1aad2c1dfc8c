"""Checks many documents in worker processes, each loading the model once."""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from .checker import CheckOptions, check_document
from .config import Config
from .document import load
from .result import DocumentResult

_config: Config | None = None


def _init_worker(config: Config) -> None:
    """Runs once per worker: build the engine now so every document reuses it."""
    global _config
    from .analysis import get_analyzer

    _config = config
    get_analyzer(config)
    # Tearing down the model's heap at exit took about half a second per worker, during
    # which the parent waits to join it. Results are already sent (synchronously) by then.
    atexit.register(_exit_now)


def _exit_now() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _check_one(path: Path, options: CheckOptions) -> DocumentResult:
    assert _config is not None
    # lxml trees do not cross process boundaries; the parent reloads when it needs them.
    return check_document(path, _config, replace(options, keep_document=False))


def check_parallel(paths: list[Path], config: Config, options: CheckOptions,
                   jobs: int) -> list[DocumentResult]:
    # spawn, not fork: a forked child would inherit the parent's threads and locks.
    context = multiprocessing.get_context("spawn")
    workers = min(jobs, len(paths))
    results: list[DocumentResult | None] = [None] * len(paths)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker, initargs=(config,)) as pool:
        # Largest files first, so no worker is left with a long draft at the end.
        order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
        futures = {pool.submit(_check_one, paths[i], options): i for i in order}
        progress = Progress(len(paths))
        from concurrent.futures import as_completed

        with progress:
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                progress.advance()
    done = [r for r in results if r is not None]
    if options.keep_document:
        for path, result in zip(paths, done, strict=True):
            if not result.errors:
                result.document = load(path)
    return done


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class Progress:
    """A rich progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._progress = None
        self._task = None

    def __enter__(self):
        if self.total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self._progress = Progress(console=Console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("checking", total=self.total)
        return self

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
