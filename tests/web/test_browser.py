"""The web UI in a real browser (headless Chromium) against ``foedus serve``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

TIMEOUT = 30_000


def _ready(page: Any, view: str) -> None:
    page.wait_for_function(f"document.body.dataset.ready === '{view}'", timeout=TIMEOUT)


def _sweden(page: Any) -> Any:
    return page.locator('svg.map path[data-iso3="SWE"]')


def test_map_shows_sweden_join_nato(page: Any, server: str, screenshots: Path) -> None:
    page.goto(f"{server}/#/map?date=2024-03-06")
    _ready(page, "map")
    sweden = _sweden(page)
    assert page.locator("svg.map path").count() > 150
    assert sweden.get_attribute("data-bloc") != "north-atlantic-treaty"
    before = sweden.get_attribute("fill")
    date = page.locator("#date-input")
    date.fill("2024-03-07")
    date.dispatch_event("change")
    page.wait_for_function(
        "document.querySelector('svg.map path[data-iso3=\"SWE\"]').dataset.bloc"
        " === 'north-atlantic-treaty'",
        timeout=TIMEOUT,
    )
    assert sweden.get_attribute("fill") != before
    assert "North Atlantic" in (sweden.get_attribute("aria-label") or "")
    sweden.click()
    panel = page.locator("#commitments")
    panel.get_by_text("Who must defend Sweden").wait_for(timeout=TIMEOUT)
    assert panel.locator("a", has_text="The North Atlantic Treaty").count() >= 1
    assert re.search(r"Article 5\b", panel.inner_text())
    page.locator("#legend").get_by_text("North Atlantic").first.wait_for(timeout=TIMEOUT)
    page.screenshot(path=str(screenshots / "map.png"), full_page=True)


def test_map_keyboard_selects_a_state(page: Any, server: str) -> None:
    page.goto(f"{server}/#/map?date=2025-01-01")
    _ready(page, "map")
    page.locator('svg.map path[tabindex="0"]').focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.locator("#commitments h2").filter(has_text="2025-01-01").wait_for(timeout=TIMEOUT)


def test_network_view(page: Any, server: str, screenshots: Path) -> None:
    page.goto(f"{server}/#/network?date=1914-07-28&state=DEU")
    _ready(page, "network")
    assert page.locator("svg.network circle").count() >= 6
    page.locator("#commitments").get_by_text("Germany must defend").wait_for(timeout=TIMEOUT)
    page.screenshot(path=str(screenshots / "network.png"), full_page=True)


def test_treaty_page_shows_article_4(page: Any, server: str, screenshots: Path) -> None:
    page.goto(f"{server}/#/treaty/rus-prk-2024-csp")
    _ready(page, "treaty")
    article = page.locator("#article-4")
    article.wait_for(timeout=TIMEOUT)
    assert "Article 4" in article.locator("h3").inner_text()
    assert "defense" in article.inner_text()
    assert article.locator("a[href^='http']").count() >= 1
    rows = page.locator("table tbody tr")
    assert rows.count() == 2
    assert "2024-12-04" in rows.first.inner_text()
    page.screenshot(path=str(screenshots / "treaty.png"), full_page=True)


def test_korean_scenario_shows_russia_by_article_4(
    page: Any, server: str, screenshots: Path
) -> None:
    page.goto(f"{server}/#/scenario")
    _ready(page, "scenario")
    page.select_option("#sc-attacker", "PRK")
    page.select_option("#sc-target", "KOR")
    date = page.locator("#sc-date")
    date.fill("2025-06-01")
    date.dispatch_event("change")
    page.check("#sc-discretionary")
    page.fill("#sc-runs", "20000")
    page.locator("#sc-runs").dispatch_event("change")
    page.click("#sc-run")
    russia = page.locator('#entries > li[data-state="RUS"]')
    russia.wait_for(state="attached", timeout=TIMEOUT)
    page.click("#step-all")
    text = russia.inner_text()
    assert "rus-prk-2024-csp" in text
    assert "Article 4" in text
    page.locator("#pjoin-chart").wait_for(timeout=TIMEOUT)
    page.locator("#belligerents-chart").wait_for(timeout=TIMEOUT)
    assert "events=attack.PRK.KOR" in page.url
    assert "discretionary=1" in page.url
    page.screenshot(path=str(screenshots / "scenario.png"), full_page=True)
    shared = page.context.new_page()
    shared.goto(page.url)
    shared.locator('#entries > li[data-state="RUS"]').wait_for(state="attached", timeout=TIMEOUT)
    shared.close()


def test_page_loads_nothing_from_outside(page: Any, server: str) -> None:
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith((server, "data:")) else None
        ),
    )
    page.goto(f"{server}/#/map")
    _ready(page, "map")
    assert outside == []
