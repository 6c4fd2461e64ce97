import pytest
from wagtail.models import Locale

from cms.forms.models import FormPage

from .factories import make_form_page

pytestmark = pytest.mark.django_db


def test_a_form_page_is_translated_with_its_fields(host_client):
    page = make_form_page(to_address="meldingen@kortrijk.be")
    french = Locale.objects.get(language_code="fr")
    translated = page.copy_for_translation(french, copy_parents=True)
    translated.save_revision().publish()
    translated = FormPage.objects.get(pk=translated.pk)
    fields = list(translated.form_fields.all())
    assert [field.clean_name for field in fields] == [
        field.clean_name for field in page.form_fields.all()
    ]
    assert {field.locale_id for field in fields} == {french.pk}
    response = host_client("kortrijk").get(f"/fr/{translated.slug}/")
    assert response.status_code == 200
    assert 'for="id_naam"' in response.content.decode()
