"""Every component renders its sample value and gives clean JSON to the API."""

import datetime as dt
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from cms.core.blocks import (
    BodyBlock,
    CalloutBlock,
    CallToActionBlock,
    ContactCardBlock,
    DocumentBlock,
    ImageBlock,
    OpeningHoursCardBlock,
    RelatedLinksBlock,
    RichTextBlock,
    StepsBlock,
    TableBlock,
    VideoBlock,
    stream_data,
)
from cms.core.blocks.contact_card import tel_href
from cms.core.blocks.document import file_size_label
from cms.core.blocks.samples import sample_document, sample_image
from cms.core.blocks.video import parse_video_url
from cms.core.opening_hours import BRUSSELS, WeeklyHours
from cms.core.templatetags import voordeur
from cms.pages.models import ContentPage

pytestmark = pytest.mark.django_db

BODY = BodyBlock()
COMPONENTS = list(BODY.child_blocks.items())
TEMPLATES = Path(settings.BASE_DIR) / "themes" / "base" / "templates"


def render(block, value=None, request=None):
    value = block.get_preview_value() if value is None else block.normalize(value)
    return block.render(value, context={"request": request or RequestFactory().get("/")})


def test_the_body_offers_every_component_in_a_sensible_order():
    assert [name for name, _block in COMPONENTS] == [
        "heading",
        "paragraph",
        "image",
        "call_to_action",
        "callout",
        "steps",
        "accordion",
        "table",
        "quote",
        "contact",
        "opening_hours",
        "document",
        "video",
        "related_links",
    ]


@pytest.mark.parametrize(("name", "block"), COMPONENTS, ids=[name for name, _ in COMPONENTS])
def test_each_component_has_icon_template_description_and_preview(name, block):
    assert block.meta.icon not in {None, "", "placeholder"}
    template = block.meta.template
    assert template.startswith("components/")
    assert (TEMPLATES / template).is_file()
    assert str(block.get_description())
    assert block.is_previewable
    assert block.get_preview_value()


@pytest.mark.parametrize(("name", "block"), COMPONENTS, ids=[name for name, _ in COMPONENTS])
def test_each_component_renders_its_preview_value_without_inline_styles(name, block):
    html = render(block)
    assert html.strip()
    assert "style=" not in html
    assert "<iframe" not in html


@pytest.mark.parametrize(("name", "block"), COMPONENTS, ids=[name for name, _ in COMPONENTS])
def test_each_component_gives_the_api_clean_json(name, block):
    data = block.get_api_representation(block.get_preview_value())
    text = json.dumps(data)  # raises on anything that is not plain JSON
    assert "linktype" not in text  # no Wagtail-internal rich text


def test_rich_text_allows_headings_2_to_4_lists_links_and_emphasis_only():
    features = set(BODY.child_blocks["paragraph"].features)
    assert features == {"h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"}


def test_rich_text_api_has_real_urls_of_internal_links():
    page = Page.objects.get(url_path="/kortrijk/over/")
    block = RichTextBlock()
    value = block.normalize(f'<p>Zie <a linktype="page" id="{page.pk}">over de stad</a>.</p>')
    html = block.get_api_representation(value)
    assert 'href="' in html and "linktype" not in html
    assert "/over/" in html


def test_heading_api_gives_the_level_as_a_number():
    block = BODY.child_blocks["heading"]
    value = block.normalize({"text": "Kosten", "level": "h3"})
    assert block.get_api_representation(value) == {"text": "Kosten", "level": 3}
    assert render(block, {"text": "Kosten", "level": "h3"}).strip() == "<h3>Kosten</h3>"


