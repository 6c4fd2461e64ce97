"""One visit of one page in Chromium: axe-core, the keyboard walk, reflow at 320 px, requests.

A page is loaded once, in its own browser context, and every check runs on that load; the
tests then assert on the findings one check at a time, so a failure names its check. Pages
are visited a few at a time in one Chromium, so that one page's waiting (for the server, a
frame or the driver) overlaps another's work.

The scripts evaluated in the page are in scripts.py; what a visit found, and the keyboard
problems among it, in findings.py.
"""

import asyncio
import os
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import async_playwright

from .findings import AxeViolation, Findings
from .scripts import (
    AXE_RUN,
    FOCUS_AFTER_SKIP,
    KEYBOARD_RESULT,
    KEYBOARD_SETUP,
    REFLOW,
    SKIP_LINK_FOCUS,
)

CHROMIUM = os.environ.get("VOORDEUR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
# Chromium asks for /favicon.ico by itself when a page names no icon; that request is the
# browser's, not the page's, so a 404 for it is no broken page (it still must be first party).
BROWSER_OWN_PATHS = ("/favicon.ico",)


def _merge_axe(findings, result, viewport):
    findings.axe_version = result["version"]
    for raw in result["incomplete"]:
        findings.axe_incomplete.setdefault(raw["id"], raw["example"])
    known = {violation.rule: violation for violation in findings.axe}
    for raw in result["violations"]:
        violation = known.get(raw["id"])
        if violation is None:
            violation = AxeViolation(
                raw["id"], raw["impact"] or "", raw["help"], raw["helpUrl"], [], []
            )
            known[raw["id"]] = violation
            findings.axe.append(violation)
        violation.viewports.append(viewport)
        targets = {node["target"] for node in violation.nodes}
        violation.nodes.extend(node for node in raw["nodes"] if node["target"] not in targets)


async def _run_axe(page, findings, viewport):
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.evaluate(AXE_SCRIPT.read_text())  # not blocked by the page's CSP
    _merge_axe(findings, await page.evaluate(AXE_RUN, list(AXE_TAGS)), f"{viewport['width']} px")


async def _walk_keyboard(page, findings):
    """Tab through the whole page from its start, then activate the skip link."""
    candidates = await page.evaluate(KEYBOARD_SETUP)
    for _ in range(candidates + 2):
        await page.keyboard.press("Tab")
    findings.keyboard = await page.evaluate(KEYBOARD_RESULT)
    if findings.keyboard["firstIsSkipLink"]:
        await page.evaluate(SKIP_LINK_FOCUS)
        await page.keyboard.press("Enter")
        findings.skip_link = await page.evaluate(FOCUS_AFTER_SKIP)


def _on_response(findings, response):
    if (
        response.status >= 400
        and urlsplit(response.url).netloc == urlsplit(findings.url).netloc
        and response.request.resource_type != "document"
        and urlsplit(response.url).path not in BROWSER_OWN_PATHS
    ):
        findings.failed.append((response.url, response.status))


def _on_failure(findings, request):
    if urlsplit(request.url).netloc == urlsplit(findings.url).netloc:
        findings.failed.append((request.url, request.failure or "failed"))


async def _serve(route, url, html):
    if route.request.url == url:
        await route.fulfill(body=html, content_type="text/html; charset=utf-8")
    else:
        await route.fulfill(status=404, body="Not found", content_type="text/plain")


async def visit(browser, url, html=None):
    """Load ``url`` once in a fresh context and run every check on it: axe-core at 1280 px,
    the keyboard walk, reflow at 320 px and axe-core again at 320 px. With ``html``, the
    browser gets that instead of asking a server (how the suite tests itself)."""
    findings = Findings(url=url)
    context = await browser.new_context(
        viewport=DESKTOP, reduced_motion="reduce", locale="nl-BE", service_workers="block"
    )
    if html is not None:
        origin = urlsplit(url).netloc
        await context.route(
            lambda address: urlsplit(address).netloc == origin,
            lambda route: _serve(route, url, html),
        )
    context.set_default_timeout(30_000)
    context.on("request", lambda r: findings.requests.append((r.method, r.url, r.resource_type)))
    context.on("requestfailed", lambda request: _on_failure(findings, request))
    context.on("response", lambda response: _on_response(findings, response))
    try:
        page = await context.new_page()
        response = await page.goto(url, wait_until="load")
        findings.status = response.status if response else 0
        await _run_axe(page, findings, DESKTOP)
        await _walk_keyboard(page, findings)
        await page.set_viewport_size(NARROW)
        await page.evaluate("() => document.activeElement && document.activeElement.blur()")
        findings.reflow = await page.evaluate(REFLOW)
        await _run_axe(page, findings, NARROW)
    except Exception as error:  # reported by every test of the page
        findings.error = f"{type(error).__name__}: {error}"
    finally:
        await context.close()
    return findings


async def _visit_all(visits, concurrency):
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        limit = asyncio.Semaphore(concurrency)

        async def one(key, url, html=None):
            async with limit:
                return key, await visit(browser, url, html)

        try:
            done = await asyncio.gather(*(one(*visit_) for visit_ in visits))
        finally:
            await browser.close()
    return dict(done)


def visit_all(visits, *, concurrency=3):
    """Visit every ``(key, url)`` (or ``(key, url, html)``) in one Chromium, ``concurrency``
    pages at a time (on two cores 3 beat 1 by about a fifth), each in its own context; the
    findings by key.

    Playwright's asyncio API runs in an event loop that is closed again before this
    returns, so Django's database stays usable from this thread afterwards.
    """
    return asyncio.run(_visit_all(visits, concurrency))
