"""Placeholder views; the pages are being built."""

from django.http import HttpResponse
from django.views.generic import DetailView, ListView

from events.models import City, Event, Report, Topic


def home(request):
    return HttpResponse("eventsdb")


class EventListView(ListView):
    model = Event


class EventDetailView(DetailView):
    model = Event


class ReportListView(ListView):
    model = Report


class ReportDetailView(DetailView):
    model = Report


class CityListView(ListView):
    model = City


class CityDetailView(DetailView):
    model = City


class TopicListView(ListView):
    model = Topic


class TopicDetailView(DetailView):
    model = Topic
