"""Malformed admin input from a municipality's editor gets a form error or a 400, never a
500, and saves nothing: page forms and their StreamField, rich text and choosers
(cms/core/forms.py), a form page's form fields, the admin search boxes
(cms/core/search_backend.py) and the image preview's filter spec (cms/core/admin_guards.py).
"""

import html
import io
import json

import pytest
from django.core.files.images import ImageFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.core.admin_guards import MAX_SIZE
from cms.core.search_backend import clean_query
from cms.forms.models import FormPage
from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage
from tests.factories import editor_of
from tests.forms.factories import make_form_page

pytestmark = pytest.mark.django_db

HOST = "kortrijk.localhost:8000"
UNREADABLE = ("Deze gegevens zijn onleesbaar", "This data could not be read")
NO_ID = ("verwijst naar iets dat niet bestaat", "points at something that does not exist")


def raw_rich_text(entity_type, data):
    """Draftail's contentstate with one linked character, as the editor posts it."""
    block = {
        "key": "a1",
        "type": "unstyled",
        "depth": 0,
        "text": "x",
        "inlineStyleRanges": [],
        "entityRanges": [{"key": 0, "offset": 0, "length": 1}],
    }
    entity = {"mutability": "MUTABLE", "type": entity_type, "data": data}
    return json.dumps({"blocks": [block], "entityMap": {"0": entity}})


def page_data(body):
    return nested_form_data(
        {
            "title": "Proefpagina",
            "slug": "proefpagina",
            "summary": "",
            "body": streamfield(body),
            "comments": inline_formset([]),
        }
    )


def with_body(body, **changes):
    """A page POST whose StreamField keys are then changed (``None`` drops one)."""
    data = page_data(body)
    for key, value in changes.items():
        key = key.replace("_", "-")
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


HEADING = ("heading", {"text": "Kop", "level": "h2"})
PARAGRAPH = ("paragraph", rich_text("<p>Tekst</p>"))
IMAGE = {"alt_text": "Beeld", "decorative": "", "caption": ""}

PAGE_CASES = {
    "page link id abc": ([("paragraph", raw_rich_text("LINK", {"id": "abc", "url": "/"}))], {}),
    "document link id abc": ([("paragraph", raw_rich_text("DOCUMENT", {"id": "abc"}))], {}),
    "page link id too big": ([("paragraph", raw_rich_text("LINK", {"id": "9" * 30}))], {}),
    "rich text not JSON": ([PARAGRAPH], {"body_0_value": "{not json"}),
    "rich text a JSON list": ([PARAGRAPH], {"body_0_value": "[]"}),
    "rich text blocks a number": ([PARAGRAPH], {"body_0_value": '{"blocks": 1, "entityMap": {}}'}),
    "rich text entity missing": ([PARAGRAPH], {"body_0_value": raw_rich_text("LINK", {})[:-20]}),
    "image id abc": ([("image", {**IMAGE, "image": "abc"})], {}),
    "image id NUL": ([("image", {**IMAGE, "image": "\x00"})], {}),
    "stream count abc": ([HEADING], {"body_count": "abc"}),
    "stream count 100000": ([HEADING], {"body_count": "100000"}),
    "stream count huge": ([HEADING], {"body_count": "9" * 40}),
    "stream order abc": ([HEADING], {"body_0_order": "abc"}),
    "stream deleted missing": ([HEADING], {"body_0_deleted": None}),
    "stream type missing": ([HEADING], {"body_0_type": None}),
    "list count abc": (
        [("related_links", {"title": "", "links": streamfield([])})],
        {"body_0_value_links_count": "abc"},
    ),
}


@pytest.fixture
def editor(client):
    client.force_login(editor_of("kortrijk"))
    client.defaults["HTTP_HOST"] = HOST
    return client


@pytest.fixture
def page():
    home = Page.objects.get(url_path="/kortrijk/")
    page = ContentPage(title="Proefpagina", slug="proefpagina")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def state(page):
    """What a refused POST must leave as it was."""
    fresh = Page.objects.get(pk=page.pk)
    return (
        Revision.objects.filter(object_id=str(page.pk)).count(),
        fresh.latest_revision_id,
        fresh.has_unpublished_changes,
    )


