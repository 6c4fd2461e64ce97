"""One visit of one page in Chromium: axe-core, the keyboard walk, reflow at 320 px, requests.

A page is loaded once, in its own browser context, and every check runs on that load; the
tests then assert on the findings one check at a time, so a failure names its check. Pages
are visited a few at a time in one Chromium, so that one page's waiting (for the server, a
frame or the driver) overlaps another's work.
"""

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import async_playwright

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

# Shared by the scripts below: a readable CSS path and an HTML snippet of an element.
_DESCRIBE = """
const describe = (el) => {
  const parts = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    if (node.id) { parts.unshift('#' + CSS.escape(node.id)); break; }
    if (node === document.documentElement) { parts.unshift('html'); break; }
    const classes = [...node.classList].slice(0, 2).map(c => '.' + CSS.escape(c));
    let part = node.localName + classes.join('');
    const parent = node.parentElement;
    if (parent) {
      const same = [...parent.children].filter(c => c.localName === node.localName);
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
    }
    parts.unshift(part);
  }
  const html = el.outerHTML.replace(/\\s+/g, ' ');
  return {selector: parts.join(' > '), html: html.length > 240 ? html.slice(0, 237) + '...' : html};
};
"""

AXE_RUN = """
async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations', 'incomplete'],
  });
  return {
    version: axe.version,
    incomplete: result.incomplete.map(v => ({
      id: v.id, example: v.nodes.length ? v.nodes[0].target.join(', ') : '',
    })),
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({
        target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(', '),
        html: n.html.length > 240 ? n.html.slice(0, 237) + '...' : n.html,
        summary: n.failureSummary || '',
      })),
    })),
  };
}
"""

# Before the first Tab: note every element that should be reachable by keyboard, with its
# unfocused style, and log every element that receives focus with its focused style.
KEYBOARD_SETUP = (
    "() => {"
    + _DESCRIBE
    + """
  const PROPS = ['outline-style', 'outline-width', 'outline-color', 'box-shadow',
    'background-color', 'border-top-color', 'border-right-color', 'border-bottom-color',
    'border-left-color', 'border-top-width', 'border-right-width', 'border-bottom-width',
    'border-left-width', 'text-decoration-line', 'text-decoration-thickness'];
  const style = el => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(PROPS.map(p => [p, cs.getPropertyValue(p)]));
  };
  // Natively interactive elements must be reachable even if a tabindex="-1" took them out
  // of the Tab order; other elements count when they ask to be, with tabindex >= 0.
  const NATIVE = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, '
    + 'summary, iframe, audio[controls], video[controls]';
  const FOCUSABLE = NATIVE + ', [tabindex], [contenteditable]';
  const tabbable = el => {
    if (el.disabled || el.closest('[inert], [aria-hidden="true"]')) return false;
    if (el.tabIndex < 0 && !el.matches(NATIVE)) return false;
    if (el.localName === 'summary'
        && !(el.parentElement?.localName === 'details'
             && el.parentElement.querySelector(':scope > summary') === el)) return false;
    return el.checkVisibility({visibilityProperty: true});
  };
  const candidates = [...document.querySelectorAll(FOCUSABLE)].filter(tabbable);
  const baseline = new Map(candidates.map(el => [el, style(el)]));
  const log = [];
  document.addEventListener('focusin', event => {
    const el = event.target;
    const r = el.getBoundingClientRect();
    log.push({el, before: baseline.get(el) || null, after: style(el),
              rect: {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                     width: r.width, height: r.height},
              viewport: {width: innerWidth, height: innerHeight}});
  }, true);
  window.__keyboard = {candidates, log, describe};
  return candidates.length;
}"""
)

