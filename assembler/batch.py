"""Many matters in one run: every answers file in a folder, or every row of a CSV/XLSX sheet of matters, into
drafts (and PDFs), through a process pool with one warm LibreOffice per worker.

A batch never stops for one bad matter: each matter's failure is reported on its own line and the rest go
on. A draft already up to date — its manifest records the same template version, the same answers digest and
the same clause versions and hashes, and the file is still the one the manifest describes — is skipped, so a
batch that was interrupted resumes where it stopped (each draft is written atomically: a matter is done or
absent, never half-written). An out-of-date draft is replaced only with ``force``.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.errors import AssemblerError
from assembler.sheets import SHEET_SUFFIXES, sheet_rows

ANSWER_SUFFIXES = (".yaml", ".yml", ".json")
NAME_COLUMN = "matter"


@dataclass(frozen=True)
class Matter:
    name: str  # the output's file name, without .docx
    answers: dict[str, Any]
    source: str  # where the answers came from, for messages ("cases/acme.yaml", "matters.csv row 4")
    problem: str = ""  # why its answers could not be read: the matter fails alone, the others go on


@dataclass(frozen=True)
class Outcome:
    matter: str
    status: str  # "rendered" | "skipped" | "failed"
    output: Path | None
    message: str  # why it failed, why it was skipped, or the warnings count
    seconds: float


def matters_from(source: str | Path) -> list[Matter]:
    """The matters in a folder of answers files, or in a ``.csv`` / ``.xlsx`` sheet (one row a matter)."""
    path = Path(source)
    if path.is_dir():
        from assembler.assembly.answers import load_answers

        files = sorted(p for p in path.iterdir() if p.suffix.lower() in ANSWER_SUFFIXES and p.is_file())
        if not files:
            raise AssemblerError(f"{path}: no answers files (*.yaml, *.yml, *.json) in this folder")
        return [_matter_from_file(p, load_answers) for p in files]
    suffix = path.suffix.lower()
    if suffix not in SHEET_SUFFIXES:
        raise AssemblerError(f"{path}: give a folder of answers files, or a .csv or .xlsx sheet of matters")
    if not path.is_file():
        raise AssemblerError(f"{path}: not found")
    return _sheet_matters(path, list(sheet_rows(path)))


def _sheet_matters(path: Path, rows: list[list[Any]]) -> list[Matter]:
    """A header row of answer names (``filer.firm`` reaches into a mapping, ``plaintiffs.0.name`` into a list),
    then one row a matter. Each cell is read as YAML, so a list or mapping can be written inline
    (``[{name: Acme Corp., kind: corporation}]``); an empty cell is no answer. A ``matter`` column names the
    output; otherwise the row number does."""
    import yaml

    if not rows or not any(rows[0]):
        raise AssemblerError(f"{path}: the first row must name the answers, one a column")
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    matters, names = [], set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell not in (None, "") for cell in row):
            continue
        answers: dict[str, Any] = {}
        name = f"row-{number}"
        for column, cell in zip(header, row):
            if not column or cell in (None, ""):
                continue
            if column == NAME_COLUMN:
                name = _safe_name(str(cell), path, number)
                continue
            value = _cell_value(cell, column, f"{path} row {number}, column '{column}'")
            _put(answers, column.split("."), value, f"{path} row {number}, column '{column}'")
        if name in names:
            raise AssemblerError(f"{path} row {number}: matter '{name}' is named twice")
        names.add(name)
        matters.append(Matter(name, answers, f"{path} row {number}"))
    if not matters:
        raise AssemblerError(f"{path}: no matters below the header row")
    return matters


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _cell_value(cell: Any, column: str, where: str) -> Any:
    """A sheet cell as an answer. A cell written as a YAML list or mapping (``[a, b]``, ``{name: Acme}``) is
    one; a plain number is a number (a case or bar number stays as typed); ``true``/``false`` is a flag;
    anything else is the text as typed, so "used the mark: in ads" or "no" is never taken for something else."""
    import yaml

    if not isinstance(cell, str):
        return cell
    text = cell.strip()
    if text.startswith(("[", "{")):
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError:
            raise AssemblerError(f"{where}: not a list or mapping YAML can read: {cell!r}") from None
    if _NUMBER.fullmatch(text) and not column.endswith("number"):
        return float(text) if "." in text else int(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return cell


def _matter_from_file(path: Path, load_answers: Callable[[Path], dict[str, Any]]) -> Matter:
    try:
        return Matter(path.stem, load_answers(path), str(path))
    except AssemblerError as problem:
        return Matter(path.stem, {}, str(path), problem=str(problem))


def _put(target: Any, keys: list[str], value: Any, where: str) -> None:
    key, rest = keys[0], keys[1:]
    if isinstance(target, list):
        if not key.isdigit():
            raise AssemblerError(f"{where}: '{key}' is not a list position")
        index = int(key)
        while len(target) <= index:
            target.append({} if rest and not rest[0].isdigit() else [] if rest else None)
        if not rest:
            target[index] = value
        else:
            _put(target[index], rest, value, where)
        return
    if not rest:
        target[key] = value
        return
    if key not in target:
        target[key] = [] if rest[0].isdigit() else {}
    if not isinstance(target[key], (dict, list)):
        raise AssemblerError(f"{where}: '{key}' is given both as a value and as a group of answers")
    _put(target[key], rest, value, where)


def _safe_name(name: str, path: Path, number: int) -> str:
    cleaned = name.strip()
    if not cleaned or cleaned in (".", "..") or "/" in cleaned or "\\" in cleaned or "\0" in cleaned:
        raise AssemblerError(f"{path} row {number}: '{name}' cannot name an output file")
    if len((cleaned + ".assembly.yaml").encode("utf-8")) > 255:  # the longest file a matter writes
        raise AssemblerError(f"{path} row {number}: the matter name '{cleaned[:40]}…' is too long for a file name "
                             "(at most about 240 characters)")
    return cleaned


def run_batch(library_path: str | os.PathLike[str] | None, template_id: str, matters: Iterable[Matter],
              out_dir: str | Path, *, layout: bool = True, pdf: bool = False, force: bool = False,
              strict: bool = False, workers: int | None = None,
              on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Render every matter into ``out_dir/NAME.docx`` (and ``NAME.pdf``), in a pool of ``workers`` processes
    (default: one a core), each loading the library once and keeping its own warm LibreOffice. Returns one
    :class:`Outcome` a matter, in the matters' order; ``on_outcome`` hears of each as it finishes."""
    from assembler.library.loading import load_library
    from assembler.library.templates import find_template

    library = load_library(library_path)
    library.require_clean()
    find_template(library.template_dirs, template_id)  # an unknown template stops the batch before it starts
    if pdf:
        from assembler.word.pdf import require_libreoffice

        require_libreoffice()
    matters = list(matters)
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    job = _Job(str(library_path) if library_path else None, template_id, str(target), layout, pdf, force, strict)
    workers = max(1, min(workers or os.cpu_count() or 1, len(matters) or 1))
    outcomes: dict[str, Outcome] = {}
    if workers == 1:
        _start_worker(job)
        for matter in matters:
            outcomes[matter.name] = _one(matter)
            if on_outcome:
                on_outcome(outcomes[matter.name])
        _stop_worker()
    else:
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(job,)) as pool:
            futures = {pool.submit(_one, matter): matter for matter in matters}
            for future in as_completed(futures):
                outcome = future.result()
                outcomes[outcome.matter] = outcome
                if on_outcome:
                    on_outcome(outcome)
    return [outcomes[m.name] for m in matters]


