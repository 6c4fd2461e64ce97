"""The public address of a shared draft (included at the root by cms/urls.py, before
Wagtail's catch-all). The admin's views are registered by wagtail_hooks.py."""

from django.urls import path

from . import views

app_name = "sharing"
urlpatterns = [
    path("gedeeld/<str:token>/", views.shared_draft, name="draft"),
    path("gedeeld/<str:token>/<path:subpath>/", views.shared_draft, name="draft_subpage"),
]
