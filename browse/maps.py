"""Cities on a map without tiles or JavaScript: an equirectangular projection shared by the
basemap files in static/maps/ (built once from Natural Earth) and the dots drawn per request.

A view is a longitude/latitude box; the basemap SVG of a view and the dots placed on it use the
same `project`, so a city's dot lands on its coordinates whatever the box.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class MapView:
    name: str
    label: str
    west: float
    east: float
    south: float
    north: float
    width: int = 800

    @property
    def x_scale(self) -> float:
        # Stretch longitudes by cos(mid-latitude) so shapes near the view's middle keep their
        # proportions; a plain plate carrée makes China look squat.
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def height(self) -> int:
        span_x = (self.east - self.west) * self.x_scale
        return round(self.width * (self.north - self.south) / span_x)

    @property
    def static_path(self) -> str:
        return f"maps/{self.name}.svg"

    def project(self, longitude: float, latitude: float) -> tuple[float, float]:
        x = (longitude - self.west) / (self.east - self.west) * self.width
        y = (self.north - latitude) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)

    def contains(self, longitude: float, latitude: float) -> bool:
        return self.west <= longitude <= self.east and self.south <= latitude <= self.north


VIEWS = {
    view.name: view
    for view in (
        MapView("east-asia", "China and its neighbours", 72.0, 136.0, 16.0, 54.0),
        MapView("world", "World", -170.0, 190.0, -58.0, 78.0),
    )
}


@dataclass(frozen=True)
class Dot:
    name: str
    url: str
    events: int
    x: float
    y: float
    radius: float


def place_cities(view: MapView, cities, *, max_radius: float = 14.0) -> list[Dot]:
    """Dots for cities with coordinates inside the view, area proportional to event count.

    `cities` yields objects with name, latitude, longitude, event_count and get_absolute_url().
    Larger dots come first so the small ones are drawn on top and stay clickable.
    """
    placed = [
        city
        for city in cities
        if city.latitude is not None
        and city.longitude is not None
        and view.contains(city.longitude, city.latitude)
    ]
    if not placed:
        return []
    most = max(city.event_count for city in placed) or 1
    dots = []
    for city in placed:
        x, y = view.project(city.longitude, city.latitude)
        radius = max(2.5, max_radius * math.sqrt(city.event_count / most))
        dots.append(
            Dot(city.name, city.get_absolute_url(), city.event_count, x, y, round(radius, 1))
        )
    return sorted(dots, key=lambda dot: -dot.radius)