@dataclass(frozen=True)
class _Job:
    library: str | None
    template_id: str
    out_dir: str
    layout: bool
    pdf: bool
    force: bool
    strict: bool


_WORKER: dict[str, Any] = {}


def _start_worker(job: _Job) -> None:
    """Once per worker: the library, and a LibreOffice slot of this worker's own (stopped when it exits)."""
    from assembler.library.loading import load_library

    _WORKER.update(job=job, library=load_library(job.library))
    if job.layout or job.pdf:
        os.environ["ASSEMBLER_LAYOUT_SLOT"] = f"batch-{os.getpid()}"
        if os.getpid() != _PARENT:
            from multiprocessing.util import Finalize

            Finalize(None, _stop_worker, exitpriority=10)


_PARENT = os.getpid()


def _stop_worker() -> None:
    from assembler.word import layout

    if os.environ.get("ASSEMBLER_LAYOUT_SLOT", "").startswith("batch-"):
        layout.default_engine().stop()
        del os.environ["ASSEMBLER_LAYOUT_SLOT"]


def _one(matter: Matter) -> Outcome:
    import warnings

    job: _Job = _WORKER["job"]
    output = Path(job.out_dir) / f"{matter.name}.docx"
    start = time.perf_counter()
    if matter.problem:
        return Outcome(matter.name, "failed", None, matter.problem, 0.0)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            status, message = _render(matter, output, job)
        notes = sorted({str(w.message) for w in caught})
        if notes:
            message = "; ".join([message, *notes]) if message else "; ".join(notes)
    except AssemblerError as exc:
        message = str(exc) if str(exc).startswith(matter.source) else f"{matter.source}: {exc}"
        return Outcome(matter.name, "failed", None, message, time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 — one matter's unforeseen failure must not stop the batch
        return Outcome(matter.name, "failed", None, f"{matter.source}: {type(exc).__name__}: {exc}",
                       time.perf_counter() - start)
    return Outcome(matter.name, status, output, message, time.perf_counter() - start)


def _render(matter: Matter, output: Path, job: _Job) -> tuple[str, str]:
    from assembler.api import write_draft
    from assembler.assembly.assemble import assemble
    from assembler.assembly.manifest import manifest_path, read_manifest

    library = _WORKER["library"]
    draft = assemble(library, job.template_id, matter.answers, strict=job.strict, source=matter.source)
    if output.exists() and manifest_path(output).exists():
        why = _out_of_date(draft, output, read_manifest(output), job.pdf)
        if why is None:
            return "skipped", "up to date"
        if not job.force:
            raise AssemblerError(f"{output} exists and is out of date ({why}); use --force to replace it")
    elif output.exists() and not job.force:
        raise AssemblerError(f"{output} already exists (no manifest beside it); use --force to replace it")
    # a manifest left without its draft (a run stopped between matters, a draft deleted) is replaced
    replace = job.force or not output.exists()
    result = write_draft(library, draft, output, force=replace, layout=job.layout, pdf=job.pdf)
    count = len(result.warnings)
    return "rendered", f"{count} warning{'s' if count != 1 else ''} in the manifest" if count else ""


def _out_of_date(draft: Any, output: Path, manifest: dict[str, Any], pdf: bool) -> str | None:
    """Why the draft at ``output`` is not what this matter would give now; None when it is."""
    if manifest.get("answers_digest") != draft.answers_digest:
        return "other answers"
    if (manifest.get("template") or {}).get("version") != draft.template.version:
        return f"template now at {draft.template.version}"
    used = [(str(c.get("id")), str(c.get("version")), c.get("hash")) for c in manifest.get("clauses") or []]
    if used != [(u.id, u.version, u.hash) for u in draft.clause_uses]:
        return "other clause versions"
    if hashlib.sha256(output.read_bytes()).hexdigest() != manifest.get("document_sha256"):
        return "the draft was edited since"
    from assembler.word.pdf import pdf_path_for

    if pdf and not pdf_path_for(output).exists():
        return "no PDF yet"
    return None
