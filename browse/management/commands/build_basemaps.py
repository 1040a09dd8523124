"""Write static/maps/<view>.svg from Natural Earth country outlines (the world-atlas package).

Run once by a developer, never at run time: `npm pack world-atlas@2` and unpack it, then
`manage.py build_basemaps path/to/package`. The SVGs are committed; the site reads only them.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from browse.maps import VIEWS, MapView

# The 110m outlines are enough for a world view; the view of China needs the 50m coast.
SOURCES = {"world": "countries-110m.json", "east-asia": "countries-50m.json"}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON stores arcs quantised and delta-encoded; this turns them into lon/lat lists."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        # A negative index is the one's complement of an arc walked backwards.
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia, Fiji) jumps from 180 to -180; walking it
    east of 180 instead keeps it one shape rather than a line across the whole map."""
    crosses = any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:], strict=False))
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring] if crosses else ring


def polygons(geometry: dict):
    if geometry["type"] == "Polygon":
        yield geometry["arcs"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["arcs"]


def simplify(points: list[tuple[int, int]], tolerance: float) -> list[tuple[int, int]]:
    """Ramer-Douglas-Peucker: drop points closer than `tolerance` pixels to the line kept."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x0, y0 = points[index]
            if length:
                d = abs((y2 - y1) * x0 - (x2 - x1) * y0 + x2 * y1 - y2 * x1) / length
            else:
                d = ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def svg_path(view: MapView, rings) -> str:
    commands = []
    for ring in rings:
        last = None
        projected = []
        for lon, lat in ring:
            # Whole pixels: the outline is backdrop, and the file is a fifth the size.
            x, y = view.project(lon, lat)
            point = (round(x), round(y))
            if point != last:
                projected.append(point)
                last = point
        projected = simplify(projected, tolerance=0.8)
        if len(projected) < 4:
            continue
        head, *tail = projected
        commands.append(
            f"M{head[0]:g} {head[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in tail) + "Z"
        )
    return "".join(commands)


def overlaps(view: MapView, ring) -> bool:
    lons = [lon for lon, _ in ring]
    lats = [lat for _, lat in ring]
    return not (
        max(lons) < view.west
        or min(lons) > view.east
        or max(lats) < view.south
        or min(lats) > view.north
    )


def basemap_svg(view: MapView, topology: dict) -> str:
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = [
            unwrap(ring_points(ring, arcs)) for polygon in polygons(geometry) for ring in polygon
        ]
        rings = [ring for ring in rings if ring and overlaps(view, ring)]
        if not rings:
            continue
        name = geometry.get("properties", {}).get("name", "")
        css = "country china" if name == "China" else "country"
        paths.append(f'<path class="{css}" d="{svg_path(view, rings)}"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {view.width} {view.height}" '
        f'width="{view.width}" height="{view.height}">'
        "<title>Country outlines: Natural Earth (public domain), via world-atlas</title>"
        "<style>.country{fill:#e8efe9;stroke:#9bb3a2;stroke-width:.6}"
        ".china{fill:#d5e6d9}</style>" + "".join(paths) + "</svg>\n"
    )


class Command(BaseCommand):
    help = "Build static/maps/*.svg from an unpacked world-atlas package (Natural Earth)."

    def add_arguments(self, parser):
        parser.add_argument("package", type=Path, help="folder holding countries-*m.json")

    def handle(self, *args, package: Path, **options):
        out = Path(settings.BASE_DIR) / "static" / "maps"
        out.mkdir(parents=True, exist_ok=True)
        for name, view in VIEWS.items():
            source = package / SOURCES[name]
            if not source.is_file():
                raise CommandError(f"{source}: not found; unpack `npm pack world-atlas@2` there")
            svg = basemap_svg(view, json.loads(source.read_text(encoding="utf-8")))
            (out / f"{name}.svg").write_text(svg, encoding="utf-8")
            self.stdout.write(f"{name}.svg: {len(svg):,} bytes")
