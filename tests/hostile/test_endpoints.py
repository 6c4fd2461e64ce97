"""Every URL pattern, as every role, with hostile values: never a 5xx, never a traceback,
and a refused write leaves the database as it was."""

import pytest
from wagtail.fields import StreamField

from cms.pages.models import ContentPage

from .endpoints import ENDPOINTS, EXCLUDED, GROUPS
from .sweep import DEEP, ONLY, Sweep
from .world import ROLES

# An editor's admin is a part of a moderator's (the same screens, fewer actions): the default
# run sweeps the admin as anonymous (the login redirect) and as a moderator, and the public
# site and the API as every role; HOSTILE_DEEP=1 sweeps the admin as an editor too.
SWEPT = [
    (group, role)
    for group in GROUPS
    for role in ROLES
    if DEEP or role != "editors" or not group.startswith("admin")
]

# Wagtail's StreamField posts <name>-count, <name>-N-type, <name>-N-value..., built by
# JavaScript, so the edit page's HTML does not list them: they are added for page forms.
STREAM_SUFFIXES = ("count", "0-type", "0-value", "0-deleted", "0-order", "0-id", "0-value-text")
STREAM_FIELDS = tuple(
    f"{field.name}-{suffix}"
    for field in ContentPage._meta.get_fields()
    if isinstance(field, StreamField)
    for suffix in STREAM_SUFFIXES
)


def planned(group):
    """The group's endpoints in request order: Wagtail's pages first (their forms post to
    other endpoints, which then get those fields), destructive views last."""
    chosen = [e for e in ENDPOINTS if e.group == group and e.route not in EXCLUDED]
    chosen = [e for e in chosen if ONLY in e.route or ONLY in e.name]
    return sorted(chosen, key=lambda e: (not e.is_catch_all, "delete" in e.route))


def extra_fields(endpoint):
    if endpoint.route.startswith("admin/pages/") and (
        "edit" in endpoint.route or "add" in endpoint.route
    ):
        return STREAM_FIELDS
    return ()


@pytest.mark.parametrize(("group", "role"), SWEPT)
@pytest.mark.django_db
def test_no_server_error_and_no_write_when_refused(client, world_for, group, role):
    world = world_for(role)
    sweep = Sweep(client, world)
    for endpoint in planned(group):
        if endpoint.is_catch_all:
            for path in world.page_paths:
                sweep.endpoint(endpoint, path)
            continue
        path = endpoint.path(world.values)
        if path is not None:
            sweep.endpoint(endpoint, path, extra_fields(endpoint))
    sweep.done()
