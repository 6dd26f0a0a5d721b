"""Is anything in this draft out of date? Compare the clause versions a draft's manifest records with the
library as it stands now."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assembler.library.clauses import ClauseVersion
from assembler.library.loading import Library
from assembler.library.versions import Version


@dataclass
class Outdated:
    """One clause a draft used that the library has since moved past."""

    clause_id: str
    used: str
    reasons: list[str] = field(default_factory=list)
    newer: list[ClauseVersion] = field(default_factory=list)

    @property
    def latest(self) -> str | None:
        return str(self.newer[-1].version) if self.newer else None


def find_outdated(library: Library, manifest: dict[str, Any]) -> list[Outdated]:
    """Every clause in the manifest that is deprecated now, has a newer approved version, changed in place
    since the draft was made, or is gone from the library — with the change notes that say why."""
    found: list[Outdated] = []
    for entry in manifest["clauses"]:
        clause_id, used = str(entry["id"]), str(entry["version"])
        item = Outdated(clause_id, used)
        clause = library.clauses.get(clause_id)
        if clause is None:
            item.reasons.append("no longer in the library")
            found.append(item)
            continue
        version = clause.version(used)
        if version is None:
            item.reasons.append(f"version {used} is no longer in the library")
        else:
            if version.status == "deprecated":
                item.reasons.append(f"{used} is deprecated, superseded by {version.superseded_by}")
            if entry.get("hash") and version.hash and entry["hash"] != version.hash:
                item.reasons.append(f"{used} was re-approved with different text since this draft")
        base = Version.parse(used)
        item.newer = sorted((v for v in clause.versions if v.status == "approved" and v.version > base),
                            key=lambda v: v.version)
        if item.newer:
            item.reasons.append(f"newer approved version {item.latest}")
        if item.reasons:
            found.append(item)
    return found
