"""The communication officers' toolkit in the demo (data/toolkit.toml): feedback on pages,
review dates, a draft shared without an account, pages that go live or expire on schedule,
and alerts. Each part is added once; a second run changes nothing."""

import datetime as dt

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from cms.alerts.models import Alert
from cms.feedback.models import Feedback
from cms.pages.models import ContentPage
from cms.reviews.models import PageReview
from cms.sharing.models import ShareLink, hash_token

from .content import TEXT, render
from .datafiles import DATA_DIR, load
from .users import demo_user

# The demo's shared draft opens at /gedeeld/<SHARE_TOKEN>/ on kortrijk.localhost: a known
# token, like the demo passwords (setup_demo only runs with DEBUG on).
SHARE_TOKEN = "demo-terrassen-kortrijk-concept-0123456789a"  # noqa: S105
PAGE = {"page": ("str", True)}
SCHEMA = {
    "feedback": ([{**PAGE, **dict.fromkeys(("yes", "no", "months"), ("int", True)),
                   "comments": ("strings", False)}], True),
    "reviews": ([{**PAGE, "due_in_days": ("int", True), "owner": ("str", False)}], True),
    "drafts": ([{**TEXT, "parent": ("str", True), "shared": ("str", False),
                 **dict.fromkeys(("go_live_in", "expire_in"), ("int", False))}], True),
    "alerts": ([{**dict.fromkeys(("severity", "title", "text"), ("str", True)),
                 **dict.fromkeys(("municipality", "page", "link_page"), ("str", False)),
                 "days": ("int", True), "link_url": ("url", False)}], True),
}  # fmt: skip
DATA = load(DATA_DIR / "toolkit.toml", SCHEMA)


def seed_toolkit(municipality, today):
    """Add what data/toolkit.toml describes for ``municipality``; return what was added."""
    prefix = f"/{municipality.slug}/"
    pages = {p.url_path: p for p in Page.objects.filter(url_path__startswith=prefix)}
    editor, done = demo_user("editor", municipality), []
    for entry in DATA["feedback"]:
        page = pages.get(entry["page"])
        if page and not Feedback.objects.filter(page=page).exists():
            answers = [True] * entry["yes"] + [False] * entry["no"]
            comments = list(entry.get("comments", ()))
            Feedback.objects.bulk_create(
                Feedback(
                    page=page,
                    municipality=municipality,
                    useful=useful,
                    comment="" if useful or not comments else comments.pop(0),
                    created=today - dt.timedelta(days=entry["months"] * 30 * i // len(answers)),
                )
                for i, useful in enumerate(answers)
            )
            done.append(page.url_path)
    for entry in DATA["reviews"]:
        page = pages.get(entry["page"])
        if page and not PageReview.objects.filter(page=page).exists():
            team = f"{municipality.slug} {entry.get('owner')}"  # "<slug> moderators"
            PageReview.objects.create(
                page=page,
                review_on=today + dt.timedelta(days=entry["due_in_days"]),
                owner_user=editor if entry.get("owner") == "editor" else None,
                owner_group=Group.objects.filter(name=team).first(),
            )
            done.append(page.url_path)
    for entry in DATA["drafts"]:
        parent = pages.get(entry["parent"])
        path = f"{entry['parent']}{entry['slug']}/"
        if parent and not parent.get_children().filter(slug=entry["slug"]).exists():
            pages[path] = _draft(parent, entry, editor)
            done.append(path)
    for entry in DATA["alerts"]:
        if entry.get("municipality", municipality.slug) == municipality.slug:
            done += _alert(entry, municipality, pages, editor)
    return done


def _alert(entry, municipality, pages, editor):
    """The alert of ``entry`` unless one has its title (a regional one: with the first town)."""
    if Alert.objects.filter(title=entry["title"]).exists():
        return []
    now, local = timezone.now(), "municipality" in entry
    alert = Alert.objects.create(
        municipality=municipality if local else None,
        page=pages.get(entry.get("page")),
        link_page=pages.get(entry.get("link_page")),
        **{key: entry.get(key, "") for key in ("severity", "title", "text", "link_url")},
        starts_at=now,
        ends_at=now + dt.timedelta(days=entry["days"]),
    )
    alert.save_revision(user=editor if local else None).publish()
    return [entry.get("page", f"{municipality.slug if local else 'regio'}: {alert.title}")]


def _draft(parent, entry, editor):
    """A page that was never published, published on schedule when the entry says so."""
    now = timezone.now()
    page = render(ContentPage, entry, {}, live=False).build(parent.locale)
    parent.add_child(instance=page)
    page.save_revision()
    if "go_live_in" in entry:
        page.go_live_at = now + dt.timedelta(minutes=entry["go_live_in"])
        expire_in = entry.get("expire_in")
        page.expire_at = now + dt.timedelta(minutes=expire_in) if expire_in else None
        page.save_revision().publish()
    if "shared" in entry:
        ShareLink.objects.create(
            page=page,
            include_descendants=True,
            recipient=entry["shared"],
            token_hash=hash_token(SHARE_TOKEN),
            created_by=editor,
            expires_at=now + dt.timedelta(days=7),
        )
    return page
