"""Checks one document or a folder: load → analyse → policy → jigsaw, per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import policy
from .config import Config
from .document import SUPPORTED_SUFFIXES, load
from .errors import ConfigError, InputError, internal_message
from .result import DocumentResult


@dataclass(frozen=True)
class CheckOptions:
    jigsaw_policy: str = "ico"
    keep_document: bool = True  # DOCX report writers need the loaded document


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files to check: each file given, and every supported file under each folder.

    Word's lock files (~$draft.docx) and hidden files are skipped.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.name.startswith(("~$", "."))
                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])
            ]
            out.extend(found)
        else:
            out.append(path)
    return out


def display_path(path: Path) -> str:
    """The path as reports show it: relative to the current folder when inside it."""
    resolved, cwd = path.resolve(), Path.cwd().resolve()
    if resolved.is_relative_to(cwd):
        return resolved.relative_to(cwd).as_posix()
    return path.as_posix()


def check_document(path: Path, config: Config, options: CheckOptions = CheckOptions(),
                   analyzer_factory: Callable | None = None) -> DocumentResult:
    """One document's result; an unreadable input becomes an error entry, not an exception.

    An unexpected exception (a bug) becomes an error entry too, marked as internal, so one
    bad draft never aborts a batch and never prints a traceback.
    """
    result = DocumentResult(path=display_path(path))
    try:
        return _check(path, config, options, analyzer_factory, result)
    except InputError as exc:
        result.errors.append(exc.message)
    except ConfigError:
        raise  # a missing model or bad option concerns every document: stop the run
    except Exception as exc:  # MemoryError and RecursionError included
        result.errors.append(internal_message(exc))
        result.internal_error = True
    result.findings, result.jigsaw, result.document = [], None, None
    result.review = None
    return result


def _check(path: Path, config: Config, options: CheckOptions,
           analyzer_factory: Callable | None, result: DocumentResult) -> DocumentResult:
    from .analysis import get_analyzer

    document = load(path)
    analyzer = (analyzer_factory or get_analyzer)(config)
    review = policy.review_for(config, document)
    findings = policy.apply(analyzer.analyze(document), config, review=review)
    result.words = document.words
    result.findings = findings
    result.notes = [*document.notes, review.note]
    result.review = review.to_dict()
    result.jigsaw = _jigsaw(document, findings, config, options, review.type)
    if options.keep_document:
        result.document = document
    return result


def _jigsaw(document, findings, config: Config, options: CheckOptions,
            review_type=None):  # -> jigsaw.JigsawResult | None
    from . import jigsaw

    return jigsaw.assess(document, findings, policy=options.jigsaw_policy,
                         area_allow=config.area, review_type=review_type)
