"""Every address of a merged municipality answers 301 with the matching new page.

The merged municipality's Wagtail Site is kept, with its host name, over its old home
page, which the merger unpublishes and empties: every path on it is then a 404, which
Wagtail's RedirectMiddleware (wagtail.contrib.redirects) turns into a permanent redirect
found by site and path. Its other host names (``www.`` and bare, development and
production) get a Site each over the same home, since the host alias table they were in
belonged to the municipality record the merger removes. A redirect points at a page, not
at a path, so it follows the page when editors move or rename it later.
"""

from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site


def old_addresses(homes):
    """{page pk: the page's path on its site} for every live page under ``homes`` (the
    merged municipality's home in each language), read before anything moves."""
    addresses = {}
    for home in homes:
        for page in Page.objects.descendant_of(home, inclusive=True).live():
            parts = page.get_url_parts()
            if parts is not None:
                addresses[page.pk] = parts[2]
    return addresses


def old_sites(municipality, keep_out, dev_port):
    """The merged municipality's Site and one per other host name it answered on, all
    over its old home; host names in ``keep_out`` (the new municipality's) are left."""
    site = municipality.site
    site.site_name = _("%(old)s (merged)") % {"old": municipality.name}
    site.save(update_fields=["site_name"])
    sites = [site]
    development = municipality.hostnames[0] if municipality.hostnames else ""
    for hostname in municipality.hostnames:
        if hostname in keep_out or Site.objects.filter(hostname=hostname).exists():
            continue
        sites.append(
            Site.objects.create(
                hostname=hostname,
                port=dev_port if hostname == development else 443,
                root_page_id=site.root_page_id,
                site_name=site.site_name,
            )
        )
    return sites


def add_redirects(sites, addresses, replacements):
    """A permanent redirect on each of ``sites`` from every old address to its page, or
    to the page that replaces it (``replacements``: {pk: page}) when it stayed behind."""
    targets = {pk: replacements.get(pk) or pk for pk in addresses}
    rows = []
    for site in sites:
        for pk, path in addresses.items():
            target = targets[pk]
            rows.append(
                Redirect(
                    site=site,
                    old_path=Redirect.normalise_path(path),
                    redirect_page_id=target if isinstance(target, int) else target.pk,
                    is_permanent=True,
                )
            )
    paths = {row.old_path for row in rows}
    Redirect.objects.filter(site__in=sites, old_path__in=paths).delete()
    Redirect.objects.bulk_create(rows)
    return len(rows)
