"""Editors are stopped, with a message that says what to do, when content would be
inaccessible: skipped heading levels, images without alternative text, tables without
caption or headers, and links that do not say where they go."""

from io import StringIO

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from wagtail import blocks
from wagtail.admin.userbar import ContentCheckerItem, apply_userbar_hooks
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from cms.core.blocks import (
    BodyBlock,
    CallToActionBlock,
    ImageBlock,
    RelatedLinksBlock,
    RichTextBlock,
    TableBlock,
    VideoBlock,
)
from cms.core.blocks.samples import sample_image
from cms.core.validation import heading_order_errors, link_text_error, read_rich_text
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BODY = BodyBlock()


def heading(text, level):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def clean_body(*children):
    return BODY.clean(BODY.to_python(list(children)))


def body_errors(*children):
    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        clean_body(*children)
    return caught.value


def codes(error):
    return [item.code for item in error.non_block_errors.as_data()]


def messages(error):
    with translation.override("en"):
        return [str(message) for item in error.non_block_errors.as_data() for message in item]


def struct_error(block, value):
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(block.normalize(value))
    return dict(caught.value.block_errors)


class TestHeadingOrder:
    def test_headings_that_go_one_level_deeper_at_a_time_are_fine(self):
        clean_body(
            heading("Aanvragen", "h2"),
            heading("Wie", "h3"),
            paragraph("<h4>Inwoners</h4><p>Tekst</p>"),
            heading("Kosten", "h2"),
            paragraph("<h3>Korting</h3>"),
        )

    def test_a_body_without_headings_is_fine(self):
        clean_body(paragraph("<p>Alleen tekst.</p>"))

    def test_the_first_heading_must_be_level_2(self):
        error = body_errors(heading("Wat u nodig hebt", "h3"))
        assert codes(error) == ["first_heading_level"]
        assert messages(error) == [
            "The first heading, “Wat u nodig hebt”, is a level 3 heading. The page title "
            "is level 1, so the first heading must be level 2."
        ]

    def test_a_heading_may_not_skip_a_level(self):
        error = body_errors(heading("Aanvragen", "h2"), heading("Details", "h4"))
        assert codes(error) == ["heading_skips_level"]
        assert (
            "“Details” skips a level: it is level 4, but the heading before it is level 2"
            in (messages(error)[0])
        )

    def test_headings_inside_rich_text_count_too(self):
        error = body_errors(heading("Aanvragen", "h2"), paragraph("<p>x</p><h4>Details</h4>"))
        assert codes(error) == ["heading_skips_level"]
        error = body_errors(paragraph("<h3>Te diep</h3>"))
        assert codes(error) == ["first_heading_level"]

    def test_every_skip_is_reported_with_the_errors_of_the_components(self):
        error = body_errors(
            heading("Een", "h3"),
            heading("Twee", "h2"),
            heading("Drie", "h4"),
            {"type": "image", "value": {"image": sample_image().pk, "alt_text": ""}},
        )
        assert codes(error) == ["first_heading_level", "heading_skips_level"]
        assert set(error.block_errors) == {3}

    def test_the_rule_itself(self):
        assert heading_order_errors([]) == []
        headings, _links = read_rich_text("<h2>A</h2><p>x</p><h3>B <b>b</b></h3>")
        assert [(h.level, h.text) for h in headings] == [(2, "A"), (3, "B b")]
        assert heading_order_errors(headings) == []


class TestImages:
    def test_an_image_needs_alternative_text(self):
        errors = struct_error(ImageBlock(), {"image": sample_image(), "alt_text": ""})
        assert errors["alt_text"].code == "no_alt_text"

    def test_unless_it_is_marked_decorative(self):
        ImageBlock().clean(ImageBlock().normalize({"image": sample_image(), "decorative": True}))

    def test_an_image_with_alternative_text_is_fine(self):
        block = ImageBlock()
        block.clean(block.normalize({"image": sample_image(), "alt_text": "Het stadhuis"}))


