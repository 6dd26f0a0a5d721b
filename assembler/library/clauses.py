"""Clauses and their versions, as plain data read from one YAML file per clause.

A clause is a firm's standard text for one point (the Rule 12(b)(2) standard in the Second Circuit, the
persons bound by an injunction). Its versions live side by side in the file. An approved version is
*frozen*: its content hash is recorded on approval and checked ever after, so a published clause cannot
change under a draft that used it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.yamlio import read_yaml_file
from assembler.errors import ClauseFileError
from assembler.library.versions import Version

CATEGORIES = ("legal-standard", "jurisdiction-analysis", "injunction-language", "findings", "boilerplate")
STATUSES = ("draft", "approved", "deprecated")
FROZEN = ("approved", "deprecated")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CLAUSE_FIELDS = ("id", "title", "category", "argues_for", "applies_to", "variables", "provenance", "versions")
SIDES = ("defendant", "plaintiff", "neutral")
# Which side a clause argues for when its file does not say (see library/citerules.py): the Rule 12(b)(2)
# memorandum's analysis argues for the moving defendant; an injunction order's findings and decretal
# language are written for the plaintiff who won it; legal standards and boilerplate state the law neutrally.
DEFAULT_SIDE = {"jurisdiction-analysis": "defendant", "findings": "plaintiff", "injunction-language": "plaintiff"}
_VERSION_FIELDS = ("version", "status", "date", "author", "approver", "approved_on", "note", "superseded_by",
                   "hash", "text")


def content_hash(text: str) -> str:
    """sha256 of the text with line endings and trailing spaces normalised (so an editor's whitespace
    habits do not 'unfreeze' a version, but any change a reader could see does)."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    return "sha256:" + hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


@dataclass
class ClauseVersion:
    version: Version
    status: str
    date: str
    author: str
    text: str
    note: str = ""
    approver: str | None = None
    approved_on: str | None = None
    superseded_by: str | None = None
    hash: str | None = None

    @property
    def is_frozen(self) -> bool:
        return self.status in FROZEN

    @property
    def is_intact(self) -> bool:
        """False when a frozen version's text no longer matches the hash recorded at approval."""
        return not self.is_frozen or self.hash == content_hash(self.text)


@dataclass
class Provenance:
    source: str
    pinpoint: str = ""
    note: str = ""


@dataclass
class Clause:
    id: str
    title: str
    category: str
    applies_to: list[str]
    variables: list[str]
    provenance: list[Provenance]
    versions: list[ClauseVersion]
    path: Path | None = None
    layer: str = "built-in"
    argues_for: str = ""  # as the file says; see ``side``
    authority_keys: dict[str, set[str]] = field(default_factory=dict)  # version -> keys it cites

    @property
    def side(self) -> str:
        """The side this clause argues for: ``argues_for`` in its file, else the default for its category."""
        return self.argues_for or DEFAULT_SIDE.get(self.category, "neutral")

    def version(self, version: Version | str) -> ClauseVersion | None:
        wanted = Version.parse(version) if isinstance(version, str) else version
        return next((v for v in self.versions if v.version == wanted), None)

    @property
    def latest_approved(self) -> ClauseVersion | None:
        approved = [v for v in self.versions if v.status == "approved"]
        return max(approved, key=lambda v: v.version) if approved else None

    @property
    def latest(self) -> ClauseVersion:
        return max(self.versions, key=lambda v: v.version)

    def applies_in(self, court_ids: set[str]) -> bool:
        """True for ``all`` or when the clause names the court, its circuit or its state."""
        return "all" in self.applies_to or bool(court_ids & set(self.applies_to))


def load_clause(path: Path, layer: str = "built-in") -> Clause:
    """Read and check one clause file; any problem is a :class:`ClauseFileError` naming the file."""
    data = read_yaml_file(path, lambda problem: ClauseFileError(path, problem))
    if not isinstance(data, dict):
        raise ClauseFileError(path, "a clause file must be a mapping with id, title, category and versions")
    return parse_clause(data, path, layer)


