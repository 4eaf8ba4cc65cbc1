"""``python -m foedus`` runs the command line."""

from foedus.cli.app import main

main()
