"""The dashboard panel: per municipality, the user's local service pages to review."""

from django.template.loader import get_template
from django.urls import reverse
from wagtail.admin.ui.components import Component

from .review import flagged_pages, flagged_with_changes, grouped

# Pages listed per municipality on the dashboard; the report lists them all.
PER_MUNICIPALITY = 10
# Pages read for the dashboard at most (13 municipalities x 40 services fit).
READ_AT_MOST = 600


class ServicesToReviewPanel(Component):
    name = "services_to_review"
    template_name = "catalogue/admin/review_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        pages = flagged_pages(request.user)[:READ_AT_MOST]
        return {
            "groups": grouped(flagged_with_changes(pages), limit=PER_MUNICIPALITY),
            "report_url": reverse("catalogue_review:report"),
            "next": request.get_full_path(),
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["groups"]:
            return ""
        return get_template(self.template_name).render(context, parent_context["request"])
