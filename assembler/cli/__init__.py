"""The `assembler` command: a thin layer that parses arguments, calls the library API and prints. No legal or
Word logic lives here; errors become one line on stderr with exit code 2.
"""

from assembler.cli.main import main

__all__ = ["main"]
