from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.coreutils import camelcase_to_underscore
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock
from .forms import MunicipalityPageForm


class BasePage(Page):
    """What every public page of a municipality has: a summary and its own template folder."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences for listings, search results and search engines."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    api_fields = [APIField("summary")]
    base_form_class = MunicipalityPageForm  # no other municipality's media or pages

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        """The ``template`` the class names, or else ``pages/<model name>.html`` from
        themes/base (rather than Wagtail's ``<app label>/<class_name>.html``)."""
        cls = type(self)
        wagtail_default = f"{cls._meta.app_label}/{camelcase_to_underscore(cls.__name__)}.html"
        if cls.template != wagtail_default:
            return cls.template
        return f"pages/{self._meta.model_name}.html"


class SiteRootMixin:
    """Routes a whole path in one lookup by ``url_path`` instead of Wagtail's two queries
    per level; a path that matches no page exactly (a routable page's sub-path) falls back
    to Wagtail's walk down the tree."""

    def route(self, request, path_components):
        if len(path_components) > 1:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(url_path=url_path).first()
            if page is not None:
                return self._specific(page).route(request, [])
        return super().route(request, path_components)

    @staticmethod
    def _specific(page):
        """The page as its own type, in one query, with the relations its type says it
        always shows (``route_select_related``)."""
        model = page.specific_class
        related = getattr(model, "route_select_related", ())
        if model is None or not related:
            return page.specific
        return model._default_manager.select_related(*related).get(pk=page.pk)


class BodyPageMixin(models.Model):
    """A page whose content is a StreamField of the shared components."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [FieldPanel("body")]
    search_fields = [index.SearchField("body")]
    api_fields = [APIField("body")]

    class Meta:
        abstract = True


class ContentGeneration(models.Model):
    """One counter, bumped whenever public content changes (a publish, a move, a site's
    settings...). The page cache puts it in every key, so every server, whatever its own
    cache, stops serving what changed as soon as the change is committed."""

    value = models.BigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return str(self.value)
