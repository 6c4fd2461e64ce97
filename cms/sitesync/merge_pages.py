"""Moving a merged municipality's pages into the new municipality's tree.

The standard sections are joined (the old ``/nieuws/``'s articles go under the new
``/nieuws/``, in every language); any other page at the top of the old site moves under
the new home. A regional journey's page moves only when the new site has none for that
journey. A page whose slug is taken where it lands gets ``-<old slug>`` (then a number)
and is listed for editors. What stays behind (the old home and its sections) is replaced,
for the redirects, by its counterpart in the new tree.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Page

from cms.catalogue.models import LocalServicePage
from cms.journeys.models import JourneyPage
from cms.reviews.models import PageReview

from .tree import STANDARD_PAGES

STANDARD_SLUGS = frozenset(spec.slug for spec in STANDARD_PAGES)


@dataclass
class Moves:
    """What a merger did to pages: {pk of a page left behind: the page that replaces it},
    and the pages renamed because their slug was taken."""

    replacements: dict = field(default_factory=dict)
    renamed: list = field(default_factory=list)  # (page, old slug)


def relative_path(page):
    """The page's path below its home page ("nieuws/markt/"), "" for the home itself."""
    return page.url_path.split("/", 2)[-1]


def free_slug(parent, slug, suffix):
    """``slug``, or ``slug-<suffix>`` (then ``-2``, ``-3`` ...) when a child of ``parent``
    already has it."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    if slug not in taken:
        return slug
    candidate, number = f"{slug}-{suffix}", 2
    while candidate in taken:
        candidate, number = f"{slug}-{suffix}-{number}", number + 1
    return candidate


def rename(page, slug):
    """Give ``page`` a new slug, in its live and latest revisions too, so that neither the
    next publish nor an editor's draft brings the taken slug back."""
    page.slug = slug
    page.save(clean=False)
    for revision in {page.live_revision, page.latest_revision} - {None}:
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])


def flag_for_review(page):
    """Put ``page`` on the "Te herbekijken" list (cms.reviews) as of today."""
    PageReview.objects.update_or_create(page=page, defaults={"review_on": timezone.localdate()})


def move_into(page, parent, suffix, moves):
    """Move ``page`` (and its subtree) under ``parent``, renaming it on a clash."""
    slug = free_slug(parent, page.slug, suffix)
    if slug != page.slug:
        old_slug = page.slug
        rename(page, slug)
        flag_for_review(page)
        moves.renamed.append((page, old_slug))
    page.move(parent, pos="last-child")


def regional_twin(page, section):
    """The page of the same regional journey already under ``section``: a site has one
    page per regional journey (cms.sitesync.journeys), so a second stays behind."""
    if not isinstance(page, JourneyPage) or page.journey_id is None:
        return None
    return JourneyPage.objects.child_of(section).filter(journey_id=page.journey_id).first()


def join_trees(old_home, new_home, suffix, moves):
    """Move everything under ``old_home`` into ``new_home`` (one language's tree),
    joining the standard sections. Local service pages are left to merge_services; a
    regional journey's page stays behind when the section already has one."""
    moves.replacements[old_home.pk] = new_home
    sections = {child.slug: child for child in new_home.get_children().specific()}
    for child in old_home.get_children().specific():
        section = sections.get(child.slug)
        if child.slug in STANDARD_SLUGS and type(section) is type(child):
            moves.replacements[child.pk] = section
            for page in Page.objects.child_of(child).not_type(LocalServicePage).specific():
                twin = regional_twin(page, section)
                if twin is not None:
                    moves.replacements[page.pk] = twin
                else:
                    move_into(page, section, suffix, moves)
        else:
            move_into(child, new_home, suffix, moves)
            sections[child.slug] = Page.objects.get(pk=child.pk)
