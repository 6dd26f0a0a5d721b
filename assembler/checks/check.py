"""What a clerk would bounce: checks a .docx draft — ours, or ours after a lawyer edited it in Word — against
the court's rules and the rules of citation.

Each finding names the rule it comes from. The checks read the document as it now stands (not the answers
it was built from); the manifest beside it, when there is one, says which template and court it is for.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.library.courtrules import CourtRules, rules_for
from assembler.errors import AssemblerError
from assembler.checks.typeform import form_findings
from assembler.findings import Finding
from assembler.library.loading import Library
from assembler.word.wordcount import (count_words, counted_paragraphs, footnote_texts, is_certificate_heading,
                                      paragraph_text)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PLACEHOLDER = re.compile(
    r"\{\{|\}\}|\{%|%\}|\u27e6|\[\s*(?:INSERT|TBD|TK|PLACEHOLDER|NAME|DATE|CITE|CITATION)\b[^\]]*\]|\bTBD\b|\bXX+\b",
    re.IGNORECASE,
)
BY_REFERENCE = re.compile(
    r"\b(?:described|set forth|identified|listed|defined|specified|alleged)\s+in\s+(?:the\s+)?(?:plaintiffs?'?s?\s+)?"
    r"(?:amended\s+)?(?:complaint|motion|memorandum|declaration|affidavit|application|exhibit|papers|brief)",
    re.IGNORECASE,
)
TOO_BROAD = re.compile(r"\b(?:all|any)\s+(?:other\s+)?(?:persons?|entities|third parties|others)\b|\banyone\b"
                       r"|\bthe (?:general )?public\b", re.IGNORECASE)
PLAIN = str.maketrans({"\u00a0": " ", "\u2011": "-", "\u2060": None,
                       "\u2068": None, "\u2069": None, "\u2018": "'", "\u2019": "'",
                       "\u201c": '"', "\u201d": '"'})
STATED_COUNT = re.compile(r"contains\s+([\d,]+)\s+words", re.IGNORECASE)
STATED_LIMIT = re.compile(r"within\s+the\s+limit\s+of\s+([\d,]+)\s+words", re.IGNORECASE)


@dataclass
class Report:
    path: Path
    kind: str | None
    court: str | None
    rules: CourtRules
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be checked, and why
    template: str | None = None

    @property
    def injunction(self) -> bool:
        """An order granting an injunction (not, say, a proposed order granting a motion to dismiss)."""
        from assembler.checks.authority_use import MOVANT_SIDE

        return self.kind == "order" and MOVANT_SIDE.get(self.template or "") != "defendant"

    @property
    def applied(self) -> str:
        """The rules this kind of paper was checked against: a court's brief limits bind memoranda, not orders."""
        if self.kind == "memorandum":
            return self.rules.rule
        return "Fed. R. Civ. P. 65" if self.injunction else "form and citation rules"


@dataclass
class _Text:
    """The draft as text, in reading order, split where the checks need it."""

    body: list[str]  # counted body paragraphs, each followed by its footnotes
    everything: list[str]  # every paragraph, table cell and footnote
    toa: list[str]  # Table of Authorities entries
    has_toa: bool


def check_draft(library: Library, path: str | Path, *, template_id: str | None = None,
                word_limit: int | None = None, layout: bool = True, page_limit: int | None = None) -> Report:
    """Check the draft at ``path`` (a .docx, or the .pdf to be filed: its page count); an unreadable file is
    an :class:`AssemblerError` (exit 2)."""
    from docx import Document

    path = Path(path)
    if not path.exists():
        raise AssemblerError(f"{path}: not found")
    if path.is_dir():
        raise AssemblerError(f"{path}: is a folder; give a Word draft (.docx) or the PDF to be filed")
    if path.suffix.lower() == ".pdf":
        return _check_pdf(library, path, template_id, page_limit)
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a Word document
        raise AssemblerError(f"{path}: cannot be read as a Word document ({type(exc).__name__})") from None
    template_id, kind, court = _identify(library, path, template_id, document)
    report = Report(path, kind, court, rules_for(library.template_dirs, court or "default"), template=template_id)
    text = _read(document)
    _placeholders(report, text)
    _citations(report, text)
    _drafting_and_authorities(report, library, document, text, template_id)
    _typography(report, text)
    if kind == "memorandum":
        words = count_words(document, report.rules.excluded, "footnotes" in report.rules.counted).words
        _length(report, document, words, word_limit, layout)
        _certificate(report, words, text, word_limit)
        report.findings.extend(form_findings(document, report.rules))
    elif word_limit:
        report.notes.append("--word-limit not applied: word limits bind memoranda, not orders")
    if report.injunction:
        _rule_65(report, text)
        from assembler.checks.schedule_a import schedule_a_findings

        report.findings.extend(schedule_a_findings([p for p in text.body if p.strip()], document))
    return report


