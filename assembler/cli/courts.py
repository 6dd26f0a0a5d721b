"""CLI command that lists the 94 district courts and what the library serves in each."""

from __future__ import annotations

import argparse

from assembler.cli.common import load, print_json


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("courts", help="the 94 district courts: circuit, long-arm statute, local rules, and the "
                            "templates the library can assemble in each")
    p.add_argument("--circuit", help="only this circuit's courts (7, 7th, ca7, seventh; dc)")
    p.add_argument("--court", help="only this court (courts-db id, e.g. ilnd)")
    p.add_argument("--template", help="show this template's pieces and their status in each court")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=courts_list)


def courts_list(args: argparse.Namespace) -> int:
    from assembler.library.courts import circuit_id, court, district_courts
    from assembler.library.coverage import court_coverage
    from assembler.library.templates import find_template

    library = load(args)
    if args.template:
        find_template(library.template_dirs, args.template)  # an unknown id is one line, before any work
    ids = sorted(district_courts())
    if args.circuit:
        wanted = circuit_id(args.circuit)
        ids = [i for i in ids if district_courts()[i].circuit == wanted]
    if args.court:
        chosen = court(args.court).id
        ids = [i for i in ids if i == chosen]
    coverage = court_coverage(library, ids)
    if args.format == "json":
        print_json([c.as_dict() for c in coverage])
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(coverage)} district court{'s' if len(coverage) != 1 else ''}", show_lines=True)
    for name in ("court", "circuit", "long-arm statute", "local rules",
                 args.template or "templates it assembles"):
        table.add_column(name, overflow="fold")
    for row in coverage:
        if args.template:
            last = row.templates[args.template].summary
        else:
            last = ", ".join(t for t, s in row.templates.items() if s.served)
        table.add_row(f"{row.court}\n{row.citation}", row.circuit.removesuffix(" Circuit"), row.long_arm.label,
                      row.local_rules.label, last)
    Console(width=max(140, Console().width)).print(table)
    return 0
