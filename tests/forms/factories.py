"""Form pages with one field of every type Wagtail's form builder offers."""

from wagtail.models import Page

from cms.forms.models import FormField, FormPage

# (label, field_type, required, help_text, choices); clean names follow the labels.
FIELDS = (
    ("Naam", "singleline", True, "Voornaam en familienaam.", ""),
    ("E-mailadres", "email", True, "We antwoorden op dit adres.", ""),
    ("Onderwerp", "dropdown", True, "", "Afval\nWegen\nIets anders"),
    ("Soort", "radio", True, "Kies wat het best past.", "Vraag\nKlacht"),
    ("Kanalen", "checkboxes", True, "", "E-mail\nTelefoon"),
    ("Akkoord", "checkbox", True, "U gaat akkoord met de verwerking.", ""),
    ("Datum", "date", False, "", ""),
    ("Tijdstip", "datetime", False, "", ""),
    ("Aantal", "number", False, "", ""),
    ("Webpagina", "url", False, "", ""),
    ("Talen", "multiselect", False, "", "Nederlands\nFrans"),
    ("Bericht", "multiline", True, "", ""),
    ("Bron", "hidden", False, "", ""),
)

VALID = {
    "naam": "Jan Peeters",
    "e_mailadres": "jan@example.org",
    "onderwerp": "Wegen",
    "soort": "Klacht",
    "kanalen": ["E-mail", "Telefoon"],
    "akkoord": "on",
    "datum": "2026-05-04",
    "tijdstip": "2026-05-04T10:30",
    "aantal": "3",
    "webpagina": "https://www.example.org/",
    "talen": ["Frans"],
    "bericht": "Er ligt een gat in het voetpad.",
    "bron": "test",
}


def make_form_page(
    slug="kortrijk", page_slug="melding", title="Melding", parent_path=None, **fields
):
    """A published form page under ``slug``'s home page (or the page at ``parent_path``)."""
    parent = Page.objects.get(url_path=parent_path or f"/{slug}/").specific
    page = FormPage(
        title=title,
        slug=page_slug,
        intro="<p>Meld het ons.</p>",
        thank_you_text="<p>We bekijken uw melding binnen drie werkdagen.</p>",
        locale=parent.locale,
        **fields,
    )
    page.form_fields = [
        FormField(
            sort_order=index,
            label=label,
            field_type=field_type,
            required=required,
            help_text=help_text,
            choices=choices,
            default_value="web" if field_type == "hidden" else "",
        )
        for index, (label, field_type, required, help_text, choices) in enumerate(FIELDS)
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
