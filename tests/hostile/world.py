"""What the hostile sweep requests as: one municipality's content (one page of every type, an
image, a document, a form page, an alert, a share link, a regional service and journey) and a
client logged in as a role of that municipality on its own host.

Converters in URL patterns are filled with the ids of these objects (``values``), so every
view is reached with an object the role may legitimately see, and with junk.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page, PageSubscription, Task, Workflow
from wagtail.users.models import UserProfile

from cms.alerts.models import Alert
from cms.events.models import EventPage
from cms.journeys.models import RegionalJourney
from cms.locations.models import ContactPage, LocationPage
from cms.municipalities.access import editor_group_names
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import ComponentLibraryPage
from cms.sharing.models import ShareLink
from cms.sitesync.journeys import ensure_local_journeys
from tests.catalogue.factories import RegionalServiceFactory, local_page
from tests.catalogue.test_eligibility import FLOW
from tests.factories import editor_of
from tests.forms.factories import make_form_page
from tests.municipalities.isolation import build_area, host

SLUG = "kortrijk"
ROLES = ("anonymous", "editors", "moderators")


@dataclass
class World:
    slug: str
    role: str
    host: str
    user: object
    values: dict
    page_paths: list  # one public address of every page type, plus sub-routes
    models: dict = field(default_factory=dict)


def _child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _pages(area, slug):
    home = area.home
    now = timezone.now()
    news_index = NewsIndexPage.objects.child_of(home).get()
    news = _child(news_index, NewsArticlePage(title="Vijandig nieuws", slug="vijandig"))
    event_index = Page.objects.child_of(home).get(slug="evenementen").specific
    event = _child(
        event_index,
        EventPage(
            title="Vijandig evenement",
            slug="vijandig",
            start=now + dt.timedelta(days=3),
            place="Markt",
        ),
    )
    contact = ContactPage.objects.child_of(home).get()
    location = _child(
        contact,
        LocationPage(
            title="Vijandig loket", slug="vijandig", address="Markt 1", postcode="8500", city="X"
        ),
    )
    _child(home, ComponentLibraryPage(title="Componenten", slug="componenten", summary="Alle."))
    form = make_form_page(slug, page_slug="vijandig-formulier", title="Vijandig formulier")
    service = RegionalServiceFactory(
        identifier="vijandige-dienst", name="Vijandige dienst", eligibility=FLOW
    )
    local = local_page(slug, service)
    journey = RegionalJourney.objects.create(
        locale=Locale.objects.get(language_code="nl"),
        identifier="vijandig-traject",
        title="Vijandig traject",
        summary="Een traject.",
        steps=[
            {
                "type": "step",
                "value": {
                    "title": "Stap",
                    "items": [{"type": "service", "value": service.pk}],
                    "optional": False,
                    "choice": "all",
                },
            }
        ],
    )
    ensure_local_journeys(home, [])
    journey_page = Page.objects.filter(url_path__startswith=home.url_path, slug=journey.identifier)
    return {
        "news": news,
        "event": event,
        "location": location,
        "form": form,
        "service": service,
        "local": local,
        "journey": journey,
        "journey_page": journey_page.first(),
    }


def build_world(client, role, slug=SLUG):
    area = build_area(slug, with_moderation=True)
    made = _pages(area, slug)
    user = None
    if role != "anonymous":
        user = editor_of(slug, role=role)
        client.force_login(user)
        # Made on first sight by Wagtail (even by a refused request): made here, up front.
        UserProfile.get_for_user(user)
        PageSubscription.objects.get_or_create(
            page=area.page, user=user, defaults={"comment_notifications": False}
        )
    client.defaults["HTTP_HOST"] = host(slug)
    municipality = area.municipality
    alert = Alert.objects.create(
        municipality=municipality,
        title="Vijandige melding",
        text="Tekst.",
        starts_at=timezone.now() - dt.timedelta(hours=1),
    )
    link, token = ShareLink.create_for(area.page, user)
    group = Group.objects.get(name=editor_group_names(slug)[0])
    workflow = Workflow.objects.filter(workflow_pages__page=area.home).first()
    task = Task.objects.filter(workflow_tasks__workflow=workflow).first()
    page = area.page
    values = {
        "page_id": page.pk,
        "parent_page_id": area.home.pk,
        "page_to_move_id": page.pk,
        "destination_id": area.home.pk,
        "revision_id": area.draft_revision.pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_state_id": area.task_state.pk,
        "workflow_state_id": area.task_state.workflow_state_id,
        "task_id": task.pk if task else 1,
        "image_id": area.image.pk,
        "document_id": area.document.pk,
        "doc_id": area.document.pk,
        "collection_id": area.collection.pk,
        "feedback_id": 1,
        "link_id": link.pk,
        "token": token,
        "subpath": "over",
        "identifier": made["service"].identifier,
        "filter_spec": "fill-10x10",
        "action_name": "approve",
        "action": "delete",
        "app_label": "pages",
        "model_name": "contentpage",
        "app_name": "municipalities",
        "content_type_app_name": "pages",
        "content_type_model_name": "contentpage",
        "object_id": page.pk,
        "mode": "x",
        "session_id": 1,
        "uploaded_file_id": 1,
        "translation_id": 1,
        "translation_source_id": 1,
        "string_segment_id": 1,
        "overridable_segment_id": 1,
        "restriction_id": 1,
        "page_view_restriction_id": 1,
        "uidb64": "MQ",
        "pk": page.pk,
    }
    # ``pk`` means the object of the view's namespace (by the namespace's last word).
    pks = {
        "alert": alert.pk,
        "regionalservice": made["service"].pk,
        "regionaljourney": made["journey"].pk,
        "bestbet": 1,
        "collections": area.collection.pk,
        "workflows": workflow.pk if workflow else 1,
        "users": user.pk if user else 1,
        "groups": group.pk,
        "sites": area.site.pk,
        "wagtaillocales": area.home.locale_id,
        "wagtailsettings": municipality.pk,
        "images": area.image.pk,
        "documents": area.document.pk,
        "pages": page.pk,
        "wagtailimages_chooser": area.image.pk,
        "wagtaildocs_chooser": area.document.pk,
    }
    values["pks"] = pks
    paths = ["/", "/componenten/", "/fr/", "/en/"]
    for page_obj in (area.home, area.page, *(made[k] for k in ("news", "event", "location"))):
        paths.append(_path(page_obj))
    for key in ("form", "local", "journey_page"):
        if made[key] is not None:
            paths.append(_path(made[key]))
    paths.append(_path(made["local"]) + "kom-ik-in-aanmerking/")
    for child in Page.objects.child_of(area.home).live():
        paths.append(_path(child))
    world = World(slug, role, host(slug), user, values, list(dict.fromkeys(paths)))
    world.models = {"area": area, **made}
    return world


def _path(page):
    """The page's path on its own site (its url_path minus the site root's)."""
    parts = page.url_path.strip("/").split("/")[1:]
    return "/" + "".join(f"{part}/" for part in parts)
