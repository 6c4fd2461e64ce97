"""An editor or moderator of municipality A cannot list, choose, edit, delete, move or upload
into municipality B's images and documents, in the admin or through the public API; nor
choose B's pages (see isolation.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .isolation import PAIR_IDS, PAIRS, SEARCH_WORD, host, make_world, tiny_png

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_media_root")]

Image = get_image_model()
Document = get_document_model()


def media_state(area):
    return (
        list(Image.objects.filter(collection=area.collection).values_list("pk", "title")),
        list(Document.objects.filter(collection=area.collection).values_list("pk", "title")),
        list(Image.objects.filter(pk=area.image.pk).values_list("collection_id", "title")),
        list(Document.objects.filter(pk=area.document.pk).values_list("collection_id", "title")),
    )


def test_page_chooser_offers_only_own_trees(world):
    own, other = world.own, world.other
    world.clean(world.get("/admin/choose-page/"), "chooser root", expect_own=True)
    world.clean(world.get(f"/admin/choose-page/{own.home.pk}/"), "own home", expect_own=True)
    for page in (other.home, other.page):
        world.refused(world.get(f"/admin/choose-page/{page.pk}/"), f"browse {page.pk}")
    world.clean(
        world.get(f"/admin/choose-page/search/?q={SEARCH_WORD}"), "chooser search", expect_own=True
    )
    world.clean(
        world.get(f"/admin/choose-page/search/?q={SEARCH_WORD}&page_type=pages.contentpage"),
        "chooser search by type",
    )
    world.done()


def test_image_and_document_choosers_offer_only_own_collection(world):
    other = world.other
    for kind, item in (("images", other.image), ("documents", other.document)):
        base = f"/admin/{kind}/chooser/"
        world.clean(world.get(base), f"{kind} chooser", expect_own=True)
        world.clean(world.get(f"{base}?q={SEARCH_WORD}"), f"{kind} chooser search", expect_own=True)
        world.clean(
            world.get(f"{base}results/?collection_id={other.collection.pk}"),
            f"{kind} chooser, B's collection",
        )
        world.clean(world.get(f"{base}results/?q={SEARCH_WORD}"), f"{kind} chooser results")
        world.refused(world.get(f"{base}{item.pk}/"), f"choose B's {kind}")
    world.refused(world.get(f"/admin/images/chooser/{other.image.pk}/select_format/"), "format")
    world.refused(
        world.post(
            f"/admin/images/chooser/{other.image.pk}/select_format/",
            {
                "image-chooser-insertion-format": "fullwidth",
                "image-chooser-insertion-alt_text": "x",
            },
        ),
        "choose B's image in rich text",
    )
    world.done()


def test_image_and_document_admin_refuse_the_other_collection(world):
    own, other = world.own, world.other
    before = media_state(other)
    image, document = other.image, other.document
    world.clean(world.get("/admin/images/"), "image listing", expect_own=True)
    world.clean(world.get("/admin/documents/"), "document listing", expect_own=True)
    for url in (
        f"/admin/images/?collection_id={other.collection.pk}",
        f"/admin/images/results/?q={SEARCH_WORD}",
        f"/admin/documents/?collection_id={other.collection.pk}",
        f"/admin/documents/results/?q={SEARCH_WORD}",
    ):
        world.clean(world.get(url), url)
    for url in (
        f"/admin/images/{image.pk}/",
        f"/admin/images/{image.pk}/delete/",
        f"/admin/images/usage/{image.pk}/",
        f"/admin/images/{image.pk}/generate_url/",
        f"/admin/images/{image.pk}/generate_url/output/?filter_spec=original",
        f"/admin/images/{image.pk}/preview/original/",
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/documents/delete/{document.pk}/",
        f"/admin/documents/usage/{document.pk}/",
    ):
        world.refused(world.get(url), f"GET {url}", also=(405,))
    for url in (
        f"/admin/images/{image.pk}/",
        f"/admin/images/multiple/{image.pk}/",
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/documents/multiple/{document.pk}/",
    ):
        data = {"title": "Overgenomen", "collection": own.collection.pk}
        world.refused(world.post(url, data), f"edit POST {url}")
    for url in (
        f"/admin/images/{image.pk}/delete/",
        f"/admin/images/multiple/{image.pk}/delete/",
        f"/admin/documents/delete/{document.pk}/",
        f"/admin/documents/multiple/{document.pk}/delete/",
    ):
        world.refused(world.post(url), f"delete POST {url}")
    world.check(before == media_state(other), "B's images or documents changed")
    # Positive control: the own image's edit view opens.
    world.clean(world.get(f"/admin/images/{own.image.pk}/"), "own image edit", expect_own=True)
    world.done()


def test_nothing_is_moved_or_uploaded_into_the_other_collection(world):
    own, other = world.own, world.other
    before = media_state(other)
    into_b = {"collection": other.collection.pk}
    world.post(f"/admin/images/{own.image.pk}/", {"title": "Verhuisd", **into_b})
    world.post(f"/admin/documents/edit/{own.document.pk}/", {"title": "Verhuisd", **into_b})
    world.post(
        "/admin/images/add/",
        {"title": "Geplant", **into_b, "file": SimpleUploadedFile("p.png", tiny_png().read())},
    )
    world.post(
        "/admin/documents/add/",
        {"title": "Geplant", **into_b, "file": SimpleUploadedFile("p.txt", b"geplant")},
    )
    world.post(
        "/admin/images/multiple/add/",
        {**into_b, "files[]": SimpleUploadedFile("q.png", tiny_png().read())},
    )
    world.post(
        "/admin/documents/multiple/add/",
        {**into_b, "files[]": SimpleUploadedFile("q.txt", b"geplant")},
    )
    world.check(before == media_state(other), "something landed in B's collection")
    for model, item in ((Image, own.image), (Document, own.document)):
        world.check(
            model.objects.get(pk=item.pk).collection_id == own.collection.pk, "own item moved to B"
        )
    world.done()


def test_bulk_media_actions_name_nothing_of_the_other_collection(world):
    own, other = world.own, world.other
    before = media_state(other)
    for model, item, own_item in (
        ("wagtailimages/image", other.image, own.image),
        ("wagtaildocs/document", other.document, own.document),
    ):
        for action in ("delete", "add_tags", "add_to_collection"):
            base = f"/admin/bulk/{model}/{action}/"
            world.refused(world.get(f"{base}?id={item.pk}"), f"{base} GET")
            world.refused(world.get(f"{base}?id={own_item.pk}&id={item.pk}"), f"{base} GET mixed")
            data = {"tags": "overgenomen", "collection": own.collection.pk}
            world.refused(world.post(f"{base}?id={item.pk}", data), f"{base} POST")
            world.clean(world.get(f"{base}?id=all"), f"{base} all")
        move_into_b = world.post(
            f"/admin/bulk/{model}/add_to_collection/?id={own_item.pk}",
            {"collection": other.collection.pk},
        )
        world.check(move_into_b.status_code != 500, "moving own item into B: 500")
        world.no_leak(move_into_b, "moving own item into B")
        world.check(
            type(own_item).objects.get(pk=own_item.pk).collection_id == own.collection.pk,
            f"own {model} moved into B's collection",
        )
    world.check(before == media_state(other), "B's images or documents changed")
    world.done()


@pytest.mark.parametrize("pair", PAIRS, ids=PAIR_IDS)
def test_public_api_on_own_host_returns_nothing_of_the_other(client, pair):
    world = make_world(client, *pair)
    client.logout()  # the public API, anonymously
    other = world.other
    world.clean(world.get("/api/v2/images/"), "images API", expect_own=True)
    world.clean(world.get("/api/v2/documents/"), "documents API", expect_own=True)
    world.clean(world.get(f"/api/v2/pages/?search={SEARCH_WORD}"), "pages API", expect_own=True)
    world.clean(world.get("/api/v2/pages/?limit=100"), "pages API listing")
    other_host = host(other.municipality.slug)
    world.clean(world.get(f"/api/v2/pages/?site={other_host}"), "?site=B", status=400)
    for url in (
        f"/api/v2/pages/{other.page.pk}/",
        f"/api/v2/pages/{other.home.pk}/",
        f"/api/v2/images/{other.image.pk}/",
        f"/api/v2/documents/{other.document.pk}/",
        f"/api/v2/pages/?child_of={other.home.pk}",
        f"/api/v2/pages/?descendant_of={other.home.pk}",
        f"/api/v2/pages/find/?html_path=/zwartboek-{other.municipality.slug}/",
    ):
        world.refused(world.get(url), url, also=(400,))
    world.done()