def _identify(library: Library, path: Path, template_id: str | None,
              document: Any) -> tuple[str | None, str | None, str | None]:
    from assembler.assembly.manifest import manifest_path, read_manifest
    from assembler.library.templates import find_template

    court = None
    if manifest_path(path).exists():
        manifest = read_manifest(path)
        template_id = template_id or str(manifest["template"]["id"])
        court = manifest.get("court")
    if court is None:
        court = _court_from_caption(document)
    template_id = template_id or _template_from_title(library, document)
    if not template_id:
        return None, None, court
    return template_id, find_template(library.template_dirs, template_id).kind, court


def _template_from_title(library: Library, document: Any) -> str | None:
    """The template whose fixed title the draft carries ("[PROPOSED] TEMPORARY RESTRAINING ORDER"), for a draft
    saved under a new name without its manifest, so the order's own rules (Rule 65) are still checked."""
    from assembler.library.templates import find_template, template_dirs_by_id

    titles = {" ".join(p.text.translate(PLAIN).split()).upper() for p in document.paragraphs[:60] if p.text.strip()}
    for template_id in template_dirs_by_id(library.template_dirs):
        title = find_template(library.template_dirs, template_id).document_title or ""
        if "{" not in title and " ".join(title.split()).upper() in titles:
            return template_id
    return None


def _drafting_and_authorities(report: Report, library: Library, document: Any, text: _Text,
                              template_id: str | None) -> None:
    """The review's classes of defect: leftover markup, unfinished paragraphs, "Hon. Hon.", codes without a
    section, misused *Id.*, and authorities cited against what they held or unverified."""
    from assembler.checks.authority_use import authority_flags
    from assembler.checks.drafting import drafting_flags

    # citations are read as typed: the typesetting (no-break spaces, word joiners) is undone first
    paragraphs = [t.translate(PLAIN) for t in text.body if t.strip()]
    cited = [(t, _eyecite(t)[0]) for t in paragraphs]
    flags = drafting_flags(document, text.everything, cited)
    flags += authority_flags("\n\n".join(paragraphs), library.registry, template_id)
    report.findings.extend(Finding(rule, message) for rule, message in flags)


def _court_from_caption(document: Any) -> str | None:
    from assembler.library.courts import district_courts

    head = " ".join(p.text for p in document.paragraphs[:4]).upper()
    for court in district_courts().values():
        if court.district.upper() in head:
            return court.id
    return None


def _read(document: Any) -> _Text:
    styles = {s.style_id: s.name for s in document.styles}
    body = [piece for text, notes in counted_paragraphs(document) for piece in (text, *notes)]
    everything: list[str] = list(footnote_texts(document).values())
    toa: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}tbl":
            everything.extend(paragraph_text(p) for p in element.iter(f"{_W}p"))
        elif element.tag == f"{_W}p":
            text = paragraph_text(element)
            everything.append(text)
            style = element.find(f"{_W}pPr/{_W}pStyle")
            if style is not None and styles.get(style.get(f"{_W}val")) == "table of authorities":
                toa.append(text)
    has_toa = any(t.strip().upper() == "TABLE OF AUTHORITIES" for t in everything)
    return _Text(body, everything, toa, has_toa)


def _typography(report: Report, text: _Text) -> None:
    from assembler.checks.form import typography_problems

    report.findings.extend(Finding(p.rule, p.message) for p in typography_problems(text.everything))


def _check_pdf(library: Library, path: Path, template_id: str | None, page_limit: int | None) -> Report:
    """A PDF's pages against the court's page limit (or ``page_limit``); the court and kind come from the
    manifest of the draft it was made from (``OUT.pdf`` beside ``OUT.docx``)."""
    from assembler.checks.form import pdf_pages
    from assembler.library.templates import find_template

    if not path.is_file():
        raise AssemblerError(f"{path}: no such file")
    kind = court = None
    from assembler.assembly.manifest import manifest_path, read_manifest

    if manifest_path(path).exists():
        manifest = read_manifest(path)
        template_id = template_id or str(manifest["template"]["id"])
        court = manifest.get("court")
    if template_id:
        kind = find_template(library.template_dirs, template_id).kind
    report = Report(path, kind, court, rules_for(library.template_dirs, court or "default"))
    pages = pdf_pages(path)
    limit = page_limit or report.rules.limit_pages
    if not limit:
        report.notes.append(f"{pages.total} pages; no page limit known for this court (give --page-limit N)")
    elif pages.body > limit:
        source = "--page-limit" if page_limit else report.rules.rule
        report.findings.append(Finding(source, f"{pages.body} pages ({pages.how}), over the limit of {limit}"))
    return report


