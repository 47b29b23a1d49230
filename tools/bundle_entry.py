"""Entry point for the PyInstaller bundle: the same command line as `khalkhin-gol`."""

import sys

from viewer.cli import main

sys.exit(main())
