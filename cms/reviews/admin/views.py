"""A page's review: its reasons, owner and dates (GET), changing its owner and next review
date (POST), and marking it reviewed (POST).

Every view answers only about pages of a municipality that the user may edit: 404 for a
page that does not exist or lies outside the municipalities' trees, 403 (or Wagtail's
redirect to the dashboard, for a GET) for a page the user may not edit, 405 for a wrong
method.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages

from cms.core.redirects import safe_next_url

from ..actions import mark_reviewed, set_owner_and_date
from ..items import review_items
from ..owners import Owners, owner_value
from ..schedule import Schedule, review_of
from .common import page_for
from .forms import PageReviewForm


@require_http_methods(["GET", "POST"])
def page_review(request, page_id):
    schedule = Schedule()
    try:
        page = page_for(request, page_id, schedule)
    except PermissionDenied:
        if request.method == "POST":
            # A plain 403: Wagtail would turn the exception into a redirect.
            return HttpResponseForbidden()
        raise
    municipality = schedule.municipality_of(page)
    owners = Owners([municipality])
    default = owners.default(municipality)
    review = review_of(page)
    form_kwargs = {
        "owners": owners,
        "municipality": municipality,
        "default_name": owners.name(default) or _("the municipality's editors"),
    }
    if request.method == "POST":
        form = PageReviewForm(request.POST, **form_kwargs)
        if form.is_valid():
            owner = form.cleaned_data["owner"]
            set_owner_and_date(
                page, request.user, owner, form.cleaned_data["review_on"], owners.name(owner)
            )
            messages.success(
                request,
                _("The owner and review date of “%(title)s” are saved.")
                % {"title": page.get_admin_display_title()},
            )
            return redirect(safe_next_url(request, reverse("reviews:page", args=[page.pk])))
        messages.validation_error(request, _("The owner and review date could not be saved."), form)
    else:
        form = PageReviewForm(
            initial={
                "owner": owner_value(review.owner) if review else "",
                "review_on": review.review_on if review else None,
            },
            **form_kwargs,
        )
    item = review_items([page], schedule, owners)[0]
    next_review = schedule.next_date(page)
    return TemplateResponse(
        request,
        "reviews/admin/page.html",
        {
            "page": page,
            "item": item,
            "review": review,
            "form": form,
            "needs_review": item.date_due or item.regional,
            "next_review": date_format(next_review, "DATE_FORMAT") if next_review else "",
            "next": safe_next_url(request, ""),
        },
    )


@require_POST
def mark_page_reviewed(request, page_id):
    """Marks the page reviewed: next review date = today + interval, the catalogue's flag
    cleared for a local service page. No page revision: it is not an edit of content."""
    schedule = Schedule()
    try:
        page = page_for(request, page_id, schedule)
    except PermissionDenied:
        return HttpResponseForbidden()
    review = mark_reviewed(page, request.user, schedule)
    if review.review_on:
        message = _("“%(title)s” is marked as reviewed; next review on %(date)s.") % {
            "title": page.get_admin_display_title(),
            "date": date_format(review.review_on, "DATE_FORMAT"),
        }
    else:
        message = _("“%(title)s” is marked as reviewed.") % {
            "title": page.get_admin_display_title()
        }
    messages.success(request, message)
    return redirect(safe_next_url(request, reverse("wagtailadmin_pages:edit", args=[page.pk])))
