"""Admin views guarded against input Wagtail takes for granted; ``urlpatterns`` is
included before Wagtail's admin URLs (cms/urls.py).

The image preview (``/admin/images/<id>/preview/<filter spec>/``): seen on Wagtail 8.0.1,
Wagtail refuses an unknown operation but runs a known one with any size, so
``fill-0x0`` or ``width-0`` divides by zero (a server error) and
``fill-99999999x99999999`` asks Pillow for an image of that size. Here a filter spec with
a size of zero or beyond ``MAX_SIZE`` answers 400 before Wagtail's view runs.

A page's revision (view, revert, unschedule): seen on Wagtail 8.0.1, a revision id that is
not one of the page's revisions gets past Wagtail's lookup as None and fails later with
``AttributeError`` (a server error); here it answers 404 first.
"""

from django.http import Http404, HttpResponseBadRequest
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import Filter
from wagtail.images.views import images
from wagtail.models import Revision
from wagtail.utils.urlpatterns import decorate_urlpatterns

__all__ = ["MAX_SIZE", "filter_spec_error", "image_preview", "page_revision", "urlpatterns"]

MAX_SIZE = 5000  # pixels, wider or higher than any rendition the site uses
SIZE_ATTRIBUTES = ("width", "height", "size")


def filter_spec_error(filter_spec):
    """Why a filter spec cannot be previewed, or None when it can."""
    try:
        operations = Filter(spec=filter_spec).operations
    except (InvalidFilterSpecError, ValueError, TypeError, OverflowError):
        return _("This is not a valid image filter.")
    for operation in operations:
        for name in SIZE_ATTRIBUTES:
            size = getattr(operation, name, None)
            if isinstance(size, int) and not 1 <= size <= MAX_SIZE:
                return _("Choose sizes from 1 to %(max)s pixels.") % {"max": MAX_SIZE}
    return None


def image_preview(request, image_id, filter_spec):
    error = filter_spec_error(filter_spec)
    if error is not None:
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    return images.preview(request, image_id, filter_spec)


def page_revision(action):
    """Wagtail's view of one revision of a page, for one of the page's revisions only."""
    view = page_viewset_registry.as_view(action, page_id_kwarg="page_id")

    def guarded(request, page_id, revision_id):
        if not Revision.page_revisions.filter(object_id=str(page_id), pk=revision_id).exists():
            raise Http404(_("This page has no such revision."))
        return view(request, page_id=page_id, revision_id=revision_id)

    return guarded


REVISION_ACTIONS = ("view", "revert", "unschedule")

urlpatterns = decorate_urlpatterns(
    [
        *(
            path(
                f"pages/<int:page_id>/revisions/<int:revision_id>/{action}/",
                page_revision(f"revisions_{action}"),
                name=f"guarded_revisions_{action}",
            )
            for action in REVISION_ACTIONS
        ),
        path(
            "images/<int:image_id>/preview/<str:filter_spec>/",
            image_preview,
            name="guarded_image_preview",
        ),
    ],
    require_admin_access,
)
