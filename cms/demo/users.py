"""The demo accounts: one superuser, and an editor and a moderator per municipality. Their
passwords are public (the user name, or "admin"): setup_demo refuses to run without DEBUG."""

from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _

from cms.municipalities.access import editor_group_names

from .datafiles import DATA_DIR, load

ROLES = ("editor", "moderator")  # of each municipality, besides the superuser "admin"
NAMES = load(DATA_DIR / "accounts.toml", dict.fromkeys(("admin", *ROLES), ("str", True)))


class MissingGroupError(Exception):
    """A municipality's editor or moderator group does not exist (sync_sites not run)."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    first_name: str = ""
    last_name: str = ""
    group: str = ""
    superuser: bool = False


def demo_user(role, municipality):
    """The ``role`` account of ``municipality`` ("editor", "moderator"), if setup_demo made it."""
    return get_user_model().objects.filter(username=f"{role}-{municipality.slug}").first()


def demo_accounts(municipalities):
    accounts = [DemoAccount("admin", "admin", _("superuser"), NAMES["admin"], superuser=True)]
    for m in municipalities:
        for role, group in zip(ROLES, editor_group_names(m.slug), strict=True):
            username, member = f"{role}-{m.slug}", _("member of %(group)s") % {"group": group}
            accounts.append(
                DemoAccount(username, username, member, NAMES[role], m.short_name, group)
            )
    return accounts


def ensure_accounts(accounts):
    """Create the accounts that are missing and add them to their group. An existing user keeps its
    password, name and flags; it only joins its group when it is not in it yet. Returns ``rows``
    (each account, and whether it was created now), ``created``, ``joined``."""
    user_model = get_user_model()
    wanted = {account.group for account in accounts if account.group}
    groups = {group.name: group for group in Group.objects.filter(name__in=wanted)}
    if missing := sorted(wanted - set(groups)):
        raise MissingGroupError(", ".join(missing))
    found = user_model.objects.filter(username__in=[account.username for account in accounts])
    users = {user.username: user for user in found.prefetch_related("groups")}
    report = SimpleNamespace(rows=[], created=[], joined=[])
    for account in accounts:
        user = users.get(account.username)
        created = user is None
        if created:
            manager = user_model.objects
            create = manager.create_superuser if account.superuser else manager.create_user
            names = {"first_name": account.first_name, "last_name": account.last_name}
            email = f"{account.username}@example.com"
            user = create(account.username, email, account.password, **names)
            report.created.append(account.username)
        if account.group and account.group not in {group.name for group in user.groups.all()}:
            user.groups.add(groups[account.group])
            report.joined.append((account.username, account.group))
        report.rows.append((account, created))
    return report
