"""A municipality merger, carried out by ``sync_sites`` for a file with ``merges``.

Runs inside the new municipality's sync transaction, after its site, home and standard
pages exist in every language and before its local services, journeys and groups are
brought in line, so that a failure anywhere leaves nothing written. For each merged
municipality still in the database, in the order of ``merges``:

1. its pages' addresses are read (``merge_redirects.old_addresses``);
2. its local service pages are merged per regional service (``merge_services``) and its
   other pages moved into the new tree, sections joined (``merge_pages``);
3. what stays behind (its home and sections, the local pages not kept) is unpublished,
   and every old address on each of its host names redirects to the matching new page;
4. its people, media and records pass to the new municipality and its record goes
   (``merge_people``).

A merged municipality no longer in the database but whose old home page is still at the
top of the tree was merged before: nothing is done, so a second run changes nothing.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.catalogue.models import LocalServicePage, ServiceIndexPage
from cms.municipalities.models import Municipality

from .merge_pages import Moves, join_trees, move_into, relative_path
from .merge_people import retire
from .merge_redirects import add_redirects, old_addresses, old_sites
from .merge_services import merge_services


class MergeError(Exception):
    """A merger that cannot be carried out; nothing is written."""


def pending_mergers(config):
    """The merged municipalities still to merge, in the order of ``merges``."""
    found = {
        m.slug: m
        for m in Municipality.objects.filter(slug__in=config.merges).select_related(
            "site__root_page", "collection"
        )
    }
    done = set(
        Page.get_first_root_node()
        .get_children()
        .filter(slug__in=set(config.merges) - set(found))
        .values_list("slug", flat=True)
    )
    pending = []
    for slug in config.merges:
        if slug in found:
            pending.append(found[slug])
        elif slug not in done:
            raise MergeError(
                _("merges: no municipality %(slug)r to merge (no site of it in the database)")
                % {"slug": slug}
            )
    for old in pending:
        missing = [code for code in old.languages if code not in config.languages]
        if missing:
            raise MergeError(
                _(
                    "merges: %(slug)s has pages in %(languages)s, which languages does not "
                    "list; add them or the pages would be lost"
                )
                % {"slug": old.slug, "languages": ", ".join(missing)}
            )
    return pending


def merge_into(municipality, homes, config, dev_port, changes):
    """Merge every pending municipality of ``config.merges`` into ``municipality``;
    ``homes`` are its home pages, one per language."""
    pending = pending_mergers(config)
    if not pending:
        return
    new_homes = {home.locale_id: home for home in homes}
    olds = [(old, translations_of(old.site.root_page)) for old in pending]
    addresses = {old.pk: old_addresses(old_homes) for old, old_homes in olds}
    moves = Moves()
    new_index = index_of(homes[0])
    kept = merge_services(
        new_index, [(old, index_of(old_homes[0])) for old, old_homes in olds], moves, changes
    )
    for old, old_homes in olds:
        follow_translations(kept, old, old_homes, new_homes, moves)
        for old_home in old_homes:
            join_trees(old_home, new_homes[old_home.locale_id], old.slug, moves)
    for page, old_slug in moves.renamed:
        changes.append(
            f"warning: rename {relative_path(page.get_parent())}{old_slug}/ to "
            f"{page.slug}/: the slug was taken; listed for review"
        )
    for old, old_homes in olds:
        for old_home in old_homes:
            for page in Page.objects.descendant_of(old_home, inclusive=True).live().specific():
                page.unpublish(log_action=False)
        sites = old_sites(old, set(config.hostnames), dev_port)
        count = add_redirects(sites, addresses[old.pk], moves.replacements)
        changes.append(
            f"merge {old.slug}: {len(addresses[old.pk])} addresses redirected on "
            f"{', '.join(site.hostname for site in sites)} ({count} redirects)"
        )
        retire(old, municipality, changes)


def translations_of(home):
    """``home`` and its translations, the default language first."""
    return [home, *home.get_translations().order_by("pk")]


def index_of(home):
    return ServiceIndexPage.objects.child_of(home).first()


def follow_translations(kept, old, old_homes, new_homes, moves):
    """The translations of the kept local pages move with them; a translation of a page
    not kept is replaced by the kept page's translation (or its index) for redirects."""
    kept_keys = {page.translation_key: page for page in kept}
    for old_home in old_homes[1:]:
        old_index = index_of(old_home)
        new_index = index_of(new_homes[old_home.locale_id])
        if old_index is None or new_index is None:
            continue
        for page in LocalServicePage.objects.child_of(old_index):
            if page.translation_key in kept_keys:
                move_into(page, new_index, old.slug, moves)
                continue
            source = moves.replacements.get(
                LocalServicePage.objects.filter(translation_key=page.translation_key)
                .filter(locale_id=old_homes[0].locale_id)
                .values_list("pk", flat=True)
                .first()
            )
            translation = source.get_translation_or_none(page.locale) if source else None
            moves.replacements[page.pk] = translation or new_index
