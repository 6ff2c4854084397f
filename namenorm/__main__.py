"""Run the command line with ``python -m namenorm``."""

from .cli import run

run()
