from django.urls import path

from . import views

app_name = "catalogue_review"
urlpatterns = [
    path("", views.ServicesToReviewView.as_view(), name="report"),
    path("results/", views.ServicesToReviewView.as_view(results_only=True), name="report_results"),
    path("<int:page_id>/", views.review_detail, name="detail"),
    path("<int:page_id>/mark/", views.mark_reviewed, name="mark_reviewed"),
]
