"""Units at the state's instant: APP-6-style symbols, an arrow while attacking or retreating, the selected
unit's frame, leader lines where symbols were pushed apart, a name each; a click selects a unit.

A position that may be more than BADGE_KM off is a "≈" badge on the symbol; the legend says that the others are
approximate, within about that (halos.py; it draws the circle of the selected unit only).
Up to DETAIL_MAX units on screen are drawn one by one with all of that; beyond it they are a crowd: one
batched blit from a symbol atlas, no per-unit Python work, no names, badges whatever the "halos" switch says:
scrubbing 3,000 units stays smooth.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ...core.language import tr
from ...core.model import STATES, Event, Unit
from ...core.motion import LINGER_MIN, MAX_GAP_MIN
from ...core.placement import Rect, declutter, kept_on_bank, off_arrowheads
from ..i18n import side_name, translate
from ..notes import branch_name, echelon_name
from ..style import INK, PAPER, SIDE_COLOURS, colour, font
from ..symbols import ECHELON_MARKS, draw_branch_glyph, draw_echelon, symbol_pixmap, symbol_size
from .abbreviations import abbreviations_in
from .layer import (
    LAST,
    SELECTED,
    UNIT,
    LegendEntry,
    MapContext,
    MapLabel,
    MapLayer,
    device_ratio,
    device_xy,
    rect_of,
    transform_key,
)
from .operations import ALLIES, ManoeuvresLayer, side_by_side
from .pixmaps import blit_many, without_engine
from .rivers import river_barriers
from .swatches import Swatch, pixmap_swatch, text_swatch

# A position the map marks with the "≈" badge may be farther off than this. Nearly every position is inferred from
# narrative (radius 3-6 km for most, 7-25 km for some): a badge on every unit said nothing, so the legend says once
# that positions are approximate, within about this, and the badge picks out those less certain (issue 14).
BADGE_KM = 7.0
DETAIL_MAX = 60  # up to this many units on screen: names, arrows, trails, decluttering, circles; beyond it, a crowd
SELECTION = "#FFD23F"


ATLAS_MAX_PX = 16_384  # the crowd's symbol atlas is a column at most this tall (then another beside it)
CROWD_COVER = 0.4  # the share of the screen a crowd's symbols may cover before they are drawn smaller
CROWD_SHRINK_STEPS = (1.0, 0.75, 0.5)


def crowd_shrink(n: int, screen: tuple[int, int], scale: float) -> float:
    """How much smaller a crowd's symbols are drawn: full size while `n` of them would cover at most
    CROWD_COVER of the screen, then in steps down to half. Thousands of full-size frames are a carpet over the
    whole map (the river and the ground vanish) and cost a full-screen blend several times over; a printed map
    draws a dense crowd with smaller marks for the same reason."""
    size = symbol_size(scale)
    area = max(1, screen[0] * screen[1])
    for step in CROWD_SHRINK_STEPS:
        if n * size.width() * size.height() * step * step <= CROWD_COVER * area:
            return step
    return CROWD_SHRINK_STEPS[-1]


@dataclass(frozen=True)
class UnitLayout:
    """Where the units are drawn in one view: indices into `motion.units`, true and drawn device points."""

    k: np.ndarray
    true_xy: np.ndarray
    shown_xy: np.ndarray
    detailed: bool


class UnitsLayer(MapLayer):
    name = "units"
    z = 10.0
    watches = frozenset({"instant", "selected_unit", "layers"})  # layers: the "halos" switch shows the "≈" badges

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        units = ctx.motion.units
        self._kinds = sorted({(u.side, u.branch, u.echelon) for u in units})
        kind_index = {kind: i for i, kind in enumerate(self._kinds)}
        self._kind = np.array([kind_index[(u.side, u.branch, u.echelon)] for u in units], dtype=int)
        self._layout: tuple[tuple, UnitLayout] | None = None
        self._atlas: tuple[tuple, QtGui.QPixmap, np.ndarray] | None = None

    def layout(self, t: QtGui.QTransform) -> UnitLayout:
        """The units present at the instant, mapped by `t` (map to device) and decluttered when few; cached, as
        the labels and clicks ask for the same layout as the paint."""
        key = (transform_key(t), self.state.instant, self.scale, "manoeuvres" in self.state.layers)
        if self._layout is None or self._layout[0] != key:
            pos = self.ctx.positions()
            k = np.flatnonzero(pos.present)
            true_xy = device_xy(t, pos.x[k], pos.y[k])
            detailed = len(k) <= DETAIL_MAX
            size = (symbol_size(self.scale).width(), symbol_size(self.scale).height())
            arrows = next((a for a in self.ctx.layers if isinstance(a, ManoeuvresLayer)), None)
            heads = arrows.heads(t) if detailed and arrows is not None else []  # kept clear: issue 14
            sides = [ALLIES[self.ctx.motion.units[i].side] for i in k] if heads else []
            start = off_arrowheads(true_xy, sides, heads, size, 4 * self.scale) if heads else true_xy
            fixed = np.array([pt for h in heads for pt in h.points]).reshape(-1, 2)
            shown = declutter(start, size, 4 * self.scale, fixed=fixed) if detailed else true_xy
            live = ~pos.reported[k]
            if detailed and live.any() and not live.all():  # a last-reported mark makes room, pushes no unit aside
                shown[live] = declutter(start[live], size, 4 * self.scale, fixed=fixed)
            if detailed:
                shown = self._on_own_banks(t, true_xy, shown, size, fixed, live)
            self._layout = key, UnitLayout(k, true_xy, shown, detailed)
        return self._layout[1]

    def _on_own_banks(
        self,
        t: QtGui.QTransform,
        true_xy: np.ndarray,
        shown: np.ndarray,
        size: tuple[float, float],
        fixed: np.ndarray,
        live: np.ndarray,
    ) -> np.ndarray:
        """No symbol moved aside across a river from where it stands (`kept_on_bank`); the other units (not a
        last-reported mark, which pushes none aside) then make room round those set back and every mark left where
        it is, and are set back in turn if that pushes them across (then two may touch at the river)."""
        if not (np.abs(shown - true_xy).sum(axis=1) > 1).any():
            return shown  # none moved aside: the rivers need not be mapped to this view
        rivers = river_barriers(self.ctx, t, rect_of(t.mapRect(self.viewRect())))
        stand, gap = size[0] / 2, 4 * self.scale
        shown, back = kept_on_bank(true_xy, shown, rivers, stand)
        rest = ~back & live
        if back.any() and rest.any():
            shown[rest] = declutter(shown[rest], size, gap, fixed=np.vstack([fixed, shown[~rest]]))
            shown[rest] = kept_on_bank(true_xy[rest], shown[rest], rivers, stand)[0]
        return shown

    def paint(self, p: QtGui.QPainter, *args) -> None:
        lay = self.layout(self.to_device(self.scene_to_device(p)))
        dpr = device_ratio(p)
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        if lay.detailed:
            first = np.argsort(~self.ctx.positions().reported[lay.k], kind="stable")  # last-reported marks underneath
            for k, true_pt, pt in zip(lay.k[first], lay.true_xy[first], lay.shown_xy[first], strict=True):
                self._paint_unit(p, int(k), QtCore.QPointF(*true_pt), QtCore.QPointF(*pt), dpr)
        else:
            self._paint_crowd(p, lay, dpr)

    def _paint_unit(self, p: QtGui.QPainter, k: int, true_pt: QtCore.QPointF, pt: QtCore.QPointF, dpr: float) -> None:
        unit = self.ctx.motion.units[k]
        if (pt - true_pt).manhattanLength() > 3:  # pushed aside: a leader line to where it really is
            _true_place(p, true_pt, pt, self.scale, unit.side)
        if self.ctx.positions().reported[k]:  # the sources fall silent: where it was last reported, no fate given
            _last_reported(p, pt, unit.side, unit.branch, self.scale)
            return
        state = STATES[int(self.ctx.positions().state[k])]
        if state in ("attacking", "retreating"):
            self._paint_arrow(p, k, pt, state)
        badge = bool(self.ctx.positions().radius_km[k] > BADGE_KM) and "halos" in self.state.layers  # see halos.py
        pm = symbol_pixmap(unit.side, unit.branch, unit.echelon, state, round(self.scale, 2), dpr, badge)
        w, h = pm.width() / dpr, pm.height() / dpr
        p.drawPixmap(QtCore.QPointF(pt.x() - w / 2, pt.y() - h / 2), pm)
        if unit.id == self.state.selected_unit:
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.setPen(QtGui.QPen(colour(SELECTION), 4 * self.scale))
            pad = 3 * self.scale
            p.drawRect(QtCore.QRectF(pt.x() - w / 2 - pad, pt.y() - h / 2 - pad, w + 2 * pad, h + 2 * pad))

    def _arrow_vector(self, k: int) -> tuple[float, float] | None:
        """The unit's move, in km, that its arrow shows: the one under way to its next fix, or the one that brought
        it to its last fix if that was less than a day ago; either within MAX_GAP_MIN and longer than the uncertainty
        of its ends. An attack's arrow follows only a move that ends in the attack: the move after it (digging in,
        regrouping) would point the blow the wrong way, and a move of days before would point it at whatever stands
        there now."""
        track, i = self.ctx.motion.units[k].track, int(self.ctx.positions().fix_index[k])
        state, near = track[i].state, MAX_GAP_MIN * 60  # seconds
        if (
            i + 1 < len(track)
            and (track[i + 1].at - track[i].at).total_seconds() <= near
            and (state != "attacking" or track[i + 1].state == "attacking")
        ):
            a, b = track[i], track[i + 1]
        elif (
            i > 0
            and (track[i].at - track[i - 1].at).total_seconds() <= near
            and (self.state.instant - track[i].at).total_seconds() <= LINGER_MIN * 60
        ):
            a, b = track[i - 1], track[i]
        else:
            return None
        if math.hypot(b.x - a.x, b.y - a.y) <= max(a.radius_km, b.radius_km):
            return None  # a move shorter than the uncertainty of its ends has no direction one can read
        return b.x - a.x, b.y - a.y

    def _paint_arrow(self, p: QtGui.QPainter, k: int, pt: QtCore.QPointF, state: str) -> None:
        """Point along the unit's move (see `_arrow_vector`)."""
        unit, move = self.ctx.motion.units[k], self._arrow_vector(k)
        if move is None:
            return
        dx, dy = move
        p.save()
        p.translate(pt)
        p.rotate(-math.degrees(math.atan2(dy, dx)))  # screen y points down
        p.translate(14 * self.scale, 0)
        _arrow(p, unit.side, state, self.scale, 46 * self.scale)
        p.restore()

    def _paint_crowd(self, p: QtGui.QPainter, lay: UnitLayout, dpr: float) -> None:
        """One blit of the crowd, from north to south on screen: a symbol lower down is drawn over one it overlaps
        (the order map engines give overlapping point symbols: Mapbox's symbol-z-order "viewport-y"), and the
        blit walks down the picture rather than jumping about it: each symbol's rows are memory far apart, and
        in screen order they are still in the cache for the next (2-3x faster at 300 and 3,000 symbols)."""
        pos = self.ctx.positions()
        atlas, rects = self._symbol_atlas(dpr, crowd_shrink(len(lay.k), p.viewport().size().toTuple(), self.scale))
        order = np.argsort(lay.true_xy[:, 1], kind="stable")
        k, xy = lay.k[order], lay.true_xy[order]
        keys = (self._kind[k] * len(STATES) + pos.state[k]) * 2 + (pos.radius_km[k] > BADGE_KM)  # badged: ≈
        blit_many(p, atlas, xy[:, 0], xy[:, 1], dpr, rects[keys])

    def _symbol_atlas(self, dpr: float, shrink: float = 1.0) -> tuple[QtGui.QPixmap, np.ndarray]:
        """Every symbol this scenario can show, in one pixmap, so a crowd is drawn in a single call. A crowd's
        symbol is the frame alone (badge and cross included), without the echelon marks above it: a third fewer
        pixels to blend for each of thousands, and marks no one could read among them. `shrink` scales it down
        for a dense crowd (see `crowd_shrink`). The symbols are stacked in one column, so each one's pixels lie
        together in memory (in rows across a 4,000-pixel-wide atlas, a symbol's rows were 16 KB apart: a blit of
        300 took twice as long)."""
        key = (round(self.scale * shrink, 2), dpr)
        if self._atlas is None or self._atlas[0] != key:
            pms = [
                symbol_pixmap(side, branch, echelon, state, key[0], dpr, badge)
                for side, branch, echelon in self._kinds
                for state in STATES
                for badge in (False, True)
            ]
            mark_h, frame_h = round(13 * key[0]), symbol_size(key[0]).height()
            top, w, h = round((mark_h - 1) * dpr), pms[0].width(), round((frame_h + 6) * dpr)  # centred as before
            per_column = max(1, ATLAS_MAX_PX // h)  # columns no taller than the raster engine's fixed point reaches
            atlas = QtGui.QPixmap(-(-len(pms) // per_column) * w, min(len(pms), per_column) * h)
            atlas.fill(QtCore.Qt.GlobalColor.transparent)
            q = QtGui.QPainter(atlas)
            rects = np.zeros((len(pms), 4))
            for i, pm in enumerate(pms):
                plain = QtGui.QPixmap(pm)
                plain.setDevicePixelRatio(1.0)
                x, y = i // per_column * w, i % per_column * h
                q.drawPixmap(QtCore.QRectF(x, y, w, h), plain, QtCore.QRectF(0, top, w, h))
                rects[i] = (x, y, w, h)
            q.end()
            atlas = without_engine(atlas)
            atlas.setDevicePixelRatio(dpr)
            self._atlas = key, atlas, rects
        return self._atlas[1], self._atlas[2]

    # --- what the legend, the labels and clicks ask -------------------------------------------
    def legend(self) -> list[LegendEntry]:
        """The sides, branches, echelons, states and abbreviations of the units in view now."""
        pos, lang, s = self.ctx.positions(), self.state.language, self.scale
        ks = units_in_view(self.ctx)
        kinds = [self._kinds[i] for i in np.unique(self._kind[ks])]  # (side, branch, echelon), vectorised for crowds
        out = [
            LegendEntry(f"unit:side:{side}", side_name(side), _frame_swatch(side, s))
            for side in SIDES_SHOWN
            if any(kind[0] == side for kind in kinds)
        ]
        detailed = len(ks) <= DETAIL_MAX and np.count_nonzero(pos.present) <= DETAIL_MAX
        names = [tr(self.ctx.motion.units[int(k)].short, lang) for k in ks] if detailed else []
        abbreviations = dict(abbreviations_in(names, lang))
        spelled = {meaning: abbr for abbr, meaning in abbreviations.items()}

        def named(word: str) -> str:
            """A branch or echelon with the abbreviation the names use for it: "division (Div)"."""
            if word in spelled:
                abbreviations.pop(spelled[word])
                return f"{word} ({spelled[word]})"
            return word

        for branch in dict.fromkeys(kind[1] for kind in kinds):
            side = next(kind[0] for kind in kinds if kind[1] == branch)
            out.append(LegendEntry(f"unit:branch:{branch}", named(branch_name(branch)), _glyph_swatch(side, branch, s), side))
        mark_font = font(11 * s, bold=True)
        for echelon in sorted({kind[2] for kind in kinds} if detailed else (), key=list(ECHELON_MARKS).index):
            mark = (
                text_swatch(ECHELON_MARKS[echelon], mark_font, colour(INK))
                if ECHELON_MARKS[echelon]
                else _echelon_swatch(echelon, s)
            )
            out.append(LegendEntry(f"unit:echelon:{echelon}", named(echelon_name(echelon)), mark))
        units = self.ctx.motion.units
        kind_of, state_of = self._kind[ks], pos.state[ks]
        side_in = {  # state -> the sides of the units in it (by their kinds: vectorised for crowds)
            STATES[int(st)]: list({self._kinds[i][0] for i in np.unique(kind_of[state_of == st])}) for st in np.unique(state_of)
        }
        moving: dict[str, list[str]] = {}  # state -> the sides whose arrows show it, so its swatch is in their colours
        for k in ks if detailed else ():
            if self._arrow_vector(int(k)) is not None:
                sides = moving.setdefault(STATES[int(pos.state[k])], [])
                sides += [] if units[int(k)].side in sides else [units[int(k)].side]
        texts = {
            "attacking": translate("Map", "Unit attacking (thin arrow)"),
            "retreating": translate("Map", "Unit withdrawing (thin dashed arrow)"),
            "destroyed": translate("Map", "destroyed (crossed out)"),
            "withdrawn": translate("Map", "withdrawn from the fighting (faded, turning arrow)"),
        }
        for state, text in texts.items():
            who = moving.get(state) if state in ("attacking", "retreating") else side_in.get(state)
            if who:
                shown = tuple(sorted(who, key=SIDES_SHOWN.index))
                swatch = side_by_side([_state_swatch(state, side, s) for side in shown])
                out.append(LegendEntry(f"unit:{state}", text, swatch, shown))
        if np.any(pos.reported[ks]):  # as the first such mark is drawn, its kind's glyph too (two would be too small)
            first = min((units[int(k)] for k in ks[pos.reported[ks]]), key=lambda u: SIDES_SHOWN.index(u.side))
            text = translate("Map", "last reported position (fate not recorded)")
            out.append(
                LegendEntry("unit:reported", text, _reported_swatch(first.side, first.branch, s), (first.side, first.branch))
            )
        event = self.state.current_event
        killed = [units[int(k)] for k in ks if detailed and _killed_today(units[int(k)], self.state.instant)]
        if any(_commander_in_title(unit, event, lang) for unit in killed):  # as the names show it (`labels`)
            text = translate("Map", "† after a commander's name: killed this day")
            out.append(LegendEntry("unit:killed", text, text_swatch("†", font(12 * s, bold=True), colour(INK))))
        lay = self._layout[1] if self._layout is not None and self._layout[0][1] == self.state.instant else None
        aside = lay.k[np.abs(lay.shown_xy - lay.true_xy).sum(axis=1) > 3] if detailed and lay is not None else []
        if len(aside):
            moved = tuple(side for side in SIDES_SHOWN if any(units[int(k)].side == side for k in aside))
            out.append(
                LegendEntry("unit:leader", translate("Map", "moved aside; dot: true place"), _leader_swatch(s, moved), moved)
            )
        selected = self.ctx.motion.index(self.state.selected_unit) if self.state.selected_unit else -1
        if selected in ks:
            out.append(LegendEntry("unit:selected", translate("Map", "the unit selected"), _selected_swatch(s)))
        if not detailed and np.any(pos.radius_km[ks] > BADGE_KM):
            out.append(LegendEntry("unit:badge", badge_text(), badge_swatch(s)))
        small = font(12 * s, bold=True)
        for abbr, meaning in abbreviations.items():
            out.append(LegendEntry(f"abbr:{abbr}", meaning, text_swatch(abbr, small, colour(INK))))
        return out

    # --- what the labels and clicks ask -----------------------------------------------------
    def obstacles(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        lay = self.layout(self.to_device(scene_to_device))
        if not lay.detailed:
            return []  # a crowd does not keep place names away
        live = ~self.ctx.positions().reported[lay.k]  # a last-reported mark keeps no unit's name away
        return self._boxes(lay.shown_xy[live])

    def marks(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        """Every symbol drawn, a last-reported mark too (the legend hid 22 IAP's on 28 May); none of a crowd's (the
        overlays cannot keep clear of thousands, and weighing each would be per-unit Python work every frame)."""
        lay = self.layout(self.to_device(scene_to_device))
        return self._boxes(lay.shown_xy) if lay.detailed else []

    def _boxes(self, xy: np.ndarray) -> list[Rect]:
        size = symbol_size(self.scale)
        w, h = size.width() + 4, size.height() + 2 * round(13 * self.scale) + 4  # the symbol pixmap: frame and echelon marks
        return [(x - w / 2, y - h / 2, w, h) for x, y in xy]

    def labels(self, scene_to_device: QtGui.QTransform) -> list[MapLabel]:
        """One name per unit on screen (the selected unit's first, so it is the last to be left out), offered
        shorter where the full one finds no room: without the commander, then a word shorter (the symbol shows
        the word: '71 Inf' for '71 Inf Rgt', see _one_word_shorter), rather than left out in a crowd."""
        lay = self.layout(self.to_device(scene_to_device))
        if not lay.detailed:
            return []
        lang, s, event = self.state.language, self.scale, self.state.current_event
        gap, f = symbol_size(s).width() / 2 + 4 * s, font(16 * s, bold=True)
        out = []
        for k, (x, y) in zip(lay.k, lay.shown_xy, strict=True):
            unit = self.ctx.motion.units[k]
            commander = _commander_in_title(unit, event, lang)
            if commander and _killed_today(unit, self.state.instant):
                commander += " †"
            name = tr(unit.short, lang)
            for text in dict.fromkeys(  # "≈": a badge on the symbol
                (name + (f" ({commander})" if commander else ""), name, _one_word_shorter(name))
            ):
                out.append(
                    MapLabel(
                        ("unit", unit.id),
                        text,
                        (x, y),
                        gap,
                        f,
                        colour(SIDE_COLOURS[unit.side]).darker(130),
                        SELECTED if unit.id == self.state.selected_unit else UNIT,
                        reach=48 * s,  # in a crowd, farther out on a leader line rather than left out
                        mark="unit",
                    )
                )
            out.append(  # the last resort, placed after every other name: its number where it hides least
                MapLabel(("unit", unit.id), _designation(name), (x, y), gap, f, out[-1].colour, LAST, reach=48 * s, mark="unit")
            )
        return out

    def hoverEvent(self, ev) -> None:
        """The unit under the pointer goes into the state (its uncertainty is then filled, halos.py); only a
        change is written, so moving over the map costs one nearest-symbol lookup."""
        view = self.scene().views()[0] if self.scene() is not None and self.scene().views() else None
        hit = None
        if view is not None and not ev.isExit():
            hit = self.hit(QtCore.QPointF(view.mapFromScene(ev.scenePos())), view.viewportTransform())
        self.state.hovered_unit = hit[1] if hit else None

    def hit(self, pt: QtCore.QPointF, scene_to_device: QtGui.QTransform) -> tuple[str, str] | None:
        lay = self.layout(self.to_device(scene_to_device))
        if not len(lay.k):
            return None
        d = np.hypot(lay.shown_xy[:, 0] - pt.x(), lay.shown_xy[:, 1] - pt.y())
        best = int(np.argmin(d))
        if d[best] > max(symbol_size(self.scale).width() * 0.7, 24):
            return None
        return "selected_unit", self.ctx.motion.units[int(lay.k[best])].id

    def screen_point(self, unit_id: str, scene_to_device: QtGui.QTransform) -> QtCore.QPointF | None:
        """Where a unit's symbol is drawn (device pixels), or None if it is not on the map now."""
        lay = self.layout(self.to_device(scene_to_device))
        where = np.flatnonzero(lay.k == self.ctx.motion.index(unit_id))
        return QtCore.QPointF(*lay.shown_xy[where[0]]) if len(where) else None


def _killed_today(unit: Unit, at: datetime) -> bool:
    """Did the sources have the unit's commander killed on this day (the map adds † to his name)?"""
    return unit.commander is not None and unit.commander.killed == at.date()


def _commander_in_title(unit: Unit, event: Event | None, lang: str) -> str | None:
    """The name by which the current event's title names this unit's commander ("Morita killed"), if it does:
    the reader then finds him on the map by his unit's label."""
    if event is None or unit.commander is None or unit.id not in event.units:
        return None
    title = tr(event.title, lang)
    return next((w for w in re.split(r"[\s・]+", tr(unit.commander.name, lang)) if len(w) >= 2 and w in title), None)


SIDES_SHOWN = ("soviet", "mongolian", "japanese", "manchukuo")  # the legend's order: each side's allies together


def units_in_view(ctx: MapContext) -> np.ndarray:
    """Indices of the units present at the instant whose position lies in the part of the map on screen."""
    pos, view = ctx.positions(), ctx.view_box.viewRect()
    k = np.flatnonzero(pos.present)
    inside = (pos.x[k] >= view.left()) & (pos.x[k] <= view.right()) & (pos.y[k] >= view.top()) & (pos.y[k] <= view.bottom())
    return k[inside]


def _arrow(p: QtGui.QPainter, side: str, state: str, scale: float, length: float) -> None:
    """A unit's own move along +x from the painter's origin: a thin line with an open head, solid while attacking,
    dashed while withdrawing, on a pale edge so it reads on hatching. Thin and open on purpose: the broad filled
    and hollow shapes are the operations' axes of advance (operations.py), and the two must not be confused."""
    head = 11 * scale
    path = QtGui.QPainterPath(QtCore.QPointF(0, 0))
    path.lineTo(length, 0)
    path.moveTo(length - head, -head * 0.6)
    path.lineTo(length, 0)
    path.lineTo(length - head, head * 0.6)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    for pen in (
        QtGui.QPen(colour("#FFFFFF", 0.85), 6 * scale),
        QtGui.QPen(colour(SIDE_COLOURS[side]), 3 * scale, MOVE_LINE[state]),
    ):
        pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.drawPath(path)


MOVE_LINE = {"attacking": QtCore.Qt.PenStyle.SolidLine, "retreating": QtCore.Qt.PenStyle.DashLine}


def _frame_of(scale: float, *symbol: object) -> Swatch:
    """The frame of a symbol, without the echelon marks above it (the legend shows those apart). The pixmap is
    taken from the symbol cache when the swatch is painted, so an SVG export, which makes that cache afresh and
    records it, draws the symbol as vectors."""

    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        pm = symbol_pixmap(*symbol)
        dpr, size, mark_h = pm.devicePixelRatio(), symbol_size(scale), round(13 * scale)
        part = QtCore.QRectF(0, round(mark_h * dpr), pm.width(), round((size.height() + 4) * dpr))
        pixmap_swatch(pm, part)(p, box)

    return paint


@lru_cache(maxsize=64)  # built once: the legend is asked for at every instant
def _frame_swatch(side: str, scale: float) -> Swatch:
    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        p.setPen(QtGui.QPen(colour(INK), 1.5 * scale))
        p.setBrush(colour(SIDE_COLOURS[side]))
        h = box.height() * 0.7
        p.drawRect(QtCore.QRectF(box.center().x() - h * 0.75, box.center().y() - h / 2, h * 1.5, h))

    return paint


def badge_text() -> str:
    return translate("Map", "≈ position less certain: may be more than {km} km off").format(km=f"{BADGE_KM:g}")


@lru_cache(maxsize=64)  # built once: the legend is asked for at every instant
def badge_swatch(scale: float) -> Swatch:
    """A symbol with the "≈" badge of an approximate position."""
    return _frame_of(scale, "soviet", "infantry", "regiment", "holding", round(scale, 2), 1.0, True)


@lru_cache(maxsize=64)  # built once: the legend is asked for at every instant
def _glyph_swatch(side: str, branch: str, scale: float) -> Swatch:
    return _frame_of(scale, side, branch, "regiment", "holding", round(scale, 2))


@lru_cache(maxsize=64)  # built once: the legend is asked for at every instant
def _state_swatch(state: str, side: str, scale: float) -> Swatch:
    """In the colour of a side shown in that state: a grey or other-side swatch reads as another mark."""
    if state in ("destroyed", "withdrawn"):
        return _frame_of(scale, side, "infantry", "regiment", state, round(scale, 2))

    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        p.save()
        p.translate(box.left() + 2, box.center().y())
        _arrow(p, side, state, scale * 0.8, box.width() - 4)
        p.restore()

    return paint


def _last_reported(p: QtGui.QPainter, pt: QtCore.QPointF, side: str, branch: str, scale: float) -> None:
    """A unit the sources lose sight of without a fate: a hollow, dotted frame in its side's colour where it was
    last reported, unlike any state a unit is drawn in, with its branch's glyph in that colour (a blank frame told
    no one what kind of unit it was; its name says which). On screen, a picture drawn once (dotted strokes cost a
    millisecond a frame); an SVG or PDF gets the strokes."""
    if p.paintEngine().type() != QtGui.QPaintEngine.Type.Raster:
        _draw_last_reported(p, pt, side, branch, scale)
        return
    dpr = device_ratio(p)
    pm = _last_reported_pixmap(side, branch, round(scale, 2), dpr)
    p.drawPixmap(QtCore.QPointF(pt.x() - pm.width() / dpr / 2, pt.y() - pm.height() / dpr / 2), pm)


@lru_cache(maxsize=64)
def _last_reported_pixmap(side: str, branch: str, scale: float, dpr: float) -> QtGui.QPixmap:
    size = symbol_size(scale)
    w, h = size.width() + 10 * scale + 4, size.height() + 10 * scale + 4  # the casing's half width on each side
    pm = QtGui.QPixmap(math.ceil(w * dpr), math.ceil(h * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    q = QtGui.QPainter(pm)
    q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    _draw_last_reported(q, QtCore.QPointF(pm.width() / dpr / 2, pm.height() / dpr / 2), side, branch, scale)
    q.end()
    return without_engine(pm)


def _draw_last_reported(p: QtGui.QPainter, pt: QtCore.QPointF, side: str, branch: str, scale: float) -> None:
    size = symbol_size(scale)
    frame = QtCore.QRectF(pt.x() - size.width() / 2, pt.y() - size.height() / 2, size.width(), size.height())
    p.setBrush(colour("#FFFFFF", 0.55))
    p.setPen(QtGui.QPen(colour(INK), max(1.5, 5 * scale)))  # a dark casing: the dots read on any ground
    p.drawRect(frame)
    pen = QtGui.QPen(colour(SIDE_COLOURS[side]), max(1.2, 3.5 * scale), QtCore.Qt.PenStyle.DotLine)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawRect(frame)
    inset = 3.5 * scale  # clear of the casing
    draw_branch_glyph(p, branch, frame.adjusted(inset, inset, -inset, -inset), scale, SIDE_COLOURS[side])


@lru_cache(maxsize=64)  # built once: the legend is asked for at every instant
def _echelon_swatch(echelon: str, scale: float) -> Swatch:
    """An echelon's mark drawn, not lettered (a detachment's bracket), as the symbol draws it."""

    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        k = min(scale, (box.width() - 2) / 22)
        band = QtCore.QRectF(box.left(), box.center().y() - 7 * k, box.width(), 13 * k)
        draw_echelon(p, echelon, band, k)

    return paint


@lru_cache(maxsize=64)  # built once: the legend is asked for at every instant
def _reported_swatch(side: str, branch: str, scale: float) -> Swatch:
    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        _last_reported(p, box.center(), side, branch, min(scale * 0.8, (box.width() - 2) / 40, (box.height() - 1) / 27))

    return paint


def _true_place(p: QtGui.QPainter, true_pt: QtCore.QPointF, shown: QtCore.QPointF, scale: float, side: str) -> None:
    """A symbol pushed aside: a thin line in its side's colour from a small dot of that colour where the unit really
    is to where its symbol is drawn. Not black (a place's dot, a detachment's mark) and not a hollow ring (on a
    line it read as a command post's mark, a ring on a stem, to a fresh reader)."""
    ink = colour(SIDE_COLOURS[side])
    line = QtGui.QColor(ink)
    line.setAlphaF(0.7)
    p.setPen(QtGui.QPen(line, 1.2 * scale))
    p.drawLine(true_pt, shown)
    p.setPen(QtGui.QPen(colour(PAPER), 1.0 * scale))
    p.setBrush(ink)
    p.drawEllipse(true_pt, 3.2 * scale, 3.2 * scale)


@lru_cache(maxsize=64)  # built once: the legend is asked for at every instant
def _leader_swatch(scale: float, sides: tuple[str, ...]) -> Swatch:
    def one(side: str) -> Swatch:
        def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
            inset = 4 * scale
            a = QtCore.QPointF(box.left() + inset, box.bottom() - inset)
            _true_place(p, a, QtCore.QPointF(box.right() - inset, box.top() + inset), scale, side)

        return paint

    return side_by_side([one(side) for side in sides])


@lru_cache(maxsize=64)  # built once: the legend is asked for at every instant
def _selected_swatch(scale: float) -> Swatch:
    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        p.setPen(QtGui.QPen(colour(SELECTION), 4 * scale))
        p.drawRect(box.adjusted(box.width() * 0.15, box.height() * 0.15, -box.width() * 0.15, -box.height() * 0.15))

    return paint


def _designation(name: str) -> str:
    """What tells a unit from its neighbours when its name finds no room: its number ('26' for '26 Inf Rgt'), or
    for a unit named without one, its name without the echelon word, which the symbol shows ('Kajikawa' for
    'Kajikawa Bn')."""
    words = name.split()
    if len(words) < 2 or any(c.isdigit() for c in words[0]):
        return words[0] if words else name
    return " ".join(words[:-1])


def _one_word_shorter(name: str) -> str:
    """A unit's short name a word shorter, where it has three words or more: without its echelon ('6 Tk Bde' ->
    '6 Tk'; the symbol's marks show it), or, where that would end on a one-letter kind that reads as cut off
    ('57 R', a fresh reader's word), without the kind ('57 R Div' -> '57 Div'; the symbol's frame shows it); else
    the name as it is."""
    words = name.split()
    if len(words) < 3:
        return name
    one_letter_kind = len(words[-2]) == 1 and words[-2].isalpha()  # not a number ('Штаб 1 АГ')
    return " ".join(words[:-2] + words[-1:] if one_letter_kind else words[:-1])
