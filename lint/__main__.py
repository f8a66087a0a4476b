"""``python -m lint`` runs the newslint command."""

from lint.cli import main

main()
