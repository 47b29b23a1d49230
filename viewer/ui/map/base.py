"""The base map: the disputed ground, the claim lines, water and the modern border, in km, and the labels of
the claims and of the disputed ground's area."""

from __future__ import annotations

import numpy as np
import shapely
from pyqtgraph.Qt import QtCore, QtGui
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ...core.language import format_number
from ...core.model import Claim
from ..i18n import translate
from ..style import CLAIM_COLOURS, DISPUTED_ALPHA, DISPUTED_FILL, LAKE, PAPER, RIVER, colour, font
from .layer import CLAIM, PLACE, LegendEntry, MapContext, MapLabel, MapLayer, device_ratio, device_xy, transform_key
from .swatches import fill_swatch, line_swatch


def path_of(geom: BaseGeometry) -> QtGui.QPainterPath:
    """A QPainterPath for any shapely geometry (polygons with holes, lines, multi-parts)."""
    path = QtGui.QPainterPath()
    path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
    for part in getattr(geom, "geoms", [geom]):
        if part.geom_type == "Polygon":
            for ring in [part.exterior, *part.interiors]:
                path.addPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in np.asarray(ring.coords)[:, :2]]))
        elif part.geom_type in ("LineString", "LinearRing"):
            xy = np.asarray(part.coords)[:, :2]
            path.moveTo(*xy[0])
            for x, y in xy[1:]:
                path.lineTo(x, y)
    return path


def cosmetic(
    hex_colour: str, width: float, style: QtCore.Qt.PenStyle = QtCore.Qt.PenStyle.SolidLine, alpha: float = 1.0
) -> QtGui.QPen:
    """A pen whose width is in screen pixels whatever the zoom."""
    pen = QtGui.QPen(colour(hex_colour, alpha), width, style)
    pen.setCosmetic(True)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    return pen


def claim_pen(claimant: str, scale: float) -> QtGui.QPen:
    """A claim drawn as a line (Mongolia's; Manchukuo's is the river): dashed in the claimant's colour. The held
    ground that reaches it draws it again above its hatching, in step with these dashes (operations.py)."""
    pen = cosmetic(CLAIM_COLOURS[claimant], 3.5 * scale, QtCore.Qt.PenStyle.DashLine, 0.9)
    pen.setDashPattern([4, 3])
    return pen


def draw_dashed(p: QtGui.QPainter, path: QtGui.QPainterPath, pen: QtGui.QPen) -> None:
    """A dashed line with its dashes counted along it in device pixels from each part's start by our own code, not
    Qt's: Qt's dasher loses its step where it skips a stretch outside the device, so the claim line drawn again
    above a held ground (a small picture) fell out of step with the base map's, the two filled each other's gaps,
    and on 20 August the claim read as a solid line along the Japanese ground (issue 14)."""
    width = pen.widthF()
    on, off = (d * width for d in pen.dashPattern()[:2])
    device = p.device()
    reach = on + width  # a dash starting farther than this outside the device does not reach it
    x0, y0 = -reach, -reach
    x1, y1 = (device.width() + reach, device.height() + reach) if device is not None else (np.inf, np.inf)
    dashes = QtGui.QPainterPath()
    for part in path.toSubpathPolygons(p.transform()):
        xy = np.array([(q.x(), q.y()) for q in part])
        if len(xy) < 2:
            continue
        along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))])
        starts = np.arange(0.0, along[-1], on + off)
        sx, sy = np.interp(starts, along, xy[:, 0]), np.interp(starts, along, xy[:, 1])
        for start in starts[(sx >= x0) & (sx <= x1) & (sy >= y0) & (sy <= y1)]:
            end = min(start + on, along[-1])
            at = np.concatenate([[start], along[(along > start) & (along < end)], [end]])
            dash = zip(np.interp(at, along, xy[:, 0]), np.interp(at, along, xy[:, 1]), strict=True)
            dashes.addPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in dash]))
    solid = QtGui.QPen(pen)
    solid.setStyle(QtCore.Qt.PenStyle.SolidLine)
    p.save()
    p.resetTransform()
    p.setPen(solid)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    p.drawPath(dashes)
    p.restore()


