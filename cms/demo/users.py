"""The demo accounts: one superuser, and an editor and a moderator per municipality.

Their passwords are public (the user name, or "admin"), which is why setup_demo refuses to
run without DEBUG.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _

from cms.municipalities.access import editor_group_names


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

    @property
    def email(self):
        return f"{self.username}@example.com"


def demo_accounts(municipalities):
    accounts = [DemoAccount("admin", "admin", _("superuser"), "Beheerder", superuser=True)]
    for municipality in municipalities:
        editors, moderators = editor_group_names(municipality.slug)
        for prefix, first_name, group in (
            ("editor", "Redacteur", editors),
            ("moderator", "Moderator", moderators),
        ):
            username = f"{prefix}-{municipality.slug}"
            accounts.append(
                DemoAccount(
                    username,
                    username,
                    _("member of %(group)s") % {"group": group},
                    first_name,
                    municipality.short_name,
                    group,
                )
            )
    return accounts


@dataclass
class AccountsReport:
    rows: list = field(default_factory=list)
    created: list = field(default_factory=list)
    joined: list = field(default_factory=list)


def ensure_accounts(accounts):
    """Create the accounts that are missing and add them to their group.

    An existing user keeps its password, name and flags; it only joins its group when it is
    not in it yet. ``rows`` pairs each account with whether it was created now.
    """
    user_model = get_user_model()
    wanted = {account.group for account in accounts if account.group}
    groups = {group.name: group for group in Group.objects.filter(name__in=wanted)}
    missing = sorted(wanted - set(groups))
    if missing:
        raise MissingGroupError(", ".join(missing))
    users = {
        user.username: user
        for user in user_model.objects.filter(
            username__in=[account.username for account in accounts]
        ).prefetch_related("groups")
    }
    report = AccountsReport()
    for account in accounts:
        user = users.get(account.username)
        created = user is None
        if created:
            create = (
                user_model.objects.create_superuser
                if account.superuser
                else user_model.objects.create_user
            )
            user = create(
                account.username,
                account.email,
                account.password,
                first_name=account.first_name,
                last_name=account.last_name,
            )
            report.created.append(account.username)
        if account.group and account.group not in {group.name for group in user.groups.all()}:
            user.groups.add(groups[account.group])
            report.joined.append((account.username, account.group))
        report.rows.append((account, created))
    return report
