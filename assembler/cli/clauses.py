"""CLI commands that read and keep the clause library and the authorities registry."""

from __future__ import annotations

import argparse
import sys

from assembler.cli.common import load, print_json, warn


def register(commands: argparse._SubParsersAction) -> None:
    clauses = commands.add_parser("clauses", help="list, show, verify and keep versions of the clause library")
    sub = clauses.add_subparsers(title="clause commands", metavar="COMMAND")

    p = sub.add_parser("list", help="list clauses with their latest approved version")
    p.add_argument("--category", help="only this category (e.g. legal-standard)")
    p.add_argument("--court", help="only clauses that apply in this court (courts-db id, e.g. nysd)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=clauses_list)

    p = sub.add_parser("show", help="metadata, history and text of a clause version")
    p.add_argument("ref", metavar="ID[@VERSION]")
    p.set_defaults(handler=clauses_show)

    p = sub.add_parser("verify", help="check every clause file and that no frozen version was edited")
    p.set_defaults(handler=clauses_verify)

    from assembler.cli import lifecycle as cli_lifecycle

    cli_lifecycle.register_clause_commands(sub)

    authorities = commands.add_parser("authorities", help="list and verify the authorities registry")
    sub = authorities.add_subparsers(title="authority commands", metavar="COMMAND")
    p = sub.add_parser("list", help="every authority, one a line, in full citation form")
    p.set_defaults(handler=authorities_list)
    p = sub.add_parser("verify", help="check every citation with eyecite and reporters-db")
    p.set_defaults(handler=authorities_verify)


def clauses_list(args: argparse.Namespace) -> int:
    library = load(args, clean=False)
    for problem in library.problems:
        warn(f"skipped: {problem}")
    court_ids = chosen = None
    if args.court:
        from assembler.library.courts import court

        chosen = court(args.court)
        court_ids = library.coverage_ids(chosen)
    rows = []
    for clause in library.filtered(args.category, court_ids):
        latest = clause.latest_approved
        rows.append(
            {
                "id": clause.id,
                "title": clause.title,
                "category": clause.category,
                "applies_to": clause.applies_to,
                "version": str(latest.version) if latest else None,
                "status": latest.status if latest else clause.latest.status,
                "layer": clause.layer,
                "versions": [{"version": str(v.version), "status": v.status} for v in clause.versions],
            }
        )
    if args.format == "json":
        print_json(rows)
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} clauses", show_lines=False)
    for name in ("id", "category", "version", "applies to", "title"):
        table.add_column(name, overflow="fold")
    for row in rows:
        history = ", ".join(f"{v['version']} {v['status']}" for v in row["versions"] if v["version"] != row["version"])
        version = (row["version"] or "(none)") + (f"\n[dim]{history}[/dim]" if history else "")
        table.add_row(row["id"], row["category"], version, " ".join(row["applies_to"]), row["title"])
    console = Console(width=max(120, Console().width))
    console.print(table)
    if chosen is not None:
        _print_service(console, library, chosen)
    return 0


def _print_service(console, library, court) -> None:
    """After the clauses that apply in a court: whether each template can be assembled there, and on what."""
    from rich.markup import escape

    from assembler.library.coverage import court_coverage

    (coverage,) = court_coverage(library, [court.id])
    console.print(f"\nIn the {escape(court.district)} ({court.circuit_name}): long-arm "
                  f"{escape(coverage.long_arm.label)}; local rules {escape(coverage.local_rules.label)}")
    for template_id, service in coverage.templates.items():
        if service.served:
            said = "assembles — " + escape("; ".join(map(str, service.pieces)) or "no court-specific pieces")
        else:
            said = "[bold]cannot be assembled[/bold] — " + escape(service.problem)
        console.print(f"  {template_id}: {said}", soft_wrap=True)


def clauses_show(args: argparse.Namespace) -> int:
    library = load(args)
    clause, chosen = library.resolve(args.ref)
    out = sys.stdout
    out.write(f"{clause.id}: {clause.title}\n")
    out.write(f"category: {clause.category}    applies to: {', '.join(clause.applies_to)}    layer: {clause.layer}\n")
    out.write(f"variables: {', '.join(clause.variables) or '(none)'}\n")
    out.write(f"file: {clause.path}\n")
    for p in clause.provenance:
        out.write(f"provenance: {p.source}" + (f", {p.pinpoint}" if p.pinpoint else "") + (f" ({p.note})" if p.note else "") + "\n")
    out.write("history:\n")
    for v in sorted(clause.versions, key=lambda v: v.version, reverse=True):
        mark = "*" if v is chosen else " "
        who = f"by {v.author}" + (f", approved by {v.approver}" if v.approver else "")
        extra = f" -> superseded by {v.superseded_by}" if v.superseded_by else ""
        out.write(f" {mark} {v.version}  {v.status:<10} {v.date}  {who}{extra}\n")
        if v.note:
            out.write(f"      {v.note.strip()}\n")
    keys = sorted(clause.authority_keys.get(str(chosen.version), ()))
    out.write(f"\ntext of {clause.id}@{chosen.version} ({chosen.status}):\n\n{chosen.text.rstrip()}\n")
    if keys:
        out.write(f"\ncites: {', '.join(keys)}\n")
    return 0


def clauses_verify(args: argparse.Namespace) -> int:
    from assembler.library.loading import verify_library

    library = load(args, clean=False)
    problems = verify_library(library)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    versions = sum(len(c.versions) for c in library.clauses.values())
    if problems:
        print(f"{len(problems)} problem(s) in the clause library", file=sys.stderr)
        return 1
    print(f"ok: {len(library.clauses)} clauses, {versions} versions; every frozen version is intact")
    return 0


def authorities_list(args: argparse.Namespace) -> int:
    library = load(args)
    for authority in library.registry:
        flag = "" if authority.verified else "   [unverified]"
        print(f"{authority.full_plain()}{flag}")
    return 0


def authorities_verify(args: argparse.Namespace) -> int:
    from assembler.library.authorities import verify_registry

    library = load(args)
    findings = verify_registry(library.registry)
    for finding in findings:
        print(f"{finding.level}: {finding}", file=sys.stderr)
    errors = [f for f in findings if f.level == "error"]
    warnings = len(findings) - len(errors)
    if errors:
        print(f"{len(errors)} authority error(s), {warnings} warning(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(library.registry)} authorities checked; {warnings} warning(s)")
    return 0
