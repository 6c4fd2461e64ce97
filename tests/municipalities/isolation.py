"""Set-up shared by the test_isolation*.py modules: an editor of municipality A, logged in on
A's host, against content of municipality B.

Everything B has carries B's *marker* in its title (home page, a live page with a draft,
an image, a document and, on request, a page in moderation); no request a test makes
contains the marker, so finding it in a response means B's content leaked. A's own content
carries A's marker, which the positive controls look for.
"""

import io
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage
from tests.factories import editor_of

# Sampled pairs (editor of the first, content of the second); the sweep covers the rest.
PAIRS = [("kortrijk", "menen"), ("anzegem", "zwevegem"), ("wevelgem", "kortrijk")]
PAIR_IDS = [f"{a}_to_{b}" for a, b in PAIRS]
ROLES = ["editors", "moderators"]
SEARCH_WORD = "Zwartboek"  # in every title, A's and B's; never a marker itself
REFUSED = (302, 403, 404)


def host(slug):
    return f"{slug}.localhost:8000"


def marker_of(slug):
    return f"q7731{slug}x"


def tiny_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (2, 2), "red").save(buffer, "PNG")
    return ImageFile(buffer, name="pixel.png")


@dataclass
class Area:
    """One municipality's content, marked."""

    municipality: Municipality
    marker: str
    home: ContentPage
    page: ContentPage
    live_revision: object
    draft_revision: object
    image: object
    document: object
    pending: ContentPage | None = None
    task_state: object = None

    @property
    def site(self):
        return self.municipality.site

    @property
    def collection(self):
        return self.municipality.collection


def build_area(slug, *, with_moderation=False):
    municipality = Municipality.objects.select_related("site", "collection").get(slug=slug)
    marker = marker_of(slug)
    home = municipality.site.root_page.specific
    home.title = f"{SEARCH_WORD} {marker} home"
    home.save_revision().publish()

    page = ContentPage(title=f"{SEARCH_WORD} {marker} page", slug=f"zwartboek-{slug}")
    home.add_child(instance=page)
    live_revision = page.save_revision()
    live_revision.publish()
    draft_revision = page.save_revision()  # unpublished changes, so there is a draft

    image = get_image_model().objects.create(
        title=f"{SEARCH_WORD} {marker} image", file=tiny_png(), collection=municipality.collection
    )
    document = get_document_model().objects.create(
        title=f"{SEARCH_WORD} {marker} document",
        file=ContentFile(b"zwartboek", name="zwartboek.txt"),
        collection=municipality.collection,
    )
    area = Area(municipality, marker, home, page, live_revision, draft_revision, image, document)
    if with_moderation:
        # B's editor submits a page; B's moderator has locked the home page.
        editor, moderator = editor_of(slug), editor_of(slug, role="moderators")
        pending = ContentPage(title=f"{SEARCH_WORD} {marker} pending", slug=f"wacht-{slug}")
        pending.live = False
        home.add_child(instance=pending)
        pending.save_revision(user=editor)
        workflow_state = pending.get_workflow().start(pending, editor)
        area.pending = pending
        area.task_state = workflow_state.current_task_state
        home.locked, home.locked_by = True, moderator
        home.save(update_fields=["locked", "locked_by"])
    return area


@dataclass
class World:
    client: object
    user: object
    own: Area
    other: Area
    problems: list = field(default_factory=list)

    # Requests --------------------------------------------------------------------------

    def get(self, url, **kwargs):
        return self.client.get(url, **kwargs)

    def post(self, url, data=None, **kwargs):
        return self.client.post(url, data or {}, **kwargs)

    # Expectations: collected, so one test reports every vector that fails ----------------

    def refused(self, response, label, *, redirects=("/admin/",), also=()):
        """403 or 404, or a redirect to the admin home (or another allowed page of A's), or
        to the login; never B's content."""
        status = response.status_code
        if status not in (*REFUSED, *also):
            self.problems.append(f"{label}: status {status}, expected refusal")
        elif status == 302:
            target = urlsplit(response["Location"]).path
            if target not in redirects and not target.startswith("/admin/login/"):
                self.problems.append(f"{label}: redirected to {target}")
        self.no_leak(response, label)

    def clean(self, response, label, *, expect_own=False, status=200):
        """Answered normally, with nothing of B (and, with expect_own, A's own content)."""
        if response.status_code != status:
            self.problems.append(f"{label}: status {response.status_code}, expected {status}")
        self.no_leak(response, label)
        if expect_own and self.own.marker not in self._body(response):
            self.problems.append(f"{label}: A's own content missing (positive control)")

    def clean_or_refused(self, response, label):
        """For views a role may lack: either answered without B, or refused."""
        if response.status_code == 200:
            self.clean(response, label)
        else:
            self.refused(response, label)

    def check(self, condition, label):
        if not condition:
            self.problems.append(label)

    def done(self):
        assert not self.problems, "\n".join(self.problems)

    def no_leak(self, response, label):
        if self.other.marker in self._body(response):
            self.problems.append(f"{label}: shows B's content")

    @staticmethod
    def _body(response):
        if not hasattr(response, "_isolation_body"):
            content = (
                b"".join(response.streaming_content)
                if getattr(response, "streaming", False)
                else response.content
            )
            response._isolation_body = content.decode(errors="replace")
        return response._isolation_body


def make_world(client, own_slug, other_slug, role="editors", *, with_moderation=False):
    own = build_area(own_slug)
    other = build_area(other_slug, with_moderation=with_moderation)
    user = editor_of(own_slug, role=role)
    client.force_login(user)
    client.defaults["HTTP_HOST"] = host(own_slug)
    return World(client, user, own, other)
