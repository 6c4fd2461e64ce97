from django.urls import path

from . import views

app_name = "feedback_admin"
urlpatterns = [
    path("", views.PageFeedbackReportView.as_view(), name="report"),
    path(
        "results/", views.PageFeedbackReportView.as_view(results_only=True), name="report_results"
    ),
    path("comments/", views.FeedbackCommentsView.as_view(), name="comments"),
    path(
        "comments/results/",
        views.FeedbackCommentsView.as_view(results_only=True),
        name="comments_results",
    ),
    path("page/<int:page_id>/", views.page_detail, name="page"),
    path("comment/<int:feedback_id>/clear/", views.clear_comment, name="clear_comment"),
]
