"""Map dots and chart bars are laid out in plain Python; these need no database."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from browse.charts import column_chart, row_chart
from browse.maps import VIEWS, place_cities


@dataclass
class FakeCity:
    name: str
    latitude: float | None
    longitude: float | None
    event_count: int

    def get_absolute_url(self):
        return f"/cities/{self.name.lower()}/"


def test_project_maps_the_view_corners_to_the_svg_corners():
    view = VIEWS["east-asia"]
    assert view.project(view.west, view.north) == (0.0, 0.0)
    assert view.project(view.east, view.south) == (view.width, view.height)


def test_place_cities_keeps_cities_inside_the_view_largest_first():
    cities = [
        FakeCity("Beijing", 39.9, 116.4, 9),
        FakeCity("Kunming", 25.0, 102.7, 1),
        FakeCity("Paris", 48.9, 2.35, 4),  # outside the east-asia view
        FakeCity("Nowhere", None, None, 5),  # no coordinates: not on any map
    ]
    dots = place_cities(VIEWS["east-asia"], cities)
    assert [(dot.name, dot.url, dot.events) for dot in dots] == [
        ("Beijing", "/cities/beijing/", 9),
        ("Kunming", "/cities/kunming/", 1),
    ]
    assert dots[0].radius == 14.0
    assert dots[1].radius < dots[0].radius
    # Beijing is north-east of Kunming: further right, higher up.
    assert dots[0].x > dots[1].x and dots[0].y < dots[1].y


def test_place_cities_on_the_world_map_includes_every_city_with_coordinates():
    cities = [FakeCity("Beijing", 39.9, 116.4, 2), FakeCity("Paris", 48.9, 2.35, 1)]
    assert {dot.name for dot in place_cities(VIEWS["world"], cities)} == {"Beijing", "Paris"}


def test_place_cities_of_nothing_is_no_dots():
    assert place_cities(VIEWS["world"], []) == []


def test_basemap_files_are_shipped_for_every_view():
    for view in VIEWS.values():
        svg = (Path(settings.BASE_DIR) / "static" / view.static_path).read_text(encoding="utf-8")
        assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
        assert f'viewBox="0 0 {view.width} {view.height}"' in svg
        assert 'class="country china"' in svg
        assert len(svg) < 60_000


def test_column_chart_scales_bars_to_the_largest_count():
    chart = column_chart(
        "Events per year", [(2020, 2, "/e/?year=2020"), (2021, 4, "/e/?year=2021")]
    )
    assert [(bar.label, bar.count, bar.url) for bar in chart.bars] == [
        ("2020", 2, "/e/?year=2020"),
        ("2021", 4, "/e/?year=2021"),
    ]
    assert chart.bars[1].height == 2 * chart.bars[0].height
    assert chart.bars[0].y + chart.bars[0].height == chart.bars[1].y + chart.bars[1].height
    assert chart.total == 6
    assert chart.category == "Year"


def test_row_chart_gives_each_row_its_own_line():
    chart = row_chart("Events per topic", [("energy", 3, "/t/energy/"), ("finance", 1, "/t/f/")])
    assert [bar.y for bar in chart.bars] == [6.0, 28.0]
    assert chart.height == 56
    assert chart.bars[0].width == 174.0 and chart.bars[1].width == round(174 / 3, 1)


def test_a_chart_without_rows_is_false():
    assert not column_chart("Events per year", [])
    assert not row_chart("Events per topic", [])