def parse_clause(data: dict[str, Any], path: Path, layer: str = "built-in") -> Clause:
    def need(name: str) -> Any:
        if data.get(name) in (None, "", []):
            raise ClauseFileError(path, f"missing required field '{name}'")
        return data[name]

    unknown = sorted(set(data) - set(_CLAUSE_FIELDS))
    if unknown:
        raise ClauseFileError(path, f"unknown field(s) {', '.join(unknown)}")
    clause_id = str(need("id"))
    if not _ID.match(clause_id):
        raise ClauseFileError(path, f"id '{clause_id}' must be kebab-case (lower-case words joined by hyphens)")
    category = need("category")
    if category not in CATEGORIES:
        raise ClauseFileError(path, f"category '{category}' must be one of {', '.join(CATEGORIES)}")
    argues_for = str(data.get("argues_for") or "")
    if argues_for and argues_for not in SIDES:
        raise ClauseFileError(path, f"argues_for '{argues_for}' must be one of {', '.join(SIDES)}")
    applies_to = _string_list(path, data, "applies_to", required=True)
    variables = _string_list(path, data, "variables", required=False)
    provenance = [_provenance(path, p) for p in _as_list(need("provenance"))]
    raw_versions = need("versions")
    if not isinstance(raw_versions, list):
        raise ClauseFileError(path, "'versions' must be a list")
    versions = [_version(path, clause_id, raw) for raw in raw_versions]
    seen: set[Version] = set()
    for v in versions:
        if v.version in seen:
            raise ClauseFileError(path, f"version {v.version} of {clause_id} is listed twice")
        seen.add(v.version)
    for v in versions:
        if v.superseded_by and "@" not in v.superseded_by and Version.parse(v.superseded_by) not in seen:
            raise ClauseFileError(path, f"{clause_id}@{v.version} is superseded by unknown version {v.superseded_by}")
    return Clause(clause_id, str(need("title")), category, applies_to, variables, provenance, versions, path, layer,
                  argues_for)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _string_list(path: Path, data: dict[str, Any], name: str, required: bool) -> list[str]:
    value = data.get(name)
    if value in (None, []):
        if required:
            raise ClauseFileError(path, f"missing required field '{name}'")
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ClauseFileError(path, f"'{name}' must be a list of names")
    return list(value)


def _provenance(path: Path, raw: Any) -> Provenance:
    if isinstance(raw, str):
        return Provenance(raw)
    if isinstance(raw, dict) and raw.get("source"):
        return Provenance(str(raw["source"]), str(raw.get("pinpoint") or ""), str(raw.get("note") or ""))
    raise ClauseFileError(path, "each 'provenance' entry needs a 'source'")


def _version(path: Path, clause_id: str, raw: Any) -> ClauseVersion:
    if not isinstance(raw, dict):
        raise ClauseFileError(path, f"{clause_id}: each version must be a mapping")
    label = raw.get("version")
    try:
        version = Version.parse(label)
    except ValueError as exc:
        raise ClauseFileError(path, f"{clause_id}: {exc}") from None
    ref = f"{clause_id}@{version}"
    unknown = sorted(set(raw) - set(_VERSION_FIELDS))
    if unknown:
        raise ClauseFileError(path, f"{ref}: unknown field(s) {', '.join(unknown)}")
    status = raw.get("status")
    if status not in STATUSES:
        raise ClauseFileError(path, f"{ref}: status must be one of {', '.join(STATUSES)}")
    for name in ("date", "author", "text"):
        if not raw.get(name):
            raise ClauseFileError(path, f"{ref}: missing '{name}'")
    if status in FROZEN:
        for name in ("approver", "hash"):
            if not raw.get(name):
                raise ClauseFileError(path, f"{ref}: an {status} version needs '{name}'")
    if status == "deprecated" and not raw.get("superseded_by"):
        raise ClauseFileError(path, f"{ref}: a deprecated version needs 'superseded_by'")
    if raw.get("superseded_by") is not None:
        _successor(path, ref, raw["superseded_by"])
    return ClauseVersion(
        version=version,
        status=status,
        date=_date_text(raw["date"]),
        author=str(raw["author"]),
        text=str(raw["text"]),
        note=str(raw.get("note") or ""),
        approver=str(raw["approver"]) if raw.get("approver") else None,
        approved_on=_date_text(raw["approved_on"]) if raw.get("approved_on") else None,
        superseded_by=str(raw["superseded_by"]) if raw.get("superseded_by") else None,
        hash=str(raw["hash"]) if raw.get("hash") else None,
    )


def _successor(path: Path, ref: str, value: Any) -> None:
    """``superseded_by`` names a version of this clause (``2.0.0``) or of another (``other-clause@2.0.0``)."""
    clause_id, _, version = str(value).rpartition("@")
    try:
        Version.parse(version)
    except ValueError:
        raise ClauseFileError(path, f"{ref}: superseded_by '{value}' must be a version such as 2.0.0, or "
                                    "another clause's id@version") from None
    if clause_id and not _ID.match(clause_id):
        raise ClauseFileError(path, f"{ref}: superseded_by '{value}': '{clause_id}' is not a clause id")


def _date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)
