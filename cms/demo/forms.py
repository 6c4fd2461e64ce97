"""Demo form pages: a contact form and a "report a problem" form under each home page
(data/forms.toml).

Idempotent like the rest of the demo: a form is created only when its slug is free under
the home page, and the accessibility statement is pointed at the report form only when it
points nowhere yet, is live and has no draft.
"""

from cms.forms.models import FormField, FormPage
from cms.pages.models import AccessibilityStatementPage

from .datafiles import DATA_DIR, choice, load

CONTACT_SLUG = "contactformulier"
REPORT_SLUG = "probleem-melden"


TYPES = choice(*(value for value, _label in FormField._meta.get_field("field_type").flatchoices))
FIELD = {
    "label": ("str", True),
    "type": ("field_type", True),
    "required": ("bool", False),
    "help_text": ("str", False),
    "choices": ("strings", False),
}
TEXTS = ("title", "summary", "intro", "thank_you_text", "subject")
FORM = {"slug": ("slug", True), **dict.fromkeys(TEXTS, ("str", True)), "fields": ([FIELD], True)}
FORMS = load(DATA_DIR / "forms.toml", {"forms": ([FORM], True)}, {"field_type": TYPES})


def form_specs(municipality):
    """The forms of data/forms.toml with the municipality's words filled in."""
    m = municipality
    words = {"short": m.short_name, "phone": m.phone, "email": m.email}
    return [
        {**form, **{key: form[key].format(**words) for key in TEXTS}} for form in FORMS["forms"]
    ]


def _build(spec, municipality, locale):
    page = FormPage(
        slug=spec["slug"],
        **{key: spec[key] for key in TEXTS},
        to_address=municipality.email,
        locale=locale,
    )
    page.form_fields = [
        FormField(
            sort_order=index,
            label=item["label"],
            field_type=item["type"],
            required=item.get("required", True),
            help_text=item.get("help_text", ""),
            choices="\n".join(item.get("choices", ())),
            locale=locale,
        )
        for index, item in enumerate(spec["fields"])
    ]
    return page


def ensure_demo_forms(municipality):
    """Add the demo forms to ``municipality``'s Dutch home page; return the paths of the
    pages created or changed (empty when everything was in place already)."""
    home = municipality.site.root_page.specific
    changed = []
    children = {page.slug: page for page in home.get_children().specific()}
    for spec in form_specs(municipality):
        if spec["slug"] in children:
            continue
        page = home.add_child(instance=_build(spec, municipality, home.locale))
        page.save_revision().publish()
        children[spec["slug"]] = page
        changed.append(page.url_path)

    statement = children.get("toegankelijkheid")
    report = children.get(REPORT_SLUG)
    if (
        isinstance(statement, AccessibilityStatementPage)
        and isinstance(report, FormPage)
        and statement.report_page_id is None
        and statement.live
        and not statement.has_unpublished_changes
    ):
        statement.report_page = report
        statement.save_revision().publish()
        changed.append(statement.url_path)
    return changed
