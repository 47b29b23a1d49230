"""Reference images: tests that see the map (in the spirit of pyqtgraph's ``assertImageApproved``, smaller).

    from image_approval import assert_image_approved, render_widget
    assert_image_approved(render_widget(window.map), "map/august-24-legend")

compares the image with ``tests/images/map/august-24-legend.png`` (stored in git).

How two images are compared (numbers and the reasons for them: docs/testing.md)
-----------------------------------------------------------------------------
A pixel of one image *matches* the other image when each of its channels (premultiplied ARGB, 0-255) lies
within the other image's local range - the smallest and largest value of that channel among the pixels
at most ``Tolerance.shift`` pixels away - widened by ``Tolerance.pixel``. The test runs both ways (actual
against reference, reference against actual), so a feature that disappears and a feature that appears
are both found. This "local envelope" forgives what differs between Qt versions and machines - an edge or
a glyph placed a fraction of a pixel (or one whole pixel) elsewhere, antialiasing that blends an edge
pixel a little differently - because an antialiased value always lies between its neighbours' values.
It does not forgive a missing feature, however thin: where a 1-px dashed line, a label or a scale bar
was, the other image's neighbourhood holds only background, so the feature's colour is outside the range.
At most ``Tolerance.max_pixels`` pixels may differ.

On a mismatch the actual image, the reference and a diff image are written to ``$KG_IMAGE_FAILURES`` (or
``tests/images/failed/``, which ignores itself in git) and the assertion message says where. To accept
the actual image as the new reference run the test with ``KG_ACCEPT_IMAGES=1`` (or a comma-separated list
of name patterns, e.g. ``KG_ACCEPT_IMAGES='map/*'``), then look at the new PNG before committing it.
A missing reference fails the test unless accepting: a reference is never made silently.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

IMAGES_DIR = Path(__file__).resolve().parent / "images"
ACCEPT_ENV = "KG_ACCEPT_IMAGES"
FAILURES_ENV = "KG_IMAGE_FAILURES"
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*")
_FORMAT = QtGui.QImage.Format.Format_ARGB32_Premultiplied

# What this session accepted (conftest's terminal summary lists them, so nobody commits one unseen).
accepted: list[Path] = []


@dataclass(frozen=True)
class Tolerance:
    """How much two renderings of the same picture may differ.

    pixel: a channel (0-255) may lie this far outside the other image's local range. 32 (12.5 %) is
        well above the few levels of rounding and gamma that separate two rasterisers, and well below the
        contrast of anything the map draws (the dashed edge of an uncertainty disc: ~115; a label: ~200).
    shift: how far (in pixels) the local range reaches: 1 forgives sub-pixel and one-pixel placement.
    max_pixels: how many differing pixels are forgiven. The smallest map feature (a short label, a scale
        bar tick, one dashed disc) differs in at least 51 pixels (measured: docs/testing.md); 24, under half
        of that, leaves room for a stray antialiasing pixel or two without letting a feature go.
    """

    pixel: int = 32
    shift: int = 1
    max_pixels: int = 24


DEFAULT = Tolerance()


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing two images of the same size."""

    mask: np.ndarray  # (h, w) bool: pixels that differ
    worst: int  # the largest channel excess seen (0-255)

    @property
    def count(self) -> int:
        return int(self.mask.sum())

    def box(self) -> tuple[int, int, int, int] | None:
        """x, y, width, height of the area that holds every differing pixel."""
        if not self.mask.any():
            return None
        ys, xs = np.nonzero(self.mask)
        return int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)


def render_widget(widget: QtWidgets.QWidget) -> QtGui.QImage:
    """The widget as it is drawn now, at devicePixelRatio 1, whatever the screen's scale."""
    QtWidgets.QApplication.processEvents()
    image = QtGui.QImage(widget.size(), _FORMAT)
    image.setDevicePixelRatio(1.0)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    widget.render(image)  # the image is the paint device: its ratio (1), not the screen's, decides
    return image


