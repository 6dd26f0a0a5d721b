"""The main job as one call: assemble a draft and write the .docx and its manifest, atomically."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.assembly.assemble import Draft, assemble
from assembler.library.loading import Library
from assembler.assembly.manifest import build_manifest, dump_manifest, manifest_path
from assembler.files import check_writable, write_all_atomically


@dataclass
class RenderResult:
    draft: Draft
    docx_path: Path
    manifest_path: Path
    manifest: dict[str, Any]
    pdf_path: Path | None = None

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
    layout: bool = False,
    pdf: bool = False,
) -> RenderResult:
    """Assemble ``template_id`` from ``answers`` and write ``out`` and ``out``'s manifest.

    Nothing is written unless everything succeeds; an existing file is replaced only with ``force``. With
    ``layout``, a memorandum's tables get page numbers from a LibreOffice layout when LibreOffice is present.
    With ``pdf``, ``OUT.pdf`` (PDF/A-2b, for filing) is written beside ``OUT.docx``; it needs LibreOffice.
    """
    docx_path = _output(out, force, pdf)
    _not_the_answers(docx_path, source)
    draft = assemble(library, template_id, answers, pins=pins, strict=strict, source=source)
    return _write(library, draft, docx_path, force, layout, pdf, strict)


def write_draft(library: Library, draft: Draft, out: str | Path, *, force: bool = False, layout: bool = False,
                pdf: bool = False) -> RenderResult:
    """Write a draft already assembled (e.g. one a batch first compared with the draft on disk)."""
    return _write(library, draft, Path(out), force, layout, pdf)


def _output(out: str | Path, force: bool, pdf: bool = False) -> Path:
    """Refuse a bad or occupied output path, or a PDF without LibreOffice, before any work is done."""
    docx_path = Path(out)
    if docx_path.suffix.lower() != ".docx" or str(out).endswith(("/", os.sep)):
        from assembler.errors import AssemblerError

        raise AssemblerError(f"{out}: the output must be a .docx file")
    check_writable(docx_path, manifest_path(docx_path), force=force)
    if pdf:
        from assembler.word.pdf import pdf_path_for, require_libreoffice

        require_libreoffice()
        check_writable(pdf_path_for(docx_path), force=force)
    return docx_path


def _not_the_answers(docx_path: Path, answers: object) -> None:
    """Even with --force, never replace the answers file the draft is built from (a matter's only copy)."""
    if not isinstance(answers, (str, Path)):
        return
    answers_path = Path(answers).resolve()
    for path in (docx_path, manifest_path(docx_path)):
        if path.resolve() == answers_path:
            from assembler.errors import AssemblerError

            raise AssemblerError(f"{path}: that is the answers file; choose another output name")


def _write(library: Library, draft: Draft, docx_path: Path, force: bool, layout: bool = False,
           pdf: bool = False, strict: bool = False) -> RenderResult:
    from assembler.word.writer import render

    manifest_file = manifest_path(docx_path)
    rendered = render(draft, skeleton=_skeleton(library), layout=layout, strict=strict)
    data = rendered.data
    manifest = build_manifest(draft, docx_path.name, data, library.registry)
    if rendered.tables:
        manifest["tables"] = rendered.tables
    if rendered.word_count is not None:
        manifest["word_count"] = rendered.word_count
        manifest["warnings"].extend(over_limit_warnings(draft, rendered.word_count))
    files = {docx_path: data, manifest_file: dump_manifest(manifest)}
    pdf_path = None
    if pdf:
        from assembler.word.pdf import docx_to_pdf, pdf_path_for

        pdf_path = pdf_path_for(docx_path)
        files[pdf_path] = docx_to_pdf(data, str(docx_path))
    write_all_atomically(files, force=force)
    return RenderResult(draft, docx_path, manifest_file, manifest, pdf_path)


def over_limit_warnings(draft: Draft, count: int) -> list[str]:
    """A certificate of compliance whose count is over the limit it states (a Judge's own limit, answered as
    ``judge_word_limit``, or the court's): said at render, since the draft would certify what is not so."""
    judge_limit = draft.answers.get("judge_word_limit")
    limit = int(judge_limit) if judge_limit else draft.rules.limit_words
    if not limit or count <= limit:
        return []
    source = "the assigned Judge's limit ('judge_word_limit')" if judge_limit else draft.rules.rule
    return [f"the memorandum has {count:,} words, over the limit of {limit:,} words its certificate of compliance "
            f"states ({source}): shorten it before filing"]


def _skeleton(library: Library) -> Path | None:
    """A firm's own ``templates/skeleton.docx`` (letterhead, fonts) replaces the built-in one."""
    for directory in reversed(library.template_dirs):
        candidate = directory / "skeleton.docx"
        if candidate.is_file():
            import zipfile

            if not zipfile.is_zipfile(candidate) or "word/document.xml" not in zipfile.ZipFile(candidate).namelist():
                from assembler.errors import TemplateError

                raise TemplateError(f"{candidate}: not a Word document (.docx); save the skeleton from Word as .docx")
            return candidate
    return None


def reassemble_document(
    library: Library,
    draft: str | Path,
    answers: dict[str, Any],
    out: str | Path,
    *,
    upgrade: bool = False,
    force: bool = False,
    strict: bool = False,
    source: object = None,
    layout: bool = False,
    pdf: bool = False,
) -> RenderResult:
    """Assemble again the document ``draft``'s manifest describes: with exactly the clause versions it used
    (the same text, even if some are now deprecated), or with ``upgrade`` the latest approved ones.

    Differences that would make "the same" draft differ — another template version, other answers — are
    reported as warnings in the result.
    """
    from assembler.assembly.manifest import read_manifest

    manifest = read_manifest(Path(draft))
    docx_path = _output(out, force, pdf)
    _not_the_answers(docx_path, source)
    template = manifest["template"]
    pins = None if upgrade else {str(c["id"]): str(c["version"]) for c in manifest["clauses"]}
    assembled = assemble(library, str(template["id"]), answers, pins=pins, strict=strict, source=source)
    if assembled.template.version != str(template.get("version")):
        assembled.warnings.append(f"template {template['id']} is now version {assembled.template.version}; the "
                                  f"original draft used {template.get('version')}")
    if manifest.get("answers_digest") and manifest["answers_digest"] != assembled.answers_digest:
        assembled.warnings.append("the answers differ from those the original draft was assembled from")
    return _write(library, assembled, docx_path, force, layout, pdf, strict)


def write_pdf(draft: str | Path, out: str | Path | None = None, *, force: bool = False) -> Path:
    """Write the filing PDF of a .docx draft — ours, or one a lawyer has since edited in Word — to ``out``
    (default: beside it, ``DRAFT.pdf``). Needs LibreOffice; never replaces a file without ``force``."""
    from assembler.errors import AssemblerError
    from assembler.files import write_atomically
    from assembler.word.pdf import docx_to_pdf, pdf_path_for, require_libreoffice

    draft_path = Path(draft)
    pdf_path = Path(out) if out else pdf_path_for(draft_path)
    if draft_path.suffix.lower() != ".docx":
        raise AssemblerError(f"{draft_path}: give a Word draft (.docx) to make a PDF of")
    if pdf_path.suffix.lower() != ".pdf":
        raise AssemblerError(f"{pdf_path}: the output must be a .pdf file")
    if not draft_path.is_file():
        raise AssemblerError(f"{draft_path}: no such file")
    require_libreoffice()
    check_writable(pdf_path, force=force)
    write_atomically(pdf_path, docx_to_pdf(draft_path.read_bytes(), str(draft_path)), force=force)
    return pdf_path