KEYBOARD_RESULT = """
() => {
  const {candidates, log, describe} = window.__keyboard;
  const alpha = color => {
    const m = color.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return color === 'transparent' ? 0 : 1;
    const parts = m[1].split(/[ ,\\/]+/).filter(Boolean);
    return parts.length > 3 ? parseFloat(parts[3]) : 1;
  };
  const indicator = ({before, after}) => {
    const changed = p => !before || before[p] !== after[p];
    const found = [];
    const outlineShown = after['outline-style'] !== 'none'
      && parseFloat(after['outline-width']) > 0 && alpha(after['outline-color']) > 0;
    if (outlineShown && ['outline-style', 'outline-width', 'outline-color'].some(changed)) {
      found.push(['outline', after['outline-width'], after['outline-style'],
                  after['outline-color']].join(' '));
    }
    if (after['box-shadow'] !== 'none' && changed('box-shadow')) found.push('box-shadow');
    if (changed('background-color')) found.push('background colour');
    if (Object.keys(after).some(p => p.startsWith('border-') && changed(p))) found.push('border');
    if (changed('text-decoration-line') || changed('text-decoration-thickness')) {
      found.push('underline');
    }
    return found;
  };
  const reached = new Set(log.map(entry => entry.el));
  const radioGroupReached = el => el.type === 'radio' && el.name && [...reached].some(
    other => other.type === 'radio' && other.name === el.name && other.form === el.form);
  const seen = new Set();
  const stops = [];
  for (const entry of log) {
    if (seen.has(entry.el)) continue;
    seen.add(entry.el);
    const {rect, viewport} = entry;
    stops.push({
      ...describe(entry.el),
      indicator: indicator(entry),
      onScreen: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
        && rect.left < viewport.width && rect.top < viewport.height,
      outlineStyle: entry.after['outline-style'], boxShadow: entry.after['box-shadow'],
    });
  }
  const first = log.length ? log[0].el : null;
  const main = document.querySelector('main, [role=main]');
  let skipTarget = null;
  if (first && first.localName === 'a' && first.hash && first.pathname === location.pathname) {
    skipTarget = document.getElementById(decodeURIComponent(first.hash.slice(1)));
  }
  return {
    candidates: candidates.length,
    stops,
    unreached: candidates.filter(el => !reached.has(el) && !radioGroupReached(el))
      .map(el => ({...describe(el), tabindex: el.getAttribute('tabindex')})),
    first: first ? {...describe(first), text: first.textContent.trim()} : null,
    firstIsSkipLink: !!(skipTarget && main && (skipTarget === main || main.contains(skipTarget))),
    hasMain: !!main,
  };
}
"""

SKIP_LINK_FOCUS = "() => window.__keyboard.log[0].el.focus()"
FOCUS_AFTER_SKIP = (
    "() => {"
    + _DESCRIBE
    + """
  const main = document.querySelector('main, [role=main]');
  const active = document.activeElement;
  const focused = active && active !== document.body;
  return {inMain: !!(main && active && main.contains(active)),
          active: focused ? describe(active) : {selector: 'body', html: ''},
          hash: location.hash};
}"""
)

REFLOW = (
    "() => {"
    + _DESCRIBE
    + """
  const root = document.documentElement;
  const width = root.clientWidth;
  const result = {scrollWidth: root.scrollWidth, clientWidth: width, offenders: []};
  if (root.scrollWidth <= width) return result;
  const wide = [...document.body.querySelectorAll('*')].filter(
    el => el.getBoundingClientRect().right > width + 0.5 && el.checkVisibility());
  const set = new Set(wide);
  // The innermost elements that stick out: the ones to fix.
  result.offenders = wide.filter(el => ![...el.children].some(c => set.has(c))).slice(0, 8)
    .map(el => ({...describe(el), right: Math.round(el.getBoundingClientRect().right)}));
  return result;
}"""
)


@dataclass
class AxeViolation:
    rule: str
    impact: str
    help: str
    help_url: str
    viewports: list
    nodes: list  # dicts: target, html, summary


@dataclass
class Findings:
    """What one visit of one page found."""

    url: str
    status: int = 0
    axe_version: str = ""
    axe: list = field(default_factory=list)  # AxeViolation
    axe_incomplete: dict = field(default_factory=dict)  # rule -> an element axe could not judge
    keyboard: dict = field(default_factory=dict)
    skip_link: dict = field(default_factory=dict)
    reflow: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)  # (method, url, resource type)
    failed: list = field(default_factory=list)  # first-party (url, status or error)
    error: str = ""

    @property
    def third_party(self):
        origin = urlsplit(self.url).netloc
        return [
            (method, url, kind)
            for method, url, kind in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != origin
        ]


def keyboard_problems(findings):
    """(what is wrong, element or None) for every keyboard problem of one visit."""
    result, skip = findings.keyboard, findings.skip_link
    problems = []
    if not result["hasMain"]:
        problems.append(("the page has no main landmark", None))
    if result["first"] is None:
        problems.append(("the first Tab focuses nothing", None))
    elif not result["firstIsSkipLink"]:
        problems.append(
            ("the first Tab lands on this element, not on a skip link to main", result["first"])
        )
    else:
        if not result["stops"][0]["onScreen"]:
            problems.append(
                ("the skip link is not visible on screen when focused", result["first"])
            )
        if not skip.get("inMain"):
            problems.append(
                (
                    "activating the skip link does not move focus into main; focus is on",
                    skip.get("active"),
                )
            )
    for element in result["unreached"]:
        why = f' (tabindex="{element["tabindex"]}")' if element["tabindex"] else ""
        problems.append((f"interactive element not reachable with Tab{why}", element))
    for stop in result["stops"]:
        if not stop["indicator"]:
            problems.append(
                (
                    "no visible focus indicator (focused style equals the unfocused one: "
                    f"outline-style {stop['outlineStyle']}, box-shadow {stop['boxShadow']}, "
                    "same background, border and underline)",
                    stop,
                )
            )
        if not stop["onScreen"]:
            problems.append(("focused element is not visible on screen", stop))
    return problems


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
        await page.add_script_tag(path=str(AXE_SCRIPT))
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