class TestImage:
    def test_renditions_in_avif_and_webp_with_width_variants_and_a_jpeg_fallback(self):
        html = render(ImageBlock())
        sources = re.findall(r'<source type="([^"]+)" srcset="([^"]+)" sizes="[^"]+">', html)
        assert [kind for kind, _srcset in sources] == ["image/avif", "image/webp"]
        for _kind, srcset in sources:
            assert re.findall(r" (\d+)w", srcset) == ["480", "800", "1200"]
        img = re.search(r"<img [^>]+>", html).group(0)
        assert re.search(r'srcset="[^"]+\.jpg 480w, [^"]+\.jpg 800w, [^"]+\.jpg 1200w"', img)
        assert 'width="1200"' in img and 'height="750"' in img
        assert 'loading="lazy"' in img and "sizes=" in img
        assert 'alt="Getekend landschap' in img
        assert "<figcaption>" in html

    def test_a_small_image_is_never_enlarged_nor_listed_twice(self):
        image = sample_image()
        image.width, image.height = 640, 400  # as if the original were narrower
        block = ImageBlock()
        context = block.get_context(block.normalize({"image": image, "alt_text": "x"}))
        srcset = context["picture"]["srcset"]
        assert re.findall(r" (\d+)w", srcset) == ["480", "640"]

    def test_a_decorative_image_has_an_empty_alt(self):
        block = ImageBlock()
        value = {"image": sample_image(), "alt_text": "ignored", "decorative": True}
        assert 'alt=""' in render(block, value)
        assert block.get_api_representation(block.normalize(value))["alt"] == ""

    def test_api_gives_one_rendition_with_its_size(self):
        block = ImageBlock()
        data = block.get_api_representation(block.get_preview_value())
        assert data["width"] == 1200 and data["height"] == 750
        assert data["url"].endswith(".jpg") or data["url"].endswith(".jpeg")
        assert data["decorative"] is False and data["alt"]


def test_call_to_action_is_a_link_with_an_arrow_not_a_button():
    html = render(CallToActionBlock())
    assert re.search(r'<a class="cta__button" href="https://www.example.org/bewonerskaart">', html)
    assert '<svg class="cta__arrow" aria-hidden="true"' in html
    assert "<button" not in html


def test_call_to_action_to_a_page_uses_its_url_and_title():
    page = Page.objects.get(url_path="/kortrijk/contact/")
    block = CallToActionBlock()
    value = block.normalize({"text": "Neem contact op", "page": page})
    assert 'href="/contact/"' in render(
        block, value, RequestFactory().get("/", HTTP_HOST="kortrijk.localhost:8000")
    )
    assert block.get_api_representation(value)["url"].endswith("/contact/")


@pytest.mark.parametrize(("kind", "label"), [("info", "Info"), ("warning", "Warning")])
def test_callout_names_its_kind_in_words_not_only_in_colour(kind, label):
    block = CalloutBlock()
    with translation.override("en"):
        html = render(block, {"kind": kind, "text": "<p>Tekst</p>"})
    assert f'class="callout callout--{kind}" role="note"' in html
    assert f'<span class="callout__label">{label}</span>' in html


def test_steps_are_an_ordered_list():
    html = render(StepsBlock())
    assert html.strip().startswith('<ol class="steps">')
    assert html.count("<li") == 3


def test_accordion_uses_native_details_and_summary():
    html = render(BODY.child_blocks["accordion"])
    assert html.count("<details") == html.count("<summary") == 2


def test_table_has_a_caption_column_headers_and_optional_row_headers():
    html = render(TableBlock())
    assert "<caption>Tarieven bewonerskaart</caption>" in html
    assert html.count('<th scope="col"') == 2
    assert html.count('<th scope="row">') == 3
    value = TableBlock().get_preview_value()
    value["row_headers"] = False
    assert '<th scope="row">' not in render(TableBlock(), value)


def test_table_api_lists_columns_and_rows():
    block = TableBlock()
    data = block.get_api_representation(block.get_preview_value())
    assert data["caption"] == "Tarieven bewonerskaart"
    assert data["columns"][0] == {"heading": "Kaart", "type": "text"}
    assert data["rows"][0] == ["Eerste wagen", "€ 25"]


def test_quote_is_a_blockquote_with_its_citation():
    html = render(BODY.child_blocks["quote"])
    assert "<blockquote" in html and "<figcaption" in html and "<cite>" in html


def test_contact_card_links_phone_and_e_mail():
    html = render(ContactCardBlock())
    assert 'href="tel:+3256270000"' in html
    assert 'href="mailto:burgerzaken@example.org"' in html
    assert tel_href("+32 (0)56 27.00.00") == "tel:+3256270000"
    assert tel_href("056/27 00 00") == "tel:+3256270000"


