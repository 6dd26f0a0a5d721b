"""CLI commands that assemble documents (filled in by the documents work)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    return None
