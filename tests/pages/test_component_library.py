import itertools
import re
from html.parser import HTMLParser

import pytest
from django.utils.html import escape
from wagtail.models import Page

from cms.core.blocks import BodyBlock
from cms.pages.models import ComponentLibraryPage, HomePage

pytestmark = pytest.mark.django_db

COMPONENTS = BodyBlock().child_blocks


class Outline(HTMLParser):
    """The headings inside <main>, and every element's attributes there."""

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.headings = []
        self.attributes = []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        if not self.in_main:
            return
        self.attributes.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data


@pytest.fixture
def library():
    home = Page.objects.get(url_path="/kortrijk/").specific
    page = ComponentLibraryPage(
        title="Componenten", slug="componenten", summary="Alle bouwstenen van een pagina."
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def outline(host_client, library):
    response = host_client("kortrijk").get("/componenten/")
    assert response.status_code == 200
    parser = Outline()
    parser.feed(response.content.decode())
    parser.response = response
    return parser


def test_editors_can_add_one_library_under_a_home_page():
    assert ComponentLibraryPage in HomePage.allowed_subpage_models()
    assert ComponentLibraryPage.allowed_parent_page_models() == [HomePage]
    assert ComponentLibraryPage.max_count_per_parent == 1


def test_library_shows_every_component_under_its_own_level_2_heading(outline):
    h2s = [text for level, text in outline.headings if level == 2]
    assert h2s == [str(block.label) for block in COMPONENTS.values()]
    html = outline.response.content.decode()
    for name, block in COMPONENTS.items():
        assert f'id="component-{name}"' in html
        assert escape(str(block.get_description())) in html


def test_library_has_one_h1_and_never_skips_a_heading_level(outline):
    levels = [level for level, _text in outline.headings]
    assert levels.count(1) == 1
    assert levels[0] == 1
    for previous, level in itertools.pairwise(levels):
        assert level <= previous + 1, outline.headings


def test_library_previews_render_real_markup(outline):
    html = outline.response.content.decode()
    for fragment in (
        "<details",  # accordion
        'class="cta__button"',
        "<blockquote",
        '<th scope="row"',
        "<caption>Tarieven bewonerskaart</caption>",
        "<address>",
        "(PDF, 1 kB)",
        'data-video-embed="https://www.youtube-nocookie.com/embed/',
        'type="image/avif"',
        'type="image/webp"',
    ):
        assert fragment in html, fragment


def test_library_has_no_inline_styles_and_nothing_from_a_video_host(outline):
    for tag, attrs in outline.attributes:
        assert "style" not in attrs, tag
        if tag in {"iframe", "img", "script", "source", "link"}:
            for name in ("src", "srcset"):
                assert "youtube" not in attrs.get(name, ""), (tag, attrs)
    assert all(tag != "iframe" for tag, _attrs in outline.attributes)


def test_library_images_have_width_variants_and_dimensions(outline):
    images = [attrs for tag, attrs in outline.attributes if tag == "img"]
    assert images
    for attrs in images:
        assert attrs["width"] and attrs["height"] and attrs["loading"] == "lazy"
        if "srcset" in attrs:
            descriptors = re.findall(r" (\d+)w", attrs["srcset"])
            assert len(descriptors) == len(set(descriptors)) > 1
            assert attrs["sizes"]


def test_library_lists_components_in_the_api(client, library):
    response = client.get(
        f"/api/v2/pages/{library.pk}/?fields=components", HTTP_HOST="kortrijk.localhost:8000"
    )
    assert response.status_code == 200
    components = response.json()["components"]
    assert [item["type"] for item in components] == list(COMPONENTS)
    heading = next(item for item in components if item["type"] == "heading")
    assert heading["value"] == {"text": "Wat heeft u nodig?", "level": 3}