class TestTables:
    def table(self, caption="Tarieven", headings=("Kaart", "Prijs"), rows=(("a", "b"),)):
        return {
            "table": {
                "caption": caption,
                "columns": [{"type": "text", "heading": text} for text in headings],
                "rows": [{"values": list(row)} for row in rows],
            },
            "row_headers": False,
        }

    def table_errors(self, value):
        errors = struct_error(TableBlock(), value)
        return [error.code for error in errors["table"].non_block_errors.as_data()]

    def test_a_table_with_caption_and_column_headings_is_fine(self):
        TableBlock().clean(TableBlock().normalize(self.table()))

    def test_a_table_needs_a_caption(self):
        assert self.table_errors(self.table(caption="  ")) == ["no_caption"]

    def test_every_column_needs_a_heading(self):
        assert self.table_errors(self.table(headings=("Kaart", ""))) == ["no_column_heading"]

    def test_an_empty_table_is_refused(self):
        assert self.table_errors(self.table(headings=(), rows=())) == ["no_columns", "no_rows"]


VAGUE = [
    "klik hier",
    "Hier",
    "hier.",
    "LEES MEER!",
    "lees  meer…",
    "click here",
    "here",
    "Read more",
    "meer",
    "(meer)",
]
CLEAR = [
    "Lees meer over de bewonerskaart",
    "Hier vindt u de afvalkalender",
    "Meer info over parkeren",
]


class TestLinkTexts:
    @pytest.mark.parametrize("text", VAGUE)
    def test_vague_link_texts_are_refused_whatever_the_case_or_punctuation(self, text):
        assert link_text_error(text).code == "vague_link_text"

    @pytest.mark.parametrize("text", CLEAR)
    def test_descriptive_link_texts_are_fine(self, text):
        assert link_text_error(text) is None

    def test_an_empty_link_text_is_refused(self):
        assert link_text_error(" … ").code == "empty_link_text"

    def test_in_rich_text(self):
        block = RichTextBlock()
        with pytest.raises(ValidationError) as caught:
            block.clean(block.normalize('<p>Zie <a href="https://example.org">Klik hier!</a></p>'))
        assert [error.code for error in caught.value.error_list] == ["vague_link_text"]
        with translation.override("en"):
            assert "“Klik hier!” does not say where the link goes" in caught.value.messages[0]
        block.clean(block.normalize('<p><a href="https://example.org">De afvalkalender</a></p>'))

    def test_in_rich_text_inside_a_component(self):
        error = body_errors(
            {
                "type": "callout",
                "value": {"kind": "info", "text": '<p><a href="https://example.org">meer</a></p>'},
            }
        )
        assert set(error.block_errors) == {0}

    def test_in_a_call_to_action(self):
        errors = struct_error(CallToActionBlock(), {"text": "Lees meer", "url": "https://e.org"})
        assert errors["text"].code == "vague_link_text"

    def test_in_related_links(self):
        block = RelatedLinksBlock()
        with pytest.raises(blocks.StructBlockValidationError) as caught:
            block.clean(block.normalize({"links": [{"text": "hier", "url": "https://e.org"}]}))
        link_errors = caught.value.block_errors["links"].block_errors
        assert link_errors[0].block_errors["text"].code == "vague_link_text"

    def test_a_link_needs_one_target_and_a_text_for_a_web_address(self):
        block = CallToActionBlock()
        assert struct_error(block, {"text": "Aanvragen"})["page"].code == "no_target"
        page = Page.objects.get(url_path="/kortrijk/over/")
        both = {"text": "Aanvragen", "page": page, "url": "https://e.org"}
        assert struct_error(block, both)["url"].code == "two_targets"
        related = RelatedLinksBlock().child_blocks["links"].child_block
        assert struct_error(related, {"url": "https://e.org"})["text"].code == "no_link_text"
        related.clean(related.normalize({"page": page}))  # reads the page's title


def test_a_video_must_come_from_youtube_or_vimeo():
    errors = struct_error(VideoBlock(), {"title": "Film", "url": "https://example.org/film.mp4"})
    assert errors["url"].code == "unknown_video_host"


