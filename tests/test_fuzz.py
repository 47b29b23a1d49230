"""The content fuzzer's fast seeded subset (bench/fuzz.py runs the long one), and content that passes `check`
opening the app (issue 17).

Every mutation of assets/ must end in exit 0 or exit 2 with `file:line: what; fix` lines: no traceback, no
hang (the fuzzer's alarm), and what `check` accepts must open in the app without an exception.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
from pathlib import Path

from viewer.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fuzz import content_files, fuzz, mutation, open_app

SEEDS = range(100_000, 100_120)  # a fixed subset, different from the long run's; ~20-40 s on an idle machine


def test_a_seeded_subset_of_mutations_gives_clean_errors(tmp_path, qapp):
    verdicts = fuzz(SEEDS, workers=1, app_sample=0.0, root=tmp_path)
    bad = [f"seed {v.seed}: {v.outcome}: {v.detail}" for v in verdicts if v.outcome in ("traceback", "hang")]
    assert not bad, "\n".join(bad)
    outcomes = {v.outcome for v in verdicts}
    assert outcomes == {"clean", "accepted"}, outcomes  # the subset exercises both ways out
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 2 * 1024 * 1024  # KiB: bounded memory (2 GB)
    accepted = [v.seed for v in verdicts if v.outcome == "accepted"][:2]
    files = content_files(Path(str(content_copy_base())))
    for seed in accepted:  # what `check` accepts opens in the app (in every language, both timelines)
        folder = tmp_path / f"accepted-{seed}"
        shutil.copytree(content_copy_base(), folder)
        mutation(seed, files).apply(folder)
        open_app(folder)


def content_copy_base() -> Path:
    from viewer.assets import content_dir

    return content_dir()


def test_renamed_inset_place_opens_the_app(content_copy, capsys, qapp):
    """The inset once looked up 'tamsag_bulak' by id: renaming it passed `check` and crashed the app."""
    for path in [content_copy / "events.yaml", *(content_copy / "i18n").iterdir()]:  # a curator renames it everywhere
        path.write_text(path.read_text(encoding="utf-8").replace("tamsag_bulak", "tamsag_bulag"), encoding="utf-8")
    assert main(["check", str(content_copy)]) == 0, capsys.readouterr().err
    open_app(content_copy)


def test_inset_towns_come_from_the_data(content_copy, capsys, qapp):
    """Towns marked "inset": true in region-places.geojson are the ones drawn; none marked is fine too."""
    path = content_copy / "geo" / "region-places.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"].pop("inset", None)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(content_copy)]) == 0, capsys.readouterr().err
    open_app(content_copy)
