"""Cost of the operations layers alone (fronts, manoeuvres) over the base-less map. Prints `name value` lines:

operations_frame_ms_p50       core.operations.frame_at for a new instant (pure maths), median
fronts_paint_ms_p50           the fronts layer painted at a new instant every 2.4 h through July and August
fronts_paint_ms_p50_morphing  the same every 15 min through 26-29 August, while the pocket shrinks each frame
manoeuvres_paint_ms_p50       the manoeuvres layer at a new instant every 2.4 h through July and August

The whole map's figures (targets: scrub p50 <= 5 ms, p99 <= 16.7 ms) are bench/viewer.py's; this one says how
much of them these two layers take. Run: QT_QPA_PLATFORM=offscreen python bench/operations.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:1] = [str(ROOT)]  # not bench/: a file here could shadow the viewer package
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1117, 715)  # the map in a 1600x900 window


def main() -> None:
    import pyqtgraph as pg
    from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

    from viewer.assets import content_dir
    from viewer.core.map_extent import battlefield_camera
    from viewer.core.motion import MotionModel
    from viewer.core.operations import frame_at
    from viewer.core.scenario import load_scenario
    from viewer.core.view_state import ViewState
    from viewer.ui.map import MapContext
    from viewer.ui.map.operations import FrontsLayer, ManoeuvresLayer

    app = QtWidgets.QApplication([])
    scenario = load_scenario(content_dir())
    july, pocket = datetime(1939, 7, 1), datetime(1939, 8, 26)
    instants = [july + timedelta(hours=2.4 * k) for k in range(300)]
    shrinking = [pocket + timedelta(minutes=15 * k) for k in range(300)]

    times = []
    for at in instants:
        t0 = time.perf_counter()
        frame_at(scenario.operations, at)
        times.append(time.perf_counter() - t0)
    print(f"operations_frame_ms_p50 {statistics.median(times) * 1000:.3f}")

    def paint_times(layer_type: type, when: list[datetime]) -> list[float]:
        state = ViewState(scenario, battlefield_camera(scenario), instant=when[0])
        view = pg.GraphicsView(background="w")
        box = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0)
        view.setCentralItem(box)
        ctx = MapContext(scenario, MotionModel(scenario.units), state, box)
        layer = layer_type(ctx)
        ctx.layers = [layer]
        box.addItem(layer, ignoreBounds=True)
        view.resize(*SIZE)
        view.show()
        app.processEvents()
        home = state.camera
        box.setRange(xRange=(home.x0, home.x1), yRange=(home.y0, home.y1), padding=0)
        app.processEvents()
        image = QtGui.QImage(*SIZE, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        source = view.mapToScene(view.viewport().rect()).boundingRect()
        out = []
        for at in when:
            state.instant = at
            layer.changed("instant")
            image.fill(0)
            p = QtGui.QPainter(image)
            t0 = time.perf_counter()
            view.scene().render(p, QtCore.QRectF(0, 0, *SIZE), source)
            out.append(time.perf_counter() - t0)
            p.end()
        view.close()
        return out

    print(f"fronts_paint_ms_p50 {statistics.median(paint_times(FrontsLayer, instants)) * 1000:.2f}")
    print(f"fronts_paint_ms_p50_morphing {statistics.median(paint_times(FrontsLayer, shrinking)) * 1000:.2f}")
    print(f"manoeuvres_paint_ms_p50 {statistics.median(paint_times(ManoeuvresLayer, instants)) * 1000:.2f}")


if __name__ == "__main__":
    main()
