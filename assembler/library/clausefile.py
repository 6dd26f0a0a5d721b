"""Writing clause files back so a library kept in git changes by reviewable diffs, and a firm's own file
keeps its comments and layout.

Commands that change a clause (new version, approve, deprecate) read its file with ruamel.yaml's round-trip
loader (:func:`load_document`), which keeps every comment, key order, quoting style and block scalar as the
firm wrote it; they change only the entry they must (:func:`append_version`, :func:`set_fields`), and
:func:`dump_document` writes the rest back byte for byte. A frozen version's text is never re-emitted in
another form, so its hash still matches. What the tool adds is set in the house layout of :func:`dump_clause`
— keys in a set order, lists of names on one line, notes folded at the margin, clause text as a literal
block exactly as typed — which the built-in library is kept in.
"""

from __future__ import annotations

import datetime as dt
import io
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


def _round_trip() -> Any:
    from ruamel.yaml import YAML

    yaml_rt = YAML(typ="rt")
    yaml_rt.preserve_quotes = True
    yaml_rt.width = 4096  # never re-wrap a line the author wrote
    yaml_rt.indent(mapping=2, sequence=4, offset=2)
    return yaml_rt


def load_document(path: Path) -> Any:
    """The clause file as a round-trip document (a ruamel ``CommentedMap``): comments and layout kept."""
    from ruamel.yaml import YAMLError as RoundTripError

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ClauseFileError(path, f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at position {exc.start}); "
                                    "save it as UTF-8") from None
    except OSError as exc:
        raise ClauseFileError(path, f"cannot be read: {exc.strerror or exc}") from None
    try:
        document = _round_trip().load(text)
    except RoundTripError as exc:
        raise ClauseFileError(path, f"not valid YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(document, dict) or not isinstance(document.get("versions"), list):
        raise ClauseFileError(path, "a clause file must be a mapping with a list of versions")
    return document


def dump_document(document: Any) -> str:
    out = io.StringIO()
    _round_trip().dump(document, out)
    return out.getvalue()


def version_entry(document: Any, version: object) -> Any | None:
    return next((e for e in document["versions"] if str(e.get("version")) == str(version)), None)


def append_version(document: Any, entry: dict[str, Any]) -> None:
    """Add a version entry, set in the house layout (see :func:`dump_clause`)."""
    fragment = _round_trip().load("\n".join(_mapping(entry, VERSION_KEYS)) + "\n")
    document["versions"].append(fragment[0])


def set_fields(entry: Any, **values: Any) -> None:
    """Set fields of one version entry in place: a new key goes where the house order puts it, a value is
    set in the house layout (a long note folded), and nothing else in the file moves."""
    for key, value in values.items():
        if key not in VERSION_KEYS:
            raise ValueError(f"unknown version field: {key}")
        formatted = _round_trip().load("\n".join(_mapping({key: value}, (key,))) + "\n")[0][key]
        if key in entry:
            entry[key] = formatted
            continue
        later = VERSION_KEYS[VERSION_KEYS.index(key) + 1:]
        keys = list(entry)
        position = next((keys.index(k) for k in keys if k in later), len(keys))
        entry.insert(position, key, formatted)


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
