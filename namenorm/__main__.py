"""Run the command line with ``python -m namenorm``."""

import sys

from .cli import main

sys.exit(main())
