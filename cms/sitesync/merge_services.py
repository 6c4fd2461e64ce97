"""One local service page per regional service after a merger.

For each regional service, the candidates are the new municipality's own page (when it
existed before the merger) and the merged municipalities' pages, in the order of
``merges``. The first that has local facts (costs, channels, conditions, overrides) is
kept, or else the first; when two or more had local facts, the kept page is flagged for
review naming the conflict (``LocalServiceState.merge_conflict``). The others stay
behind in the old trees, unpublished, and their addresses redirect to the kept page.
"""

from django.utils.translation import gettext as _

from cms.catalogue.models import LocalServicePage, LocalServiceState

from .merge_pages import move_into

# The fields in which a municipality gives a service its own facts.
LOCAL_FACT_FIELDS = (
    "description_override",
    "requirements_override",
    "procedure_override",
    "exceptions_override",
    "processing_time_override",
    "local_costs",
    "local_conditions",
    "locations",
    "channels",
    "eligibility_local",
)


def local_facts(page):
    """Labels of the local facts ``page`` fills in."""
    return [
        str(LocalServicePage._meta.get_field(name).verbose_name)
        for name in LOCAL_FACT_FIELDS
        if getattr(page, name)
    ]


def services_by_id(index):
    return {page.service_id: page for page in LocalServicePage.objects.child_of(index)}


def merge_services(new_index, old_indexes, moves, changes):
    """Keep one local page per service under ``new_index`` (the default language).

    ``old_indexes`` are (the merged Municipality, its /diensten/ page), in the order of
    ``merges``. Returns the kept pages that came from an old tree, so that
    their translations follow them."""
    own = services_by_id(new_index)
    candidates = {service_id: [(None, page)] for service_id, page in own.items()}
    for municipality, index in old_indexes:
        for service_id, page in services_by_id(index).items():
            candidates.setdefault(service_id, []).append((municipality, page))
    moved = []
    for pages in candidates.values():
        facts = [(owner, page, local_facts(page)) for owner, page in pages]
        with_facts = [entry for entry in facts if entry[2]]
        kept_from, kept, _facts = (with_facts or facts)[0]
        for _owner, page, _page_facts in facts:
            if page is not kept:
                moves.replacements[page.pk] = kept
        if kept_from is not None:
            move_into(kept, new_index, kept_from.slug, moves)
            moved.append(kept)
        if len(with_facts) > 1:
            flag_conflict(kept, kept_from, with_facts[1:], changes)
    return moved


def flag_conflict(page, kept_from, others, changes):
    """Say on ``page``'s review state which other municipalities had local facts; ``kept_from``
    is the merged Municipality whose page was kept (None: the new municipality's own)."""
    text = _("Merger: the local facts of %(kept)s were kept; %(others)s had their own too.") % {
        "kept": kept_from.short_name if kept_from else _("this municipality"),
        "others": "; ".join(
            f"{owner.short_name if owner else _('this municipality')} ({', '.join(facts)})"
            for owner, _page, facts in others
        ),
    }
    state, _created = LocalServiceState.objects.get_or_create(
        page=page, defaults={"reviewed_facts": page.service.facts()}
    )
    state.merge_conflict = text
    state.save(update_fields=["merge_conflict"])
    changes.append(f"review diensten/{page.slug}/: {text}")
