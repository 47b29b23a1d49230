"""`python -m viewer`: the command line (check, render) and the app."""

import sys

from .cli import main

sys.exit(main())
