"""Filterset mixins: every user filter lists only the people the editor may see, and the
media listings' tag filter only the tags of the editor's own area.

``own_users(FilterSet)`` and ``own_tags(FilterSet)`` return subclasses of Wagtail's
filtersets; the views in views.py use them. A filter is a user filter when its choices
are a queryset of the user model, whatever its name ("owner", "edited by", "locked by",
"user"...), so a filter Wagtail adds later is narrowed too.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django_filters.filters import QuerySetRequestMixin

from ..people import visible_users
from ..tags import popular_tags

__all__ = ["own_tags", "own_users"]


def _user(filterset):
    return getattr(filterset.request, "user", None)


class OwnUsersFilterSetMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = _user(self)
        if user is None or user.is_superuser:
            return
        user_model = get_user_model()
        visible = visible_users(user).values("pk")
        for user_filter in self.filters.values():
            if not isinstance(user_filter, QuerySetRequestMixin):
                continue
            queryset = user_filter.get_queryset(self.request)
            if queryset is None:
                queryset = user_filter.extra.get("queryset")
            if isinstance(queryset, QuerySet) and queryset.model is user_model:
                user_filter.queryset = queryset.filter(pk__in=visible)


class OwnTagsFilterSetMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = _user(self)
        if user is None or user.is_superuser or "tag" not in self.filters:
            return
        tags = popular_tags(user, self._meta.model)
        if tags:
            self.filters["tag"].extra["choices"] = [(tag.name, tag.name) for tag in tags]
        else:
            del self.filters["tag"]


def _narrowed(mixin, filterset_class):
    return type(filterset_class)(  # FilterSet's metaclass collects the filters
        filterset_class.__name__,
        (mixin, filterset_class),
        {"__module__": __name__, "__qualname__": filterset_class.__qualname__},
    )


def own_users(filterset_class):
    """``filterset_class`` with every user filter narrowed to the visible users."""
    return _narrowed(OwnUsersFilterSetMixin, filterset_class)


def own_tags(filterset_class):
    """``filterset_class`` (a media listing's) with its tag filter offering the tags most
    used in the user's own collections instead of the whole install's."""
    return _narrowed(OwnTagsFilterSetMixin, filterset_class)