def text_of(response):
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("case", list(PAGE_CASES))
def test_malformed_page_post_is_a_form_error_and_saves_nothing(editor, page, case):
    body, changes = PAGE_CASES[case]
    data = with_body(body, **changes)
    before = state(page)
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    text = text_of(response)
    assert any(message in text for message in UNREADABLE + NO_ID), text[:500]
    assert state(page) == before
    preview = editor.post(f"/admin/pages/{page.pk}/edit/preview/", data)
    assert preview.status_code == 200
    assert preview.json()["is_valid"] is False
    assert state(page) == before


def test_page_post_with_both_unreadable_and_valid_fields_names_the_body(editor, page):
    data = with_body([HEADING], body_count="abc", title="Nieuwe titel")
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert Page.objects.get(pk=page.pk).title == "Proefpagina"
    # The error sits on the body's field, which shows the page's body as it was.
    assert response.context["form"].errors["body"][0].startswith(("Deze gegevens", "This data"))


def test_valid_page_post_still_saves(editor, page):
    """The positive control: the same form takes a good body."""
    link = raw_rich_text("LINK", {"id": page.get_parent().pk, "url": "/"})
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/", page_data([HEADING, ("paragraph", link)])
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).has_unpublished_changes


# A form page's form fields (an inline panel: a Django formset).

FORM_FIELD = {
    "label": "Uw vraag",
    "help_text": "",
    "required": "on",
    "field_type": "multiline",
    "choices": "",
    "default_value": "",
}


def form_page_data(fields, **changes):
    data = nested_form_data(
        {
            "title": "Melding",
            "slug": "melding",
            "summary": "",
            "intro": rich_text("<p>Meld het ons.</p>"),
            "form_fields": inline_formset(fields),
            "thank_you_text": rich_text("<p>Bedankt.</p>"),
            "to_address": "",
            "from_address": "",
            "subject": "",
            "comments": inline_formset([]),
        }
    )
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


FORM_CASES = {
    "total forms abc": {"form_fields-TOTAL_FORMS": "abc"},
    "total forms 100000": {"form_fields-TOTAL_FORMS": "100000"},
    "management form missing": {
        "form_fields-TOTAL_FORMS": None,
        "form_fields-INITIAL_FORMS": None,
        "form_fields-MIN_NUM_FORMS": None,
        "form_fields-MAX_NUM_FORMS": None,
    },
    "junk field type": {"form_fields-0-field_type": "<script>"},
    "junk field id": {"form_fields-0-id": "abc"},
    "junk order": {"form_fields-0-ORDER": "abc"},
    "intro not JSON": {"intro": "{not json"},
    "intro page link abc": {"intro": raw_rich_text("LINK", {"id": "abc"})},
}


@pytest.mark.parametrize("case", list(FORM_CASES))
def test_malformed_form_page_post_is_a_form_error(editor, case):
    form_page = make_form_page(slug="kortrijk")
    before = state(form_page)
    fields_before = list(form_page.form_fields.values_list("label", flat=True))
    data = form_page_data([FORM_FIELD], **FORM_CASES[case])
    response = editor.post(f"/admin/pages/{form_page.pk}/edit/", data)
    assert response.status_code == 200
    assert response.context["form"].errors or any(
        formset.non_form_errors() or any(formset.errors)
        for formset in response.context["form"].formsets.values()
    )
    assert state(form_page) == before
    fresh = FormPage.objects.get(pk=form_page.pk)
    assert list(fresh.form_fields.values_list("label", flat=True)) == fields_before
    preview = editor.post(f"/admin/pages/{form_page.pk}/edit/preview/", data)
    assert preview.status_code == 200
    assert preview.json()["is_valid"] is False


# Admin search boxes: every listing and chooser searches through the guarded backend.

SEARCH_QUERIES = ['"', '"abc', "*", "(", ")", "-", "a -b", "\x00", "AND OR", "NOT", "^", "'", "\\"]


def tiny_image(collection):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Proefbeeld", file=ImageFile(buffer, name="proef.png"), collection=collection
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    collection = Municipality.objects.get(slug="kortrijk").collection
    return tiny_image(collection)


@pytest.mark.parametrize("query", SEARCH_QUERIES)
def test_admin_search_with_query_syntax_is_no_server_error(editor, media, query):
    form_page = make_form_page(slug="kortrijk")
    urls = [
        "/admin/images/",
        "/admin/images/results/",
        "/admin/images/chooser/results/",
        "/admin/documents/",
        "/admin/documents/chooser/results/",
        "/admin/forms/",
        f"/admin/forms/submissions/{form_page.pk}/",
        "/admin/pages/search/",
        "/admin/choose-page/search/",
    ]
    for url in urls:
        response = editor.get(url, {"q": query})
        assert response.status_code < 500, url
        assert response.status_code in (200, 302, 400), url  # 400: the request guard (NUL)