def _placeholders(report: Report, text: _Text) -> None:
    seen = set()
    for paragraph in text.everything:
        for match in PLACEHOLDER.finditer(paragraph):
            snippet = paragraph[max(0, match.start() - 30): match.end() + 30].strip()
            if snippet not in seen:
                seen.add(snippet)
                report.findings.append(Finding("completeness", f"leftover placeholder or template syntax "
                                                               f"'{match.group(0)}' in \"…{snippet}…\""))


def _eyecite(text: str) -> tuple[list[Any], set[int]]:
    from eyecite import get_citations, resolve_citations

    logging.getLogger("eyecite").setLevel(logging.ERROR)
    text = text.translate(PLAIN)  # eyecite reads typeset text as it reads typed text
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        citations = get_citations(text)
        resolved = {id(c) for group in resolve_citations(citations).values() for c in group}
    return citations, resolved


def _citations(report: Report, text: _Text) -> None:
    from eyecite.models import FullCaseCitation, IdCitation, ShortCaseCitation

    citations, resolved = _eyecite("\n\n".join(text.body))
    for citation in citations:
        if isinstance(citation, IdCitation) and id(citation) not in resolved:
            report.findings.append(Finding("Bluebook R. 4.1", f"'{_cited(citation)}' has no preceding citation to refer to"))
        elif isinstance(citation, ShortCaseCitation) and id(citation) not in resolved:
            report.findings.append(Finding("Bluebook R. 10.9", f"short form '{_cited(citation)}' comes before any full "
                                                               "citation of that case"))
    if not text.has_toa:
        return
    listed, _ = _eyecite("\n".join(text.toa))
    in_table = {_key(c) for c in listed if isinstance(c, FullCaseCitation)}
    missing = []
    for citation in citations:
        if isinstance(citation, FullCaseCitation) and _key(citation) not in in_table:
            name = citation.metadata.plaintiff or ""
            entry = f"{name + ' v. ' + (citation.metadata.defendant or '') + ', ' if name else ''}{citation.matched_text()}"
            if entry not in missing:
                missing.append(entry)
    for entry in missing:
        report.findings.append(Finding("Table of Authorities", f"{entry} is cited but not listed"))


def _cited(citation: Any) -> str:
    pin = getattr(citation.metadata, "pin_cite", None)
    return f"{citation.matched_text()} {pin}".strip() if pin else citation.matched_text()


def _key(citation: Any) -> tuple[str, str, str]:
    groups = citation.groups
    return groups.get("volume", ""), citation.corrected_reporter(), groups.get("page", "")


def _counted(rules: CourtRules) -> str:
    """What the count left out and took in, as the rule says: "caption, tables, signature block and
    certificates excluded; footnotes included"."""
    from assembler.text.clausetext import join_and

    excluded = f"{join_and(rules.excluded).replace(', and', ' and')} excluded" if rules.excluded else "nothing excluded"
    return f"{excluded}; footnotes {'included' if 'footnotes' in rules.counted else 'excluded'}"


def _length(report: Report, document: Any, words: int, word_limit: int | None, layout: bool) -> None:
    rules = report.rules
    limit = word_limit or rules.limit_words
    if limit and words > limit:
        source = "--word-limit" if word_limit else rules.rule
        report.findings.append(Finding(source, f"{words:,} words, over the limit of {limit:,} ({_counted(rules)})"))
    if rules.limit_pages:
        try:
            pages = _body_pages(document) if layout else None
        except layout_failed() as cause:
            report.notes.append(f"page limit of {rules.limit_pages} ({rules.rule}) not checked: LibreOffice could "
                                f"not lay the draft out ({cause})")
            return
        if pages is None:
            report.notes.append(f"page limit of {rules.limit_pages} ({rules.rule}) not checked: needs LibreOffice")
        elif pages > rules.limit_pages:
            report.findings.append(Finding(rules.rule, f"{pages} pages of text, over the limit of {rules.limit_pages}"))


def layout_failed() -> type[Exception]:
    from assembler.word.layout import LayoutFailed

    return LayoutFailed


