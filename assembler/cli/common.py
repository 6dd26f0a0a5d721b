"""What every command shares: the library it works on, and how it speaks to the terminal."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator


def load(args: argparse.Namespace, clean: bool = True):
    """The library the command works on; with ``clean`` it refuses a library that has broken files."""
    from assembler.library.loading import load_library

    library = load_library(args.library)
    if clean:
        library.require_clean()
    return library


def add_pdf_option(p: argparse.ArgumentParser) -> None:
    """``--pdf`` on every command that writes a draft."""
    p.add_argument("--pdf", action="store_true", help="also write OUT.pdf beside OUT.docx (PDF/A-2b for CM/ECF; "
                   "needs LibreOffice)")


FIRST_TIME = "(the first time takes a few seconds)"


@contextlib.contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner on the terminal, saying what is being done, while LibreOffice lays a draft out (its first start
    takes several seconds). Nothing when stderr is not a terminal (a script, a pipe)."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(f"{message}…"):
        yield


def assembling(template: str, layout: bool) -> str:
    """What the spinner says while a draft is assembled (and, with ``layout``, laid out)."""
    return f"Assembling {template}" + (f"; LibreOffice lays it out {FIRST_TIME}" if layout else "")


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def report(result) -> None:
    """Say what a render wrote, and everything a lawyer must know before relying on it."""
    for message in result.warnings:
        warn(message)
    unverified = [a["citation"] for a in result.manifest["authorities"] if not a["verified"]]
    if unverified:
        warn(f"{len(unverified)} cited authorit{'y is' if len(unverified) == 1 else 'ies are'} unverified: "
             + "; ".join(unverified))
    pins = result.manifest["unconfirmed_pinpoints"]
    if pins:
        warn(f"{len(pins)} pinpoint cite(s) not yet confirmed; listed in {result.manifest_path.name}")
    also = f", {result.manifest_path.name} and {result.pdf_path.name}" if result.pdf_path else \
        f" and {result.manifest_path.name}"
    print(f"wrote {result.docx_path}{also}")
