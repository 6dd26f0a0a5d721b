"""Writing clause files back, in one canonical layout, so a library kept in git changes by reviewable diffs.

Commands that change a clause (new version, approve, deprecate) read its file as plain data, change only
what they must, check the result as a clause, and write it here. The layout is fixed — keys in a set order,
lists of names on one line, notes folded at the margin, clause text as a literal block exactly as typed — so
writing an unchanged file reproduces it, and a change shows up as the few lines it touched.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import yaml

from assembler.errors import ClauseFileError
from assembler.yamlio import read_yaml_file

CLAUSE_KEYS = ("id", "title", "category", "argues_for", "applies_to", "variables", "provenance", "versions")
PROVENANCE_KEYS = ("source", "pinpoint", "note")
VERSION_KEYS = ("version", "status", "date", "author", "approver", "approved_on", "superseded_by", "note", "hash",
                "text")
WIDTH = 110


def read_clause_data(path: Path) -> dict[str, Any]:
    data = read_yaml_file(path, lambda problem: ClauseFileError(path, problem))
    if not isinstance(data, dict):
        raise ClauseFileError(path, "a clause file must be a mapping")
    return data


def dump_clause(data: dict[str, Any]) -> str:
    unknown = set(data) - set(CLAUSE_KEYS)
    if unknown:
        raise ValueError(f"unknown clause field(s): {', '.join(sorted(unknown))}")
    lines: list[str] = []
    for key in CLAUSE_KEYS:
        if key not in data or data[key] is None:
            continue
        value = data[key]
        if key in ("applies_to", "variables"):
            lines.append(f"{key}: [{', '.join(_scalar(v) for v in value)}]")
        elif key == "provenance":
            lines.append("provenance:")
            for entry in value:
                lines.extend(_mapping(entry if isinstance(entry, dict) else {"source": entry}, PROVENANCE_KEYS))
        elif key == "versions":
            lines.append("versions:")
            for entry in value:
                lines.extend(_mapping(entry, VERSION_KEYS))
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _mapping(entry: dict[str, Any], order: tuple[str, ...]) -> list[str]:
    unknown = set(entry) - set(order)
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
    out: list[str] = []
    for key in order:
        if key not in entry or entry[key] in (None, ""):
            continue
        lead = "  - " if not out else "    "
        value = entry[key]
        if key == "text":
            out.extend(_literal(lead, key, str(value)))
        elif key == "note" and isinstance(value, str) and len(lead) + len(key) + 2 + len(value) > WIDTH:
            out.extend(_folded(lead, key, value))
        else:
            out.append(f"{lead}{key}: {_scalar(value)}")
    return out


def _literal(lead: str, key: str, text: str) -> list[str]:
    """Clause text as typed: a literal block keeps every line break a reviewer sees in the diff."""
    if not text.strip() or text[:1].isspace():
        return [f"{lead}{key}: {_scalar(text)}"]
    if not text.endswith("\n"):
        chomp, body = "-", text
    else:
        chomp, body = ("+" if text.endswith("\n\n") else ""), text[:-1]
    return [f"{lead}{key}: |{chomp}"] + [f"      {line}" if line else "" for line in body.split("\n")]


def _folded(lead: str, key: str, note: str) -> list[str]:
    """A long note folded at the margin; falls back to a quoted scalar when folding could not round-trip."""
    if "\n" in note or "  " in note or note != note.strip():
        return [f"{lead}{key}: {_scalar(note)}"]
    wrapped = textwrap.wrap(note, WIDTH - 6, break_long_words=False, break_on_hyphens=False)
    return [f"{lead}{key}: >-"] + [f"      {line}" for line in wrapped]


def _scalar(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return dumped.removesuffix("\n...\n").rstrip("\n")
