"""Typesetting a court paper's text as a typesetter would, just before it is written to Word.

Three things, applied alike to clause text and to answers (party names, facts), and to every run of a
paragraph at once so a quotation mark next to italics is curled by its real neighbours:

- **Curly quotes and apostrophes** (“ ” ‘ ’), decided by SmartyPants (the ``smartypants`` package, the
  reference port of John Gruber's rules), except inside URLs, e-mail addresses and code-like text, where a
  straight quote is part of the address or code.
- **No line break inside a citation's parts**: a no-break space after "§", "§§", "¶", "¶¶", inside
  "15 U.S.C. § 1125", between volume, reporter and page ("71 N.Y.2d 460", "326 U.S. at 320"), in
  "Fed. R. Civ. P. 12", "Rule 4", "Id. at 5", "No. 4:11", "Reg. No. 5"; a word joiner between the parts of
  "12(b)(2)" (Unicode lets a line break between ")" and "(").
- **One dash for ranges**: a page or paragraph range ("413-14", "¶¶ 3–4", "12(b)(2)-(5)") takes a
  non-breaking hyphen (U+2011), which the Word writer writes as Word's own ``w:noBreakHyphen``.
- **Right-to-left names kept in their place**: a span of Hebrew or Arabic text (a party's name) is set between
  a first-strong isolate and its pop (U+2068, U+2069), so the bidirectional algorithm cannot carry the
  parenthesis or defined term after it to its other side; a quotation mark between two such letters (the
  gershayim of "בע"מ") is part of the word and stays straight.

Nothing else changes: :func:`typeset` only substitutes characters one for one and inserts word joiners and
isolates, so no letter of a party's name or a quotation is ever lost or moved (a property test holds it to that).
"""

from __future__ import annotations

import re
from functools import lru_cache

NBSP = "\u00a0"
ISOLATE, POP_ISOLATE = "\u2068", "\u2069"
NB_HYPHEN = "\u2011"
WORD_JOINER = "\u2060"
QUOTES = "'\""
CURLY = "\u2018\u2019\u201c\u201d"

# where straight quotes are part of the text itself and stay straight
_PROTECTED = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"                      # URLs
    r"|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"                        # e-mail addresses
    r"|`[^`]*`|\{\{.*?\}\}|\{%.*?%\}"                       # code and template syntax
    r"|\S*[=<>{}\\|_]\S*"                                   # code-like tokens: key="value", a_b, <tag>
)
# spans whose inner spaces become no-break spaces
_BOUND = re.compile(
    r"\b\d{1,4}(?: (?:[A-Z][\w.'&]*|\d+(?:d|th)|&)){1,5} (?:at )?\d+"    # volume reporter page: 71 N.Y.2d 460
    r"|\b\d+ (?=[A-Z][A-Za-z.]*\. §)|(?<=\.) (?=§)"                          # 15 U.S.C. §, Stat. §
    r"|\bFed\. R\. (?:(?:Civ|App|Crim|Bankr)\. P\.|Evid\.) (?=\d)"        # Fed. R. Civ. P. 12
    r"|(?:§§?|¶¶?) (?=\S)"                                                # § 1331, ¶¶ 3-4
    r"|\b[Ii]d\. at (?=\d)"                                               # Id. at 5
    r"|\b(?:U\.S\. )?Reg\. Nos?\. (?=\d)|\bNos?\. (?=\d)"                 # Reg. No. 5,000; No. 4:11-cv
    r"|\b(?:Rules?|R\.|nn?\.|pp?\.) (?=\d)"                                # Rule 4(k)(2), n. 2, p. 5
    r"|\b(?:Decl|Compl|Ex|Aff)\. (?=[\d¶§])"                               # Decl. ¶ 4, Ex. 2
)
_RTL = "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
# a span of right-to-left words: letters, and the spaces, hyphens, periods and inner quotation marks between them
_RTL_SPAN = re.compile(rf"{_RTL}(?:(?:[ \-.,]|[\"'\u05f3\u05f4](?={_RTL}))*{_RTL})*")
_RANGE = re.compile(r"(?<=\d)[-\u2013](?=\d)|(?<=\))[-\u2013](?=\()")     # 413-14, 3–4, (b)(2)-(5)
_SUBDIVISION = re.compile(r"(?<=\))(?=\([A-Za-z0-9]{1,4}\))")             # 12(b)|(2)


def typeset(text: str) -> str:
    """``text`` as it should be printed (see the module docstring)."""
    return typeset_runs([text])[0]


