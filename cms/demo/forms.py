"""Demo form pages: a contact form and a "report a problem" form under each home page
(data/forms.toml).

Idempotent like the rest of the demo: a form is created only when its slug is free under the home
page, and the accessibility statement is pointed at the report form only when it points nowhere yet,
is live and has no draft."""

from cms.forms.models import FormField, FormPage
from cms.pages.models import AccessibilityStatementPage
from cms.sitesync.tree import publish

from .content import PageSpec
from .datafiles import DATA_DIR, choice, load
from .seed import add_missing

CONTACT_SLUG = "contactformulier"
REPORT_SLUG = "probleem-melden"
TYPES = choice(*(value for value, _label in FormField._meta.get_field("field_type").flatchoices))
FIELD = {"label": ("str", True), "field_type": ("field_type", True), "required": ("bool", False)}
FIELD.update(help_text=("str", False), choices=("strings", False))
TEXTS = ("title", "summary", "intro", "thank_you_text", "subject")
FORM = {"slug": ("slug", True), **dict.fromkeys(TEXTS, ("str", True)), "fields": ([FIELD], True)}
FORMS = load(DATA_DIR / "forms.toml", {"forms": ([FORM], True)}, {"field_type": TYPES})


def form_field(index, item, locale):
    values = {"required": True, "help_text": "", **item}
    values["choices"] = "\n".join(item.get("choices", ()))
    return FormField(sort_order=index, locale=locale, **values)


def form_specs(municipality, locale):
    """The forms of data/forms.toml with the municipality's words filled in."""
    m, specs = municipality, []
    words = {"short": m.short_name, "phone": m.phone, "email": m.email}
    for form in FORMS["forms"]:
        texts = {key: form[key].format(**words) for key in TEXTS}
        items = [form_field(index, item, locale) for index, item in enumerate(form["fields"])]
        fields = {**texts, "to_address": m.email, "form_fields": items}
        specs.append(PageSpec(FormPage, form["slug"], fields.pop("title"), fields))
    return specs


def ensure_demo_forms(municipality):
    """Add the demo forms to ``municipality``'s Dutch home page; return the paths of the
    pages created or changed (empty when everything was in place already)."""
    home = municipality.site.root_page.specific
    changed = add_missing(home, form_specs(municipality, home.locale))
    children = {page.slug: page for page in home.get_children().specific()}
    statement, report = children.get("toegankelijkheid"), children.get(REPORT_SLUG)
    if (
        isinstance(statement, AccessibilityStatementPage)
        and isinstance(report, FormPage)
        and statement.report_page_id is None
        and statement.live
        and not statement.has_unpublished_changes
    ):
        statement.report_page = report
        publish(statement)
        changed.append(statement.url_path)
    return changed
