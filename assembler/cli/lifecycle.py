"""CLI commands that keep clause versions (new-version, approve, deprecate, history, diff) and check drafts
against the library (outdated, reassemble)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assembler.cli.common import add_pdf_option, load


def register_clause_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new-version", help="propose a new draft version from the latest text")
    p.add_argument("clause_id", metavar="ID")
    part = p.add_mutually_exclusive_group()
    for name in ("major", "minor", "patch"):
        part.add_argument(f"--{name}", dest="part", action="store_const", const=name,
                          help=f"bump the {name} number" + (" (default)" if name == "minor" else ""))
    part.add_argument("--version", dest="exact", metavar="X.Y.Z", help="this exact version")
    p.add_argument("--note", required=True, help="why the clause changes")
    p.add_argument("--author", default="Knowledge Management", help="who proposes it")
    p.set_defaults(handler=new_version, part="minor")

    p = sub.add_parser("approve", help="approve a draft version and freeze its text")
    p.add_argument("ref", metavar="ID@VERSION")
    p.add_argument("--by", required=True, metavar="NAME", help="who approves it")
    p.set_defaults(handler=approve)

    p = sub.add_parser("deprecate", help="retire an approved version in favour of a successor")
    p.add_argument("ref", metavar="ID@VERSION")
    p.add_argument("--superseded-by", required=True, metavar="ID@VERSION")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=deprecate)

    p = sub.add_parser("history", help="every version with status, dates, author, approver and notes")
    p.add_argument("clause_id", metavar="ID")
    p.set_defaults(handler=history)

    p = sub.add_parser("diff", help="word-level changes between two versions; --docx writes a Word redline")
    p.add_argument("clause_id", metavar="ID")
    p.add_argument("old", metavar="V1")
    p.add_argument("new", metavar="V2")
    p.add_argument("--docx", metavar="OUT.docx", help="write a redline with tracked changes")
    p.add_argument("--force", action="store_true", help="overwrite OUT.docx")
    p.set_defaults(handler=diff)


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("outdated", help="clauses in a draft that the library has since superseded")
    p.add_argument("draft", metavar="DRAFT.docx", help="the draft (its .assembly.yaml manifest is read)")
    p.set_defaults(handler=outdated)

    p = commands.add_parser("reassemble", help="assemble a draft again, as it was or with the latest clauses")
    p.add_argument("draft", metavar="DRAFT.docx")
    p.add_argument("--answers", required=True, metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    p.add_argument("--upgrade", action="store_true", help="use the latest approved clause versions")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument("--strict", action="store_true", help="refuse deprecated or draft clause versions")
    p.add_argument("--no-layout", action="store_true", help="no LibreOffice layout pass for a memorandum's tables")
    add_pdf_option(p)
    p.set_defaults(handler=reassemble)


def new_version(args: argparse.Namespace) -> int:
    from assembler.library.lifecycle import new_version as propose

    change = propose(load(args), args.clause_id, args.note, part=args.part, version=args.exact, author=args.author)
    print(f"{change.ref} (draft): edit its text in {change.path}, then "
          f"`assembler clauses approve {change.ref} --by NAME`")
    return 0


def approve(args: argparse.Namespace) -> int:
    from assembler.library.lifecycle import approve as approve_version

    change = approve_version(load(args), args.ref, args.by)
    print(f"{change.ref} approved by {args.by}; its text is now frozen ({change.path})")
    return 0


def deprecate(args: argparse.Namespace) -> int:
    from assembler.library.lifecycle import deprecate as retire

    change = retire(load(args), args.ref, args.superseded_by, args.reason)
    print(f"{change.ref} deprecated, superseded by {args.superseded_by} ({change.path})")
    return 0


def history(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    clause = load(args).clause(args.clause_id)
    table = Table(title=f"{clause.id}: {clause.title}", show_lines=True)
    for name in ("version", "status", "date", "author", "approved", "note"):
        table.add_column(name, overflow="fold")
    for v in sorted(clause.versions, key=lambda v: v.version, reverse=True):
        status = v.status + (f"\n→ {v.superseded_by}" if v.superseded_by else "")
        approved = f"{v.approver}\n{v.approved_on or ''}".strip() if v.approver else ""
        table.add_row(str(v.version), status, str(v.date), v.author, approved, (v.note or "").strip())
    Console(width=max(120, Console().width)).print(table)
    return 0


def diff(args: argparse.Namespace) -> int:
    from assembler.errors import AssemblerError, UnknownClauseError
    from assembler.word.ooxml import document_time
    from assembler.word.redline import as_markup, as_rich, changed, redline_docx, word_diff

    library = load(args)
    versions = []
    for label in (args.old, args.new):
        if "@" in label or not label[:1].isdigit():
            raise UnknownClauseError(f"'{label}': give versions as numbers, e.g. diff {args.clause_id} 1.0.0 2.0.0")
        versions.append(library.resolve(f"{args.clause_id}@{label}")[1])
    old, new = versions
    pieces = word_diff(old.text, new.text)
    if args.docx:
        from assembler.files import write_atomically

        out = Path(args.docx)
        if out.suffix.lower() != ".docx":
            raise AssemblerError(f"{out}: the redline must be a .docx file")
        subtitle = (f"Changes from {args.clause_id}@{old.version} ({old.status}) to @{new.version} ({new.status})."
                    + (f" Note: {new.note.strip()}" if new.note else ""))
        data = redline_docx(pieces, f"{args.clause_id}: redline", subtitle, new.author, document_time(new.date))
        write_atomically(out, data, force=args.force)
        print(f"wrote {out}: {sum(p.op != 'same' for p in pieces)} tracked change(s)")
        return 0
    heading = f"{args.clause_id} {old.version} ({old.status}) → {new.version} ({new.status})"
    if not changed(pieces):
        print(f"{heading}\n(no change in the text)")
    elif sys.stdout.isatty():
        from rich.console import Console

        Console(highlight=False).print(f"[bold]{heading}[/]\n{as_rich(pieces)}")
    else:  # piped or saved: the wdiff markers alone, unwrapped
        print(f"{heading}\n{as_markup(pieces)}")
    return 0


def outdated(args: argparse.Namespace) -> int:
    from assembler.assembly.manifest import read_manifest
    from assembler.checks.outdated import find_outdated

    manifest = read_manifest(Path(args.draft))
    found = find_outdated(load(args), manifest)
    if not found:
        print(f"{args.draft}: every clause is current ({len(manifest['clauses'])} checked)")
        return 0
    print(f"{args.draft}: {len(found)} clause(s) out of date")
    for item in found:
        print(f"  {item.clause_id}@{item.used}: {'; '.join(item.reasons)}")
        for version in item.newer:
            if version.note:
                print(f"      {version.version}: {' '.join(version.note.split())}")
    print(f"reassemble with: assembler reassemble {args.draft} --answers FILE -o NEW.docx --upgrade")
    return 1


def reassemble(args: argparse.Namespace) -> int:
    from assembler.assembly.answers import load_answers
    from assembler.cli.common import assembling, report, working
    from assembler.api import reassemble_document

    library = load(args)
    answers = load_answers(args.answers)
    with working(assembling(f"again from {Path(args.draft).name}", layout=not args.no_layout or args.pdf)):
        result = reassemble_document(library, args.draft, answers, args.output, upgrade=args.upgrade,
                                     force=args.force, strict=args.strict, source=args.answers,
                                     layout=not args.no_layout, pdf=args.pdf)
    report(result)
    return 0
