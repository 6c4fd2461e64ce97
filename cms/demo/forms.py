"""Demo form pages: a contact form and a "report a problem" form under each home page.

Idempotent like the rest of the demo: a form is created only when its slug is free under
the home page, and the accessibility statement is pointed at the report form only when it
points nowhere yet, is live and has no draft.
"""

from dataclasses import dataclass, field

from cms.forms.models import FormField, FormPage
from cms.pages.models import AccessibilityStatementPage

CONTACT_SLUG = "contactformulier"
REPORT_SLUG = "probleem-melden"


@dataclass(frozen=True)
class FieldSpec:
    label: str
    field_type: str
    required: bool = True
    help_text: str = ""
    choices: tuple = ()


@dataclass(frozen=True)
class FormSpec:
    slug: str
    title: str
    summary: str
    intro: str
    thank_you_text: str
    subject: str
    fields: tuple = field(default_factory=tuple)


def form_specs(municipality):
    short = municipality.short_name
    return (
        FormSpec(
            slug=CONTACT_SLUG,
            title="Contactformulier",
            summary=f"Stel uw vraag aan {short}; u krijgt binnen vijf werkdagen antwoord.",
            intro=(
                f"<p>Hebt u een vraag voor {short}? Vul het formulier in. U kunt ook bellen "
                f"naar {municipality.phone} of mailen naar {municipality.email}.</p>"
            ),
            thank_you_text=(
                "<p>We hebben uw vraag goed ontvangen. U krijgt binnen vijf werkdagen een "
                "antwoord op het e-mailadres dat u gaf.</p>"
            ),
            subject=f"Contactformulier {short}",
            fields=(
                FieldSpec("Naam", "singleline"),
                FieldSpec("E-mailadres", "email", help_text="We antwoorden op dit adres."),
                FieldSpec(
                    "Telefoonnummer",
                    "singleline",
                    required=False,
                    help_text="Alleen als u liever gebeld wordt.",
                ),
                FieldSpec(
                    "Onderwerp",
                    "dropdown",
                    choices=(
                        "Algemene vraag",
                        "Burgerzaken",
                        "Afval en milieu",
                        "Wegen en verkeer",
                        "Iets anders",
                    ),
                ),
                FieldSpec("Uw vraag", "multiline"),
            ),
        ),
        FormSpec(
            slug=REPORT_SLUG,
            title="Een probleem melden",
            summary="Meld een defect op straat, zwerfvuil, of iets op deze website dat u "
            "niet kunt gebruiken.",
            intro=(
                "<p>Zag u een kapotte straatlamp, een gat in het voetpad of een sluikstort? "
                "Of kunt u iets op deze website niet gebruiken? Laat het ons weten.</p>"
            ),
            thank_you_text=(
                "<p>Bedankt voor uw melding. De bevoegde dienst bekijkt ze zo snel mogelijk. "
                "Gaf u een e-mailadres, dan laten we u weten wat we doen.</p>"
            ),
            subject=f"Melding {short}",
            fields=(
                FieldSpec(
                    "Soort probleem",
                    "radio",
                    choices=(
                        "Straatverlichting",
                        "Wegdek of voetpad",
                        "Zwerfvuil of sluikstort",
                        "Toegankelijkheid van deze website",
                        "Iets anders",
                    ),
                ),
                FieldSpec(
                    "Waar",
                    "singleline",
                    help_text="Straat en huisnummer, een herkenningspunt of het adres van de "
                    "webpagina.",
                ),
                FieldSpec("Wat is het probleem", "multiline"),
                FieldSpec("Wanneer zag u het", "date", required=False),
                FieldSpec(
                    "E-mailadres",
                    "email",
                    required=False,
                    help_text="Alleen als u wilt weten wat we met uw melding doen.",
                ),
                FieldSpec(
                    "Hoe wilt u antwoord krijgen",
                    "checkboxes",
                    required=False,
                    choices=("Per e-mail", "Per telefoon"),
                ),
            ),
        ),
    )


def _build(spec, municipality, locale):
    page = FormPage(
        slug=spec.slug,
        title=spec.title,
        summary=spec.summary,
        intro=spec.intro,
        thank_you_text=spec.thank_you_text,
        subject=spec.subject,
        to_address=municipality.email,
        locale=locale,
    )
    page.form_fields = [
        FormField(
            sort_order=index,
            label=item.label,
            field_type=item.field_type,
            required=item.required,
            help_text=item.help_text,
            choices="\n".join(item.choices),
            locale=locale,
        )
        for index, item in enumerate(spec.fields)
    ]
    return page


def ensure_demo_forms(municipality):
    """Add the demo forms to ``municipality``'s Dutch home page; return the paths of the
    pages created or changed (empty when everything was in place already)."""
    home = municipality.site.root_page.specific
    changed = []
    children = {page.slug: page for page in home.get_children().specific()}
    for spec in form_specs(municipality):
        if spec.slug in children:
            continue
        page = home.add_child(instance=_build(spec, municipality, home.locale))
        page.save_revision().publish()
        children[spec.slug] = page
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
