"""What the project's own public API endpoints share (catalogue, search, alerts)."""

from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView


class PublicAPIView(APIView):
    """A public, read-only endpoint for Wagtail's API router (cms/api/urls.py): anonymous,
    no session authentication (so no CSRF on it), its listing at the endpoint's root.
    Subclasses set ``model`` (the router looks endpoints up by model) and ``get``."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view(), name="listing")]
