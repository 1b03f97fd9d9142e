"""The HTML report in a real browser: headless Chromium loads the seeds' page with no console
errors, shows every discrepancy, and a click on evidence scrolls to its place in the article.

Needs Debian's chromium and chromium-driver (``.ci/run`` installs them) and selenium (a test
extra); skips with the reason where they are missing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="headless Chromium not found: apt-get install chromium chromium-driver (as .ci/run does)",
)

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1200,900",
)
"""As root in a container with no network: no sandbox, and nothing that phones home."""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    from click.testing import CliRunner

    from factdiff.cli import main

    root = Path(__file__).resolve().parent.parent
    runner = CliRunner()
    page = tmp_path_factory.mktemp("report") / "seeds.html"
    page.write_text(runner.invoke(main, ["scan", str(root / "seeds"), "--format", "html"]).stdout, encoding="utf-8")
    report = json.loads(runner.invoke(main, ["scan", str(root / "seeds"), "--format", "json"]).stdout)
    return page, report


def test_report_loads_without_console_errors_and_shows_every_discrepancy(browser, seeds_page):
    from selenium.webdriver.common.by import By

    page, report = seeds_page
    browser.get(page.as_uri())
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    shown = {section.get_attribute("id") for section in browser.find_elements(By.CSS_SELECTOR, "section.finding")}
    assert shown == {found["id"] for found in report["discrepancies"]} and len(shown) == 7
    assert all(section.is_displayed() for section in browser.find_elements(By.CSS_SELECTOR, "section.finding"))


def test_clicking_evidence_scrolls_to_it_in_the_article(browser, seeds_page):
    from selenium.webdriver.common.by import By

    page, report = seeds_page
    browser.get(page.as_uri())
    geoffrey = next(
        link
        for link in browser.find_elements(By.CSS_SELECTOR, "a.evidence")
        if "Geoffrey Otunge" in link.text and "According to" in link.text
    )
    target_id = geoffrey.get_attribute("href").split("#", 1)[1]
    assert browser.execute_script("return window.scrollY") < 2000  # starts near the top
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", geoffrey)
    geoffrey.click()
    current = browser.find_element(By.CSS_SELECTOR, "mark.current")
    assert current.text == "Geoffrey Otunge"
    top = browser.execute_script(f"return document.getElementById('{target_id}').getBoundingClientRect().top")
    assert 0 <= top <= browser.execute_script("return window.innerHeight")  # the claim is on screen
    article = browser.execute_script(f"return document.getElementById('{target_id}').closest('section').id")
    assert article == f"doc-{target_id.split('-')[1]}"
    current.click()  # and back from the article to the finding that cites it
    finding = next(found for found in report["discrepancies"] if "Geoffrey Otunge" in json.dumps(found))
    assert browser.execute_script("return location.hash") == f"#{finding['id']}"
    heading = browser.execute_script(f"return document.getElementById('{finding['id']}').getBoundingClientRect().top")
    assert abs(heading) < 5  # the finding is at the top of the window


def test_filters_hide_findings_without_a_server(browser, seeds_page):
    from selenium.webdriver.common.by import By

    page, _ = seeds_page
    browser.get(page.as_uri())
    browser.find_element(By.CSS_SELECTOR, ".filters input[value='low']").click()
    visible = [s for s in browser.find_elements(By.CSS_SELECTOR, "section.finding") if s.is_displayed()]
    assert len(visible) == 5 and all("low" not in s.get_attribute("class").split() for s in visible)
