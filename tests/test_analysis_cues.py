"""Analysis-level mechanisms: public-sector links, declared pseudonyms, Unicode tricks."""

from __future__ import annotations

import pytest

from redactcheck.analysis import get_analyzer
from redactcheck.config import Config
from redactcheck.document import split_paragraphs
from redactcheck.findings import Severity


def _findings(text: str):
    analyzer = get_analyzer(Config())
    return analyzer.analyze_segments(split_paragraphs(text))


def test_public_sector_link_is_low() -> None:
    found = _findings("See https://www.gov.uk/government/publications/some-guidance here.")
    urls = [f for f in found if f.entity == "URL"]
    assert urls and all(f.severity is Severity.LOW for f in urls)


def test_other_link_stays_high() -> None:
    found = _findings("Her page was https://www.example-social.com/kayleigh.m.1999 then.")
    assert [f.severity for f in found if f.entity == "URL"] == [Severity.HIGH]


def test_zero_width_space_inside_a_name_is_found_on_the_original_characters() -> None:
    text = "The health visitor met Ros\u200bie Hale at the clinic."
    found = [f for f in _findings(text) if f.entity == "PERSON"]
    assert [f.text for f in found] == ["Ros\u200bie Hale"]
    assert "zero-width space" in found[0].explanation
    loc = found[0].location
    assert text[loc.start:loc.end] == "Ros\u200bie Hale"


def test_cyrillic_look_alike_inside_a_name() -> None:
    found = [f for f in _findings("Later \u0422ariq Mehmood rang the police.")
             if f.entity == "PERSON"]
    assert [f.text for f in found] == ["\u0422ariq Mehmood"]


def test_declared_pseudonym_reported_once_and_never_as_a_person() -> None:
    text = ("The child is referred to in this review as 'Tegan' (not her real name).\n\n"
            "Tegan told her teacher. Later Tegan was seen at home.")
    found = _findings(text)
    assert [f.text for f in found if f.entity == "DECLARED_PSEUDONYM"] == ["Tegan"]
    assert not [f for f in found if f.entity == "PERSON"]


@pytest.mark.parametrize(("url", "resource"), [
    ("https://www.carersguild.org.uk/self-neglect/at-a-glance", True),
    ("https://www.example.org/about/safeguarding-adults.html", True),
    ("https://www.facebook.com/jane.smith.123", False),
    ("https://www.bbc.co.uk/news/uk-wales-12345678", False),
    ("https://www.justgiving.com/fundraising/for-baby-kai", False),
    ("https://www.smithfamilyblog.co.uk/", False),
    ("https://www.kittering-arms.co.uk/events/2019", False),
    ("https://www.charity.org.uk/help/advice?id=77", False),
    ("https://www.example.org/families/okonkwo-appeal", False),
])
def test_links_to_published_resources_are_low(url: str, resource: bool) -> None:
    from redactcheck.analysis import _resource_link

    assert _resource_link(url) is resource
