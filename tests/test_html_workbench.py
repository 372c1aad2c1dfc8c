"""The HTML report as the reviewer's workbench, in headless Chromium (issue 14.2, 14.6, 15.4).

A reviewer accepts one finding, rejects another, writes a note and a name and presses
"Save decisions"; the downloaded file is the decisions format of redactcheck/baseline.py and
`redact --decisions` applies it. The first screen shows findings; axe-core finds no serious
or critical accessibility violation; printing hides the controls and shows every finding.
All drafts here are invented for these tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import docx
import lxml.html
import pytest
from click.testing import CliRunner
from report_sample import sample_result

from redactcheck import baseline as bl
from redactcheck.cli import main
from redactcheck.report import ReportOptions, render

DATA = Path(__file__).resolve().parent / "data"
AXE = DATA / "axe.min.js"  # axe-core 4.14.1, MPL-2.0 (tests/data/axe-core-LICENSE.txt)
SCREENSHOT = Path("/tmp/redactcheck-html-first-screen.png")

PARAGRAPHS = [
    "Learning review: Child P",
    "On 17 May 2014 Marcus Pendleworth moved to 41 Hollin Crescent with his mother.",
    "Marcus attended Brackenfold Primary School until the spring.",
    "The review was chaired by Professor Ottilie Grimsdale, the independent reviewer.",
]

# The decisions file format (redactcheck/baseline.py, version 1) as a JSON Schema.
DECISIONS_SCHEMA = {
    "type": "object",
    "required": ["version", "tool", "updated", "entries"],
    "properties": {
        "version": {"const": 1},
        "tool": {"type": "string", "pattern": "^redactcheck "},
        "updated": {"type": "string", "format": "date-time"},
        "entries": {"type": "array", "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["fingerprint", "entity", "severity", "file", "place", "status", "by",
                         "when", "why"],
            "properties": {
                "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{8,}$"},
                "entity": {"type": "string", "pattern": "^[A-Z_]+$"},
                "severity": {"enum": ["high", "medium", "low"]},
                "file": {"type": "string", "minLength": 1},
                "place": {"type": "string", "minLength": 1},
                "status": {"enum": list(bl.STATUSES)},
                "by": {"type": "string"},
                "when": {"type": "string"},
                "why": {"type": "string"},
            },
        }},
    },
}


def _cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# --------------------------------------------------------------------------- the browser


def _browser(downloads: Path | None = None, width: int = 1300, height: int = 900):
    """Headless Debian chromium via Selenium and /usr/bin/chromedriver (no downloads)."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        if os.environ.get("CI"):
            pytest.fail("chromium/chromedriver missing: .ci/run must install them")
        pytest.skip("chromium not installed")
    if os.environ.get("CI"):
        from selenium import webdriver
    else:
        webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(arg)
    if downloads is not None:
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
            "safebrowsing.enabled": False,
        })
    browser = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    if downloads is not None:
        browser.execute_cdp_cmd("Browser.setDownloadBehavior",
                                {"behavior": "allow", "downloadPath": str(downloads)})
    return browser


def _wait_for_file(folder: Path, pattern: str = "*.json", timeout: float = 15) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.glob(pattern) if not p.name.endswith(".crdownload")]
        if done:
            time.sleep(0.2)  # let the write finish
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"nothing downloaded into {folder}: {list(folder.iterdir())}")


def _row_with(browser, text: str):
    from selenium.webdriver.common.by import By

    for row in browser.find_elements(By.CSS_SELECTOR, "tr.finding-row"):
        if row.find_element(By.CSS_SELECTOR, ".found-text").text == text:
            return row
    raise AssertionError(f"no finding row for {text!r}")


def _click(browser, element) -> None:
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def _write_draft(path: Path) -> Path:
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


# --------------------------------------------------------------------------- decisions


