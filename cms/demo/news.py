"""Six demo news articles per municipality, one per topic, each topic in a few variants
(data/news.toml).

Besides the words of ``Local.words``, the texts may use ``{start}``: a date two weeks after
the article appeared.
"""

import datetime as dt

from cms.news.models import NewsArticlePage

from .content import TEXT, PageSpec, long_date, render
from .datafiles import DATA_DIR, load

_NEWS = load(
    DATA_DIR / "news.toml",
    {"days_ago": (["int"], True), "topics": ([{"texts": ([TEXT], True)}], True)},
)
TOPICS = tuple(topic["texts"] for topic in _NEWS["topics"])

# How many days ago the articles appeared; each municipality deals them out differently.
DAYS_AGO = _NEWS["days_ago"]


def news_specs(local):
    specs = []
    for topic, texts in enumerate(TOPICS):
        date = local.today - dt.timedelta(
            days=DAYS_AGO[(topic + local.index) % len(DAYS_AGO)] + local.index % 4
        )
        start = long_date(date + dt.timedelta(days=14))
        slug, title, summary, body = render(local.variant(texts, topic), local.words(start=start))
        specs.append(PageSpec(NewsArticlePage, slug, title, summary, body, fields={"date": date}))
    return specs
