"""`python -m consilience` runs the command line."""

from consilience.cli import app

app()
