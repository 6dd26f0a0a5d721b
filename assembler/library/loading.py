"""The clause library: the built-in one, with a firm's own layered over it.

A *library root* is a folder with ``clauses/`` (clause files and ``authorities.yaml``) and ``templates/``.
The built-in root ships with `assembler`; a firm points ``--library DIR`` (or ``ASSEMBLER_LIBRARY``) at its
own, whose clauses, authorities and templates win on equal ids. Loading never stops at the first bad file:
every problem is kept, so ``clauses list`` can still show the rest while other commands refuse to build on
a library with errors.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from assembler.library.authorities import Registry, load_registry
from assembler.library.clauses import Clause, ClauseVersion, load_clause
from assembler.library.courts import Court
from assembler.library.judgepractices import JudgePractice, load_practices
from assembler.library.longarm import LongArm, load_long_arm
from assembler.text.clausetext import TemplateSyntaxError, analyse
from assembler.errors import AssemblerError, ClauseFileError, UnknownClauseError
from assembler.library.versions import split_ref

_CHECKOUT = Path(__file__).resolve().parent.parent.parent
_PACKAGED = Path(__file__).resolve().parent.parent / "_builtin"  # what setup.py copies into a wheel
# A checkout (or an editable install of one) reads its own clauses/ and templates/; an installed wheel reads
# the copy it carries.
BUILTIN_ROOT = _CHECKOUT if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "clauses").is_dir() else _PACKAGED
AUTHORITIES_FILE = "authorities.yaml"
AUTHORITIES_DIR = "authorities"


def registry_paths(clause_dir: Path) -> list[Path]:
    """A layer's registry: ``clauses/authorities.yaml`` and, so that a large registry can be kept by subject,
    any ``clauses/authorities/*.yaml`` beside it. One key may appear in only one of them."""
    main = clause_dir / AUTHORITIES_FILE
    return ([main] if main.is_file() else []) + sorted((clause_dir / AUTHORITIES_DIR).glob("*.yaml"))


@dataclass
class Library:
    roots: list[Path]
    clauses: dict[str, Clause] = field(default_factory=dict)
    registry: Registry = field(default_factory=Registry)
    problems: list[AssemblerError] = field(default_factory=list)
    long_arm: dict[str, LongArm] = field(default_factory=dict)  # by postal code: templates/long-arm.yaml
    # judges' standing orders for Schedule A cases, by (court, judge): templates/judge-practices.yaml
    judge_practices: dict[tuple[str, str], JudgePractice] = field(default_factory=dict)
    # draft versions whose text cannot be used: reported by verify and warned on render, but they block
    # nothing (a draft is never chosen unless pinned, and then it is "no such version")
    broken_drafts: list[AssemblerError] = field(default_factory=list)

    # -- lookups ------------------------------------------------------------------------------------------

    def clause(self, clause_id: str) -> Clause:
        try:
            return self.clauses[clause_id]
        except KeyError:
            raise UnknownClauseError(f"no clause '{clause_id}' in the library") from None

    def resolve(self, ref: str) -> tuple[Clause, ClauseVersion]:
        """``id`` -> latest approved; ``id@1.2.0`` -> exactly that; ``id@^1`` -> latest approved in range."""
        clause_id, spec = split_ref(ref)
        clause = self.clause(clause_id)
        try:
            spec.validate()
        except ValueError as exc:
            raise UnknownClauseError(f"{ref}: {exc}") from None
        if spec.is_exact:
            version = next((v for v in clause.versions if spec.admits(v.version)), None)
            if version is None:
                known = ", ".join(str(v.version) for v in clause.versions)
                raise UnknownClauseError(f"clause '{clause_id}' has no version {spec} (it has {known})")
            return clause, version
        candidates = [v for v in clause.versions if v.status == "approved" and spec.admits(v.version)]
        if not candidates:
            raise UnknownClauseError(f"clause '{clause_id}' has no approved version matching {spec}")
        return clause, max(candidates, key=lambda v: v.version)

    def coverage_ids(self, court: Court) -> set[str]:
        """What a clause's ``applies_to`` may name to cover ``court``: the court, its circuit, its state, and the
        reach of its state's long-arm statute (``long-arm-coextensive`` or ``long-arm-enumerated``)."""
        entry = self.long_arm.get(court.state_code)
        return court.applicability_ids | ({entry.tag} if entry else set())

    def filtered(self, category: str | None = None, court_ids: set[str] | None = None) -> list[Clause]:
        chosen = sorted(self.clauses.values(), key=lambda c: (c.category, c.id))
        if category:
            chosen = [c for c in chosen if c.category == category]
        if court_ids is not None:
            chosen = [c for c in chosen if c.applies_in(court_ids)]
        return chosen

    def require_clean(self) -> None:
        """Refuse to build on a library with broken files: raise the first problem (all are listed by
        ``clauses verify``)."""
        if self.problems:
            raise self.problems[0]

    @property
    def template_dirs(self) -> list[Path]:
        return [root / "templates" for root in self.roots if (root / "templates").is_dir()]


def library_roots(firm: str | os.PathLike[str] | None = None) -> list[Path]:
    roots = [BUILTIN_ROOT]
    chosen = firm or os.environ.get("ASSEMBLER_LIBRARY")
    if chosen:
        path = Path(chosen).expanduser()
        if path.exists() and not path.is_dir():
            raise AssemblerError(f"{path}: is a file, not a library folder (give the folder holding clauses/ and "
                                 "templates/)")
        if not path.is_dir():
            raise AssemblerError(f"{path}: library folder not found")
        if not (path / "clauses").is_dir() and not (path / "templates").is_dir():
            raise AssemblerError(f"{path}: not a clause library (it has neither clauses/ nor templates/)")
        if path.resolve() != BUILTIN_ROOT:
            roots.append(path)
    return roots


def load_library(firm: str | os.PathLike[str] | None = None) -> Library:
    """Load the built-in library and, when given, a firm's library over it."""
    library = Library(library_roots(firm))
    for index, root in enumerate(library.roots):
        layer = "built-in" if index == 0 else str(root)
        _load_layer(library, root, layer)
    if not any(c.layer == "built-in" for c in library.clauses.values()) and not (BUILTIN_ROOT / "templates").is_dir():
        raise AssemblerError(f"the built-in clause library is missing (looked in {BUILTIN_ROOT}); reinstall assembler "
                             "from its source, or pass --library")
    _check_clause_text(library)
    library.long_arm, problems = load_long_arm(library.template_dirs, library.registry)
    library.problems.extend(problems)
    try:
        library.judge_practices = load_practices(library.template_dirs)
    except AssemblerError as exc:
        library.problems.append(exc)
    return library


def _load_layer(library: Library, root: Path, layer: str) -> None:
    clause_dir = root / "clauses"
    if not clause_dir.is_dir():
        return
    registry_files = registry_paths(clause_dir)
    if registry_files:
        try:
            library.registry = library.registry.layered(load_registry(*registry_files))
        except AssemblerError as exc:
            library.problems.append(exc)
    in_layer: dict[str, Path] = {}
    for path in sorted(clause_dir.rglob("*.yaml")):
        if path in registry_files:
            continue
        try:
            clause = load_clause(path, layer)
        except AssemblerError as exc:
            library.problems.append(exc)
            continue
        if clause.id in in_layer:
            library.problems.append(
                ClauseFileError(path, f"duplicate clause id '{clause.id}' (also in {in_layer[clause.id]})")
            )
            continue
        in_layer[clause.id] = path
        library.clauses[clause.id] = clause


def _check_clause_text(library: Library) -> None:
    """Each version's text must parse, use only declared variables and cite only registry keys."""
    for clause_id in list(library.clauses):
        clause = library.clauses[clause_id]
        try:
            for version in list(clause.versions):
                try:
                    clause.authority_keys[str(version.version)] = check_version_text(library, clause, version)
                except ClauseFileError as exc:
                    if version.status != "draft":
                        raise
                    library.broken_drafts.append(exc)  # one editor's unfinished draft blocks no document
                    clause.versions.remove(version)
        except ClauseFileError as exc:
            library.problems.append(exc)
            del library.clauses[clause_id]


def check_version_text(library: Library, clause: Clause, version: ClauseVersion) -> set[str]:
    """The authority keys a version cites; a :class:`ClauseFileError` if its text cannot be used."""
    ref = f"{clause.id}@{version.version}"
    try:
        variables, keys = analyse(version.text)
    except TemplateSyntaxError as exc:
        raise ClauseFileError(clause.path, f"{ref}: clause text line {exc.lineno}: {exc.message}") from exc
    except ValueError as exc:
        raise ClauseFileError(clause.path, f"{ref}: {exc}") from exc
    undeclared = sorted(variables - set(clause.variables))
    if undeclared:
        raise ClauseFileError(
            clause.path, f"{ref}: uses undeclared variable(s) {', '.join(undeclared)} (add to 'variables')"
        )
    unknown = sorted(k for k in keys if k not in library.registry)
    if unknown:
        raise ClauseFileError(clause.path, f"{ref}: cites unknown authority key(s) {', '.join(unknown)}")
    return keys


def verify_library(library: Library) -> list[str]:
    """Every reason the library cannot be trusted: broken files (clauses, registry, templates, interview
    specs, court rules), frozen versions edited in place, and approved versions that cite an unverified
    authority or a case for the other side with a supporting signal."""
    from assembler.library.citerules import citation_problems
    from assembler.library.courtrules import rules_table
    from assembler.library.templates import load_template, template_dirs_by_id

    problems = [str(p) for p in library.problems + library.broken_drafts]
    for _, directory in sorted(template_dirs_by_id(library.template_dirs).items()):
        try:
            load_template(directory)
        except AssemblerError as exc:
            problems.append(str(exc))
    try:
        rules_table(library.template_dirs)
    except AssemblerError as exc:
        problems.append(str(exc))
    for clause in sorted(library.clauses.values(), key=lambda c: c.id):
        for version in clause.versions:
            if version.status == "approved":
                problems.extend(f"{clause.path}: {p}" for p in citation_problems(library.registry, clause, version))
            if not version.is_intact:
                problems.append(
                    f"{clause.path}: {clause.id}@{version.version} is {version.status} and frozen, but its text "
                    "was edited after approval (hash mismatch); restore it and make a new version instead"
                )
            if version.superseded_by:
                target = version.superseded_by if "@" in version.superseded_by else f"{clause.id}@{version.superseded_by}"
                try:
                    library.resolve(target)
                except UnknownClauseError as exc:
                    problems.append(f"{clause.path}: {clause.id}@{version.version} superseded_by: {exc}")
    return problems