def to_array(image: QtGui.QImage) -> np.ndarray:
    """(h, w, 4) uint8 copy of the image in premultiplied ARGB (so fully transparent pixels are all 0)."""
    image = image.convertToFormat(_FORMAT)
    h, w = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes()).reshape(h, image.bytesPerLine())
    return raw[:, : 4 * w].reshape(h, w, 4).copy()


def _local_range(a: np.ndarray, r: int) -> tuple[np.ndarray, np.ndarray]:
    """Per channel, the smallest and largest value within r pixels (a (2r+1)² square; edges repeat).
    Separable: along columns, then along rows."""
    h, w = a.shape[:2]
    p = np.pad(a, ((0, 0), (r, r), (0, 0)), mode="edge")
    lo, hi = a.copy(), a.copy()
    for d in range(2 * r + 1):
        np.minimum(lo, p[:, d : d + w], out=lo)
        np.maximum(hi, p[:, d : d + w], out=hi)
    plo, phi = np.pad(lo, ((r, r), (0, 0), (0, 0)), mode="edge"), np.pad(hi, ((r, r), (0, 0), (0, 0)), mode="edge")
    for d in range(2 * r + 1):
        np.minimum(lo, plo[d : d + h], out=lo)
        np.maximum(hi, phi[d : d + h], out=hi)
    return lo, hi


