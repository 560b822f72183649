"""Command line: `python -m pipeline {build,ui,expectations}` (the Makefile calls these)."""

from pipeline.cli import main

raise SystemExit(main())
