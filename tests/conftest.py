"""Shared fixtures: one spaCy/Presidio engine for the whole test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DRAFTS = FIXTURES / "drafts"


@pytest.fixture(scope="session")
def nlp_engine():
    """Presidio's spaCy NLP engine with the default model (loaded once)."""
    from redactcheck.analysis import build_nlp_engine, resolve_model

    return build_nlp_engine(resolve_model(None))


@pytest.fixture(scope="session")
def artifacts(nlp_engine) -> Callable:
    """artifacts(text) -> Presidio NlpArtifacts, for unit tests of one recogniser."""

    def make(text: str):
        return nlp_engine.process_text(text, "en")

    return make
