"""HTML report: one self-contained, escaped page whose filters work in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from report_sample import SEGMENTS, check_golden, sample_result

from redactcheck.document import Document, Segment
from redactcheck.findings import Finding, Location, Severity
from redactcheck.report import ReportOptions, render
from redactcheck.result import CheckResult, DocumentResult


def _cls(name: str) -> str:
    """XPath test for an element having the class `name` (no cssselect dependency)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _places(section: lxml.html.HtmlElement, cls: str) -> list[str]:
    """The place labels shown inside the sub-section with class `cls`."""
    found = section.xpath(f".//*[{_cls(cls)}]//*[{_cls('place')}]")
    return [" ".join(p.text_content().split()) for p in found]


def _page(result: CheckResult | None = None, **kw) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render("html", result or sample_result(), ReportOptions(**kw)))


def _as_data(page: lxml.html.HtmlElement) -> dict:
    """The page's content as data (no markup details, no version)."""
    def text(el) -> str:
        return " ".join(el.text_content().split())

    return {
        "summary": text(page.get_element_by_id("summary")),
        "files": [[text(c) for c in r] for r in page.xpath("//table[@class='files']/tbody/tr")],
        "filters": [[i.get("data-filter"), i.get("value")]
                    for i in page.xpath("//input[@data-filter]")],
        "documents": [{
            "title": text(d.find("h2")),
            "rows": [[r.get("data-entity"), r.get("data-severity"), r.get("data-place"),
                      r.get("data-decision")]
                     + [text(td) for td in r.xpath("td[not(@class='decide')]")]
                     for r in d.xpath(f".//tr[{_cls('finding-row')}]")],
            "charts": [[text(c.find("caption"))] + [[text(x) for x in r.xpath("th|td")[:2]]
                                                    for r in c.xpath("tbody/tr")]
                       for c in d.xpath(f".//table[{_cls('chart')}]")],
            "band": [text(b) for b in d.xpath(f".//*[{_cls('band-scale')}]//li[@aria-current]")],
            "marks": [[m.get("data-entity"), m.get("data-severity"), m.text_content()]
                      for m in d.xpath(".//mark")],
            "hidden_places": _places(d, "hidden-parts"),
            "text_places": _places(d, "text"),
            "jigsaw": [text(j) for j in d.xpath(f".//*[{_cls('jigsaw')}]")],
        } for d in page.xpath(f"//section[{_cls('document')}]")],
    }


def test_golden() -> None:
    check_golden("html.json", _as_data(_page()))


def test_counts_match_json_report() -> None:
    result = sample_result()
    data = json.loads(render("json", result, ReportOptions()))
    expected = sum(len(d["findings"]) for d in data["documents"])
    page = _page(result)
    assert page.get_element_by_id("total-count").text == str(expected)
    assert len(page.xpath(f"//tr[{_cls('finding-row')}]")) == expected


def test_self_contained_no_external_references() -> None:
    html = render("html", sample_result(), ReportOptions())
    page = lxml.html.fromstring(html)
    for el in page.iter():
        for attr in ("src", "href", "action", "data", "poster"):
            value = (el.get(attr) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "data:")), (el.tag, value)
    assert not re.search(r"url\(|@import|@font-face", html)
    assert not page.xpath("//link|//img|//iframe|//object|//embed")
    csp = page.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    assert "default-src 'none'" in csp and "'sha256-" in csp


def test_script_hash_in_csp_matches_the_inline_script() -> None:
    import base64
    import hashlib

    page = _page()
    scripts = page.xpath("//script")
    assert len(scripts) == 1
    digest = hashlib.sha256(scripts[0].text.encode("utf-8")).digest()
    csp = page.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    assert f"'sha256-{base64.b64encode(digest).decode()}'" in csp


def test_document_text_is_escaped() -> None:
    html = render("html", sample_result(), ReportOptions())
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '"onerror=' not in html
    page = lxml.html.fromstring(html)
    assert len(page.xpath("//script")) == 1
    assert not any(k.startswith("on") for el in page.iter() for k in el.attrib)
    # The hostile strings come back as text, intact.
    assert "Morris family file \"onerror=x" in page.text_content()
    assert "<script>alert(1)</script>" in page.text_content()


