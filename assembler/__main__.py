"""``python -m assembler``."""

from assembler.cli.main import main

raise SystemExit(main())
