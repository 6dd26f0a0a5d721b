"""Type size and line spacing of a memorandum's text against the court's rule (``type_size``,
``footnote_size`` and ``spacing`` in ``court-rules.yaml``).

A draft leaves `assembler` in 12-point, double-spaced type; a lawyer who pastes in text from elsewhere, or
shrinks a paragraph to make the page limit, changes that in Word. This reads each counted paragraph's
effective size and spacing — the run's own formatting, else its paragraph's, else the paragraph style and the
styles it is based on, else the document defaults, as Word resolves them — and reports what falls below the
rule. Headings, block quotes, the caption, the tables and the signature block are set single-spaced by common
practice and are not held to the body's spacing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from assembler.findings import Finding
from assembler.library.courtrules import CourtRules
from assembler.word.wordcount import NOT_COUNTED_STYLES, is_certificate_heading, paragraph_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SINGLE_SPACED_STYLES = frozenset({"Block Quote", "Heading 1", "Heading 2", "Heading 3", "Heading 4"})
# the line-spacing multiple each rule value needs at least
SPACING = {"single": 1.0, "1.5": 1.5, "double": 2.0}


class _Styles:
    """Paragraph styles by id, with Word's inheritance: a style's own setting, else its base style's."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id = {s.get(f"{_W}styleId"): s for s in root.iter(f"{_W}style")}
        self.names = {s.style_id: s.name for s in document.styles}  # python-docx's names ("Heading 1")
        defaults = root.find(f"{_W}docDefaults")
        self.default_size = _size(defaults.find(f"{_W}rPrDefault/{_W}rPr")) if defaults is not None else None
        self.default_spacing = _spacing(defaults.find(f"{_W}pPrDefault/{_W}pPr")) if defaults is not None else None
        default_style = next((sid for sid, s in self.by_id.items()
                              if s.get(f"{_W}type") == "paragraph" and s.get(f"{_W}default") in ("1", "true")), None)
        self.default_style = default_style

    def _chain(self, style_id: str | None) -> Iterator[Any]:
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val") if based is not None else None

    def size(self, style_id: str | None) -> float | None:
        for style in self._chain(style_id or self.default_style):
            found = _size(style.find(f"{_W}rPr"))
            if found:
                return found
        return self.default_size

    def spacing(self, style_id: str | None) -> float | None:
        for style in self._chain(style_id or self.default_style):
            found = _spacing(style.find(f"{_W}pPr"))
            if found:
                return found
        return self.default_spacing


def _size(rpr: Any) -> float | None:
    """Points, from ``w:sz`` (half-points)."""
    node = rpr.find(f"{_W}sz") if rpr is not None else None
    return int(node.get(f"{_W}val")) / 2 if node is not None and node.get(f"{_W}val") else None


def _spacing(ppr: Any) -> float | None:
    """Line spacing as a multiple of single (``w:line`` is in 240ths of a line for ``auto``, else twentieths of a
    point, taken against 12-point type's single line of 12 points)."""
    node = ppr.find(f"{_W}spacing") if ppr is not None else None
    if node is None or not node.get(f"{_W}line"):
        return None
    line = int(node.get(f"{_W}line"))
    rule = node.get(f"{_W}lineRule") or "auto"
    return line / 240 if rule == "auto" else line / 20 / 12


def form_findings(document: Any, rules: CourtRules) -> list[Finding]:
    """Body paragraphs set smaller or tighter than ``rules`` allow, one finding per kind of fault."""
    styles = _Styles(document)
    small: list[tuple[float, str]] = []
    tight: list[tuple[float, str]] = []
    for element in document.element.body.iterchildren(f"{_W}p"):
        text = paragraph_text(element)
        if is_certificate_heading(text):
            break
        if not text.strip():
            continue
        pstyle = element.find(f"{_W}pPr/{_W}pStyle")
        style_id = pstyle.get(f"{_W}val") if pstyle is not None else None
        name = styles.names.get(style_id or styles.default_style, "")
        if name in NOT_COUNTED_STYLES:
            continue
        base = styles.size(style_id) or 10.0  # Word's own default when nothing says otherwise
        smallest = _smallest(element, base)
        if smallest and smallest < rules.type_size:
            small.append((smallest, text))
        if name in SINGLE_SPACED_STYLES:
            continue
        spacing = _spacing(element.find(f"{_W}pPr")) or styles.spacing(style_id) or 1.0
        if spacing < SPACING[rules.spacing] - 0.01:
            tight.append((spacing, text))
    found = []
    if small:
        found.append(Finding(rules.rule, f"{_count(small)} of text in type smaller than the {rules.type_size}-point "
                                         f"the rule requires ({_points(small[0][0])}-point: {_quote(small[0][1])})"))
    if tight:
        found.append(Finding(rules.rule, f"{_count(tight)} of text not {_spaced(rules.spacing)} as the rule requires "
                                         f"({_spaced(tight[0][0])}: {_quote(tight[0][1])})"))
    found.extend(_footnotes(document, styles, rules))
    return found


def _footnotes(document: Any, styles: _Styles, rules: CourtRules) -> list[Finding]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    if not rules.footnote_size:
        return []
    part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FOOTNOTES), None)
    if part is None:
        return []
    from lxml import etree

    root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
    small = []
    for note in root.iter(f"{_W}footnote"):
        for paragraph in note.iter(f"{_W}p"):
            pstyle = paragraph.find(f"{_W}pPr/{_W}pStyle")
            base = styles.size(pstyle.get(f"{_W}val") if pstyle is not None else None) or 10.0
            smallest = _smallest(paragraph, base)
            if smallest and smallest < rules.footnote_size:
                small.append((smallest, paragraph_text(paragraph)))
    if not small:
        return []
    noun = "footnote paragraph" if len(small) == 1 else "footnote paragraphs"
    return [Finding(rules.rule, f"{len(small)} {noun} in type smaller than the {rules.footnote_size}-point the rule "
                                f"requires ({_points(small[0][0])}-point: {_quote(small[0][1])})")]


def _smallest(paragraph: Any, base: float) -> float | None:
    """The smallest type any visible run of ``paragraph`` is set in (a run's own size, else ``base``)."""
    sizes = [(_size(run.find(f"{_W}rPr")) or base) for run in paragraph.iter(f"{_W}r")
             if "".join(t.text or "" for t in run.iter(f"{_W}t")).strip()]
    return min(sizes) if sizes else None


def _count(items: list[Any]) -> str:
    return f"{len(items)} paragraph" + ("" if len(items) == 1 else "s")


def _points(size: float) -> str:
    return f"{size:g}"


def _spaced(value: str | float) -> str:
    multiple = SPACING[value] if isinstance(value, str) else value
    return {1.0: "single-spaced", 1.5: "1.5-spaced", 2.0: "double-spaced"}.get(round(multiple, 2),
                                                                               f"spaced at {multiple:.2g} lines")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"\"{text[:50]}…\"" if len(text) > 50 else f"\"{text}\""
