"""``python -m newsevents`` runs the command-line interface."""

from newsevents.cli import main

raise SystemExit(main())
