"""The assembly manifest: a YAML file beside each draft saying exactly what went into it.

``DRAFT.assembly.yaml`` records the tool version, the template and its version, every clause ``id@version``
with its content hash, the authorities cited (and which are unverified or cited at unconfirmed pinpoints),
the court, and a sha256 digest of the answers — never the answers themselves. It is what lets a lawyer ask
of any draft, later, "is anything in here out of date?" and rebuild it exactly.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path
from typing import Any

import yaml

from assembler.yamlio import load_yaml
from assembler.assembly.assemble import Draft
from assembler.errors import ManifestError
from assembler.library.versions import Version

SUFFIX = ".assembly.yaml"


def manifest_path(draft_path: Path) -> Path:
    return draft_path.with_name(draft_path.stem + SUFFIX)


def build_manifest(draft: Draft, docx_name: str, docx_bytes: bytes, registry: Any) -> dict[str, Any]:
    keys = list(OrderedDict.fromkeys(u.key for u in draft.citations))
    unconfirmed = list(OrderedDict.fromkeys(
        f"{u.key}:{u.pin}" for u in draft.citations if not u.pin_confirmed
    ))
    return {
        "assembler": draft.tool_version,
        "document": docx_name,
        "document_sha256": hashlib.sha256(docx_bytes).hexdigest(),
        "template": {"id": draft.template.id, "version": draft.template.version},
        "court": draft.court.id,
        "answers_digest": draft.answers_digest,
        "clauses": [
            {"id": u.id, "version": u.version, "status": u.status, "hash": u.hash, "layer": u.layer,
             **({"pinned": u.pinned} if u.pinned else {})}
            for u in draft.clause_uses
        ],
        "authorities": [
            {"key": key, "citation": registry.get(key).full_plain(), "verified": registry.get(key).verified}
            for key in keys
        ],
        "unconfirmed_pinpoints": unconfirmed,
        "warnings": list(draft.warnings),
    }


def dump_manifest(manifest: dict[str, Any]) -> bytes:
    header = "# Assembly manifest: what this draft was built from. Written by assembler; do not edit.\n"
    return (header + yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False, width=110)).encode("utf-8")


def read_manifest(draft_path: Path) -> dict[str, Any]:
    """The manifest of a draft, given the draft (``OUT.docx``) or the manifest itself."""
    draft_path = Path(draft_path)
    path = draft_path if draft_path.name.endswith(SUFFIX) else manifest_path(draft_path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{path}: no assembly manifest beside {draft_path.name}") from None
    except (OSError, yaml.YAMLError) as exc:
        raise ManifestError(f"{path}: cannot read the assembly manifest: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("clauses"), list) or "template" not in data:
        raise ManifestError(f"{path}: not an assembly manifest (no template or clauses)")
    for entry in data["clauses"]:
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("version"):
            raise ManifestError(f"{path}: a clause entry lacks its id or version: {entry!r}")
        try:
            Version.parse(entry["version"])
        except ValueError as exc:
            raise ManifestError(f"{path}: clause {entry['id']}: {exc}") from None
    return data
