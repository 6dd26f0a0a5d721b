"""The Table of Contents and Table of Authorities of a memorandum, as plain data.

Both are built from what the assembly recorded — the headings it wrote and the citation formatter's record of
every authority cited, in order — never by re-reading the prose. Page numbers come from a layout pass
(:mod:`assembler.word.layout`) when one ran; otherwise the entries carry no page and Word's fields fill them in.

A statute or rule is listed to the subsection the text cites ("Fed. R. Civ. P. 12(b)(2)", "Mo. Rev. Stat.
§ 506.500.1"), one entry for each subsection, as a brief's table lists them; statutes and rules sort with
their numbers as numbers, so Rule 4 comes before Rule 12.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assembler.library.authorities import Authority, Registry, natural_key
from assembler.citing.citations import CitationUse

PASSIM = 5  # an authority cited on this many different pages or more is listed as "passim"

# Word's Table of Authorities categories (TA/TOA field \c numbers) and the headings a brief uses for them
CATEGORIES = {"case": (1, "Cases"), "constitution": (7, "Constitutional Provisions"), "statute": (2, "Statutes"),
              "rule": (4, "Rules"), "other": (3, "Other Authorities")}
ORDER = ("case", "constitution", "statute", "rule", "other")


@dataclass
class AuthorityEntry:
    authority: Authority
    subsection: str | None = None  # for a statute or rule: the subdivision cited, e.g. "(b)(2)" or ".1"
    uses: list[int] = field(default_factory=list)  # indexes into the formatter's record

    @property
    def cited(self) -> str:
        """The entry as the table prints it (plain text; a case's name is set in italics by the writer)."""
        return self.authority.full_plain(self.subsection)

    def pages(self, page_of: dict[int, int] | None) -> str:
        """The page list as a brief prints it: "3, 7, 12", or "passim"; "" when no layout ran."""
        if not page_of:
            return ""
        pages = sorted({page_of[i] for i in self.uses if i in page_of})
        if len(pages) >= PASSIM:
            return "passim"
        return ", ".join(str(p) for p in pages)


def subsection(authority: Authority, pin: str | None) -> str | None:
    """The part of a statute or rule pinpoint that names a subdivision ("(b)(2)", ".1"); None for a case, or
    a pinpoint that is not a subdivision (", cl. 1", "n.2")."""
    if authority.is_case or not pin or not pin.startswith(("(", ".")):
        return None
    return pin


def authority_table(citations: list[CitationUse], registry: Registry) -> dict[str, list[AuthorityEntry]]:
    """Every authority cited, grouped by category in the order a brief lists them: cases alphabetical, the
    rest in natural order, each statute and rule once per subsection cited."""
    entries: dict[tuple[str, str | None], AuthorityEntry] = {}
    for index, use in enumerate(citations):
        authority = registry.get(use.key)
        part = subsection(authority, use.pin)
        entries.setdefault((use.key, part), AuthorityEntry(authority, part)).uses.append(index)
    grouped: dict[str, list[AuthorityEntry]] = {}
    for kind in ORDER:
        chosen = [e for e in entries.values() if e.authority.kind == kind]
        chosen.sort(key=(lambda e: e.authority.sort_key) if kind == "case" else (lambda e: natural_key(e.cited)))
        if chosen:
            grouped[kind] = chosen
    return grouped


def ta_short(authority: Authority, part: str | None = None) -> str:
    """The short text a ``TA`` field files each citation under."""
    return (authority.short_name or authority.name) if authority.is_case else authority.full_plain(part)


def field_text(text: str) -> str:
    return text.replace('"', "'")
