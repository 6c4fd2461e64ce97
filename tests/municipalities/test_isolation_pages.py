"""An editor or moderator of municipality A cannot list, open, edit, publish, move, delete,
copy, preview, moderate or translate municipality B's pages (see isolation.py)."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Locale, Page, PageViewRestriction, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation, TranslationSource

from .isolation import SEARCH_WORD, make_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_media_root")]


def snapshot(page):
    """What an attack on ``page`` could change."""
    page = Page.objects.get(pk=page.pk)
    return (
        page.title,
        page.draft_title,
        page.path,
        page.live,
        page.locked,
        page.live_revision_id,
        page.latest_revision_id,
        Revision.page_revisions.filter(object_id=str(page.pk)).count(),
        page.get_descendant_count(),
    )


def test_explorer_lists_and_opens_only_own_trees(world):
    own, other = world.own, world.other
    # With one tree the explorer starts at the own home page, with several at the root.
    world.clean(world.get("/admin/pages/", follow=True), "explorer root", expect_own=True)
    world.clean(world.get(f"/admin/pages/{own.home.pk}/"), "own explorer", expect_own=True)
    own_home = ("/admin/", f"/admin/pages/{own.home.pk}/")
    for page in (other.home, other.page):
        url = f"/admin/pages/{page.pk}/"
        world.refused(world.get(url), f"explore {page.pk}", redirects=own_home)
        world.refused(world.get(f"{url}results/"), f"explore {page.pk} results", redirects=own_home)
    search = f"q={SEARCH_WORD}"
    world.clean(
        world.get(f"/admin/pages/{own.home.pk}/?{search}&search_all=1"),
        "explorer search, whole tree",
        expect_own=True,
    )
    world.clean(world.get(f"/admin/pages/?{search}&search_all=1", follow=True), "root search")
    world.clean(world.get(f"/admin/pages/search/?{search}"), "page search", expect_own=True)
    world.clean(world.get(f"/admin/pages/search/results/?{search}"), "page search results")
    world.clean(world.get("/admin/pages/usage/pages/contentpage/"), "page type usage")
    # The explorer's sidebar uses the admin API.
    world.clean(world.get(f"/admin/api/main/pages/?search={SEARCH_WORD}"), "admin API search")
    world.refused(
        world.get(f"/admin/api/main/pages/?child_of={other.home.pk}&for_explorer=1"),
        "admin API children",
        also=(400,),
    )
    world.refused(world.get(f"/admin/api/main/pages/{other.page.pk}/"), "admin API detail")
    world.done()


def test_edit_view_and_edit_post_are_refused(world):
    own, other = world.own, world.other
    world.clean(world.get(f"/admin/pages/{own.page.pk}/edit/"), "own edit view", expect_own=True)
    before = [snapshot(other.home), snapshot(other.page)]
    for page in (other.home, other.page):
        url = f"/admin/pages/{page.pk}/edit/"
        world.refused(world.get(url), f"edit view {page.pk}")
        data = {"title": "Overgenomen", "slug": page.slug, "summary": "", "body-count": "0"}
        world.refused(world.post(url, data), f"edit POST {page.pk}")
        world.refused(world.post(url, {**data, "action-publish": "1"}), f"publish {page.pk}")
        world.refused(world.post(url, {**data, "action-submit": "1"}), f"submit {page.pk}")
    world.check(before == [snapshot(other.home), snapshot(other.page)], "B's pages changed")
    world.done()


def test_status_changes_are_refused(world):
    other = world.other
    page = other.page
    before = snapshot(page)
    world.refused(world.get(f"/admin/pages/{page.pk}/unpublish/"), "unpublish view")
    world.refused(world.post(f"/admin/pages/{page.pk}/unpublish/"), "unpublish")
    world.refused(world.post(f"/admin/pages/{page.pk}/lock/"), "lock", also=(405,))
    world.refused(world.post(f"/admin/pages/{page.pk}/unlock/"), "unlock", also=(405,))
    world.refused(world.get(f"/admin/pages/{page.pk}/privacy/"), "privacy view")
    world.refused(
        world.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "login"}), "privacy"
    )
    world.refused(
        world.post(f"/admin/pages/{page.pk}/set_position/?position=0"), "reorder", also=(405,)
    )
    world.refused(world.post(f"/admin/pages/{page.pk}/convert_alias/"), "convert alias")
    world.check(before == snapshot(page), "B's page changed")
    world.check(not PageViewRestriction.objects.filter(page=page).exists(), "B's page restricted")
    world.done()


def test_moves_out_of_and_into_the_other_tree_are_refused(world, role):
    own, other = world.own, world.other
    before = [snapshot(other.home), snapshot(other.page), snapshot(own.home), snapshot(own.page)]
    page = other.page
    world.refused(world.get(f"/admin/pages/{page.pk}/move/"), "move view")
    confirm = f"/admin/pages/{page.pk}/move/{own.home.pk}/confirm/"
    world.refused(world.get(confirm), "move B's page to A: confirm view")
    world.refused(world.post(confirm), "move B's page to A")
    for destination in (other.home, other.page):
        confirm = f"/admin/pages/{own.page.pk}/move/{destination.pk}/confirm/"
        own_move = f"/admin/pages/{own.page.pk}/move/"
        world.refused(
            world.get(confirm), "move own page into B: view", redirects=("/admin/", own_move)
        )
        world.refused(world.post(confirm), "move own page into B", redirects=("/admin/", own_move))
    after = [snapshot(other.home), snapshot(other.page), snapshot(own.home), snapshot(own.page)]
    world.check(before == after, "a page moved")
    if role == "moderators":
        # Positive control: a moderator still moves pages within the own tree.
        services = own.home.get_children().get(slug="diensten")
        confirm = f"/admin/pages/{own.page.pk}/move/{services.pk}/confirm/"
        world.clean(world.get(confirm), "own move confirmation", expect_own=True)
        world.clean(world.post(confirm), "own move", status=302)
        world.check(Page.objects.get(pk=own.page.pk).get_parent() == services, "own move failed")
    world.done()


def test_delete_is_refused(world):
    for page in (world.other.page, world.other.home):
        world.refused(world.get(f"/admin/pages/{page.pk}/delete/"), f"delete view {page.pk}")
        world.refused(world.post(f"/admin/pages/{page.pk}/delete/"), f"delete {page.pk}")
        world.check(Page.objects.filter(pk=page.pk).exists(), f"B's page {page.pk} deleted")
    world.done()


def test_copy_out_of_and_into_the_other_tree_is_refused(world):
    own, other = world.own, world.other
    world.refused(world.get(f"/admin/pages/{other.page.pk}/copy/"), "copy view of B's page")
    world.refused(
        world.post(
            f"/admin/pages/{other.page.pk}/copy/",
            {"new_title": "Gekopieerd", "new_slug": "gekopieerd", "new_parent_page": own.home.pk},
        ),
        "copy B's page into A",
    )
    for destination in (other.home, other.page):
        world.refused(
            world.post(
                f"/admin/pages/{own.page.pk}/copy/",
                {"new_title": "Geplant", "new_slug": "geplant", "new_parent_page": destination.pk},
            ),
            f"copy own page into B ({destination.pk})",
        )
    world.check(not Page.objects.filter(slug__in=["gekopieerd", "geplant"]).exists(), "copied")
    # Positive control: copying within the own tree still works.
    response = world.post(
        f"/admin/pages/{own.page.pk}/copy/",
        {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": own.home.pk},
    )
    world.check(response.status_code == 302, f"own copy answered {response.status_code}")
    world.check(own.home.get_children().filter(slug="kopie").exists(), "own copy missing")
    world.done()


def test_adding_pages_under_the_other_tree_is_refused(world):
    home = world.other.home
    children = home.get_children().count()
    world.refused(world.get(f"/admin/pages/{home.pk}/add_subpage/"), "add subpage view")
    add = f"/admin/pages/add/pages/contentpage/{home.pk}/"
    world.refused(world.get(add), "add form")
    world.refused(
        world.post(add, {"title": "Geplant", "slug": "geplant", "body-count": "0"}), "add page"
    )
    world.refused(world.post(f"/admin/pages/add/pages/contentpage/{home.pk}/preview/"), "preview")
    world.check(home.get_children().count() == children, "a page was added to B's tree")
    world.done()


def test_history_revisions_and_previews_are_refused(world):
    own, other = world.own, world.other
    page, live, draft = other.page, other.live_revision, other.draft_revision
    for url in (
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/history/results/",
        f"/admin/pages/{page.pk}/revisions/{live.pk}/view/",
        f"/admin/pages/{page.pk}/revisions/compare/earliest...{draft.pk}/",
        f"/admin/pages/{page.pk}/revisions/compare/{live.pk}...latest/",
        f"/admin/pages/{page.pk}/revisions/{live.pk}/revert/",
        f"/admin/pages/{page.pk}/edit/preview/",
        f"/admin/pages/{page.pk}/view_draft/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/pages/{page.pk}/usage/",
        # B's revisions through A's own page.
        f"/admin/pages/{own.page.pk}/revisions/{live.pk}/view/",
        f"/admin/pages/{own.page.pk}/revisions/compare/earliest...{draft.pk}/",
        f"/admin/pages/{own.page.pk}/revisions/compare/{live.pk}...latest/",
        f"/admin/pages/{own.page.pk}/revisions/{draft.pk}/revert/",
    ):
        world.refused(world.get(url), url)
    # The old revisions index redirects to the history view, refused above.
    history = f"/admin/pages/{page.pk}/history/"
    world.refused(
        world.get(f"/admin/pages/{page.pk}/revisions/"), "revisions", redirects=(history,)
    )
    preview = f"/admin/pages/{page.pk}/edit/preview/"
    world.refused(world.post(preview, {"title": "x", "slug": "x", "body-count": "0"}), "preview")
    world.refused(world.post(f"/admin/pages/{page.pk}/revisions/{draft.pk}/unschedule/"), "unsch.")
    world.done()


def test_bulk_page_actions_name_nothing_of_the_other_tree(world):
    own, other = world.own, world.other
    before = [snapshot(other.home), snapshot(other.page)]
    for action in ("delete", "publish", "unpublish", "move"):
        base = f"/admin/bulk/wagtailcore/page/{action}/"
        for query in (
            f"id={other.page.pk}",
            f"id={own.page.pk}&id={other.page.pk}",
            f"id=all&childOf={other.home.pk}",
        ):
            world.refused(world.get(f"{base}?{query}"), f"bulk {action} GET {query}")
        world.refused(
            world.post(f"{base}?id={other.page.pk}", {"chooser": own.home.pk}), f"bulk {action}"
        )
        # Positive control: the own page is listed (acting or "no permission").
        world.clean(world.get(f"{base}?id={own.page.pk}"), f"own bulk {action}", expect_own=True)
    own_before = snapshot(own.page)
    world.refused(
        world.post(
            f"/admin/bulk/wagtailcore/page/move/?id={own.page.pk}", {"chooser": other.home.pk}
        ),
        "bulk move own page into B",
    )
    world.check(before == [snapshot(other.home), snapshot(other.page)], "B's pages changed")
    world.check(own_before == snapshot(own.page), "own page moved into B")
    world.done()


def test_moderation_of_the_other_municipality_is_refused(client, pair, role):
    world = make_world(client, *pair, role, with_moderation=True)
    pending, task_state = world.other.pending, world.other.task_state
    for url in (
        f"/admin/pages/workflow/action/{pending.pk}/approve/{task_state.pk}/",
        f"/admin/pages/workflow/action/{pending.pk}/reject/{task_state.pk}/",
        f"/admin/pages/workflow/collect_action_data/{pending.pk}/approve/{task_state.pk}/",
        f"/admin/pages/workflow/confirm_cancellation/{pending.pk}/",
        f"/admin/pages/workflow/preview/{pending.pk}/{task_state.task_id}/",
        f"/admin/pages/{pending.pk}/workflow_history/",
        f"/admin/pages/{pending.pk}/workflow_history/detail/{task_state.workflow_state_id}/",
        f"/admin/pages/{world.own.page.pk}/workflow_history/detail/{task_state.workflow_state_id}/",
    ):
        world.refused(world.get(url), f"GET {url}", also=(405,))
        world.refused(world.post(url, {"comment": ""}), f"POST {url}", also=(405,))
    world.refused(world.post(f"/admin/bulk/wagtailcore/page/publish/?id={pending.pk}"), "publish")
    task_state.refresh_from_db()
    pending.refresh_from_db()
    world.check(task_state.status == "in_progress", f"B's task is now {task_state.status}")
    world.check(not pending.live, "B's pending page was published")
    # B's home is locked by B's moderator; A cannot unlock it.
    world.refused(world.post(f"/admin/pages/{world.other.home.pk}/unlock/"), "unlock", also=(405,))
    world.check(Page.objects.get(pk=world.other.home.pk).locked, "B's home unlocked")
    world.done()


def test_translation_views_refuse_the_other_tree_even_with_submit_permission(world):
    own, other = world.own, world.other
    # Editors lack submit_translation today; grant it, as a region might, to prove the
    # page views hold anyway.
    world.user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )
    world.clean(
        world.get(f"/admin/localize/submit/page/{own.page.pk}/"), "own submit", expect_own=True
    )
    before = Page.objects.count(), Translation.objects.count()
    locales = list(Locale.objects.values_list("pk", flat=True))
    for page in (other.page, other.home):
        url = f"/admin/localize/submit/page/{page.pk}/"
        world.refused(world.get(url), f"submit translation view {page.pk}")
        world.refused(world.post(url, {"locales": locales}), f"submit translation {page.pk}")
    sources = TranslationSource.objects.filter(object_id=other.home.translation_key)
    for source in sources:
        url = f"/admin/localize/update/{source.pk}/"
        world.refused(world.get(url), "sync translations view")
        world.refused(world.post(url, {"publish_translations": "on"}), "sync translations")
    for translation in Translation.objects.filter(source__in=sources):
        for url in (
            f"/admin/localize/translate/{translation.pk}/preview/",
            f"/admin/localize/translate/{translation.pk}/pofile/download/",
        ):
            world.refused(world.get(url), url)
        world.refused(world.post(f"/admin/localize/translate/{translation.pk}/disable/"), "stop")
        world.check(Translation.objects.get(pk=translation.pk).enabled, "B's translation stopped")
    for translated in other.home.get_translations():
        world.refused(world.get(f"/admin/pages/{translated.pk}/edit/"), "edit B's translation")
        url = f"/admin/localize/page/{translated.pk}/convert_to_alias/"
        world.refused(world.post(url), "convert B's translation to alias")
    world.check(before == (Page.objects.count(), Translation.objects.count()), "translated")
    world.done()


def edit_form_data(page, body):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "",
            "body": streamfield(body),
            "comments": inline_formset([]),
        }
    )


def linking(html):
    return ("paragraph", rich_text(html, features=["link", "document-link"]))


def test_page_form_takes_no_media_or_pages_of_the_other_by_id(world):
    """The choosers do not offer B's items; a crafted edit POST cannot use them either,
    not even to preview them."""
    own, other = world.own, world.other
    url = f"/admin/pages/{own.page.pk}/edit/"
    before = snapshot(own.page)
    image = {"alt_text": "Beeld", "decorative": "", "caption": ""}
    for label, block in (
        ("B's image", ("image", {**image, "image": other.image.pk})),
        # Invalid for another reason too (no alternative text): not re-rendered with B's.
        ("B's image, no alt", ("image", {**image, "image": other.image.pk, "alt_text": ""})),
        ("B's document", linking(f'<p><a linktype="document" id="{other.document.pk}">x</a></p>')),
        ("B's page", linking(f'<p><a linktype="page" id="{other.page.pk}">x</a></p>')),
    ):
        data = edit_form_data(own.page, [block])
        world.refused(world.post(url, data), f"save with {label}")
        world.refused(world.post(f"{url}preview/", data), f"preview with {label}")
        # Nothing was stored for the preview: it shows the own page as it is.
        world.clean_or_refused(world.get(f"{url}preview/"), f"show preview with {label}")
    world.check(before == snapshot(own.page), "own page saved with B's content")
    # Positive control: the own image, document and pages still go in.
    own_items = [
        ("image", {**image, "image": own.image.pk}),
        linking(f'<p><a linktype="document" id="{own.document.pk}">x</a></p>'),
        linking(f'<p><a linktype="page" id="{own.home.pk}">x</a></p>'),
    ]
    response = world.post(url, edit_form_data(own.page, own_items))
    world.check(response.status_code == 302, f"own edit answered {response.status_code}")
    world.check(snapshot(own.page) != before, "own edit not saved")
    world.done()


def test_page_form_keeps_references_the_page_already_had(client):
    """A superuser may have placed B's image on A's page; A's editors can still edit it."""
    world = make_world(client, "kortrijk", "menen")
    own, other = world.own, world.other
    block = ("image", {"image": other.image.pk, "alt_text": "Beeld", "caption": ""})
    page = own.page.specific
    page.body = [("image", {"image": other.image, "alt_text": "Beeld", "caption": ""})]
    page.save_revision()
    data = edit_form_data(page, [block])
    data["summary"] = "Bewerkt"
    response = world.post(f"/admin/pages/{page.pk}/edit/", data)
    world.check(response.status_code == 302, f"edit answered {response.status_code}")
    latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    world.check(latest.summary == "Bewerkt", "edit not saved")
    world.done()
