"""What the review's admin views share: the user's pages and one page."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.models import Page

from cms.catalogue.admin.review import can_edit
from cms.municipalities.trees import editable_pages

# The largest id an integer primary key holds; a larger one in a URL is no page.
MAX_ID = 2**31 - 1


def reviewable_pages(user):
    """The pages ``user`` may edit, with what the review lists show of them."""
    return with_review(Page.objects.filter(pk__in=editable_pages(user).values("pk")))


def with_review(pages):
    return pages.select_related("page_review__owner_user", "page_review__owner_group", "locale")


def page_for(request, page_id, schedule):
    """The page with that id in a municipality's tree that the user may edit: 404 when
    there is none, PermissionDenied when the user may not edit it."""
    if page_id > MAX_ID:
        raise Http404
    page = (
        with_review(schedule.annotate(Page.objects.filter(pk=page_id)))
        .select_related("content_type")
        .first()
    )
    if page is None or schedule.municipality_of(page) is None:
        raise Http404
    if not can_edit(request.user, page):
        raise PermissionDenied
    return page
