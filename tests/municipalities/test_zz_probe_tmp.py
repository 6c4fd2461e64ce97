import io
import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from django.core.files.base import ContentFile
from wagtail.images.models import Image
from wagtail.documents.models import Document
from wagtail.models import Page, Site
from cms.municipalities.models import Municipality
from cms.pages.models import ContentPage
from tests.factories import editor_of

pytestmark = pytest.mark.django_db

def png():
    buf = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(buf, "PNG")
    return ImageFile(buf, name="x.png")

def test_probe(client):
    a = Municipality.objects.get(slug="kortrijk")
    b = Municipality.objects.get(slug="menen")
    home_b = b.site.root_page
    secret = ContentPage(title="Zwartboek xq7731 pagina", slug="geheim")
    home_b.add_child(instance=secret)
    rev = secret.save_revision()
    rev.publish()
    rev2 = secret.save_revision()
    img = Image.objects.create(title="Zwartboek xq7731 beeld", file=png(), collection=b.collection)
    doc = Document.objects.create(title="Zwartboek xq7731 doc", file=ContentFile(b"hi", name="g.txt"), collection=b.collection)
    own = a.site.root_page.get_children().first()
    user = editor_of("kortrijk", role="moderators")
    client.force_login(user)
    client.defaults["HTTP_HOST"] = "kortrijk.localhost:8000"
    urls = [
        "/admin/", "/admin/pages/", f"/admin/pages/{home_b.id}/", f"/admin/pages/{secret.id}/edit/",
        f"/admin/pages/{secret.id}/history/", f"/admin/pages/{secret.id}/history/results/",
        f"/admin/pages/{secret.id}/revisions/", f"/admin/pages/{secret.id}/revisions/{rev.id}/view/",
        f"/admin/pages/{secret.id}/revisions/compare/earliest...{rev2.id}/",
        f"/admin/pages/{secret.id}/edit/preview/", f"/admin/pages/{secret.id}/view_draft/",
        f"/admin/pages/{secret.id}/usage/", f"/admin/pages/{secret.id}/workflow_history/",
        f"/admin/pages/{secret.id}/move/", f"/admin/pages/{secret.id}/copy/", f"/admin/pages/{secret.id}/delete/",
        f"/admin/pages/{secret.id}/unpublish/", f"/admin/pages/{secret.id}/lock/", f"/admin/pages/{secret.id}/privacy/",
        f"/admin/pages/{home_b.id}/add_subpage/", f"/admin/pages/add/pages/contentpage/{home_b.id}/",
        "/admin/pages/usage/pages/contentpage/", "/admin/pages/create/pages/contentpage",
        "/admin/pages/search/?q=Zwartboek", "/admin/pages/search/results/?q=Zwartboek",
        "/admin/choose-page/", f"/admin/choose-page/{home_b.id}/", "/admin/choose-page/search/?q=Zwartboek",
        "/admin/images/", f"/admin/images/{img.id}/", f"/admin/images/{img.id}/delete/", "/admin/images/chooser/",
        "/admin/images/chooser/?q=Zwartboek", f"/admin/images/chooser/{img.id}/", f"/admin/images/usage/{img.id}/",
        f"/admin/images/{img.id}/generate_url/", f"/admin/images/{img.id}/preview/original/",
        "/admin/documents/", f"/admin/documents/edit/{doc.id}/", f"/admin/documents/delete/{doc.id}/",
        "/admin/documents/chooser/", "/admin/documents/chooser/?q=Zwartboek", f"/admin/documents/chooser/{doc.id}/",
        f"/admin/documents/usage/{doc.id}/",
        f"/documents/{doc.id}/g.txt",
        "/admin/forms/", "/admin/reports/", "/admin/reports/locked/", "/admin/reports/site-history/",
        "/admin/reports/aging-pages/", "/admin/reports/page-types-usage/", "/admin/reports/workflow/", "/admin/reports/workflow_tasks/",
        "/admin/localize/reports/translations/", f"/admin/localize/submit/page/{secret.id}/",
        "/admin/api/main/pages/?search=Zwartboek", f"/admin/api/main/pages/{secret.id}/",
        f"/admin/bulk/wagtailcore/page/delete/?id={secret.id}", f"/admin/bulk/wagtailcore/page/publish/?id={secret.id}",
        f"/admin/bulk/wagtailcore/page/unpublish/?id={secret.id}", f"/admin/bulk/wagtailcore/page/move/?id={secret.id}",
        f"/admin/bulk/wagtailimages/image/delete/?id={img.id}", f"/admin/bulk/wagtaildocs/document/delete/?id={doc.id}",
        f"/admin/bulk/wagtailimages/image/add_to_collection/?id={img.id}",
        f"/admin/settings/municipalities/municipality/{b.site.id}/", f"/admin/settings/municipalities/municipality/{a.site.id}/",
        "/admin/settings/municipalities/municipality/",
        "/admin/sites/", "/admin/collections/", "/admin/workflows/list/", "/admin/users/", "/admin/groups/", "/admin/snippets/",
        "/admin/redirects/", "/admin/locales/",
        "/api/v2/images/", "/api/v2/documents/", "/api/v2/pages/?search=Zwartboek", f"/api/v2/pages/{secret.id}/",
        f"/api/v2/images/{img.id}/", f"/api/v2/documents/{doc.id}/", "/api/v2/pages/?site=menen.localhost",
    ]
    with open("/tmp/probe/out.txt", "w") as out:
        for url in urls:
            try:
                r = client.get(url)
                body = r.content.decode(errors="replace") if hasattr(r, "content") else ""
                leak = "GEHEIMMENEN" in body or "Menen" in body
                import re as _re
                fn = "/tmp/probe/" + _re.sub(r"[^a-z0-9]+", "_", url)
                open(fn, "w").write(body)
                out.write(f"{r.status_code} {'LEAK' if 'xq7731' in body else ''} {'menen' if 'Menen' in body else ''} {url} {r.get('Location','')}\n")
            except ZeroDivisionError as e:
                out.write(f"EXC {url} {e!r}\n")
