"""Rich text between clause rendering and Word: runs, footnotes and paragraphs as plain data.

Clause text renders (through Jinja) to a string in which formatting is carried by characters from Unicode's
private-use area. Answers may not contain those characters (see :func:`assert_plain`), so a party name can
never switch italics on or smuggle in a footnote. :func:`parse_blocks` turns the string into paragraphs of
runs that the Word writer lays out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Stands where a certificate of compliance states the word count; the Word writer replaces it with the count
# of the finished paper, since only the laid-out document can be counted the way the court's rule counts.
WORD_COUNT = "\u27e6word count\u27e7"

ITALIC_ON, ITALIC_OFF = "\ue000", "\ue001"
BOLD_ON, BOLD_OFF = "\ue002", "\ue003"
NOTE_ON, NOTE_OFF = "\ue004", "\ue005"
UNDERLINE_ON, UNDERLINE_OFF = "\ue006", "\ue007"
CITE = "\ue008"  # followed by one character that numbers the citation: chr(_CITE_BASE + index)
_CITE_BASE, _CITE_MAX = 0xE100, 0xF8FF
MARKERS = re.compile("[\ue000-\uf8ff]")


def italic(text: str) -> str:
    return f"{ITALIC_ON}{text}{ITALIC_OFF}" if text else ""


def bold(text: str) -> str:
    return f"{BOLD_ON}{text}{BOLD_OFF}" if text else ""


def underline(text: str) -> str:
    return f"{UNDERLINE_ON}{text}{UNDERLINE_OFF}" if text else ""


def footnote(text: str) -> str:
    return f"{NOTE_ON}{text}{NOTE_OFF}"


def cite_mark(index: int) -> str:
    """An invisible mark where citation number ``index`` (in the formatter's record) falls in the text, so the
    Word writer can put a Table of Authorities entry there."""
    if _CITE_BASE + index > _CITE_MAX:
        raise ValueError("too many citations in one document to mark for a Table of Authorities")
    return CITE + chr(_CITE_BASE + index)


def assert_plain(value: str) -> bool:
    """True when ``value`` holds no formatting markers (answers must not)."""
    return not MARKERS.search(value)


def strip_markers(text: str) -> str:
    """Plain text of a rendered string: what a reader sees, footnote text inline."""
    return MARKERS.sub("", text)


@dataclass
class Run:
    text: str
    italic: bool = False
    bold: bool = False
    underline: bool = False


@dataclass(frozen=True)
class CiteMark:
    """Where citation number ``index`` falls: invisible, but the Table of Authorities is built from it."""

    index: int

    text = ""


@dataclass
class Footnote:
    runs: list[Run]
    cites: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


Inline = Run | Footnote | CiteMark


@dataclass
class Paragraph:
    """One paragraph. ``style`` is a semantic name the Word writer maps to a Word style.

    Styles: ``body`` (double-spaced, first-line indent), ``block`` (single-spaced block quote), ``numbered``
    (a decretal paragraph, numbered in order), ``plain`` (no indent), ``center``, ``heading1``..``heading3``,
    ``title``, ``signature``.
    """

    items: list[Inline] = field(default_factory=list)
    style: str = "body"

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.items if isinstance(i, Run))

    @property
    def footnotes(self) -> list[Footnote]:
        return [i for i in self.items if isinstance(i, Footnote)]


def parse_runs(text: str) -> list[Inline]:
    """Split marked-up text into runs and footnotes. Unbalanced markers are ignored, never shown."""
    items: list[Inline] = []
    state = {"italic": False, "bold": False, "underline": False}
    note: list[Run] | None = None
    note_cites: list[int] = []
    buf: list[str] = []
    citing = False

    def flush() -> None:
        if not buf:
            return
        run = Run("".join(buf), **state)
        buf.clear()
        target = note if note is not None else items
        if target and isinstance(target[-1], Run) and _same_format(target[-1], run):
            target[-1].text += run.text
        else:
            target.append(run)

    toggles = {
        ITALIC_ON: ("italic", True), ITALIC_OFF: ("italic", False),
        BOLD_ON: ("bold", True), BOLD_OFF: ("bold", False),
        UNDERLINE_ON: ("underline", True), UNDERLINE_OFF: ("underline", False),
    }
    for ch in text:
        if citing:
            citing = False
            index = ord(ch) - _CITE_BASE
            if 0 <= index <= _CITE_MAX - _CITE_BASE:
                flush()
                (note_cites.append(index) if note is not None else items.append(CiteMark(index)))
            continue
        if ch == CITE:
            citing = True
        elif ch in toggles:
            flush()
            key, value = toggles[ch]
            state[key] = value
        elif ch == NOTE_ON:
            flush()
            note, note_cites = [], []
            outer = dict(state)
            state.update(italic=False, bold=False, underline=False)
        elif ch == NOTE_OFF:
            flush()
            if note is not None:
                items.append(Footnote(_trim(note), note_cites))
                state.update(outer)
            note = None
        elif MARKERS.match(ch):
            continue
        else:
            buf.append(ch)
    flush()
    return items


def _same_format(a: Run, b: Run) -> bool:
    return (a.italic, a.bold, a.underline) == (b.italic, b.bold, b.underline)


def _trim(runs: list[Run]) -> list[Run]:
    if runs:
        runs[0].text = runs[0].text.lstrip()
        runs[-1].text = runs[-1].text.rstrip()
    return [r for r in runs if r.text]


_PREFIXES = (("> ", "block"), ("#. ", "numbered"), ("^ ", "center"), ("| ", "plain"))


def parse_blocks(text: str, default_style: str = "body") -> list[Paragraph]:
    """Paragraphs are separated by blank lines; single newlines inside one are spaces.

    A paragraph may begin with a style prefix: ``> `` block quote, ``#. `` numbered decretal paragraph,
    ``^ `` centred, ``| `` plain (no first-line indent). A line beginning ``#. `` always begins a new numbered
    paragraph, even without the blank line before it: Jinja's ``trim_blocks`` swallows the line break after a
    block tag (``{% endfor %}``, ``{% endif %}``), and a court paper must never print a literal "#.".
    """
    paragraphs: list[Paragraph] = []
    for chunk in re.split(r"\n[ \t]*\n|\n(?=[ \t]*#\. )", text.strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        style = default_style
        for prefix, name in _PREFIXES:
            if chunk.startswith(prefix):
                style, chunk = name, chunk[len(prefix):]
                break
        flat = re.sub(r"[ \t]*\n[ \t]*", " ", chunk)
        flat = re.sub(r"[ ]{2,}", " ", flat)
        items = parse_runs(flat)
        _tidy_footnote_spacing(items)
        if any(isinstance(i, Footnote) or i.text.strip() for i in items):
            paragraphs.append(Paragraph(items, style))
    return paragraphs


def _tidy_footnote_spacing(items: list[Inline]) -> None:
    """A footnote call sits right after the word or punctuation it annotates: no space before it."""
    for index, item in enumerate(items):
        if not isinstance(item, Footnote):
            continue
        before = next((i for i in reversed(items[:index]) if not isinstance(i, CiteMark)), None)
        if isinstance(before, Run):
            before.text = before.text.rstrip(" ")