class TestInTheEditor:
    """The rules stop a publish in Wagtail's page editor, with the message shown."""

    @pytest.fixture
    def page(self):
        return Page.objects.get(url_path="/kortrijk/over/").specific

    def post(self, client, page, body):
        admin = UserFactory(is_superuser=True, is_staff=True)
        profile = UserProfile.get_for_user(admin)
        profile.preferred_language = "en"  # the messages below are the English msgids
        profile.save()
        client.force_login(admin)
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "summary": page.summary,
                "body": streamfield(body),
                "comments": inline_formset([]),
            }
        )
        data["action-publish"] = "action-publish"
        return client.post(f"/admin/pages/{page.pk}/edit/", data)

    def test_a_skipped_heading_level_stops_the_publish_with_its_message(self, client, page):
        revision = page.live_revision_id
        response = self.post(client, page, [("heading", {"text": "Te diep", "level": "h4"})])
        assert response.status_code == 200
        error = response.context["form"].errors.as_data()["body"][0]
        assert codes(error) == ["first_heading_level"]
        # The message goes to the block editor (as JSON) that shows it above the body.
        assert "\\u201cTe diep\\u201d, is a level 4 heading" in response.content.decode()
        page.refresh_from_db()
        assert page.live_revision_id == revision

    def test_a_valid_body_is_published(self, client, page):
        response = self.post(
            client,
            page,
            [
                ("heading", {"text": "Bestuur", "level": "h2"}),
                ("paragraph", rich_text("<p>Het college van burgemeester en schepenen.</p>")),
            ],
        )
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.body[0].value["text"] == "Bestuur"


def test_wagtails_accessibility_checker_stays_on(rf):
    """Nothing in the project removes Wagtail's content checker (axe) from the userbar or
    from the editor's Checks panel."""
    page = Page.objects.get(url_path="/kortrijk/over/")
    request = rf.get("/")
    request.user = UserFactory(is_superuser=True)
    items = [ContentCheckerItem()]
    apply_userbar_hooks(request, items, page)
    checker = next(item for item in items if isinstance(item, ContentCheckerItem))
    configuration = checker.get_axe_configuration(request)
    rules = configuration["options"]["runOnly"]
    assert {"heading-order", "link-name", "empty-heading", "alt-text-quality"} <= set(rules)


def test_the_demo_content_follows_the_rules(settings):
    """Editors who open a demo page can publish it again without fixing anything."""
    settings.DEBUG = True
    call_command("setup_demo", "kortrijk", stdout=StringIO(), stderr=StringIO())
    home = Page.objects.get(url_path="/kortrijk/")
    checked = 0
    for page in Page.objects.descendant_of(home, inclusive=True).specific():
        if hasattr(page, "body"):
            page.body.stream_block.clean(page.body)
            checked += 1
    assert checked > 10


class TestEditorScreens:
    @pytest.fixture
    def admin_client(self, client):
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
        return client

    def test_the_page_editor_opens_with_every_component(self, admin_client):
        page = Page.objects.get(url_path="/kortrijk/over/")
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "typed_table_block/js/typed_table_block.js" in html

    @pytest.mark.parametrize("name", list(BODY.child_blocks))
    def test_the_block_picker_previews_each_component_with_the_site_stylesheet(
        self, admin_client, name
    ):
        page = Page.objects.get(url_path="/kortrijk/over/").specific
        block = page.body.stream_block.child_blocks[name]
        response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
        assert response.status_code == 200
        html = response.content.decode()
        assert "css/tokens.css" in html and "css/base.css" in html
        assert f"block-{name}" in html

    def test_the_table_editor_script_is_served(self):
        """The table component's editor needs ``wagtail.contrib.typed_table_block`` in
        INSTALLED_APPS; without it the admin would ask for a static file that does not
        exist (a server error under the production manifest storage)."""
        assert finders.find("typed_table_block/js/typed_table_block.js")
