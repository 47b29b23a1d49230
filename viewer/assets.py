"""The one place that finds the shipped content, through importlib.resources (never the working directory).

In a wheel the content is packaged as `viewer/_assets`; in a source checkout it is the top-level
`assets/` folder beside the package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def content_dir() -> Path:
    """Folder holding events.yaml and geo/."""
    packaged = resources.files("viewer").joinpath("_assets")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(str(resources.files("viewer"))).parent / "assets"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the viewer's content (assets/) is missing from this installation; reinstall the package")