def test_contact_card_links_to_the_opening_hours_page():
    page = Page.objects.get(url_path="/kortrijk/contact/")
    block = ContactCardBlock()
    value = {"name": "Onthaal", "hours_page": page}
    request = RequestFactory().get("/", HTTP_HOST="kortrijk.localhost:8000")
    with translation.override("en"):
        assert '<a href="/contact/">Opening hours of Onthaal</a>' in render(block, value, request)
    assert block.get_api_representation(block.normalize(value))["hours_url"].endswith("/contact/")


class TestOpeningHours:
    HOURS = {"monday": ["08:30-12:00"], "tuesday": ["13:00-16:00"]}

    def render_at(self, monkeypatch, moment):
        class Frozen(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return moment

        monkeypatch.setattr(voordeur, "dt", SimpleNamespace(datetime=Frozen))
        block = OpeningHoursCardBlock()
        value = {"title": "Openingsuren", "hours": stream_data(WeeklyHours.from_config(self.HOURS))}
        with translation.override("en"):
            return render(block, value)

    def test_open_now_is_worked_out_in_brussels_time(self, monkeypatch):
        # 07:45 UTC on Monday 30 November 2026 is 08:45 in Brussels.
        html = self.render_at(monkeypatch, dt.datetime(2026, 11, 30, 7, 45, tzinfo=dt.UTC))
        assert "Open now, until 12:00." in html

    def test_closed_says_when_it_opens_next(self, monkeypatch):
        html = self.render_at(monkeypatch, dt.datetime(2026, 11, 30, 13, 0, tzinfo=BRUSSELS))
        assert "Closed now. Opens Tuesday 1 December at 13:00." in html

    def test_weekly_table_and_closing_days(self):
        html = render(OpeningHoursCardBlock())
        assert "<caption>Openingsuren van het onthaal</caption>" in html
        assert html.count('<th scope="row">') == 7
        assert "Kerstmis" in html and '<time datetime="' in html

    def test_api_gives_the_weekly_hours(self):
        block = OpeningHoursCardBlock()
        data = block.get_api_representation(block.get_preview_value())
        assert data["hours"]["monday"] == [["08:30", "12:00"], ["13:30", "16:00"]]
        assert data["hours"]["closed"][0]["reason"] == "Kerstmis"


class TestDocument:
    def test_link_text_names_file_type_and_size(self):
        html = render(DocumentBlock())
        link = re.search(r'<a class="download__link" href="([^"]+)">(.*?)</a>', html, re.S)
        assert link.group(1).endswith(".pdf")
        assert link.group(2).endswith(
            "Politiereglement op het gebruik van de openbare weg "
            '<span class="download__meta">(PDF, 1 kB)</span>'
        )

    def test_without_a_link_text_the_document_title_is_used(self):
        html = render(DocumentBlock(), {"document": sample_document()})
        assert "Voorbeeldreglement (componentenbibliotheek) <span" in html

    @pytest.mark.parametrize(
        ("size", "label"),
        [(240, "1 kB"), (240_000, "240 kB"), (240_001, "241 kB"), (1_234_567, "1,2 MB")],
    )
    def test_file_sizes_read_as_people_say_them(self, size, label):
        with translation.override("nl"):
            assert file_size_label(size) == label

    def test_api_gives_type_size_and_url(self):
        block = DocumentBlock()
        data = block.get_api_representation(block.get_preview_value())
        assert data["file_type"] == "PDF" and data["file_size"] > 0
        assert data["url"].endswith(".pdf")


class TestVideo:
    def test_nothing_is_loaded_from_the_host_until_asked(self):
        html = render(VideoBlock())
        assert "<iframe" not in html
        for attribute in re.findall(r'\b(?:src|srcset|poster)="([^"]*)"', html):
            assert "youtube" not in attribute and "vimeo" not in attribute
        assert 'href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"' in html
        assert 'data-video-embed="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"' in html
        assert "autoplay" not in html
        assert re.search(r'<script src="[^"]*js/video\.js" defer></script>', html)

    def test_the_link_names_the_video_and_a_transcript_is_offered(self):
        with translation.override("en"):
            html = render(VideoBlock())
        assert "Watch the video “Zo sorteert u uw afval” (YouTube)" in html
        assert '<a href="https://www.example.org/transcriptie">' in html

    def test_a_poster_comes_from_our_own_site(self):
        value = {**VideoBlock().get_preview_value(), "poster": sample_image()}
        html = render(VideoBlock(), value)
        assert re.search(r'<img class="video__poster" src="/media/[^"]+\.webp"[^>]* alt=""', html)

    def test_the_script_swaps_in_the_player_only_on_click(self):
        script = (Path(settings.BASE_DIR) / "themes/base/static/js/video.js").read_text()
        assert 'addEventListener("click"' in script
        assert "autoplay" not in script

    @pytest.mark.parametrize(
        ("url", "embed"),
        [
            (
                "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10",
                "youtube-nocookie.com/embed/aqz-KE-bpKQ",
            ),
            ("https://youtu.be/aqz-KE-bpKQ", "youtube-nocookie.com/embed/aqz-KE-bpKQ"),
            (
                "https://www.youtube.com/shorts/aqz-KE-bpKQ",
                "youtube-nocookie.com/embed/aqz-KE-bpKQ",
            ),
            ("https://vimeo.com/76979871", "player.vimeo.com/video/76979871?dnt=1"),
            ("https://player.vimeo.com/video/76979871", "player.vimeo.com/video/76979871?dnt=1"),
        ],
    )
    def test_youtube_and_vimeo_addresses_are_recognised(self, url, embed):
        assert parse_video_url(url).embed_url.endswith(embed)

    @pytest.mark.parametrize(
        "url",
        ["https://example.org/video.mp4", "https://www.youtube.com/", "https://vimeo.com/abc"],
    )
    def test_other_addresses_are_not_videos(self, url):
        assert parse_video_url(url) is None

    def test_api_gives_watch_and_embed_addresses(self):
        block = VideoBlock()
        data = block.get_api_representation(block.get_preview_value())
        assert data["provider"] == "YouTube"
        assert data["embed_url"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
        assert data["transcript"] == "https://www.example.org/transcriptie"


class TestRelatedLinks:
    def test_a_list_of_links(self):
        html = render(RelatedLinksBlock())
        assert html.count("<li><a href=") == 2
        assert "Meer over mobiliteit" in html

    def test_unpublished_pages_are_left_out(self):
        page = Page.objects.get(url_path="/kortrijk/over/")
        page.live = False
        page.save(update_fields=["live"])
        value = {
            "links": [{"page": page}, {"text": "Vlaanderen", "url": "https://www.vlaanderen.be"}]
        }
        html = render(RelatedLinksBlock(), value)
        assert html.count("<li>") == 1 and "over" not in html


def test_a_content_page_with_every_component_publishes_and_renders(host_client):
    """Every page type gets the components through BodyPageMixin: a page with all of them
    passes validation, is published (and indexed for search) and renders."""
    body = [("heading", BODY.child_blocks["heading"].normalize({"text": "Alles", "level": "h2"}))]
    body += [(name, block.get_preview_value()) for name, block in COMPONENTS]
    parent = Page.objects.get(url_path="/kortrijk/over/").specific
    page = parent.add_child(instance=ContentPage(title="Alle componenten", slug="alles", body=body))
    BODY.clean(page.body)
    page.save_revision().publish()
    response = host_client("kortrijk").get("/over/alles/")
    assert response.status_code == 200
    html = response.content.decode()
    for name, _block in COMPONENTS:
        assert f"block-{name}" not in html  # components own their markup: no wrapper divs
    assert 'class="cta__button"' in html and "<details" in html and "<picture>" in html
    api = host_client("kortrijk").get(f"/api/v2/pages/{page.pk}/?fields=body")
    assert api.status_code == 200
    types = [item["type"] for item in api.json()["body"]]
    assert types == ["heading", *(name for name, _block in COMPONENTS)]