def test_masking_option() -> None:
    page = _page(mask=True)
    content = page.text_content()
    for secret in ("Donna", "Rose Lane", "Kapoor", "07700", "Oakfield"):
        assert secret not in content
    assert "D**** M*****" in content
    assert "Donna Morris" in _page().text_content()


def test_hidden_parts_have_their_own_section() -> None:
    doc = _page().xpath(f"//section[{_cls('document')}]")[0]
    hidden = _places(doc, "hidden-parts")
    assert hidden == ["Document property: creator", "Header (default), section 1",
                      "Footnote 3"]
    main = _places(doc, "text")
    assert main == ["Paragraph 1", "Paragraph 2", "Table 1, row 2, cell 1"]


def _browser():
    """Headless Debian chromium via Selenium and /usr/bin/chromedriver (no downloads)."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        if os.environ.get("CI"):
            pytest.fail("chromium/chromedriver missing: .ci/run must install them")
        pytest.skip("chromium not installed")
    webdriver = pytest.importorskip("selenium.webdriver") if not os.environ.get("CI") else (
        __import__("selenium.webdriver", fromlist=["webdriver"]))
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-dev-shm-usage"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def test_in_headless_browser_filters_work(tmp_path: Path) -> None:
    result = sample_result()
    expected = sum(len(d["findings"])
                   for d in json.loads(render("json", result, ReportOptions()))["documents"])
    high = sum(1 for d in result.documents for f in d.findings if f.severity is Severity.HIGH)
    page = tmp_path / "report.html"
    page.write_text(render("html", result, ReportOptions()), encoding="utf-8")
    browser = _browser()
    try:
        from selenium.webdriver.common.by import By

        browser.get(page.as_uri())
        assert browser.title == "redactcheck report"

        def visible_rows() -> list:
            return [r for r in browser.find_elements(By.CSS_SELECTOR, "tr.finding-row")
                    if r.is_displayed()]

        def count() -> str:
            return browser.find_element(By.ID, "visible-count").text

        assert browser.find_element(By.ID, "total-count").text == str(expected)
        assert count() == str(expected) and len(visible_rows()) == expected
        # No script error: the only alert-like string is text, and the script ran.
        assert browser.execute_script("return typeof window.alert") == "function"

        browser.find_element(By.ID, "filter-severity-high").click()
        rows = visible_rows()
        assert count() == str(expected - high) == str(len(rows))
        assert all(r.get_attribute("data-severity") != "high" for r in rows)
        high_marks = browser.find_elements(By.CSS_SELECTOR, "mark.sev-high")
        assert high_marks and all("filtered" in m.get_attribute("class") for m in high_marks)

        browser.find_element(By.CSS_SELECTOR, ".kinds summary").click()  # open the kinds
        browser.find_element(By.ID, "filter-entity-PERSON").click()
        rows = visible_rows()
        assert all(r.get_attribute("data-entity") != "PERSON" for r in rows)
        assert count() == str(len(rows))

        browser.find_element(By.ID, "filter-severity-high").click()
        browser.find_element(By.ID, "filter-entity-PERSON").click()
        assert count() == str(expected) and len(visible_rows()) == expected
    finally:
        browser.quit()


def test_text_document_without_loaded_document_still_lists_findings() -> None:
    seg = Segment("Ring 07700 900123.", "text", "body", 1, "Paragraph 1", char_start=0)
    f = Finding("PHONE_NUMBER", "07700 900123", Location("text", "body", 1, 5, 17,
                "Paragraph 1", 5, 17), 0.9, Severity.HIGH, "t", "e", "Remove it.", seg.text, 0)
    result = CheckResult([DocumentResult("a.txt", findings=[f]),
                          DocumentResult("b.txt", findings=[f], document=Document(
                              Path("b.txt"), "txt", [seg]))])
    page = _page(result)
    assert len(page.xpath(f"//tr[{_cls('finding-row')}]")) == 2
    assert [m.text_content() for m in page.xpath("//mark")] == ["07700 900123"]
    assert SEGMENTS  # the shared sample stays importable alongside


def _jigsaw_section(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return page.get_element_by_id("jigsaw-1")


def _texts(els) -> list[str]:
    return [" ".join(e.text_content().split()) for e in els]


def test_jigsaw_section_structure() -> None:
    section = _jigsaw_section(_page())
    badge = section.xpath(f"./h3/span[{_cls('badge')}]")[0]
    assert badge.text == "HIGH" and "band-high" in badge.get("class")
    assert _texts(section.xpath(f"./p[{_cls('jigsaw-sentence')}]")) == [
        "No other family in Ashby is likely to match these details together (the expected "
        "number is fewer than 1 in 100): risk HIGH."]
    details = section.xpath(f".//table[{_cls('jigsaw-details')}]/tbody/tr")
    assert _texts(details[0].xpath("td")) == [
        "Area", "Ashby", "1 in 667", "ONS Census 2021 (2021)", "Paragraph 2"]
    assert _texts(details[2].xpath("td"))[2] == "1.6%"
    combos = section.xpath(f".//table[{_cls('jigsaw-combinations')}]/tbody/tr")
    # Smallest combination first; one list item per detail.
    assert [[_texts(r.xpath("td[1]//li")), *_texts(r.xpath("td[position() > 1]"))]
            for r in combos] == [
        [["Area: Ashby", "Health condition: <i>Kleefstra</i> syndrome"], "0.27", "88%", "20.4",
         "Paragraph 2"],
        [["Multiple birth: twins", "Health condition: <i>Kleefstra</i> syndrome", "Area: Ashby"],
         "fewer than 1 in 100", "over 99%", "26.4", "Table 1, row 2, cell 1; Paragraph 2"],
    ]
    steps = _texts(section.xpath(f".//ol[{_cls('jigsaw-suggestions')}]/li"))
    assert steps == [
        "Replace “<i>Kleefstra</i> syndrome” with “a chronic health condition” (Paragraph 2). "
        "After this change: ≈ 2.1 families match HIGH",
        "Replace “Ashby” with “the county” (Paragraph 2). After this change: ≈ 14 families "
        "match LOW",
    ]
    queries = section.xpath(f".//aside[{_cls('jigsaw-queries')}]")[0]
    assert "generated, never run" in queries.find("h4").text_content()
    assert "the manual motivated-intruder test the review manager records" in (
        queries.text_content())
    assert [c.text for c in queries.xpath(".//code")] == ['Ashby "<i>Kleefstra</i> syndrome" 2019']
    assert _texts(section.xpath(f".//*[{_cls('jigsaw-limits')}]//li")) == [
        "Details are assumed independent.", "Base rates have a vintage.", "A person must judge."]
    # Humane numbers everywhere: no model notation reaches the reader.
    assert not re.search(r"\de-\d|κ =|λ ≈", section.text_content())


def test_jigsaw_values_are_escaped() -> None:
    html = render("html", sample_result(), ReportOptions())
    assert "<i>Kleefstra</i>" not in html
    assert "&lt;i&gt;Kleefstra&lt;/i&gt;" in html
    assert not _jigsaw_section(lxml.html.fromstring(html)).xpath(".//i")


def test_jigsaw_section_masked() -> None:
    section = _jigsaw_section(_page(mask=True))
    content = section.text_content()
    for secret in ("Ashby", "Kleefstra", "twins"):
        assert secret not in content
    assert "A****" in content and "a chronic health condition" in content


def test_jigsaw_low_band_without_combinations_still_shows_limits() -> None:
    result = sample_result()
    result.documents[0].jigsaw = {"band": "LOW", "lambda": 40.0, "kappa": 0.025,
                                  "population": {"area": "Ashby", "level": "town"}}
    section = _jigsaw_section(_page(result))
    assert _texts(section.xpath(f"./p[{_cls('jigsaw-sentence')}]")) == [
        "About 40 families in Ashby would match these details together: risk LOW."]
    assert "No combination of details reaches MEDIUM risk." in section.text_content()
    limits = _texts(section.xpath(f".//*[{_cls('jigsaw-limits')}]//li"))
    assert len(limits) == 3 and limits[-1].startswith("A person must judge")
