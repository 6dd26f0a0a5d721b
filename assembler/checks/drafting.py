"""Drafting slips a partner catches on a first read, in a draft as it now stands (perhaps edited in Word).

Each rule returns ``(rule, message)`` pairs; :mod:`assembler.checks.check` turns them into findings. They
read paragraphs by their Word style, so a heading, the caption or the signature lines are not held to the
rules of body text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

Flag = tuple[str, str]

# Styles whose paragraphs are sentences of the paper: they must end as sentences do.
PROSE_STYLES = {"Body Text", "Decretal", "Normal", "Block Quote"}
_MIN_WORDS = 8  # shorter lines in a prose style are labels ("SO ORDERED.", "Respectfully submitted,")

LEFTOVER_MARKUP = re.compile(r"(?:^|\s)#\.(?=\s|$)|\{#|#\}")
_CLOSED = re.compile(r"[.?!:;][\"'”’)\]]*$|[\"'”’)\]][.?!]$")
DOUBLE_HONORIFIC = re.compile(r"\bHon\.\s+Hon\.")
# two periods where one ends the sentence ("goods.. That use"), not an ellipsis ("..." or ". . .")
DOUBLED_PERIOD = re.compile(r"(?<![.…])\.\.(?![.…])")
# A code or set of rules typed without the section it cites: "15 U.S.C." or "15 U.S.C. §" with no number,
# "Fed. R. Civ. P." with no rule, "N.Y. C.P.L.R." with no section, a bare "§".
BARE_CODE = re.compile(
    r"\b\d+\s+U\.S\.C\.(?!\s*[§\d])"
    r"|\bU\.S\.C\.\s*§§?(?![§\s]*\d)"
    r"|\bFed\.\s+R\.\s+(?:Civ|Crim|App|Evid)\.\s+P\.(?!\s*\d)"
    r"|\bFed\.\s+R\.\s+Evid\.(?!\s*\d)"
    r"|\bC\.P\.L\.R\.(?!\s*§?\s*\d)"
    r"|\bRev\.\s+Stat\.(?!\s*§?\s*\d)"
    r"|(?<![§\w])§§?(?![§\s]*\d)"
)
# Two sentences run together: a lower-case word, its period, and the next sentence's capital with no space between
# ("is therefore absent.Doe is"). Not an abbreviation or a citation (their periods follow capitals: "U.S.C.",
# "F.3d", "Mo.Rev."), and not a web or e-mail address (checked on the whole token).
RUN_TOGETHER = re.compile(r"(?<![\w.@/-])(?!(?:e\.g|i\.e|etc|viz|cf)\.)[a-z]{2,}\.[A-Z][a-z]")
_ADDRESS = re.compile(r"@|://|\bwww\.|\.(?:com|org|net|gov|edu|io|co|us|uk|cn|hk)\b", re.IGNORECASE)
# A party's name left blank where the sentence needs one: the words that introduce it, then at once punctuation or
# an ellipsis ("cannot be attributed to ……", "attributed to :", "the affiliate that controlled.").
EMPTY_NAME = re.compile(r"\b(?:attributed to|attributable to|contacts of|that controlled|controlled by|imputed to"
                        r"|jurisdiction over|claims against|asserted against)(?=\s*(?:[:;,.…]|$))", re.IGNORECASE)
_STRING_JOIN = re.compile(r"^[\s,\d\-–n.&at]*(?:\([^)]*\)\s*)*;")
_ID = re.compile(r"\b(Id|id)\.(?=\s|$|,)")


def prose_paragraphs(document: Any) -> Iterator[tuple[str, str]]:
    """(style name, text) of every body paragraph, in order."""
    for paragraph in document.paragraphs:
        yield paragraph.style.name if paragraph.style is not None else "", paragraph.text


def _snippet(text: str, start: int, end: int) -> str:
    return text[max(0, start - 30): end + 30].strip()


def _each_match(texts: Iterable[str], pattern: re.Pattern[str], rule: str, says: str) -> list[Flag]:
    """One flag for every match of ``pattern``: ``says`` with ``{found}`` (the match) and ``{context}`` (the
    words around it) filled in, so the user can find the place in Word."""
    return [(rule, says.format(found=match.group(0).strip(), context=_snippet(text, match.start(), match.end())))
            for text in texts for match in pattern.finditer(text)]


def leftover_markup(texts: Iterable[str]) -> list[Flag]:
    return _each_match(texts, LEFTOVER_MARKUP, "completeness", "leftover clause markup '{found}' in \"…{context}…\"")


def unterminated(paragraphs: Iterable[tuple[str, str]]) -> list[Flag]:
    flags = []
    for style, text in paragraphs:
        words = text.split()
        if style not in PROSE_STYLES or len(words) < _MIN_WORDS:
            continue
        if not _CLOSED.search(text.rstrip()):
            flags.append(("drafting", f"paragraph ends without closing punctuation: \"…{' '.join(words[-8:])}\""))
    return flags


def double_honorific(texts: Iterable[str]) -> list[Flag]:
    return _each_match(texts, DOUBLE_HONORIFIC, "caption and signature", "'Hon.' twice in \"{context}\"")


def doubled_periods(texts: Iterable[str]) -> list[Flag]:
    """An answer typed as a sentence and set before a period of the clause's own."""
    return [("drafting", f"two periods in \"…{_snippet(t, m.start(), m.end())}…\"")
            for t in texts for m in DOUBLED_PERIOD.finditer(t)]


