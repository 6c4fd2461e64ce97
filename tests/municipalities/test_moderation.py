import pytest
from django.urls import reverse

from cms.pages.models import ContentPage
from tests.factories import editor_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    """An editor of Menen changed /over/ and submitted it for moderation."""
    editor = editor_of("menen")
    page = ContentPage.objects.get(url_path="/menen/over/")
    page.title = "Over onze stad aan de Leie"
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow is not None
    workflow.start(page, editor)
    page.refresh_from_db()
    return page


def test_each_municipality_has_its_own_workflow(submitted):
    assert submitted.get_workflow().name == "Menen: moderatie"
    kortrijk = ContentPage.objects.get(url_path="/kortrijk/over/")
    assert kortrijk.get_workflow().name == "Kortrijk: moderatie"


def test_own_moderator_can_approve_others_cannot(submitted):
    task_state = submitted.current_workflow_task_state
    task = task_state.task.specific
    own = editor_of("menen", role="moderators")
    other = editor_of("kortrijk", role="moderators")
    editor = editor_of("menen")
    assert "approve" in [action for action, *_ in task.get_actions(submitted, own)]
    assert task.get_actions(submitted, other) == []
    assert task.get_actions(submitted, editor) == []


def test_approving_through_the_admin_publishes(client, submitted):
    task_state = submitted.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk]
    )
    client.force_login(editor_of("kortrijk", role="moderators"))
    response = client.post(url, {"comment": ""})
    assert response.status_code in (302, 403, 404)
    submitted.refresh_from_db()
    assert submitted.title != "Over onze stad aan de Leie"

    client.force_login(editor_of("menen", role="moderators"))
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    submitted.refresh_from_db()
    assert submitted.title == "Over onze stad aan de Leie"
    assert submitted.live
