from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("feedback/", views.vote, name="vote"),
    path("feedback/opmerking/", views.comment, name="comment"),
    path("feedback/bedankt/", views.thanks, name="thanks"),
]
