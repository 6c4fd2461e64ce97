"""Search as you type (themes/base/static/js/autocomplete.js) in real Chromium: the search
input of /zoeken/ becomes an ARIA 1.2 combobox, driven by the keyboard, with no axe-core
violation while its list of suggestions is open."""

import asyncio

import pytest
from playwright.async_api import async_playwright

from .audit import AXE_SCRIPT, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, DESKTOP
from .scripts import AXE_RUN

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

INPUT = "#search-page-q"
LISTBOX = "#search-page-q-listbox"


async def _drive(url):
    """What the combobox did, step by step, as a dict."""
    seen = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context(viewport=DESKTOP, locale="nl-BE")
            context.set_default_timeout(30_000)
            page = await context.new_page()
            await page.goto(url, wait_until="load")
            field = page.locator(INPUT)
            seen["role"] = await field.get_attribute("role")
            seen["controls"] = await field.get_attribute("aria-controls")
            seen["expanded_before"] = await field.get_attribute("aria-expanded")
            await field.click()
            await field.fill("")
            await page.keyboard.type("priv", delay=30)
            await page.wait_for_selector(f"{LISTBOX}:not([hidden])")
            seen["expanded_open"] = await field.get_attribute("aria-expanded")
            seen["options"] = await page.locator(f"{LISTBOX} [role=option]").count()
            await page.wait_for_function(
                "() => /\\d/.test(document.querySelector('.combobox [role=status]').textContent)"
            )
            seen["status"] = await page.locator(".combobox [role=status]").text_content()
            await page.keyboard.press("ArrowDown")
            active = await field.get_attribute("aria-activedescendant")
            seen["active"] = active
            seen["active_selected"] = await page.locator(f"#{active}").get_attribute(
                "aria-selected"
            )
            seen["focus_stays"] = await page.evaluate(
                "() => document.activeElement.id === 'search-page-q'"
            )
            if not await page.evaluate("() => typeof window.axe === 'object'"):
                await page.evaluate(AXE_SCRIPT.read_text())  # not blocked by the page's CSP
            result = await page.evaluate(AXE_RUN, list(AXE_TAGS))
            seen["axe"] = [violation["id"] for violation in result["violations"]]
            await page.keyboard.press("Escape")
            seen["expanded_after_escape"] = await field.get_attribute("aria-expanded")
            seen["hidden_after_escape"] = await page.locator(LISTBOX).is_hidden()
            await page.keyboard.press("ArrowDown")
            await page.keyboard.press("ArrowDown")
            target = await page.locator(
                f"#{await field.get_attribute('aria-activedescendant')}"
            ).get_attribute("data-url")
            # Enter opens the active suggestion (its address is the site's canonical one,
            # whose port is not the live server's: the request is what counts).
            async with page.expect_request(lambda request: request.url == target) as request:
                await page.keyboard.press("Enter")
            seen["went_to"] = (await request.value).url
            seen["target"] = target
        finally:
            await browser.close()
    return seen


def test_search_input_is_a_keyboard_combobox_without_axe_violations(region_pages, server):
    url = f"http://kortrijk.localhost:{server.thread.port}/zoeken/?q=privacy"
    seen = asyncio.run(_drive(url))
    assert seen["role"] == "combobox"
    assert seen["controls"] == "search-page-q-listbox"
    assert seen["expanded_before"] == "false"
    assert seen["expanded_open"] == "true"
    assert seen["options"] >= 1
    assert str(seen["options"]) in seen["status"]
    assert seen["active"] == "search-page-q-option-0"
    assert seen["active_selected"] == "true"
    assert seen["focus_stays"]
    assert seen["axe"] == [], f"axe-core violations with the suggestions open: {seen['axe']}"
    assert seen["expanded_after_escape"] == "false" and seen["hidden_after_escape"]
    assert seen["went_to"] == seen["target"] and seen["target"].endswith("/privacy/")
