import logging

from django.core.mail import BadHeaderError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.models import BasePage
from cms.core.throttle import SubmissionLimit

from .forms import FormPageAdminForm, PublicFormBuilder

logger = logging.getLogger(__name__)


class FormField(TranslatableMixin, AbstractFormField):
    """One field of a form page; translatable with the page (label, help text, choices)."""

    page = ParentalKey("forms.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class FormPage(AbstractEmailForm, BasePage):
    """A form citizens fill in (contact, report a problem); submissions stay with the
    municipality whose page it is, and may also be e-mailed."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after the form has been sent: what happens next, and when."),
    )

    parent_page_types = ["pages.HomePage", "pages.ContentPage"]
    subpage_types = []
    form_builder = PublicFormBuilder
    base_form_class = FormPageAdminForm

    content_panels = [
        FormSubmissionsPanel(),
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading=_("E-mail"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("form_fields"),
        APIField("thank_you_text"),
    ]

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    def get_landing_page_template(self, request, *args, **kwargs):
        return "pages/formpage_landing.html"

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            response = self.serve_submission(request, *args, **kwargs)
        else:
            response = self.render_form(request, self.get_form(page=self, user=request.user))
        # The page holds a CSRF token (and, after a post, what the visitor typed): never
        # in the page cache, a proxy or a CDN.
        add_never_cache_headers(response)
        return response

    def serve_submission(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        limit = SubmissionLimit.for_request(request)
        if limit.exceeded():
            form.add_error(
                None,
                gettext(
                    "You have sent several forms in a short time. Wait %(minutes)d minutes "
                    "and send it again; what you entered is still here."
                )
                % {"minutes": limit.minutes},
            )
            response = self.render_form(request, form, status=429)
            response["Retry-After"] = str(limit.window)
            return response
        if not form.is_valid():
            return self.render_form(request, form)
        limit.record()
        if form.caught_spam:
            # A bot filled the honeypot: answer as if it worked, keep nothing.
            return self.render_landing_page(request, None, *args, **kwargs)
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission, *args, **kwargs)

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def send_mail(self, form):
        """E-mail the submission; answering it replies to the address the visitor gave.

        The submission is stored before this runs, so a mail server that is down is
        logged and the visitor still gets the thank-you page."""
        addresses = [address.strip() for address in self.to_address.split(",")]
        reply_to = [
            form.cleaned_data[field.clean_name]
            for field in self.get_form_fields()
            if field.field_type == "email" and form.cleaned_data.get(field.clean_name)
        ][:1]
        subject = self.subject or gettext("Form “%(title)s”: new submission") % {
            "title": self.title
        }
        try:
            send_mail(
                subject,
                self.render_email(form),
                addresses,
                self.from_address,
                reply_to=reply_to or None,
            )
        except (OSError, BadHeaderError):
            logger.exception("Could not e-mail a submission of form page %s", self.pk)
