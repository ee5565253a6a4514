"""`python -m consilience` runs the command line."""

from consilience.cli import main

main()