def test_saved_decisions_validate_and_redact_applies_them(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    draft = _write_draft(tmp_path / "review.docx")
    report = tmp_path / "report.html"
    result = _run("check", str(draft), "--format", "html", "-o", str(report))
    assert result.exit_code == 1, result.output
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser = _browser(downloads)
    try:
        from selenium.webdriver.common.by import By

        browser.get(report.as_uri())
        assert browser.find_element(By.ID, "save-decisions").is_enabled()  # the script ran
        chair = _row_with(browser, "Ottilie Grimsdale")
        child = _row_with(browser, "Marcus Pendleworth")
        _click(browser, chair.find_element(By.CSS_SELECTOR, "input[value=accepted]"))
        _click(browser, child.find_element(By.CSS_SELECTOR, "input[value=rejected]"))
        note = chair.find_element(By.CSS_SELECTOR, "textarea.note")
        _click(browser, note)
        note.send_keys("the independent reviewer, named by choice")
        name = browser.find_element(By.ID, "reviewer")
        _click(browser, name)
        name.send_keys("R. Panelchair")
        # The page shows the decisions at once: labels, row and mark states.
        assert chair.find_element(By.CSS_SELECTOR, ".decision").text == "Accepted"
        assert child.get_attribute("data-decision") == "rejected"
        mark = browser.find_element(By.ID, "m-" + chair.get_attribute("id"))
        assert mark.get_attribute("data-decision") == "accepted"
        # The decision filter hides decided rows.
        _click(browser, browser.find_element(By.ID, "filter-decision-accepted"))
        assert not chair.is_displayed() and child.is_displayed()
        _click(browser, browser.find_element(By.ID, "filter-decision-accepted"))
        _click(browser, browser.find_element(By.ID, "save-decisions"))
        saved = _wait_for_file(downloads)
        status = browser.find_element(By.ID, "save-status").text
        assert "Saved" in status
        chair_id, child_id = chair.get_attribute("data-id"), child.get_attribute("data-id")
        rows = browser.find_elements(By.CSS_SELECTOR, "tr.finding-row")
        fingerprints = {r.get_attribute("data-id") for r in rows}
    finally:
        browser.quit()

    assert saved.name == "redactcheck-decisions.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    jsonschema.validate(data, DECISIONS_SCHEMA)
    entries = {e["fingerprint"]: e for e in data["entries"]}
    assert set(entries) == fingerprints  # one entry per finding, keyed by fingerprint
    accepted, rejected = entries[chair_id], entries[child_id]
    assert accepted["status"] == "accepted" and rejected["status"] == "rejected"
    assert accepted["why"] == "the independent reviewer, named by choice"
    assert accepted["by"] == rejected["by"] == "R. Panelchair"
    assert accepted["entity"] == "PERSON" and accepted["place"] == "body"
    assert accepted["file"] == str(draft)
    for entry in (accepted, rejected):
        assert datetime.fromisoformat(entry["when"]).tzinfo is not None
    datetime.fromisoformat(data["updated"])
    others = [e for k, e in entries.items() if k not in (chair_id, child_id)]
    assert others and all(e["status"] == "pending" and not e["when"] for e in others)
    # The file holds fingerprints and decisions, never the draft's text.
    text = saved.read_text(encoding="utf-8")
    for secret in ("Pendleworth", "Grimsdale", "Hollin", "Brackenfold", "17 May"):
        assert secret not in text
    # redactcheck reads it as a baseline ...
    loaded = bl.load(saved)
    assert loaded.accepted() == frozenset({chair_id})
    # ... and `redact --decisions` leaves the accepted finding in the copy, removes the rest.
    copy = tmp_path / "copy.docx"
    result = _run("redact", str(draft), "-o", str(copy), "--decisions", str(saved))
    assert result.exit_code == 0, result.output
    redacted = "\n".join(p.text for p in docx.Document(str(copy)).paragraphs)
    assert "Ottilie Grimsdale" in redacted
    for gone in ("Pendleworth", "Marcus", "17 May 2014", "41 Hollin Crescent",
                 "Brackenfold Primary School"):
        assert gone not in redacted
    # `check --baseline` with the same file fails only on what was not accepted.
    checked = json.loads(_run("check", str(draft), "--format", "json", "--baseline",
                              str(saved)).output)
    marks = {f["text"]: f.get("baseline") for f in checked["documents"][0]["findings"]}
    assert marks["Ottilie Grimsdale"] == "accepted"
    assert marks["Marcus Pendleworth"] == "rejected"
    # ... and the next HTML report starts from those decisions.
    again = tmp_path / "again.html"
    _run("check", str(draft), "--format", "html", "-o", str(again), "--baseline", str(saved))
    page = lxml.html.fromstring(again.read_text(encoding="utf-8"))
    preset = {r.get("data-id"): r.get("data-decision")
              for r in page.xpath(f"//tr[{_cls('finding-row')}]")}
    assert preset[chair_id] == "accepted" and preset[child_id] == "rejected"
    note = page.xpath(f"//tr[@data-id='{chair_id}']//textarea")[0].text
    assert note == "the independent reviewer, named by choice"


def _result_with_decisions():
    result = sample_result()
    doc = result.documents[0]
    doc.findings = [replace(f, extra={**f.extra, "baseline": "accepted",
                                      "baseline_why": "a declared pseudonym"})
                    if f.text == "Dr Kapoor" else f for f in doc.findings]
    return result


def test_decisions_already_made_are_preset_in_the_page() -> None:
    page = lxml.html.fromstring(render("html", _result_with_decisions(), ReportOptions()))
    rows = page.xpath(f"//tr[{_cls('finding-row')}]")
    decided = [r for r in rows if r.get("data-decision") == "accepted"]
    assert len(decided) == 1
    row = decided[0]
    assert row.xpath(".//input[@value='accepted']")[0].get("checked") is not None
    assert row.xpath(".//input[@value='pending']")[0].get("checked") is None
    assert row.xpath(".//textarea")[0].text == "a declared pseudonym"
    assert "Accepted" in row.xpath(f".//*[{_cls('decision')}]")[0].text_content()
    others = [r for r in rows if r is not row]
    assert all(r.xpath(".//input[@value='pending']")[0].get("checked") is not None
               for r in others)


def test_preset_decision_survives_saving_and_unsaved_ones_survive_a_reload(
        tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render("html", _result_with_decisions(), ReportOptions()), encoding="utf-8")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser = _browser(downloads)
    try:
        from selenium.webdriver.common.by import By

        browser.get(page.as_uri())
        kapoor = _row_with(browser, "Dr Kapoor")
        assert kapoor.find_element(By.CSS_SELECTOR, "input[value=accepted]").is_selected()
        phone = _row_with(browser, "07700 900123")
        _click(browser, phone.find_element(By.CSS_SELECTOR, "input[value=rejected]"))
        # Not saved yet: a reload brings the decision back from this browser's storage.
        browser.refresh()
        phone = _row_with(browser, "07700 900123")
        assert phone.find_element(By.CSS_SELECTOR, "input[value=rejected]").is_selected()
        assert "restored" in browser.find_element(By.ID, "save-status").text
        _click(browser, browser.find_element(By.ID, "save-decisions"))
        saved = json.loads(_wait_for_file(downloads).read_text(encoding="utf-8"))
    finally:
        browser.quit()
    entries = {e["fingerprint"]: e for e in saved["entries"]}
    kapoor_entry = next(e for e in entries.values() if e["status"] == "accepted")
    assert kapoor_entry["why"] == "a declared pseudonym" and kapoor_entry["when"]
    assert [e["file"] for e in entries.values() if e["status"] == "rejected"] == ["notes.txt"]


# --------------------------------------------------------------------------- first screen


def test_first_screen_shows_highlighted_findings(tmp_path: Path) -> None:
    draft = _write_draft(tmp_path / "review.docx")
    report = tmp_path / "report.html"
    _run("check", str(draft), "--format", "html", "-o", str(report))
    browser = _browser(width=1300, height=900)
    try:
        # The first screen is exactly 1,300 x 900 CSS pixels (no window decorations).
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1300, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        browser.get(report.as_uri())
        assert browser.execute_script("return [innerWidth, innerHeight]") == [1300, 900]
        first_mark = browser.execute_script(
            "var m = document.querySelector('mark'); var r = m.getBoundingClientRect();"
            "return [r.top, r.left, window.innerHeight, window.innerWidth];")
        top, left, height, width = first_mark
        assert 0 <= top < height and 0 <= left < width
        first_row = browser.execute_script(
            "return document.querySelector('tr.finding-row').getBoundingClientRect().top")
        assert 0 <= first_row < height
        # The list sits beside the reading view on a wide screen.
        reading, listing = browser.execute_script(
            "return [document.querySelector('.reading').getBoundingClientRect().left,"
            " document.querySelector('.finding-list').getBoundingClientRect().left]")
        assert listing > reading
        # The summary chart comes after the findings.
        chart_top = browser.execute_script(
            "return document.querySelector('.overview').getBoundingClientRect().top")
        assert chart_top > first_row
        assert browser.save_screenshot(str(SCREENSHOT))
        assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        # On a narrow screen the list comes directly after the reading view.
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 600, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        reading_bottom, list_top = browser.execute_script(
            "return [document.querySelector('.reading').getBoundingClientRect().bottom,"
            " document.querySelector('.finding-list').getBoundingClientRect().top]")
        assert list_top >= reading_bottom - 1
    finally:
        browser.quit()


def test_skip_link_moves_to_the_findings(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render("html", sample_result(), ReportOptions()), encoding="utf-8")
    browser = _browser()
    try:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        browser.get(page.as_uri())
        body = browser.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        assert focused.get_attribute("class") == "skip" and focused.is_displayed()
        focused.send_keys(Keys.ENTER)
        assert browser.execute_script("return location.hash") == "#findings-start"
    finally:
        browser.quit()


def test_print_stylesheet_hides_controls_and_shows_every_finding(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render("html", sample_result(), ReportOptions()), encoding="utf-8")
    browser = _browser()
    try:
        from selenium.webdriver.common.by import By

        browser.get(page.as_uri())
        _click(browser, browser.find_element(By.ID, "filter-severity-high"))
        hidden = [r for r in browser.find_elements(By.CSS_SELECTOR, "tr.finding-row")
                  if not r.is_displayed()]
        assert hidden
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        display = browser.execute_script(
            "function d(s) { return Array.prototype.map.call(document.querySelectorAll(s),"
            " function (e) { return getComputedStyle(e).display; }); }"
            "return {toolbar: d('.toolbar'), decide: d('td.decide'), rows: d('tr.finding-row'),"
            " skip: d('.skip')};")
        assert display["toolbar"] == ["none"] and display["skip"] == ["none"]
        assert set(display["decide"]) == {"none"}
        assert set(display["rows"]) == {"table-row"}
    finally:
        browser.quit()


# --------------------------------------------------------------------------- accessibility


def _axe_violations(browser) -> list[dict]:
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    browser.set_script_timeout(60)
    results = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(function (r) { done(r.violations); })"
        ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e),"
        " nodes: []}]); });")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n.get("target") for n in v.get("nodes", [])][:3]} for v in results]