def test_admin_search_still_finds(editor, media):
    response = editor.get("/admin/images/", {"q": 'Proefbeeld"'})
    assert response.status_code == 200
    assert "Proefbeeld" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "cleaned"),
    [('"', None), ("\x00", None), ('a"b', "a b"), ("zwembad", "zwembad"), ("", None)],
)
def test_clean_query(query, cleaned):
    assert clean_query(query) == cleaned


def test_documents_listing_search_on_a_real_document(editor, media):
    collection = Municipality.objects.get(slug="kortrijk").collection
    get_document_model().objects.create(title="Reglement", collection=collection)
    for query in ('"Reglement', "Reglement*", "(Reglement"):
        assert editor.get("/admin/documents/", {"q": query}).status_code == 200


# The image preview's filter spec.

BAD_SPECS = [
    "fill-0x0",
    "fill-0x10",
    "width-0",
    "height-0",
    "max-0x0",
    "min-0x5",
    f"width-{MAX_SIZE + 1}",
    "fill-99999999x99999999",
    "fill-10x10-c-abc",
    "format-xyz",
    "jpegquality-abc",
    "width-abc",
    "fill-10",
    "bogus-1",
    "original|fill-0x0",
]


@pytest.mark.parametrize("spec", BAD_SPECS)
def test_image_preview_with_a_bad_filter_spec_is_a_400(editor, media, spec):
    response = editor.get(f"/admin/images/{media.pk}/preview/{spec}/")
    assert response.status_code == 400


@pytest.mark.parametrize("spec", ["original", "fill-10x10", "width-20", "max-30x30"])
def test_image_preview_with_a_good_filter_spec_is_the_image(editor, media, spec):
    response = editor.get(f"/admin/images/{media.pk}/preview/{spec}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")


def test_image_preview_still_asks_for_a_login(client, media):
    response = client.get(f"/admin/images/{media.pk}/preview/fill-0x0/", HTTP_HOST=HOST)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# Generated payloads: any StreamField keys and rich text values.

BLOCK_TYPES = ["heading", "paragraph", "image", "related_links", "callout", "nope", ""]
junk_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
number_like = st.one_of(
    st.integers(-3, 5).map(str), st.sampled_from(["", "abc", "1e3", "9" * 25, "-0", " 1"])
)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**12) | junk_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(junk_text, inner, max_size=3),
    max_leaves=8,
)
contentstate = st.fixed_dictionaries(
    {
        "blocks": st.lists(
            st.fixed_dictionaries(
                {
                    "key": junk_text,
                    "type": st.sampled_from(["unstyled", "header-two", "atomic", "x"]),
                    "depth": st.integers(-1, 3) | junk_text,
                    "text": junk_text,
                    "inlineStyleRanges": st.lists(json_value, max_size=2),
                    "entityRanges": st.lists(
                        st.fixed_dictionaries(
                            {"key": json_value, "offset": json_value, "length": json_value}
                        ),
                        max_size=2,
                    ),
                }
            ),
            max_size=2,
        ),
        "entityMap": st.dictionaries(
            st.sampled_from(["0", "1", "x"]),
            st.fixed_dictionaries(
                {
                    "type": st.sampled_from(["LINK", "DOCUMENT", "IMAGE", "x"]),
                    "mutability": st.just("MUTABLE"),
                    "data": st.dictionaries(st.sampled_from(["id", "url", "x"]), json_value),
                }
            ),
            max_size=2,
        ),
    }
)
rich_text_value = st.one_of(json_value.map(json.dumps), contentstate.map(json.dumps), junk_text)
stream_payload = st.fixed_dictionaries(
    {
        "body-count": number_like,
        "body-0-type": st.sampled_from(BLOCK_TYPES),
        "body-0-deleted": st.sampled_from(["", "1", None]),
        "body-0-order": number_like,
        "body-0-value": rich_text_value,
        "body-0-value-image": number_like,
        "body-0-value-text": junk_text,
        "body-0-value-links-count": number_like,
    }
)


@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(payload=stream_payload)
def test_generated_stream_payloads_never_break_the_form(editor, page, payload):
    data = {**page_data([]), **{key: value for key, value in payload.items() if value is not None}}
    before = state(page)
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors
        assert state(page) == before
    assert editor.post(f"/admin/pages/{page.pk}/edit/preview/", data).status_code == 200
