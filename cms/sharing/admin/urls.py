from django.urls import path

from . import views

app_name = "sharing_admin"
urlpatterns = [
    path("", views.ShareLinksReportView.as_view(), name="report"),
    path("results/", views.ShareLinksReportView.as_view(results_only=True), name="report_results"),
    path("page/<int:page_id>/", views.page_links, name="page"),
    path("<int:link_id>/revoke/", views.revoke, name="revoke"),
]