def _body_pages(document: Any) -> int | None:
    """Pages from the first heading after the tables to the signature, laid out by LibreOffice. The two
    layout tokens are added to the document read for the other checks, saved, and taken out again at once
    (so the draft is parsed once, and the tokens never reach another check)."""
    from docx.shared import Pt

    from assembler.word import layout

    if not layout.available():
        return None
    styles = {s.style_id: s.name for s in document.styles}
    start = end = None
    for paragraph in document.paragraphs:
        name = styles.get(paragraph._p.style) if paragraph._p.style else None
        if start is None and name and name.startswith("Heading"):
            start = paragraph
        if start is not None and (name == "Signature Dated" or is_certificate_heading(paragraph.text)):
            end = paragraph
            break
    if start is None:
        return None
    tokens = []
    for paragraph, number in ((start, 0), (end, 1)):
        if paragraph is not None:
            run = paragraph.add_run(layout.token("h", number))
            run.font.size = Pt(1)
            tokens.append(run._r)
    out = io.BytesIO()
    try:
        document.save(out)
    finally:
        for token in tokens:
            token.getparent().remove(token)
    pages = layout.pages_of_tokens(out.getvalue())
    if not pages or "h0" not in pages:
        return None
    last = pages.get("h1") or max(pages.values())
    return last - pages["h0"] + 1


def _certificate(report: Report, counted: int, text: _Text, word_limit: int | None = None) -> None:
    """The certificate of compliance against the draft: the count it states must be the draft's, and the draft is
    held to the limit it certifies (an assigned Judge's own limit, read from the draft without ``--word-limit``);
    a certificate that states a count over the limit it states certifies what is not so."""
    rules = report.rules
    certificate = next((t for t in text.everything if is_certificate_heading(t) and "COMPLIANCE" in t.upper()), None)
    if certificate is None:
        if rules.certificate:
            report.findings.append(Finding(rules.rule, "no certificate of compliance stating the word count"))
        return
    body = " ".join(text.everything[text.everything.index(certificate):])
    stated = STATED_COUNT.search(body)
    limit_said = STATED_LIMIT.search(body)
    limit = int(limit_said.group(1).replace(",", "")) if limit_said else None
    if stated and int(stated.group(1).replace(",", "")) != counted:
        report.findings.append(Finding(rules.rule, f"the certificate of compliance states {stated.group(1)} words, "
                                                   f"but the memorandum now has {counted:,}"))
    if stated and limit and int(stated.group(1).replace(",", "")) > limit:
        report.findings.append(Finding("certificate of compliance", f"it certifies {stated.group(1)} words as "
                                                                    f"within the limit of {limit:,} words"))
    if limit and counted > limit and limit != (word_limit or rules.limit_words):
        report.findings.append(Finding("certificate of compliance", f"{counted:,} words, over the limit of "
                                                                    f"{limit:,} words the certificate states"))


def _rule_65(report: Report, text: _Text) -> None:
    paragraphs = text.everything
    whole = " ".join(paragraphs)
    if not re.search(r"\bFINDINGS\b|\bfinds\b|\bbecause\b", whole):
        report.findings.append(Finding("Fed. R. Civ. P. 65(d)(1)(A)", "the order states no reasons for issuing"))
    for paragraph in paragraphs:
        enjoins = re.search(r"\b(?:enjoined|restrained|shall not|prohibited)\b", paragraph, re.IGNORECASE)
        if enjoins and (match := BY_REFERENCE.search(paragraph)):
            report.findings.append(Finding("Fed. R. Civ. P. 65(d)(1)(C)", f"the acts restrained are described by "
                                           f"reference to another paper (\"{match.group(0)}\")"))
        binds = re.search(r"\b(?:binds|bound|enjoined|restrained)\b", paragraph, re.IGNORECASE)
        if binds and (match := _too_broad(paragraph)):
            report.findings.append(Finding("Fed. R. Civ. P. 65(d)(2)", f"binds \"{match}\", beyond the "
                                           "parties, their officers, agents, servants, employees and attorneys, and "
                                           "those in active concert or participation with them"))
    if not any(SECURITY.search(p) and SECURITY_TERMS.search(p) for p in paragraphs):
        report.findings.append(Finding("Fed. R. Civ. P. 65(c)", "no security is required of the movant"))


# The security paragraph itself: security or a bond (lower case: not "Alliance Bond Fund" in a case name) with
# what makes it one: Rule 65(c), an amount, or posting it.
SECURITY = re.compile(r"\b[Ss]ecurity\b|\bbond\b")
SECURITY_TERMS = re.compile(r"65\(c\)|\$\s?[\d,]+|\bpost(?:ed|s)?\b", re.IGNORECASE)
# one item of a list of persons bound: "(c) other persons who are in active concert or participation with anyone
# described in (a) or (b)" is limited; "(d) all other persons having knowledge of this Order" is not, whatever
# the other items say
_ITEMS = re.compile(r";|:|\(\w{1,3}\)\s")


def _too_broad(paragraph: str) -> str | None:
    for item in _ITEMS.split(paragraph):
        match = TOO_BROAD.search(item)
        if match and "active concert or participation" not in item:
            return match.group(0)
    return None
