"""`python -m desktop` starts the app."""

from desktop.app import run

run()