def claim_label(claimant: str) -> str:
    return {
        "manchukuo": translate("Map", "Border claimed by Manchukuo and Japan: the river"),
        "mongolia": translate("Map", "Border claimed by Mongolia and the USSR"),
    }[claimant]


PAN_MARGIN = 0.25  # of the view's width and height, drawn beyond each side of it (see BaseMapLayer.paint)
NO_PEN, NO_BRUSH = QtGui.QPen(QtCore.Qt.PenStyle.NoPen), QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush)


class BaseMapLayer(MapLayer):
    """Every static shape in one item, drawn on screen from one opaque picture of the whole view: paper and the
    base map, redrawn only when the view zooms, pans farther than its margin (PAN_MARGIN), is resized, or a part
    is shown or hidden. Opaque, it is copied rather than blended each frame (Qt's own item cache keeps an alpha
    channel and blends it). On vector devices (SVG, PDF) the shapes themselves are drawn. Its parts follow the
    "disputed", "claims" and "border" layers of the view state."""

    name = "base"
    z = -10.0
    watches = frozenset({"layers"})

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        self._shape_up()
        self._claim_anchors = [(c.claimant, _label_anchors(c)) for c in ctx.scenario.claims]
        self._ground_anchors = _ground_anchors(ctx.scenario.disputed_ground_km)
        self._country_anchors = _country_anchors(ctx.scenario.claims, ctx.scenario.disputed_ground_km)
        self._ground = ctx.scenario.disputed_ground_km
        shapely.prepare(self._ground)  # names are tested against it at every new view (a pan's every frame)
        self._picture: tuple[tuple, QtGui.QPixmap, tuple[float, float], tuple[int, int]] | None = None  # and pan, margin

    def _shape_up(self) -> None:
        self._keyed = _keyed(self.ctx)
        self.shapes = [shape[:4] for shape in self._keyed]

    def changed(self, field: str) -> None:
        if field == "scale":  # the lines' widths follow the UI scale: a 4K export is the 1080p one, scaled up
            self._shape_up()
        super().changed(field)

    def forget_kept(self) -> None:
        """The picture of the view goes too: after a visitor's pan it carries its margin (at 1080p ~11 MB, against
        ~5 MB for the view alone), and the tour's glide draws it afresh anyway."""
        super().forget_kept()
        self._picture = None

    def paint(self, p: QtGui.QPainter, *args) -> None:
        """Once the view pans at one zoom, the picture is drawn to cover the view and PAN_MARGIN of it on every side:
        a drag within that is a copy of it set elsewhere (to the whole pixel), not a fresh drawing of every shape
        (~9 ms at 1080p). Otherwise (a still, a zoom easing to an event) the view alone is drawn."""
        device = p.device()
        if device is None or p.paintEngine().type() != QtGui.QPaintEngine.Type.Raster:
            self._draw(p)
            return
        t, dpr = p.transform(), device_ratio(p)
        w, h = device.width(), device.height()
        key = ((t.m11(), t.m12(), t.m21(), t.m22()), w, h, dpr, self.state.layers, self.scale)
        panned = self._picture is not None and self._picture[0] == key
        if self._picture is not None and panned:
            _key, pm, (x0, y0), (mx, my) = self._picture
            dx, dy = round(t.dx() - x0), round(t.dy() - y0)
        if not panned or abs(dx) > mx or abs(dy) > my:  # a zoom draws the view alone: the next step zooms again
            mx, my = (round(w * PAN_MARGIN), round(h * PAN_MARGIN)) if panned else (0, 0)
            pm = QtGui.QPixmap(round((w + 2 * mx) * dpr), round((h + 2 * my) * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(colour(PAPER))  # opaque: the pixmap stays without an alpha channel
            q = QtGui.QPainter(pm)
            q.setTransform(t * QtGui.QTransform.fromTranslate(mx, my))
            self._draw(q)
            q.end()
            self._picture, dx, dy = (key, pm, (t.dx(), t.dy()), (mx, my)), 0, 0
        p.save()
        p.resetTransform()
        p.drawPixmap(QtCore.QPointF(dx - mx, dy - my), pm)
        p.restore()

    def _draw(self, p: QtGui.QPainter) -> None:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        shown = self.state.layers
        for part, path, pen, brush in self.shapes:
            if part and part not in shown:
                continue
            if pen.style() == QtCore.Qt.PenStyle.CustomDashLine:  # a claim line: in step with the grounds' (draw_dashed)
                draw_dashed(p, path, pen)
                continue
            p.setPen(pen)
            p.setBrush(brush)
            p.drawPath(path)

    def labels(self, scene_to_device: QtGui.QTransform) -> list[MapLabel]:
        """The claims' names and the disputed ground's, each offered at several points in view (best first),
        so a crowd of units at one place does not leave it out."""
        t, view, st = self.to_device(scene_to_device), self.ctx.view_box.viewRect(), self.state
        key = (transform_key(t), view.getRect(), st.layers, st.language, st.naming, self.scale)
        return self.memo("labels", key, lambda: self._labels(t, view))

    def _labels(self, t: QtGui.QTransform, view: QtCore.QRectF) -> list[MapLabel]:
        s, shown = self.scale, self.state.layers
        out = []
        if "claims" in shown:
            for claimant, anchors in self._claim_anchors:  # beyond its line: Manchukuo's west, Mongolia's east
                text, f = claim_label(claimant), font(15 * s, bold=True)
                pen = colour(CLAIM_COLOURS[claimant]).darker(125)
                for x, y in self._off_ground(anchors, text, f, t, view, -1 if claimant == "manchukuo" else 1):
                    out.append(MapLabel(("claim", claimant), text, (x, y), 0, f, pen, CLAIM, mark="inside"))
        if "disputed" in shown:
            area = format_number(self.ctx.scenario.disputed_area_km2, self.state.language)
            text = translate("Map", "Disputed ground ≈ %1 km²").replace("%1", area)
            for x, y in _in_view(self._ground_anchors, view):
                pt = t.map(QtCore.QPointF(x, y))
                out.append(
                    MapLabel(("disputed", ""), text, (pt.x(), pt.y()), 0, font(16 * s, bold=True), colour("#8A5A00"), CLAIM)
                )
            for country, anchors in self._country_anchors:  # the ground both sides agreed on, as an atlas names it
                text, f, pen = country_name(country), font(18 * s, bold=True), colour(COUNTRY_INK)
                for x, y in self._off_ground(anchors, text, f, t, view, 0):
                    out.append(MapLabel(("country", country), text, (x, y), 0, f, pen, PLACE, mark="inside"))
        return out

    def _off_ground(
        self,
        anchors: list[tuple[float, float]],
        text: str,
        f: QtGui.QFont,
        t: QtGui.QTransform,
        view: QtCore.QRectF,
        towards: int,
    ) -> list[tuple[float, float]]:
        """Where a name may be centred (device pixels) so that none of it lies on the disputed ground: at each anchor
        (`towards` 0), or beside it, east (1) or west (-1), for a claim's name beside its line; at most ALTERNATIVES
        of them, each taken as it is (a name beside one would stand on the ground again). Set beside its line
        either way, on 20 August 'Border claimed by Manchukuo and Japan: the river' lay east of the river across
        the bridgehead and the Japanese ground and read as a front line; a country's name on the ground would give
        it to one side."""
        fm, s = QtGui.QFontMetricsF(f), self.scale
        half_w, half_h = fm.horizontalAdvance(text) / 2, fm.height() / 2
        km = np.array(_in_view(anchors, view, len(anchors)), dtype=float).reshape(-1, 2)
        centres = device_xy(t, km[:, 0], km[:, 1]) + (towards * (half_w + 8 * s), 0.0)
        corners = centres[:, None, :] + np.array(AROUND, dtype=float) * (half_w, half_h)  # (n, 4, 2), device
        back = t.inverted()[0]
        rings = device_xy(back, corners[..., 0].ravel(), corners[..., 1].ravel()).reshape(-1, 4, 2)
        clear = ~shapely.intersects(self._ground, shapely.polygons(rings)) if len(rings) else np.zeros(0, bool)
        return [(float(x), float(y)) for x, y in centres[clear][:ALTERNATIVES]]

    def legend(self) -> list[LegendEntry]:
        """The base map's marks in view (kept for the view, layers, language and scale: asked every frame)."""
        s = self.state
        key = (s.layers, s.language, s.naming, self.scale, self.ctx.view_box.viewRect().getRect())
        return self.memo("legend", key, self._legend)

    def _legend(self) -> list[LegendEntry]:
        shown, out, view = self.state.layers, [], self.ctx.view_box.viewRect()
        if "disputed" in shown:
            out.append(LegendEntry("base:disputed", translate("Map", "Disputed ground"), fill_swatch(self.shapes[0][3])))
        for part, _path, pen, brush, key in self._legend_shapes:
            if (
                key == "disputed"
                or (part and part not in shown)
                or not any(p.intersects(view) for prt, p, _, _, k in self._keyed if k == key)
            ):
                continue
            text = {
                "claim:mongolia": translate("Map", "Mongolian/Soviet claim"),
                "claim:manchukuo": translate("Map", "Manchukuo/Japanese claim (river)"),
                "river": translate("Map", "River"),
                "river:approximate": translate("Map", "River, course approximate"),
                "lake": translate("Map", "Lake"),
                "border": translate("Map", "Modern border"),
            }[key]
            river = next(sh[2] for sh in self._legend_shapes if sh[4] == "river")
            swatch = (
                fill_swatch(brush, pen)
                if key == "lake"
                else line_swatch(pen, river)
                if key == "claim:manchukuo"
                else line_swatch(pen)
            )
            out.append(LegendEntry(f"base:{key}", text, swatch))
        return out

    @property
    def _legend_shapes(self) -> list[tuple[str, QtGui.QPainterPath, QtGui.QPen, QtGui.QBrush, str]]:
        """One shape per kind of mark, with its legend key (the first of each kind)."""
        seen: dict[str, tuple[str, QtGui.QPainterPath, QtGui.QPen, QtGui.QBrush, str]] = {}
        for part, path, pen, brush, key in self._keyed:
            seen.setdefault(key, (part, path, pen, brush, key))
        return list(seen.values())


AROUND = ((-1, -1), (1, -1), (1, 1), (-1, 1))  # a box's corners in turn round it
ALTERNATIVES = 6  # places offered per name: enough to dodge a crowd, few enough to place quickly


def _in_view(points: list[tuple[float, float]], view: QtCore.QRectF, most: int = ALTERNATIVES) -> list[tuple[float, float]]:
    """The first `most` of `points` (best first) well inside the view."""
    inner = view.adjusted(view.width() * 0.05, view.height() * 0.05, -view.width() * 0.05, -view.height() * 0.05)
    return [(x, y) for x, y in points if inner.contains(QtCore.QPointF(x, y))][:most]


def _keyed(ctx: MapContext) -> list[tuple[str, QtGui.QPainterPath, QtGui.QPen, QtGui.QBrush, str]]:
    """Bottom to top: disputed ground, the river claim band, water, the claim line, the modern border (over the
    claim line, whose course it shares in part: drawn under, it would vanish), each with its legend key. Line
    widths are pixels at UI scale 1."""
    sc, s = ctx.scenario, ctx.scale
    tint = QtGui.QBrush(colour(DISPUTED_FILL, DISPUTED_ALPHA))
    shapes = [("disputed", path_of(sc.disputed_ground_km), NO_PEN, tint, "disputed")]
    for claim in sc.claims:
        if claim.claimant == "manchukuo":  # the river itself: a broad band under the river line
            pen = cosmetic(CLAIM_COLOURS[claim.claimant], 11 * s, alpha=0.45)
            shapes.append(("claims", path_of(claim.feature.geometry_km), pen, NO_BRUSH, "claim:manchukuo"))
    for f in sc.layers["lakes"]:
        shapes.append(("", path_of(f.geometry_km), cosmetic(RIVER, 1.2 * s), QtGui.QBrush(colour(LAKE)), "lake"))
    for f in sc.layers["rivers"]:
        approximate = bool(f.properties.get("approximate_km"))
        pen = cosmetic(
            RIVER, (2.5 if approximate else 4.0) * s, QtCore.Qt.PenStyle.DashLine if approximate else QtCore.Qt.PenStyle.SolidLine
        )
        shapes.append(("", path_of(f.geometry_km), pen, NO_BRUSH, "river:approximate" if approximate else "river"))
    for claim in sc.claims:
        if claim.claimant != "manchukuo":
            pen = claim_pen(claim.claimant, s)
            shapes.append(("claims", path_of(claim.feature.geometry_km), pen, NO_BRUSH, f"claim:{claim.claimant}"))
    for f in sc.layers["border-modern"]:
        shapes.append(
            ("border", path_of(f.geometry_km), cosmetic("#5E5E5E", 1.6 * s, QtCore.Qt.PenStyle.DotLine), NO_BRUSH, "border")
        )
    return shapes


def _label_anchors(claim: Claim) -> list[tuple[float, float]]:
    """Where a claim's name may go: points along its line, nearest first to the middle of the southern half of
    the battlefield (where it reads best at the home view)."""
    line = claim.feature.geometry_km
    target = Point(0, -8) if claim.claimant == "manchukuo" else Point(10, 5)
    best = line.project(target)
    points = [line.interpolate(d) for d in np.linspace(0, line.length, 41)]
    points.sort(key=lambda pt: abs(line.project(pt) - best))
    return [(pt.x, pt.y) for pt in points]


def country_name(key: str) -> str:
    """A country's name as the map and the inset write it (capitals, as atlases name countries)."""
    return {
        "mongolia": translate("Inset", "MONGOLIA"),
        "ussr": translate("Inset", "USSR"),
        "manchukuo": translate("Inset", "MANCHUKUO"),
    }[key]


COUNTRY_INK = "#8C8273"  # a country's name: neutral, not a side's colour (it says whose land, not who held it)
COUNTRY_OFF_KM = 7.0  # how far beyond its claim line a country's name is offered


def _country_anchors(claims: tuple[Claim, ...], ground: BaseGeometry) -> list[tuple[str, list[tuple[float, float]]]]:
    """Where the two countries' names may go: beyond each claim line, on the ground both sides agreed was that
    country's (west of the river Mongolia, east of Mongolia's claim Manchukuo: a fresh reader found the countries
    named only in the inset), at points along the line nearest its middle first, each at least 4 km off the
    disputed ground."""
    out = []
    for claim in claims:
        line = claim.feature.geometry_km
        country, dx = ("mongolia", -COUNTRY_OFF_KM) if claim.claimant == "manchukuo" else ("manchukuo", COUNTRY_OFF_KM)
        points = [line.interpolate(d) for d in np.linspace(0, line.length, 41)]
        points.sort(key=lambda pt: abs(line.project(pt) - line.length / 2))
        beyond = [Point(pt.x + dx, pt.y) for pt in points]
        out.append((country, [(pt.x, pt.y) for pt in beyond if ground.distance(pt) >= 4.0]))
    return out


def _ground_anchors(ground: BaseGeometry) -> list[tuple[float, float]]:
    """Where the disputed ground's name may go: its representative point first, then points inside it on a grid
    nearest that point first."""
    first = ground.representative_point()
    x0, y0, x1, y1 = ground.bounds
    grid = [Point(x, y) for x in np.linspace(x0, x1, 15) for y in np.linspace(y0, y1, 15)]
    inside = sorted((pt for pt in grid if ground.contains(pt)), key=first.distance)
    return [(pt.x, pt.y) for pt in [first, *inside]]