def typeset_runs(texts: list[str]) -> list[str]:
    """Typeset the runs of one paragraph as one text (quotes are curled by their neighbours across runs),
    and give each run back its own part."""
    whole = "".join(texts)
    if not whole:
        return list(texts)
    pieces = _typeset_pieces(whole)
    out, start = [], 0
    for text in texts:
        out.append("".join(pieces[start:start + len(text)]))
        start += len(text)
    return out


def _typeset_pieces(text: str) -> list[str]:
    """One output string per input character: the character, its substitute, or it and a word joiner."""
    pieces = list(text)
    protected = _protected_positions(text)
    if "'" in text or '"' in text:
        curled = _curl(text)
        for i, ch in enumerate(text):
            if ch in QUOTES and i not in protected:
                pieces[i] = curled[i]
    for match in _BOUND.finditer(text):
        for i in range(match.start(), match.end()):
            if text[i] == " " and i not in protected:
                pieces[i] = NBSP
    for match in _RANGE.finditer(text):
        if match.start() not in protected:
            pieces[match.start()] = NB_HYPHEN
    for match in _SUBDIVISION.finditer(text):
        if match.start() - 1 not in protected:
            pieces[match.start() - 1] += WORD_JOINER
    for match in _RTL_SPAN.finditer(text):
        for i in range(match.start(), match.end()):
            if text[i] in QUOTES:
                pieces[i] = text[i]  # part of the word (בע"מ), not a quotation
        before, after = text[match.start() - 1: match.start()], text[match.end(): match.end() + 1]
        if before != ISOLATE or after != POP_ISOLATE:  # typesetting twice isolates once
            pieces[match.start()] = ISOLATE + pieces[match.start()]
            pieces[match.end() - 1] += POP_ISOLATE
    return pieces


def _protected_positions(text: str) -> set[int]:
    return {i for match in _PROTECTED.finditer(text) for i in range(match.start(), match.end())}


# SmartyPants reads its input as HTML: these characters would be taken for markup, entities or escapes.
# Each is replaced, for the decision only, by one that plays the same part around a quote (punctuation, or a
# dash), so the output keeps every position and only the quotes' choices are taken from it.
_NEUTRAL = str.maketrans({"&": "+", "<": "+", ">": "+", "\\": "+", "`": "+", "\u2014": "-", "\u2013": "-"})


def _curl(text: str) -> str:
    """``text`` with every straight quote curled by SmartyPants' rules, position for position."""
    import smartypants

    attr = smartypants.Attr.q | smartypants.Attr.u
    curled = smartypants.smartypants(text.translate(_NEUTRAL), attr)
    if len(curled) != len(text):  # never expected; keep the text rather than risk moving a character
        return text
    curled = _DECADE.sub("\u2019", curled)  # the '90s: SmartyPants misses it after a space
    return "".join(c if o in QUOTES and c in CURLY else o for o, c in zip(text, curled))


_DECADE = re.compile(r"\u2018(?=\d\ds\b)")


def straight_quotes(text: str) -> list[int]:
    """Positions of straight quotation marks a typesetter would have curled (not those in URLs, e-mail
    addresses or code-like text)."""
    protected = _protected_positions(text)
    return [i for i, ch in enumerate(text) if ch in QUOTES and i not in protected]


def breakable_citations(text: str) -> list[str]:
    """The citations in ``text`` that a line could break inside: an ordinary space where :func:`typeset`
    puts a no-break space, an ordinary hyphen or en dash in a range, "(b)(2)" with nothing to join it."""
    protected = _protected_positions(text)
    found: list[str] = []

    def add(start: int, end: int) -> None:
        if start not in protected:
            snippet = re.sub(r"(?<=[\d)])\.$", "", text[start:end].strip().rstrip(",;:"))
            if not any(snippet in seen for seen in found):
                found[:] = [seen for seen in found if seen not in snippet] + [snippet]

    for match in _BOUND.finditer(text):
        if " " in match.group():
            add(*_citation_around(text, match.start(), match.end()))
    for match in list(_RANGE.finditer(text)) + list(_SUBDIVISION.finditer(text)):
        add(*_citation_around(text, match.start(), match.end()))
    return found


def _citation_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to the whole words it touches, so a report quotes "Fed. R. Civ. P. 12(b)(2)"."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in ",;":
        end += 1
    return start, end


@lru_cache(maxsize=4096)
def typeset_line(text: str) -> str:
    """:func:`typeset` for short repeated lines (caption, signature block), cached."""
    return typeset(text)
