"""The top tasks a home page leads with: what most citizens come to the site for.

Three sources, the first that gives anything wins:

1. the home page's own ``top_tasks``, chosen by its editors (taken as they are); a
   translated home without any takes the Dutch home's;
2. the municipality's ``top_tasks`` from its sites/ file: regional service identifiers (the
   site's local page of that service) and paths on the site ("/contact/");
3. the region's popular services that have a live local page on this site.

Sources 2 and 3 are topped up to ``MINIMUM`` with a few pages every site has. Whatever
is not found or not live is skipped, never an error. On a French or English home each
task links to the page's translation when it is live, else to the Dutch page with
``lang``/``hreflang`` saying so (wagtail-localize keeps the Dutch page in a translated
home's page choosers unless a translator overrides it, so this is resolved here).

Two queries at most (the Dutch home, on a translated home without tasks of its own; the
pages), and none on most renders: the result is cached per home, what it was built from
and the content generation (``request.content_generation``, read by the page cache), or
for ``LATEST_SECONDS`` when there is none (the page cache off, logged-in users), so a
change elsewhere (a task's page retitled) may then take that long to show. Previews are
never cached.
"""

import hashlib
import json
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import F, Q
from wagtail.models import Page

from cms.core.locales import language_code
from cms.core.text import fold
from cms.municipalities.models import Municipality

__all__ = ["MAXIMUM", "MINIMUM", "Task", "top_tasks"]

MINIMUM = 6
MAXIMUM = 10
# Pages every site has, in the order they top up a short list.
USEFUL_PATHS = ("/contact/", "/diensten/", "/nieuws/", "/evenementen/")
LATEST_SECONDS = 60
GENERATION_SECONDS = 600


class Task(NamedTuple):
    """``lang``: the language of ``label``; ``hreflang``: that of the page linked to (""
    for a link elsewhere)."""

    label: str
    url: str
    lang: str
    hreflang: str


def top_tasks(home, request):
    """The tasks ``home`` (a HomePage, any language) leads with, as a list of Task."""
    if getattr(request, "is_preview", False):
        return _resolve(home, request)
    municipality = Municipality.for_request(request)
    key = _cache_key(home, municipality, request)
    tasks = cache.get(key)
    if tasks is None:
        tasks = _resolve(home, request)
        generation = getattr(request, "content_generation", None)
        cache.set(key, tasks, LATEST_SECONDS if generation is None else GENERATION_SECONDS)
    return tasks


def _cache_key(home, municipality, request):
    """What the tasks are built from is in the key: an edit of the home or of the sites/
    file shows at once, even without a content generation."""
    generation = getattr(request, "content_generation", None)
    source = json.dumps(
        [
            list(home.top_tasks.raw_data),
            getattr(municipality, "top_tasks", None),
            str(home.last_published_at),
            request.get_host(),
        ],
        default=str,
    )
    digest = hashlib.sha256(source.encode()).hexdigest()[:32]
    return f"top-tasks:{generation if generation is not None else 'latest'}:{home.pk}:{digest}"


def _resolve(home, request):
    language = language_code(home.locale_id)
    own = _blocks(home.top_tasks)
    if own:
        return _chosen(own, home, request, language)
    dutch = home if language == "nl" else _dutch_home(home)
    if dutch is None:
        return []
    inherited = _blocks(dutch.top_tasks) if dutch is not home else []
    if inherited:  # a translated home without tasks of its own: the Dutch home's
        return _chosen(inherited, home, request, "nl")
    municipality = Municipality.for_request(request)
    configured = [str(task) for task in getattr(municipality, "top_tasks", None) or ()]
    return _defaults(home, dutch, request, configured)


def _blocks(stream):
    return [block for block in stream.raw_data if isinstance(block, dict)]


def _page_id(block):
    value = block.get("value")
    try:
        return int(value.get("page"))
    except (AttributeError, TypeError, ValueError):
        return None


