"""The main job as one call: assemble a draft and write the .docx and its manifest, atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .assembly import Draft, assemble
from .library import Library
from .manifest import build_manifest, dump_manifest, manifest_path
from .output import check_writable, write_all_atomically


@dataclass
class RenderResult:
    draft: Draft
    docx_path: Path
    manifest_path: Path
    manifest: dict[str, Any]

    @property
    def warnings(self) -> list[str]:
        return self.manifest["warnings"]


def render_document(
    library: Library,
    template_id: str,
    answers: dict[str, Any],
    out: str | Path,
    *,
    force: bool = False,
    strict: bool = False,
    pins: dict[str, str] | None = None,
    source: object = None,
) -> RenderResult:
    """Assemble ``template_id`` from ``answers`` and write ``out`` and ``out``'s manifest.

    Nothing is written unless everything succeeds; an existing file is replaced only with ``force``.
    """
    from .word import render_docx

    docx_path = Path(out)
    if docx_path.suffix.lower() != ".docx":
        from .errors import AssemblerError

        raise AssemblerError(f"{docx_path}: the output must be a .docx file")
    manifest_file = manifest_path(docx_path)
    check_writable(docx_path, manifest_file, force=force)
    draft = assemble(library, template_id, answers, pins=pins, strict=strict, source=source)
    data = render_docx(draft, skeleton=_skeleton(library))
    manifest = build_manifest(draft, docx_path.name, data, library.registry)
    write_all_atomically({docx_path: data, manifest_file: dump_manifest(manifest)}, force=force)
    return RenderResult(draft, docx_path, manifest_file, manifest)


def _skeleton(library: Library) -> Path | None:
    """A firm's own ``templates/skeleton.docx`` (letterhead, fonts) replaces the built-in one."""
    for directory in reversed(library.template_dirs):
        candidate = directory / "skeleton.docx"
        if candidate.is_file():
            return candidate
    return None
