"""Builders for throwaway clause libraries, so each test states only the fields it cares about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assembler.library.clauses import content_hash

AUTHORITIES = {
    "authorities": [
        {"key": "chloe", "kind": "case", "name": "Chloé v. Queen Bee of Beverly Hills, LLC", "short_name": "Chloé",
         "volume": 616, "reporter": "F.3d", "page": 158, "court": "2d Cir.", "year": 2010, "verified": True,
         "source": "test", "pinpoints_confirmed": ["167"]},
        {"key": "daimler", "kind": "case", "name": "Daimler AG v. Bauman", "short_name": "Daimler", "volume": 571,
         "reporter": "U.S.", "page": 117, "court": "", "year": 2014, "verified": True, "source": "test"},
        {"key": "usc-15-1116", "kind": "statute", "title": 15, "code": "U.S.C.", "section": "1116", "verified": True,
         "source": "test"},
        {"key": "frcp-12", "kind": "rule", "code": "Fed. R. Civ. P.", "section": "12", "verified": True, "source": "test"},
    ]
}


def version(v: str = "1.0.0", status: str = "approved", text: str = "Text of the clause.", **extra: Any) -> dict:
    entry: dict[str, Any] = {"version": v, "status": status, "date": "2026-01-05", "author": "Knowledge management",
                             "note": "First version.", "text": text}
    if status in ("approved", "deprecated"):
        entry.update(approver="Practice group head", approved_on="2026-01-06", hash=content_hash(text))
    entry.update(extra)
    return entry


def clause(clause_id: str = "sample-clause", versions: list[dict] | None = None, **extra: Any) -> dict:
    data: dict[str, Any] = {
        "id": clause_id,
        "title": f"Title of {clause_id}",
        "category": "legal-standard",
        "applies_to": ["all"],
        "variables": [],
        "provenance": [{"source": "test fixture"}],
        "versions": versions or [version()],
    }
    data.update(extra)
    return data


def make_library(root: Path, *clauses: dict, authorities: dict | None = None, raw: dict[str, str] | None = None) -> Path:
    """Write a library folder: clauses/<category>/<id>.yaml, clauses/authorities.yaml, and raw files."""
    (root / "clauses").mkdir(parents=True, exist_ok=True)
    (root / "templates").mkdir(exist_ok=True)
    (root / "clauses" / "authorities.yaml").write_text(
        yaml.safe_dump(authorities or AUTHORITIES, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for data in clauses:
        folder = root / "clauses" / str(data.get("category", "misc"))
        folder.mkdir(exist_ok=True)
        (folder / f"{data['id']}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    for name, text in (raw or {}).items():
        path = root / "clauses" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
