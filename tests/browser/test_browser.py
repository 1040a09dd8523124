"""Drive the running site in Debian's headless Chromium on a desktop and a phone.

Screenshots go to artifacts/screenshots/ (gitignored) for a person to look at.
Skips only when Chromium is missing and CI is not "true"; under CI it must run.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and os.environ.get("CI") != "true",
        reason="Chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
    ),
]


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls the live
    # server fixture makes from it are safe because they happen before pages load.
    # Scoped to the test so it never leaks into other tests or subprocesses.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield chromium
        finally:
            chromium.close()
            # While that loop runs, Django (asgiref) keeps this thread's connections apart
            # from its plain ones: what `seeded` and the test query opens a second session
            # that the test database's own teardown, after the loop, never sees or closes,
            # and the database could not be dropped at the end of the run. Closed here,
            # still inside the loop.
            connections.close_all()


@pytest.fixture
def seeded(transactional_db):
    call_command("load_reports", str(Path(settings.BASE_DIR) / "seeds"), verbosity=0)


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_browser_pages_show_content_on_desktop_and_phone(browser, live_server, seeded, device):
    from events.models import Event
    from people.models import Person

    event = Event.objects.get(slug="low-carbon-construction-and-low-carbon-industry-summit")
    person = Person.objects.get(slug="liu-yanhua")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=VIEWPORTS[device])
    # Anything the Content-Security-Policy blocks is reported on the console.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security" in message.text else None
        ),
    )

    def visit(path: str, name: str):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{device}.png"), full_page=True)

    visit("/", "home")
    # The stylesheet loaded under the policy.
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == (
        "absolute"
    )
    assert page.get_by_role("heading", level=1).inner_text().startswith("Who is speaking")
    assert page.get_by_role(
        "link", name="Low Carbon Construction and Low Carbon Industry Summit"
    ).first.is_visible()
    assert page.get_by_role("navigation", name="Sections").is_visible()

    visit(event.get_absolute_url(), "event")
    assert page.locator("h1").inner_text() == event.name
    assert page.get_by_text("6 September 2021").first.is_visible()
    speaker = page.get_by_role("link", name="Liu Yanhua", exact=True).first
    assert speaker.is_visible()
    # The evidence opens without JavaScript help: <details> is native.
    source = page.locator("details.evidence").first
    source.locator("summary").click()
    assert source.locator("blockquote").inner_text().startswith("According to the report:")

    visit(person.get_absolute_url(), "speaker")
    assert page.locator("h1").inner_text() == "Liu Yanhua"
    assert page.get_by_role("link", name=event.name).first.is_visible()

    visit("/events/?city=beijing", "events-filtered")
    assert page.locator("select#id_city").input_value() == "beijing"
    cards = page.locator(".event-card h3")
    assert cards.count() >= 1
    assert event.name in cards.all_inner_texts()

    visit(f"/reports/{event.sources.first().slug}/", "report")
    assert page.locator(".report-text mark").count() >= 1

    page.goto(f"{live_server.url}/no-such-page/")
    assert page.locator("h1").inner_text() == "Page not found"
    page.screenshot(path=str(SCREENSHOTS / f"404-{device}.png"), full_page=True)
    page.close()
    assert blocked == []


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_browser_map_charts_and_api_docs(browser, live_server, seeded, device):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=VIEWPORTS[device])
    width = VIEWPORTS[device]["width"]

    def visit(path: str, name: str):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{device}.png"), full_page=True)
        # Nothing on a page may push it wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path

    visit("/", "home-map-charts")
    city_map = page.locator("figure.city-map svg")
    assert city_map.is_visible()
    box = city_map.bounding_box()
    assert 0 < box["width"] <= width
    dots = page.locator("figure.city-map a circle")
    assert dots.count() >= 1
    assert page.locator("figure.city-map svg image").evaluate(
        "img => img.href.baseVal.endsWith('.svg')"
    )
    charts = page.locator("figure.chart")
    assert charts.count() == 3
    # The table of a chart opens without JavaScript help.
    charts.first.locator("summary").click()
    assert charts.first.locator("table td").first.is_visible()
    # A bar leads to the filtered list.
    charts.first.locator("svg a").first.click()
    page.wait_for_url("**/events/?year=*")
    assert page.locator(".event-card").count() >= 1

    visit("/cities/", "cities-map")
    assert page.locator("figure.city-map a circle").count() >= 1

    visit("/search/?q=Beijing", "search-phone-width")

    visit("/speakers/", "speakers-search-first")
    form = page.locator("form.affiliation-search").bounding_box()
    filters = page.locator(".sidebar").bounding_box()
    # The speakers page's own search comes before the filters, on a phone too.
    assert form["y"] < filters["y"]
    assert form["y"] < VIEWPORTS[device]["height"]

    visit("/api/docs/", "api-docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15_000)
    assert "eventsdb API" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-tag").count() >= 7
    page.screenshot(path=str(SCREENSHOTS / f"api-docs-{device}.png"), full_page=True)
    page.close()
