"""Kortrijk's synced site with what a static copy must handle: an image, a public and a
private document, a private and an expired page, a French page, a paginated news list."""

import datetime as dt
import io
import json

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Locale, PageViewRestriction

from cms.municipalities.models import Municipality
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import ContentPage
from tests.forms.factories import make_form_page

Image, Document = get_image_model(), get_document_model()


def kortrijk():
    return Municipality.objects.select_related("site", "collection").get(slug="kortrijk")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), (20, 90, 160)).save(buffer, "PNG")
    return ImageFile(buffer, name="stadhuis.png")


class Content:
    """What the tests build on Kortrijk's site; attributes name each piece."""

    def __init__(self):
        municipality = kortrijk()
        home = municipality.site.root_page.specific
        collection = municipality.collection
        self.image = Image.objects.create(title="Stadhuis", file=png(), collection=collection)
        self.document = Document.objects.create(
            title="Jaarverslag",
            file=ContentFile(b"%PDF-1.4 public", name="jaarverslag 2025.pdf"),
            collection=collection,
        )
        internal = collection.add_child(name="Kortrijk intern")
        CollectionViewRestriction.objects.create(
            collection=internal, restriction_type=CollectionViewRestriction.LOGIN
        )
        self.private_document = Document.objects.create(
            title="Intern verslag",
            file=ContentFile(b"%PDF-1.4 private", name="intern.pdf"),
            collection=internal,
        )
        body = [
            {"type": "paragraph", "value": self._links()},
            {"type": "image", "value": {"image": self.image.pk, "alt_text": "Het stadhuis"}},
            {"type": "document", "value": {"document": self.document.pk, "title": ""}},
        ]
        self.page = publish(
            home, ContentPage(title="Stadhuis", slug="stadhuis", summary="Het stadhuis.")
        )
        self.page.body = json.dumps(body)
        self.page.save_revision().publish()
        self.private_page = publish(home, ContentPage(title="Intern", slug="intern"))
        PageViewRestriction.objects.create(
            page=self.private_page, restriction_type=PageViewRestriction.LOGIN
        )
        self.expired_page = publish(home, ContentPage(title="Voorbij", slug="voorbij"))
        ContentPage.objects.filter(pk=self.expired_page.pk).update(
            expire_at=timezone.now() - dt.timedelta(hours=1)
        )
        french_home = home.get_translation(Locale.objects.get(language_code="fr"))
        self.french_page = publish(
            french_home, ContentPage(title="Hôtel de ville", slug="hotel-de-ville")
        )
        self.form_page = make_form_page()
        news = NewsIndexPage.objects.child_of(home).get()
        for number in range(14):
            publish(
                news,
                NewsArticlePage(
                    title=f"Bericht {number:02d}",
                    slug=f"bericht-{number:02d}",
                    date=dt.date(2026, 1, 1) + dt.timedelta(days=number),
                ),
            )

    def _links(self):
        return (
            f'<p><a linktype="document" id="{self.document.pk}">Verslag</a> en '
            f'<a linktype="document" id="{self.private_document.pk}">intern</a>.</p>'
        )
