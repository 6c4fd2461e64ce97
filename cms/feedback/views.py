"""The public side: a vote, the comment after a "no", the thank-you.

The pages that ask for feedback are served from the public page cache, so their yes/no
form carries no CSRF token; the vote view is exempt from Django's token check and checks
instead that the browser sent the POST from a page of this site (``origin.py``). The
comment form is a page of its own, never cached, with a real CSRF token. Every answer of
these views is marked never to be cached; every wrong request gets a page that says what
went wrong (400, 403, 404, 405, 429), never a server error.
"""

from django.http import HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page, Site

from cms.core.throttle import SubmissionLimit
from cms.municipalities.models import Municipality

from .forms import (
    Answer,
    CommentForm,
    ErrorEntry,
    TokenError,
    VoteForm,
    comment_token,
    feedback_for_token,
)
from .models import Feedback, accepts_feedback
from .origin import is_same_origin

DEFAULT_RATE = (20, 600)
SAFE_METHODS = ("GET", "HEAD")


def _render(request, template, context=None, status=200, page=None):
    """A public page in the language of ``page`` (or the request's), never cached."""
    language = page.locale.language_code if page is not None else translation.get_language()
    context = {"feedback_page": page, **(context or {})}
    if page is not None:
        context["return_url"] = page.get_url(request)
    with translation.override(language):
        response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


class Problem:
    """What the error summary of the problem page shows."""

    def __init__(self, *messages):
        self.error_summary = [ErrorEntry(message=str(message)) for message in messages]


def _problem(request, status, *messages, form=None, page=None, allow=None):
    response = _render(
        request,
        "feedback/problem.html",
        {"form": form if form is not None else Problem(*messages)},
        status=status,
        page=page,
    )
    if allow:
        response["Allow"] = allow
    return response


def _feedback_page(request, municipality, page_id):
    """The live page ``page_id`` of this request's site that asks for feedback, or None."""
    page = Page.objects.live().public().filter(pk=page_id).select_related("locale").first()
    if page is None or not accepts_feedback(page):
        return None
    site = Site.find_for_request(request)
    if site is None or page.get_site() != site or municipality.site_id != site.pk:
        return None
    return page


def _not_found(request):
    return _problem(
        request, 404, _("This page does not exist (any more), or it does not ask for feedback.")
    )


def _thanks_url(page):
    return f"{reverse('feedback:thanks')}?{urlencode({'page': page.pk})}"


@csrf_exempt
def vote(request):
    """Record "yes" or "no" about a page; a "no" leads on to the optional comment."""
    if request.method != "POST":
        return _problem(
            request,
            405,
            _("This address only receives answers sent with the form at the bottom of a page."),
            allow="POST",
        )
    municipality = Municipality.for_request(request)
    if municipality is None:
        return _not_found(request)
    if not is_same_origin(request):
        return _problem(
            request,
            403,
            _(
                "Your answer was not accepted: your browser did not confirm that it was sent "
                "from this website. Go back to the page and answer there."
            ),
        )
    form = VoteForm(request.POST)
    if not form.is_valid():
        return _problem(request, 400, form=form)
    page = _feedback_page(request, municipality, form.cleaned_data["page"])
    if page is None:
        return _not_found(request)
    limit = SubmissionLimit.for_request(
        request, scope="feedback", setting="FEEDBACK_RATE_LIMIT", default=DEFAULT_RATE
    )
    if limit.exceeded():
        response = _problem(
            request,
            429,
            _(
                "You have answered on many pages in a short time. Wait %(minutes)d minutes "
                "and try again."
            )
            % {"minutes": limit.minutes},
            page=page,
        )
        response["Retry-After"] = str(limit.window)
        return response
    limit.record()
    if form.caught_spam:
        # A bot filled the honeypot: answer as if it worked, keep nothing.
        return _redirect(_thanks_url(page))
    useful = form.cleaned_data["useful"] == Answer.YES
    feedback = Feedback.objects.create(page=page, municipality=municipality, useful=useful)
    if useful:
        return _redirect(_thanks_url(page))
    query = urlencode({"token": comment_token(feedback)})
    return _redirect(f"{reverse('feedback:comment')}?{query}")


def _redirect(url):
    response = HttpResponseRedirect(url, status=303)
    add_never_cache_headers(response)
    return response


@csrf_exempt  # checked below, to answer a failed check with a page that explains it
def comment(request):
    """The optional comment after a "no": a form with a CSRF token, then the thank-you."""
    if request.method not in ("POST", *SAFE_METHODS):
        return _problem(
            request, 405, _("This form can only be sent with its button."), allow="GET, HEAD, POST"
        )
    municipality = Municipality.for_request(request)
    if municipality is None:
        return _not_found(request)
    if request.method in SAFE_METHODS:
        try:
            feedback = feedback_for_token(request.GET.get("token", ""), municipality)
        except TokenError as error:
            return _problem(request, 400, *error.messages)
        form = CommentForm(initial={"token": request.GET["token"]}, municipality=municipality)
        return _comment_form(request, form, feedback.page)

    if CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is not None:
        return _problem(
            request,
            403,
            _(
                "Your comment was not accepted because the form had expired or was not sent "
                "from this website. Your answer itself was recorded."
            ),
        )
    form = CommentForm(request.POST, municipality=municipality)
    if not form.is_valid():
        if form.feedback is None:
            # The token is what is wrong: there is no vote to show the form for.
            return _problem(request, 400, form=form)
        return _comment_form(request, form, form.feedback.page, status=400)
    page = form.feedback.page
    text = form.cleaned_data["comment"]
    if text and not form.caught_spam:
        # Only a comment that is still empty is filled in: one comment per vote, even
        # when the form is sent twice at once.
        Feedback.objects.filter(pk=form.feedback.pk, comment="").update(comment=text)
    return _redirect(_thanks_url(page))


def _comment_form(request, form, page, status=200):
    return _render(request, "feedback/comment.html", {"form": form}, status=status, page=page)


def thanks(request):
    """Thank the visitor and lead them back to the page they answered about."""
    if request.method not in SAFE_METHODS:
        return _problem(request, 405, _("This page cannot receive a form."), allow="GET, HEAD")
    municipality = Municipality.for_request(request)
    page_id = request.GET.get("page", "")
    page = None
    if (
        municipality is not None
        and page_id.isascii()
        and page_id.isdigit()
        and int(page_id) < 2**31
    ):
        page = _feedback_page(request, municipality, int(page_id))
    if page is None:
        return _not_found(request)
    return _render(request, "feedback/thanks.html", page=page)
