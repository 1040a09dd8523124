from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("speakers/", views.PersonListView.as_view(), name="list"),
    path("speakers/<slug:slug>/", views.PersonDetailView.as_view(), name="person"),
    path("organisations/", views.OrganizationListView.as_view(), name="organizations"),
    path("organisations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization"),
]
