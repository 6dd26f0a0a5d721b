"""The `assembler` command: parse arguments, call the library, print, map errors to exit codes.

Nothing here knows how clauses, citations or Word files work; it only asks the API. Every foreseen error
is an :class:`~assembler.errors.AssemblerError`, printed as one line on stderr with its exit code (2 for bad
input). Exit 1 is reserved for "the check ran and found something" (``verify``, ``outdated``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from assembler import __version__
from assembler.errors import AssemblerError


def main(argv: Sequence[str] | None = None) -> int:
    _one_line_warnings()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except AssemblerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _one_line_warnings() -> None:
    """Print the library's :class:`~assembler.errors.AssemblerWarning` as ``warning: …`` lines, like every
    other warning the command gives; other Python warnings keep their usual form."""
    import warnings

    from assembler.errors import AssemblerWarning

    shown = warnings.showwarning
    if getattr(shown, "one_line", False):
        return

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, AssemblerWarning):
            print(f"warning: {message}", file=sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)

    show.one_line = True  # type: ignore[attr-defined]
    warnings.showwarning = show


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assembler",
        description="Assemble litigation papers from a versioned clause library into Word drafts.",
    )
    parser.add_argument("--version", action="version", version=f"assembler {__version__}")
    parser.add_argument(
        "--library", metavar="DIR", help="a firm library (clauses/ and templates/) layered over the built-in one "
        "(default: $ASSEMBLER_LIBRARY)"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    from assembler.cli import clauses as cli_clauses

    from assembler.cli import documents as cli_documents

    from assembler.cli import lifecycle as cli_lifecycle

    from assembler.cli import batch as cli_batch

    from assembler.cli import courts as cli_courts

    cli_clauses.register(commands)
    cli_documents.register(commands)
    cli_lifecycle.register(commands)
    cli_batch.register(commands)
    cli_courts.register(commands)
    return parser
