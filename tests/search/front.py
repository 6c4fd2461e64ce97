"""What the front's tests share: asking a site, and a regional service offered by a few
municipalities (the catalogue's own factories, so its local pages are made and indexed the
way sync_sites makes them)."""

import re

from tests.catalogue.factories import RegionalServiceFactory, local_page


def ask(client, path, slug="kortrijk", **params):
    host = "localhost" if slug == "region" else f"{slug}.localhost"
    return client.get(path, params, HTTP_HOST=f"{host}:8000")


def body_of(response):
    return response.content.decode()


def section(body, element_id):
    """The HTML of the <section> labelled by ``element_id`` (empty if there is none)."""
    match = re.search(
        rf'<section[^>]*aria-labelledby="{element_id}"[^>]*>(.*?)</section>', body, re.S
    )
    return match.group(1) if match else ""


def offered_service(slugs, **fields):
    """A regional service with a live local page in each of ``slugs``."""
    fields.setdefault("identifier", "zwembadabonnement")
    fields.setdefault("name", "Zwembadabonnement")
    fields.setdefault("short_description", "Een abonnement voor het stedelijk zwembad.")
    service = RegionalServiceFactory(**fields)
    return service, {slug: local_page(slug, service) for slug in slugs}
