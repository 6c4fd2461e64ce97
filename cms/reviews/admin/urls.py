"""The review's admin URLs, under /admin/reviews/; ``legacy_urlpatterns`` keeps the
catalogue's former review URLs (/admin/catalogue/review/...) answering with the same views,
so bookmarks and forms that post there keep working."""

from django.urls import path

from . import report, views

app_name = "reviews"
urlpatterns = [
    path("", report.PagesToReviewView.as_view(), name="report"),
    path("results/", report.PagesToReviewView.as_view(results_only=True), name="report_results"),
    path("<int:page_id>/", views.page_review, name="page"),
    path("<int:page_id>/mark/", views.mark_page_reviewed, name="mark_reviewed"),
]

legacy_urlpatterns = [
    path("", report.PagesToReviewView.as_view()),
    path("results/", report.PagesToReviewView.as_view(results_only=True)),
    path("<int:page_id>/", views.page_review),
    path("<int:page_id>/mark/", views.mark_page_reviewed),
]
