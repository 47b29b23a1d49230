"""A kiosk runs for months: what its map keeps between frames must stay small however long visitors zoom and tap
(bench/kiosk_soak.py measures the whole app; these pin the caches it found filling)."""

from __future__ import annotations

from viewer.ui.map.halos import HALO_CACHE_MAX_PX
from viewer.ui.map.pixmaps import HALO_PEN_PX, halo_pixmap

KIOSK_CIRCLES_MB = 24  # what the uncertainty circles of one zoom may hold (the soak's whole growth target is 2 MB)


def test_the_uncertainty_circles_kept_stay_few_megabytes_after_many_zooms(qapp):
    """Every zoom gives the selected unit's circle another radius: a visitor's pinches through all of them must
    not leave dozens of discs up to 800 px across in memory (48 of them held ~20 MB in the soak, growing for
    30,000 interactions before they settled)."""
    halo_pixmap.cache_clear()
    for radius in range(4, HALO_CACHE_MAX_PX + 1, 4):  # a slow pinch from the widest view to the closest
        halo_pixmap("soviet", radius, HALO_PEN_PX, 1.0)
    largest = (2 * HALO_CACHE_MAX_PX + 4) ** 2 * 4 / 1e6
    held = halo_pixmap.cache_info().currsize
    assert held * largest <= KIOSK_CIRCLES_MB, f"{held} circles kept, up to {held * largest:.0f} MB"
    assert halo_pixmap("soviet", HALO_CACHE_MAX_PX, HALO_PEN_PX, 1.0) is halo_pixmap(
        "soviet", HALO_CACHE_MAX_PX, HALO_PEN_PX, 1.0
    ), "the circle of the zoom shown is still kept"
    halo_pixmap.cache_clear()