@pytest.mark.parametrize(("masked", "width"), [(False, 1300), (True, 600)])
def test_axe_core_finds_no_serious_violation(tmp_path: Path, masked: bool, width: int) -> None:
    if not AXE.exists():
        pytest.skip("tests/data/axe.min.js not vendored")
    page = tmp_path / "report.html"
    page.write_text(render("html", _result_with_decisions(), ReportOptions(mask=masked)),
                    encoding="utf-8")
    browser = _browser(width=width)
    try:
        from selenium.webdriver.common.by import By

        browser.get(page.as_uri())
        browser.find_element(By.CSS_SELECTOR, ".kinds summary").click()  # open filters too
        violations = _axe_violations(browser)
    finally:
        browser.quit()
    # Regions are told apart by their document, and nothing serious or critical is left.
    assert "landmark-unique" not in {v["id"] for v in violations}
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, json.dumps(serious, indent=1)


def test_every_badge_colour_meets_aa_contrast() -> None:
    """White text on each badge and bar colour: at least 4.5:1 (WCAG AA, normal text)."""
    html = render("html", sample_result(), ReportOptions())
    style = lxml.html.fromstring(html).xpath("//style")[0].text

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    badges = re.findall(r"\.badge\.(?:sev|band)-\w+ \{ background: (#[0-9a-f]{6}); color: #fff;",
                        style)
    assert len(badges) == 7
    for colour in badges:
        ratio = 1.05 / (luminance(colour) + 0.05)
        assert ratio >= 4.5, (colour, round(ratio, 2))


