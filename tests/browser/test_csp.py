"""The Content-Security-Policy and Permissions-Policy in real Chromium: no violation on any
page kind of one municipality and the regional site, with a video player started, nor in
the admin (login, dashboard, a page's edit form with StreamField and Draftail, the image
chooser, the live preview); and an inline PDF still opens in Chromium's viewer under the
documents' sandbox.

Every violation is reported from every frame through a binding the page's own policy
cannot block; console messages about either header count as well."""

import asyncio

import pytest
from django.core.files.base import ContentFile
from playwright.async_api import async_playwright
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage
from tests.core.test_document_serving import tiny_pdf

from .audit import CHROMIUM, CHROMIUM_ARGS, DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITE = "kortrijk"
PLAYER_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"
WATCH = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCsp({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    where: `${event.sourceFile}:${event.lineNumber}`,
    sample: event.sample,
  });
});
"""
HEADER_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


class Watch:
    """What Chromium reported about the two headers, per step."""

    def __init__(self):
        self.step = ""
        self.problems = []

    async def attach(self, context):
        await context.expose_binding(
            "__reportCsp", lambda source, event: self._add(source["frame"].url, event)
        )
        await context.add_init_script(WATCH)
        await context.route(
            lambda url: any(f"//{host}/" in url for host in PLAYER_HOSTS),
            lambda route: route.fulfill(body="<p>player</p>", content_type="text/html"),
        )
        context.on("console", self._console)

    def _add(self, url, event):
        self.problems.append(f"{self.step}: {url}: {event}")

    def _console(self, message):
        if any(word in message.text for word in HEADER_WORDS):
            self.problems.append(f"{self.step}: console {message.type}: {message.text}")


async def _public(browser, urls, video_url):
    watch = Watch()
    for url in urls:
        context = await browser.new_context(viewport=DESKTOP, locale="nl-BE")
        await watch.attach(context)
        watch.step = url
        page = await context.new_page()
        await page.goto(url, wait_until="load")
        await context.close()
    context = await browser.new_context(viewport=DESKTOP, locale="nl-BE")
    await watch.attach(context)
    watch.step = f"{video_url} (video started)"
    page = await context.new_page()
    await page.goto(video_url, wait_until="load")
    await page.locator("a[data-video-embed]").first.click()
    frame = page.locator("iframe.video__frame")
    await frame.wait_for()
    player = await (await frame.element_handle()).content_frame()
    await player.wait_for_load_state("load")
    started = await player.content()
    await context.close()
    return watch.problems, started


async def _admin(browser, base, edit_url):
    watch = Watch()
    context = await browser.new_context(viewport=DESKTOP, locale="nl-BE")
    context.set_default_timeout(30_000)
    await watch.attach(context)
    page = await context.new_page()
    seen = {}
    watch.step = "login"
    await page.goto(f"{base}/admin/login/", wait_until="load")
    await page.fill("#id_username", "admin")
    await page.fill("#id_password", "admin")
    await page.click("button[type=submit]")
    await page.wait_for_url(f"{base}/admin/")
    watch.step = "dashboard"
    await page.wait_for_load_state("load")
    watch.step = "page edit form"
    await page.goto(edit_url, wait_until="load")
    await page.wait_for_selector(".Draftail-Editor")
    seen["draftail"] = await page.locator(".Draftail-Editor").count()
    watch.step = "image chooser"
    await page.locator("button.c-sf-add-button").first.click()
    await page.locator("[role=option]", has_text="Afbeelding").first.click()
    await page.locator("button[data-chooser-action-choose]").first.click()
    await page.wait_for_selector(".modal-content #id_q, .modal-content [name=q]")
    seen["chooser"] = await page.locator(".modal-content").count()
    await page.locator(".modal [data-dismiss='modal']").first.click()
    await page.locator(".modal.fade.in").wait_for(state="hidden")
    watch.step = "preview"
    await page.locator("button[data-side-panel-toggle='preview']").click()
    # The panel swaps in a fresh iframe on each refresh: look the frame up each time.
    heading = page.frame_locator("iframe#w-preview-iframe").locator("main#main h1").first
    seen["preview"] = await heading.text_content()
    await context.close()
    return watch.problems, seen


async def _pdf(browser, url):
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    response = await page.goto(url, wait_until="load")
    for _ in range(50):
        if any(frame.url.startswith(PDF_VIEWER) for frame in page.frames):
            break
        await page.wait_for_timeout(100)
    found = {
        "csp": (await response.all_headers()).get("content-security-policy"),
        "viewer": any(frame.url.startswith(PDF_VIEWER) for frame in page.frames),
        "blocked": "blocked" in (await page.content()).lower(),
    }
    await context.close()
    return found


def _run(step, *arguments):
    async def main():
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return await step(browser, *arguments)
            finally:
                await browser.close()

    return asyncio.run(main())


def test_public_pages_report_no_violation_and_the_video_player_loads(region_pages, server):
    port = server.thread.port
    urls = [
        f"http://{spec.hostname}:{port}{target.path}"
        for spec, target in sorted(region_pages.items(), key=lambda item: item[0].id)
        if target.path and spec.site in (SITE, "region")
    ]
    components = next(
        target.path
        for spec, target in region_pages.items()
        if spec.site == SITE and spec.kind == "components"
    )
    video_url = f"http://{SITE}.localhost:{port}{components}"
    problems, player = _run(_public, urls, video_url)
    assert len(urls) > 25
    assert not problems, "\n".join(problems)
    assert "<p>player</p>" in player


def test_admin_screens_report_no_violation(region_pages, server):
    home = Municipality.objects.select_related("site").get(slug=SITE).site.root_page
    page = ContentPage.objects.descendant_of(home).get(slug="over")
    base = f"http://localhost:{server.thread.port}"
    problems, seen = _run(_admin, base, f"{base}/admin/pages/{page.pk}/edit/")
    assert not problems, "\n".join(problems)
    assert seen["draftail"] > 0 and seen["chooser"] == 1
    assert seen["preview"].strip() == page.title


def test_inline_pdf_opens_in_the_viewer_despite_the_sandbox(region_pages, server):
    document = get_document_model().objects.create(
        title="Reglement",
        file=ContentFile(tiny_pdf(), name="reglement.pdf"),
        collection=Collection.get_first_root_node(),
    )
    try:
        found = _run(_pdf, f"http://localhost:{server.thread.port}{document.url}")
    finally:
        document.file.delete(save=False)
        document.delete()
    assert found["csp"] == "sandbox; default-src 'none'"
    assert found["viewer"] and not found["blocked"], found