def _excess(a: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Per pixel, how far (worst channel) a lies outside [lo, hi] (0 inside)."""
    a16 = a.astype(np.int16)
    e = np.maximum(a16 - hi, lo - a16)
    return np.maximum(np.maximum(e[..., 0], e[..., 1]), np.maximum(np.maximum(e[..., 2], e[..., 3]), 0))


def compare(
    actual: QtGui.QImage | np.ndarray, reference: QtGui.QImage | np.ndarray, tolerance: Tolerance = DEFAULT
) -> Comparison:
    """Compare two images of the same size both ways; see the module's docstring."""
    a = actual if isinstance(actual, np.ndarray) else to_array(actual)
    b = reference if isinstance(reference, np.ndarray) else to_array(reference)
    if a.shape != b.shape:
        raise ValueError(f"sizes differ: {a.shape[1]}x{a.shape[0]} and {b.shape[1]}x{b.shape[0]}")
    r = tolerance.shift
    excess = np.maximum(_excess(a, *_local_range(b, r)), _excess(b, *_local_range(a, r)))
    return Comparison(mask=excess > tolerance.pixel, worst=int(excess.max(initial=0)))


def diff_image(actual: QtGui.QImage, reference: QtGui.QImage, mask: np.ndarray | None) -> QtGui.QImage:
    """The reference, faded, with differing pixels in red and a magenta box around all of them.

    With sizes that differ (no mask) the two images are faded on top of each other instead."""
    w, h = max(actual.width(), reference.width()), max(actual.height(), reference.height())
    out = QtGui.QImage(w, h, QtGui.QImage.Format.Format_RGB32)
    out.fill(QtGui.QColor("white"))
    p = QtGui.QPainter(out)
    p.setOpacity(0.25)
    p.drawImage(0, 0, reference)
    if mask is None:
        p.drawImage(0, 0, actual)
    p.setOpacity(1.0)
    p.end()
    if mask is not None and mask.any():
        arr = np.frombuffer(out.bits(), np.uint8, count=out.sizeInBytes()).reshape(h, out.bytesPerLine())
        px = arr[:, : 4 * w].reshape(h, w, 4)  # little-endian RGB32: B, G, R, A
        grown = mask.copy()  # one pixel wider, so a lone differing pixel can be seen
        grown[1:] |= mask[:-1]
        grown[:-1] |= mask[1:]
        grown[:, 1:] |= grown[:, :-1].copy()
        grown[:, :-1] |= grown[:, 1:].copy()
        px[grown] = (0, 0, 255, 255)
        ys, xs = np.nonzero(mask)
        p = QtGui.QPainter(out)
        p.setPen(QtGui.QPen(QtGui.QColor("magenta"), 1))
        p.drawRect(int(xs.min()) - 3, int(ys.min()) - 3, int(xs.max() - xs.min()) + 6, int(ys.max() - ys.min()) + 6)
        p.end()
    return out


def reference_path(name: str, images_dir: Path | None = None) -> Path:
    if not _NAME.fullmatch(name):
        raise ValueError(f"image name {name!r}: lower-case letters, digits, '-', '_', '.', folders with '/'")
    return (images_dir or IMAGES_DIR) / f"{name}.png"


def failures_dir(images_dir: Path | None = None) -> Path:
    if os.environ.get(FAILURES_ENV):
        return Path(os.environ[FAILURES_ENV])
    return (images_dir or IMAGES_DIR) / "failed"


def _accepting(name: str) -> bool:
    value = os.environ.get(ACCEPT_ENV, "").strip()
    if value in ("", "0"):
        return False
    if value == "1":
        return True
    return any(fnmatch.fnmatchcase(name, pattern.strip()) for pattern in value.split(",") if pattern.strip())


def _save(image: QtGui.QImage, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if not image.save(str(tmp), "PNG"):
        raise OSError(f"could not write {tmp}")
    os.replace(tmp, path)  # never a half-written PNG, even with two test runs at once


def _write_failure(
    name: str, actual: QtGui.QImage, reference: QtGui.QImage | None, mask: np.ndarray | None, images_dir: Path | None
) -> str:
    folder = failures_dir(images_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if not os.environ.get(FAILURES_ENV):
        (folder / ".gitignore").write_text("*\n")  # failures are never committed by accident
    written = [folder / f"{name}.actual.png"]
    _save(actual, written[0])
    if reference is not None:
        written += [folder / f"{name}.reference.png", folder / f"{name}.diff.png"]
        _save(reference, written[1])
        _save(diff_image(actual, reference, mask), written[2])
    return "\n".join(f"  {p}" for p in written)


def assert_image_approved(
    image: QtGui.QImage, name: str, tolerance: Tolerance = DEFAULT, *, images_dir: Path | None = None
) -> None:
    """Fail unless ``image`` matches the approved reference ``tests/images/<name>.png``.

    ``images_dir`` replaces tests/images (for the helper's own tests)."""
    if image.isNull():
        raise AssertionError(f"{name}: the image is empty")
    if image.devicePixelRatio() != 1.0:
        raise AssertionError(
            f"{name}: rendered at devicePixelRatio {image.devicePixelRatio()}; references are made at 1 (use render_widget)"
        )
    app = QtGui.QGuiApplication.instance()
    if app is not None and app.platformName() != "offscreen":
        raise AssertionError(f"{name}: references are rendered with QT_QPA_PLATFORM=offscreen, not {app.platformName()!r}")
    image = image.convertToFormat(_FORMAT)
    path = reference_path(name, images_dir)
    accept = _accepting(name)
    how = f"{ACCEPT_ENV}={name} pytest ... (then look at the PNG before committing it; see docs/testing.md)"

    if not path.exists():
        if accept:
            _save(image, path)
            accepted.append(path)
            return
        where = _write_failure(name, image, None, None, images_dir)
        raise AssertionError(
            f"{name}: no reference image {path}.\nThe actual image is in\n{where}\nTo make it the reference: {how}"
        )

    reference = QtGui.QImage(str(path))
    if reference.isNull():
        raise AssertionError(f"{name}: {path} is not a readable PNG")
    reference = reference.convertToFormat(_FORMAT)
    if reference.size() != image.size():
        problem = f"size {image.width()}x{image.height()}, the reference is {reference.width()}x{reference.height()}"
        mask = None
    else:
        result = compare(image, reference, tolerance)
        if result.count <= tolerance.max_pixels:
            return
        x, y, w, h = result.box() or (0, 0, 0, 0)
        problem = (
            f"{result.count} pixels differ (at most {tolerance.max_pixels} may; worst channel "
            f"{result.worst} > {tolerance.pixel}) within x={x} y={y} {w}x{h}"
        )
        mask = result.mask
    if accept:
        _save(image, path)
        accepted.append(path)
        return
    where = _write_failure(name, image, reference, mask, images_dir)
    raise AssertionError(
        f"{name}: the image differs from {path}: {problem}.\n"
        f"Actual, reference and diff (differences in red) are in\n{where}\n"
        f"If the change is intended, accept it: {how}"
    )
