"""``python -m assembler``."""

from .cli import main

raise SystemExit(main())
