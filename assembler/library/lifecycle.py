"""The life of a clause version: proposed as a draft, approved (and frozen), deprecated with a successor.

Each step reads the clause's own file, changes only that clause's entry, checks that the result is still a
valid clause, and writes the file atomically, keeping the firm's comments and layout (see
:mod:`assembler.library.clausefile`). A
clause that lives in the built-in library is first copied into the firm's library when one is in use, so a
firm's changes never touch the library it installed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.library.clausefile import append_version, dump_document, load_document, set_fields, version_entry
from assembler.library.clauses import Clause, ClauseVersion, content_hash, parse_clause
from assembler.errors import ClauseFileError, LifecycleError, UnknownClauseError
from assembler.library.loading import Library, check_version_text
from assembler.files import write_atomically
from assembler.library.versions import Version, split_ref
from assembler.yamlio import load_yaml


@dataclass(frozen=True)
class Change:
    """What a lifecycle step did, for the CLI to report."""

    clause_id: str
    version: Version
    path: Path

    @property
    def ref(self) -> str:
        return f"{self.clause_id}@{self.version}"


def new_version(
    library: Library,
    clause_id: str,
    note: str,
    *,
    part: str = "minor",
    version: str | None = None,
    author: str = "Knowledge Management",
    today: dt.date | None = None,
) -> Change:
    """A new draft version carrying the latest version's text, ready to edit."""
    clause = library.clause(clause_id)
    if not note.strip():
        raise LifecycleError(f"{clause_id}: a new version needs a change note (--note) saying why")
    latest = clause.latest
    if latest.status == "draft":
        raise LifecycleError(
            f"{clause_id} already has draft {latest.version}; edit and approve it before proposing another"
        )
    if version is None:
        new = latest.version.bump(part)
    else:
        try:
            new = Version.parse(version)
        except ValueError as exc:
            raise LifecycleError(f"{clause_id}: {exc}") from None
        if new <= latest.version:
            raise LifecycleError(f"{clause_id}: version {new} is not above the latest version, {latest.version}")
    entry = {
        "version": str(new),
        "status": "draft",
        "date": today or dt.date.today(),
        "author": author,
        "note": note.strip(),
        "text": latest.text,
    }
    path, document = _editable(library, clause)
    append_version(document, entry)
    _write(path, document)
    return Change(clause_id, new, path)


def approve(library: Library, ref: str, by: str, *, today: dt.date | None = None) -> Change:
    """Approve a draft: record the approver, the date and the hash that freezes its text from now on."""
    clause, version = _exact(library, ref)
    if not by.strip():
        raise LifecycleError(f"{ref}: say who approves it (--by NAME)")
    if version.status != "draft":
        raise LifecycleError(f"{clause.id}@{version.version} is already {version.status}; only a draft can be approved")
    check_version_text(library, clause, version)
    path, document = _editable(library, clause)
    set_fields(_entry(document, version.version), status="approved", approver=by.strip(),
               approved_on=today or dt.date.today(), hash=content_hash(version.text))
    _write(path, document)
    return Change(clause.id, version.version, path)


def deprecate(
    library: Library, ref: str, superseded_by: str, reason: str, *, today: dt.date | None = None
) -> Change:
    """Retire an approved version in favour of a named approved successor, saying why."""
    clause, version = _exact(library, ref)
    if not reason.strip():
        raise LifecycleError(f"{ref}: say why it is deprecated (--reason)")
    if version.status != "approved":
        raise LifecycleError(f"{clause.id}@{version.version} is {version.status}; only an approved version can be "
                             "deprecated")
    try:
        successor_clause, successor = _exact(library, superseded_by)
    except UnknownClauseError as exc:
        raise LifecycleError(f"{ref}: unknown successor: {exc}") from None
    if (successor_clause.id, successor.version) == (clause.id, version.version):
        raise LifecycleError(f"{ref} cannot supersede itself")
    if successor.status != "approved":
        raise LifecycleError(f"{ref}: the successor {superseded_by} is {successor.status}, not approved")
    path, document = _editable(library, clause)
    entry = _entry(document, version.version)
    when = (today or dt.date.today()).isoformat()
    set_fields(
        entry,
        status="deprecated",
        superseded_by=(str(successor.version) if successor_clause.id == clause.id
                       else f"{successor_clause.id}@{successor.version}"),
        note=" ".join(filter(None, [" ".join(str(entry.get("note") or "").split()), f"Deprecated {when}: {reason.strip()}"])),
    )
    _write(path, document)
    return Change(clause.id, version.version, path)


# -- helpers ------------------------------------------------------------------------------------------------


def _exact(library: Library, ref: str) -> tuple[Clause, ClauseVersion]:
    clause_id, spec = split_ref(ref)
    if not spec.is_exact:
        raise LifecycleError(f"'{ref}': name one exact version, as ID@1.2.0")
    return library.resolve(ref)


def _editable(library: Library, clause: Clause) -> tuple[Path, Any]:
    """The file to change, and its round-trip document. A built-in clause changed under a firm library is
    copied into it (comments and all)."""
    if clause.path is None:
        raise LifecycleError(f"{clause.id} has no file to change")
    document = load_document(clause.path)
    if clause.layer == "built-in" and len(library.roots) > 1:
        return library.roots[-1] / "clauses" / clause.category / f"{clause.id}.yaml", document
    return clause.path, document


def _entry(document: Any, version: Version) -> Any:
    entry = version_entry(document, version)
    if entry is None:
        raise LifecycleError(f"{document.get('id')}: version {version} not found in its file")
    return entry


def _write(path: Path, document: Any) -> None:
    """Check the changed clause as the library would load it, then replace the file atomically."""
    text = dump_document(document)
    try:
        parse_clause(load_yaml(text), path)
    except ClauseFileError as exc:
        raise LifecycleError(f"not written: {exc}") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"), force=True)
