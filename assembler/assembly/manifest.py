"""The assembly manifest: a YAML file beside each draft saying exactly what went into it.

``DRAFT.assembly.yaml`` records the tool version, the template and its version, every clause ``id@version``
with its content hash, the authorities cited (and which are unverified or cited at unconfirmed pinpoints),
the court, and a sha256 digest of the answers — never the answers themselves. It is what lets a lawyer ask
of any draft, later, "is anything in here out of date?" and rebuild it exactly.
"""

from __future__ import annotations

import hashlib
import re
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
        "document_id": draft.identity,
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
    if not draft_path.name.endswith(SUFFIX):
        _belongs_to(data, draft_path, path)
    return data


def _belongs_to(manifest: dict[str, Any], draft_path: Path, path: Path) -> None:
    """Refuse a manifest that was written for another draft (copied, or left from an earlier render): the
    draft's identifier, which Word keeps through edits, must be the manifest's ``document_id``."""
    import zipfile

    expected = manifest.get("document_id")
    if not expected or not draft_path.is_file():
        return  # a manifest from before document ids; nothing to compare
    try:
        with zipfile.ZipFile(draft_path) as package:
            core = package.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return  # the draft itself is reported unreadable by whoever reads it next
    found = re.search(r"<dc:identifier>([^<]*)</dc:identifier>", core)
    if (found.group(1) if found else "") != expected:
        raise ManifestError(f"{path}: this manifest belongs to another draft, not {draft_path.name} "
                            "(render the draft again to get its own manifest)")
