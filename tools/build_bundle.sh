#!/usr/bin/env bash
# One-folder build for machines without Python (PyInstaller), then a smoke test: the bundled program
# validates its content and renders a frame headlessly.
#   bash tools/build_bundle.sh            -> dist/khalkhin-gol/khalkhin-gol (copy the whole folder)
# Needs: a venv with the project installed (pip install .) and network access to PyPI for PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m pip install -q "pyinstaller>=6.10"
"$PY" -m PyInstaller --noconfirm --clean --onedir --name khalkhin-gol --specpath build \
  --collect-data viewer --add-data "$PWD/assets:viewer/_assets" \
  --hidden-import pyqtgraph.graphicsItems --exclude-module tkinter \
  "$PWD/tools/bundle_entry.py"
out=$(mktemp -d)
QT_QPA_PLATFORM=offscreen KHALKHIN_GOL_HOME="$out/home" dist/khalkhin-gol/khalkhin-gol check
QT_QPA_PLATFORM=offscreen KHALKHIN_GOL_HOME="$out/home" dist/khalkhin-gol/khalkhin-gol render --at 1939-08-26 --size 1280x720 --out "$out/frame.png"
test -s "$out/frame.png" && echo "bundle OK: dist/khalkhin-gol ($(du -sh dist/khalkhin-gol | cut -f1)); frame at $out/frame.png"