def _chosen(raw, home, request, label_language):
    """The editors' tasks (raw stream blocks): each page in the home's language when it
    has a live translation; the labels are in ``label_language``."""
    ids = [_page_id(block) for block in raw if block.get("type") == "page"]
    ids = [pk for pk in ids if pk is not None]
    pages = {}
    if ids:
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        found = Page.objects.live().filter(
            Q(pk__in=ids) | Q(locale_id=home.locale_id, translation_key__in=keys)
        )
        pages = {page.pk: page for page in found.select_related("locale")}
    by_key = {p.translation_key: p for p in pages.values() if p.locale_id == home.locale_id}
    tasks = []
    for block in raw:
        value = block.get("value") if isinstance(block.get("value"), dict) else {}
        label = str(value.get("label") or "").strip()
        if block.get("type") == "link" and value.get("url") and label:
            tasks.append(Task(label, str(value["url"]), label_language, ""))
        elif block.get("type") == "page" and _page_id(block) in pages:
            page = pages[_page_id(block)]
            task = _page_task(by_key.get(page.translation_key, page), request, label)
            if task:
                tasks.append(task._replace(lang=label_language) if label else task)
    return tasks[:MAXIMUM]


def _page_task(page, request, label=""):
    """A task for ``page``: its title (in its language) unless ``label`` is given."""
    url = page.get_url(request)
    if not url:
        return None
    page_language = language_code(page.locale_id)
    return Task(label or page.title, url, page_language, page_language)


def _defaults(home, dutch, request, configured):
    """Sources 2 and 3, topped up: the municipality's tasks, else the popular services."""
    dutch_path, dutch_url_path = dutch.path, dutch.url_path
    identifiers = [task for task in configured if not str(task).startswith("/")]
    paths = [task for task in configured if str(task).startswith("/")] + list(USEFUL_PATHS)
    url_paths = {dutch_url_path + path.strip("/") + "/": path for path in paths if path != "/"}
    wanted = Page.objects.live().filter(path__startswith=dutch_path)
    wanted = wanted.filter(
        Q(url_path__in=url_paths)
        | Q(localservicepage__service__identifier__in=identifiers)
        | Q(localservicepage__service__popular=True)
    )
    found = Page.objects.live().filter(
        Q(pk__in=wanted.values("pk"))
        | Q(
            locale_id=home.locale_id,
            path__startswith=home.path,
            translation_key__in=wanted.values("translation_key"),
        )
    )
    found = found.annotate(
        identifier=F("localservicepage__service__identifier"),
        popular=F("localservicepage__service__popular"),
    ).select_related("locale")
    found = list(found)
    translated = {p.translation_key: p for p in found if p.locale_id == home.locale_id}
    originals = [p for p in found if p.path.startswith(dutch_path)]
    by_identifier = {p.identifier: p for p in originals if p.identifier}
    by_path = {url_paths[p.url_path]: p for p in originals if p.url_path in url_paths}

    chosen = [by_identifier.get(task) or by_path.get(task) for task in configured]
    chosen = [page for page in chosen if page is not None]
    if not chosen:
        popular = sorted((p for p in originals if p.popular), key=lambda p: fold(p.title))
        chosen = popular[:MAXIMUM]
    for path in USEFUL_PATHS:
        if len(chosen) >= MINIMUM:
            break
        page = by_path.get(path)
        if page is not None and page not in chosen:
            chosen.append(page)
    tasks = []
    for page in _unique(chosen)[:MAXIMUM]:
        task = _page_task(translated.get(page.translation_key, page), request)
        if task:
            tasks.append(task)
    return tasks


def _dutch_home(home):
    """The Dutch home of ``home``'s site (one query): its tree and its top tasks."""
    homes = type(home).objects.filter(depth=2, translation_key=home.translation_key)
    homes = homes.only("path", "url_path", "locale_id", "top_tasks")
    return next((h for h in homes if language_code(h.locale_id) == "nl"), None)


def _unique(pages):
    seen = set()
    return [p for p in pages if not (p.pk in seen or seen.add(p.pk))]