def run_together(texts: Iterable[str]) -> list[Flag]:
    """Two sentences with no space between them (a clause's loop that ends one party's sentence and begins the
    next's)."""
    flags = []
    for text in texts:
        for match in RUN_TOGETHER.finditer(text):
            start = text.rfind(" ", 0, match.start()) + 1
            end = text.find(" ", match.end())
            if _ADDRESS.search(text[start: end if end >= 0 else len(text)]):
                continue
            flags.append(("drafting", f"two sentences run together in \"…{_snippet(text, match.start(), match.end())}…\""))
    return flags


def empty_names(texts: Iterable[str]) -> list[Flag]:
    """A party's name missing where the sentence or heading needs one: an answer that named no one."""
    return _each_match(texts, EMPTY_NAME, "completeness",
                       "a party's name is missing after '{found}': \"…{context}…\"")


def bare_codes(texts: Iterable[str]) -> list[Flag]:
    return _each_match(texts, BARE_CODE, "Bluebook R. 12, R. 3.3",
                       "'{found}' is cited without its section or rule number: \"…{context}…\"")


def capital_id_mid_sentence(texts: Iterable[str]) -> list[Flag]:
    """*Id.* begins a citation sentence; inside a sentence or after a signal it is *id.* (R. 1.2, R. 4.1)."""
    flags = []
    for text in texts:
        for match in _ID.finditer(text):
            if match.group(1) != "Id":
                continue
            before = re.sub(r"[\"'”’)\]\s]+$", "", text[:match.start()])
            if before and not before.endswith((".", "!", "?")):
                flags.append(("Bluebook R. 4.1", f"'Id.' capitalised inside a sentence or after a signal: "
                                                 f"\"…{_snippet(text, match.start(), match.end())}…\""))
    return flags


def id_after_string_cite(citations_by_paragraph: Iterable[tuple[str, list[Any]]]) -> list[Flag]:
    """*Id.* refers to the one authority cited immediately before; after a string cite it is ambiguous (R. 4.1).

    ``citations_by_paragraph``: each paragraph's text with its eyecite citations in order.
    """
    from eyecite.models import IdCitation

    flags = []
    for text, citations in citations_by_paragraph:
        for index, citation in enumerate(citations):
            if not isinstance(citation, IdCitation) or index < 2:
                continue
            earlier, previous = citations[index - 2], citations[index - 1]
            if isinstance(previous, IdCitation):
                continue
            # the earlier citation's pinpoint and parentheticals, then "; " and the next authority
            between = text[earlier.span()[1]: previous.span()[0]]
            after = text[previous.span()[1]: citation.span()[0]]
            if _STRING_JOIN.match(between) and len(after) <= 80:
                flags.append(("Bluebook R. 4.1", f"'{citation.matched_text()}' follows a string citation, so it is "
                                                 f"unclear which authority it means: \"…{_snippet(text, citation.span()[0], citation.span()[1])}…\""))
    return flags


def drafting_flags(document: Any, texts: list[str], citations_by_paragraph: list[tuple[str, list[Any]]]) -> list[Flag]:
    """Every drafting rule over one document. ``texts``: every paragraph, cell and footnote."""
    return (leftover_markup(texts) + unterminated(prose_paragraphs(document)) + double_honorific(texts)
            + doubled_periods(texts) + run_together(texts) + empty_names(texts) + bare_codes(texts) + capital_id_mid_sentence(texts) + id_after_string_cite(citations_by_paragraph))