# --------------------------------------------------------------------------- folder summary


def test_folder_summary_table_links_every_document() -> None:
    page = lxml.html.fromstring(render("html", sample_result(), ReportOptions()))
    table = page.xpath("//table[@class='files']")[0]
    rows = table.xpath("tbody/tr")
    assert [r.xpath("th/a")[0].text for r in rows] == ["drafts/case b.docx", "notes.txt",
                                                       "broken.docx"]
    for r in rows:
        target = r.xpath("th/a")[0].get("href").lstrip("#")
        assert page.get_element_by_id(target).get("data-file") == r.xpath("th/a")[0].text
    cells = [[" ".join(c.text_content().split()) for c in r.xpath("td")] for r in rows]
    assert cells[0] == ["7", "1", "1", "HIGH", "none"]
    assert cells[2][-1] == "broken.docx: not a Word file"


def test_one_document_has_no_folder_summary() -> None:
    result = sample_result()
    result.documents = result.documents[:1]
    page = lxml.html.fromstring(render("html", result, ReportOptions()))
    assert not page.xpath("//table[@class='files']")
    charts = page.xpath(f"//table[{_cls('chart')}]")
    assert [c.find("caption").text for c in charts] == ["Findings by kind",
                                                        "Findings by place"]
    by_kind = {r.xpath("th")[0].text: int(r.xpath("td")[0].text)
               for r in charts[0].xpath("tbody/tr")}
    assert by_kind["Name of a person"] == 4 and sum(by_kind.values()) == 9
    current = page.xpath("//*[@aria-current='true']")
    assert [" ".join(c.text_content().split()) for c in current] == ["HIGH (this draft)"]
