"""The standard page tree every municipality's site gets, in every language it offers."""

from dataclasses import dataclass

from cms.catalogue.models import ServiceIndexPage
from cms.events.models import EventIndexPage
from cms.journeys.models import JourneyIndexPage
from cms.locations.models import ContactPage
from cms.news.models import NewsIndexPage
from cms.pages.models import AccessibilityStatementPage, ContentPage


@dataclass(frozen=True)
class StandardPage:
    slug: str
    model: type
    title: str
    in_menu: bool
    summary: str


STANDARD_PAGES = (
    StandardPage(
        "diensten",
        ServiceIndexPage,
        "Diensten",
        True,
        "Wat u bij de gemeente kunt aanvragen, en hoe: online, aan de balie of telefonisch.",
    ),
    StandardPage(
        "stappenplannen",
        JourneyIndexPage,
        "Stappenplannen",
        False,
        "Wat er te regelen valt bij een verhuis, een geboorte, een overlijden of een nieuwe "
        "zaak, stap voor stap.",
    ),
    StandardPage("nieuws", NewsIndexPage, "Nieuws", True, "Het laatste nieuws uit {short_name}."),
    StandardPage(
        "evenementen",
        EventIndexPage,
        "Evenementen",
        True,
        "Wat er te doen is in {short_name}.",
    ),
    StandardPage(
        "contact",
        ContactPage,
        "Contact en openingsuren",
        True,
        "Adres, telefoon en openingsuren van {name}.",
    ),
    StandardPage(
        "over", ContentPage, "Over {short_name}", True, "Bestuur, geschiedenis en cijfers."
    ),
    StandardPage(
        "toegankelijkheid",
        AccessibilityStatementPage,
        "Toegankelijkheidsverklaring",
        False,
        "Hoe toegankelijk deze website is en hoe u een probleem meldt.",
    ),
    StandardPage(
        "privacy",
        ContentPage,
        "Privacy",
        False,
        "Hoe {name} met uw persoonsgegevens omgaat.",
    ),
)


# The standard pages' titles in the other languages, until editors translate them.
TRANSLATED_TITLES = {
    ("diensten", "fr"): "Services",
    ("diensten", "en"): "Services",
    ("diensten", "de"): "Dienstleistungen",
    ("stappenplannen", "fr"): "Étape par étape",
    ("stappenplannen", "en"): "Step by step",
    ("stappenplannen", "de"): "Schritt für Schritt",
    ("nieuws", "fr"): "Actualités",
    ("nieuws", "en"): "News",
    ("nieuws", "de"): "Nachrichten",
    ("evenementen", "fr"): "Événements",
    ("evenementen", "en"): "Events",
    ("evenementen", "de"): "Veranstaltungen",
    ("contact", "fr"): "Contact et heures d'ouverture",
    ("contact", "en"): "Contact and opening hours",
    ("contact", "de"): "Kontakt und Öffnungszeiten",
    ("toegankelijkheid", "fr"): "Déclaration d'accessibilité",
    ("toegankelijkheid", "en"): "Accessibility statement",
    ("toegankelijkheid", "de"): "Erklärung zur Barrierefreiheit",
    ("privacy", "fr"): "Vie privée",
    ("privacy", "en"): "Privacy",
    ("privacy", "de"): "Datenschutz",
}


def publish(page):
    """Save a revision of ``page`` and publish it."""
    page.save_revision().publish()


def create_child(parent, instance, changes):
    """Add ``instance`` under ``parent``, publish it and say so in ``changes``."""
    parent.add_child(instance=instance)
    publish(instance)
    changes.append(f"create page {instance.url_path.split('/', 2)[-1] or '/'}")
    return instance
