"""Previous/next paging without counting: one query per listing page.

Django's Paginator counts the whole listing first; a municipality's news or events only
need "previous" and "next", which fetching one item more than the page shows answers.
"""

from dataclasses import dataclass

MAX_PAGE = 100_000  # a larger number is no page anyone reaches (and overflows SQLite's offset)


@dataclass
class ListingPage:
    object_list: list
    number: int
    has_next: bool

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


def listing_page(queryset, number, size):
    """The ``number``-th page of ``size`` items (1-based); a bad number gives page 1, a
    huge one page MAX_PAGE."""
    try:
        number = min(max(1, int(number)), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * size
    items = list(queryset[start : start + size + 1])
    return ListingPage(object_list=items[:size], number=number, has_next=len(items) > size)
