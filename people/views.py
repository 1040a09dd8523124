"""Placeholder views; the pages are being built."""

from django.views.generic import DetailView, ListView

from people.models import Organization, Person


class PersonListView(ListView):
    model = Person


class PersonDetailView(DetailView):
    model = Person


class OrganizationListView(ListView):
    model = Organization


class OrganizationDetailView(DetailView):
    model = Organization
