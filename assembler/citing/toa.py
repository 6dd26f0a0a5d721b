"""The Table of Contents and Table of Authorities of a memorandum, as plain data.

Both are built from what the assembly recorded — the headings it wrote and the citation formatter's record of
every authority cited, in order — never by re-reading the prose. Page numbers come from a layout pass
(:mod:`assembler.word.layout`) when one ran; otherwise the entries carry no page and Word's fields fill them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assembler.library.authorities import Authority, Registry
from assembler.citing.citations import CitationUse

PASSIM = 5  # an authority cited on this many different pages or more is listed as "passim"

# Word's Table of Authorities categories (TA/TOA field \c numbers) and the headings a brief uses for them
CATEGORIES = {"case": (1, "Cases"), "constitution": (7, "Constitutional Provisions"), "statute": (2, "Statutes"),
              "rule": (4, "Rules"), "other": (3, "Other Authorities")}
ORDER = ("case", "constitution", "statute", "rule", "other")


@dataclass
class AuthorityEntry:
    authority: Authority
    uses: list[int] = field(default_factory=list)  # indexes into the formatter's record

    def pages(self, page_of: dict[int, int] | None) -> str:
        """The page list as a brief prints it: "3, 7, 12", or "passim"; "" when no layout ran."""
        if not page_of:
            return ""
        pages = sorted({page_of[i] for i in self.uses if i in page_of})
        if len(pages) >= PASSIM:
            return "passim"
        return ", ".join(str(p) for p in pages)


def authority_table(citations: list[CitationUse], registry: Registry) -> dict[str, list[AuthorityEntry]]:
    """Every authority cited, grouped by category in the order a brief lists them, alphabetical within."""
    entries: dict[str, AuthorityEntry] = {}
    for index, use in enumerate(citations):
        entries.setdefault(use.key, AuthorityEntry(registry.get(use.key))).uses.append(index)
    grouped: dict[str, list[AuthorityEntry]] = {}
    for kind in ORDER:
        chosen = sorted((e for e in entries.values() if e.authority.kind == kind), key=lambda e: e.authority.sort_name)
        if chosen:
            grouped[kind] = chosen
    return grouped


def ta_short(authority: Authority) -> str:
    """The short text a ``TA`` field files each citation under."""
    return (authority.short_name or authority.name) if authority.is_case else authority.base_cite()


def field_text(text: str) -> str:
    return text.replace('"', "'")
