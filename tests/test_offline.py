"""redactcheck never fetches the Public Suffix List (or anything else) while checking."""

from __future__ import annotations

import socket

import pytest

from redactcheck import offline
from redactcheck.config import Config
from redactcheck.document import Segment

TEXT = "Contact kayleigh.m99@example.co.uk or see www.fundraise-example.org.uk/appeal today."


@pytest.fixture
def no_network(monkeypatch) -> list[str]:
    """Every attempt to resolve or connect raises and is recorded."""
    attempts: list[str] = []

    def refuse(name: str):
        def _refuse(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network disabled in tests ({name})")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


@pytest.fixture
def online_tldextract(monkeypatch, tmp_path):
    """Put back tldextract's network-fetching default, with an empty cache.

    Without this the test could pass only because an earlier test (or a warm
    ~/.cache/python-tldextract) already made tldextract quiet.
    """
    import tldextract.tldextract as tld_module

    # ensure_offline() sets this variable for the process; the stock extractor reads it
    # when constructed, so drop it first.
    monkeypatch.delenv("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", raising=False)
    monkeypatch.setattr(tld_module, "TLD_EXTRACTOR", tld_module.TLDExtract(cache_dir=str(tmp_path)))
    monkeypatch.setattr(offline, "_done", False)
    return tmp_path


def test_default_tldextract_would_fetch(no_network, online_tldextract):
    """The hazard is real: the stock extractor tries the network on first use."""
    import tldextract

    tldextract.extract("someone@example.co.uk")
    assert no_network, "expected tldextract's default extractor to try to fetch the suffix list"


def test_analyzer_finds_email_and_url_without_network(
    no_network, online_tldextract, monkeypatch, nlp_engine
):
    import recognizers
    from redactcheck import analysis

    # Reuse the session's spaCy engine, and only Presidio's recognisers (the email and URL
    # ones are what use tldextract), so the test does not depend on other modules.
    monkeypatch.setattr(analysis, "build_nlp_engine", lambda model: nlp_engine)
    monkeypatch.setattr(recognizers, "modules", lambda: ())
    analyzer = analysis.Analyzer(Config())
    segment = Segment(text=TEXT, part="text", kind="body", paragraph=1, label="Paragraph 1",
                      char_start=0)
    found = {(f.entity, f.text) for f in analyzer.analyze_segments([segment])}

    assert ("EMAIL_ADDRESS", "kayleigh.m99@example.co.uk") in found
    assert ("URL", "www.fundraise-example.org.uk/appeal") in found
    assert no_network == []
    assert list(online_tldextract.iterdir()) == []  # nothing cached either


def test_ensure_offline_is_idempotent(online_tldextract):
    import tldextract.tldextract as tld_module

    offline.ensure_offline()
    first = tld_module.TLD_EXTRACTOR
    offline.ensure_offline()
    assert tld_module.TLD_EXTRACTOR is first
    assert first.suffix_list_urls == ()
    assert not first._cache.enabled
