"""Citation forms across a whole document: full on first mention, short after, *id.* when it is allowed.

One :class:`CitationFormatter` lives for one document, not one clause, because the Bluebook's short-form
rules (R. 4, R. 10.9) depend on everything cited before: a case cited in the preliminary statement is cited
in short form in the argument, and *id.* may only follow a citation to that same single authority.
The formatter also keeps a record of every citation (what, where, which form) for the assembly manifest
and the Table of Authorities.

Some rules depend on the words around a citation, which the formatter cannot see while Jinja renders a
clause: whether a signal or *id.* opens a sentence (capital) or sits inside one (lower case, R. 1.2, R. 4.1),
and whether the citation before an *id.* was one authority of a string cite joined by "; " in the clause
text (then *id.* is wrong and the short form is used). :meth:`CitationFormatter.settle` decides those on the
rendered clause text, which carries an invisible mark where each citation begins and ends.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from assembler.library.authorities import Authority, Registry
from assembler.text.markup import CITE, ITALIC_OFF, ITALIC_ON, NOTE_ON, cite_mark, italic

# Where citation number i begins: START followed by the same index character cite_mark() uses. Removed by
# settle(), so it never reaches the Word writer.
START = "\ue00a"
_BASE = 0xE100
_STARTS = re.compile(START + "([\ue100-\uf8ff])")
_FORMAT = re.compile("[\ue000-\ue003\ue006\ue007]")  # italic, bold, underline switches
# "Id." or "See id." closing a sentence takes no second period: "… forum." Id.
_ONE_PERIOD = re.compile("\\.([\ue000-\ue007]*)(" + CITE + "[\ue100-\uf8ff])\\.")
_SENTENCE_END = re.compile(r"(^|[.!?][\"”’')\]]*)$")


@dataclass(frozen=True)
class CitationUse:
    key: str
    form: str  # "full", "short" or "id"
    pin: str | None
    where: str  # the clause reference (id@version) that cited it
    pin_confirmed: bool


@dataclass
class CitationFormatter:
    registry: Registry
    uses: list[CitationUse] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)
    _previous: str | None = None  # key of the last citation if it cited one authority alone
    _previous_pin: str | None = None
    _short_instead: dict[int, str] = field(default_factory=dict)  # id uses: the short form, if id is not allowed
    _signalled: set[int] = field(default_factory=set)  # uses that open with a signal or id.
    _last_in_string: bool = False  # the last citation settled was one of several joined by "; "
    where: str = ""

    def cite(self, *refs: str, signal: str | None = None, paren: str | None = None, holding: bool = False,
             inline: bool = False) -> str:
        """Cite one or more authorities as one citation clause.

        ``refs`` are registry keys with an optional pinpoint after a colon: ``'daimler:139'``,
        ``'lanham-1114:(1)(a)'``. ``signal`` (``'See'``, ``'But see'``) is set in italics, capitalised or not by
        its place in the sentence; ``paren`` is an explanatory parenthetical placed after the last authority.
        ``holding=True`` prints nothing: it marks the sentence before as stating the cited case's own holding,
        which Bluebook R. 1.2 cites with no signal (``clauses verify`` then accepts a case that came out for the
        other side; see library/citerules.py).
        ``inline=True``: a statute or rule named in the text of a sentence ("a motion under Fed. R. Civ. P.
        12(b)(2) is decided ..."), not cited for it: it is set in full and listed in the Table of Authorities, but
        the case cited before it stays the preceding authority, so the next citation of that case is *Id.*
        """
        if not refs:
            raise ValueError("cite() needs at least one authority key")
        kept = (self._previous, self._previous_pin)
        parts = []
        parsed = [_split(ref) for ref in refs]
        for index, (key, pin) in enumerate(parsed):
            authority = self.registry.get(key)
            leading = signal if index == 0 else None
            parts.append(self._one(authority, pin, leading, alone=len(parsed) == 1))
        self._previous = parsed[0][0] if len(parsed) == 1 else None
        self._previous_pin = parsed[0][1] if len(parsed) == 1 else None
        if inline and not any(self.registry.get(key).is_case for key, _ in parsed):
            self._previous, self._previous_pin = kept
        text = _join_parts(parts, [self.registry.get(key) for key, _ in parsed])
        if paren:
            text += f" ({paren})"
        return text

    def _one(self, authority: Authority, pin: str | None, signal: str | None, alone: bool) -> str:
        key = authority.key
        number = len(self.uses)
        if alone and self._previous == key and authority.is_case:
            form, body = "id", self._id_form(pin if pin != self._previous_pin else None, signal)
            self._short_instead[number] = _with_signal(_short_case(authority, pin), signal)
            self._signalled.add(number)
        else:
            if authority.is_case and key in self._seen:
                form, body = "short", _short_case(authority, pin)
            elif authority.is_case:
                form, body = "full", _full_case(authority, pin)
            else:
                form, body = "full", authority.statute_cite(pin)
            body = _with_signal(body, signal)
            if signal:
                self._signalled.add(number)
        self._seen.add(key)
        self.uses.append(CitationUse(key, form, pin, self.where, authority.is_pin_confirmed(pin)))
        return START + chr(_BASE + number) + body + cite_mark(number)

    def _id_form(self, pin: str | None, signal: str | None) -> str:
        text = italic(f"{signal} id." if signal else "Id.")
        return f"{text} at {pin}" if pin else text

    def break_chain(self) -> None:
        """Forget the previous citation, so the next one cannot be *id.* (e.g. after a heading)."""
        self._previous = None
        self._previous_pin = None
        self._last_in_string = False

    def settle(self, text: str) -> str:
        """Finish one rendered clause: settle each signal's and *id.*'s case by its place in the sentence, use
        the short form where *id.* would follow a string cite, and drop the start marks."""
        out: list[str] = []
        cursor = 0
        previous_end: int | None = None
        for match in _STARTS.finditer(text):
            number = ord(match.group(1)) - _BASE
            end = text.find(CITE + match.group(1), match.end())
            if end < 0 or number >= len(self.uses):
                continue
            before = text[cursor:match.start()]
            gap = _FORMAT.sub("", text[previous_end:match.start()]) if previous_end is not None else None
            in_string = gap is not None and gap.strip() == ";"
            body = text[match.end():end]
            if self.uses[number].form == "id" and (in_string or self._last_in_string):
                body = self._short_instead[number]
                self.uses[number] = dataclasses.replace(self.uses[number], form="short")
            if number in self._signalled:
                body = _sentence_case(body, _opens_sentence("".join(out) + before))
            out.append(before + body)
            cursor = end
            previous_end = end + 2
            self._last_in_string = in_string
        out.append(text[cursor:])
        return _ONE_PERIOD.sub(r".\1\2", "".join(out))


def _with_signal(body: str, signal: str | None) -> str:
    return f"{italic(signal)} {body}" if signal else body


def _opens_sentence(preceding: str) -> bool:
    """True when a citation placed after ``preceding`` (rendered text so far) begins a sentence."""
    visible = _FORMAT.sub("", re.sub(CITE + ".", "", preceding)).rstrip()
    if visible.endswith(NOTE_ON) or visible.endswith("\n") or not visible.strip():
        return True
    return bool(_SENTENCE_END.search(re.sub("[\ue000-\uf8ff]", "", visible).rstrip()))


def _sentence_case(body: str, capital: bool) -> str:
    """Capitalise (or lower-case) the first letter of a signal or *id.* at the head of ``body``."""
    for index, char in enumerate(body):
        if char.isalpha():
            return body[:index] + (char.upper() if capital else char.lower()) + body[index + 1:]
        if char not in (ITALIC_ON, ITALIC_OFF):
            return body
    return body


def _join_parts(parts: list[str], authorities: list[Authority]) -> str:
    """Join one citation clause's parts with "; ", but several sections of one code cited together as one
    citation with "§§" (Bluebook R. 3.3(b)): ``28 U.S.C. §§ 1331, 1338(a)``."""
    text, previous = "", None
    for part, authority in zip(parts, authorities):
        head = " ".join(p for p in (authority.title, authority.code) if p) + " § "
        start, body = (part[:2], part[2:]) if part.startswith(START) else ("", part)
        same_code = (authority.kind == "statute" and previous is not None and previous.kind == "statute"
                     and (previous.title, previous.code) == (authority.title, authority.code)
                     and body.startswith(head))
        if same_code:
            if "§§ " not in text.rsplit("; ", 1)[-1]:
                last = text.rfind(head)
                text = text[:last] + head.replace("§ ", "§§ ") + text[last + len(head):]
            text += ", " + start + body[len(head):]
        else:
            text += ("; " if text else "") + part
        previous = authority
    return text


def _split(ref: str) -> tuple[str, str | None]:
    key, _, pin = str(ref).partition(":")
    return key.strip(), (pin.strip() or None)


def _name(authority: Authority) -> str:
    """The case name as a citation sentence gives it: Tables T6/T10 abbreviations, kept in the registry."""
    return authority.citation_name or authority.name


def _full_case(authority: Authority, pin: str | None) -> str:
    pin_text = f", {_slip_pin(authority, pin)}" if pin else ""
    extra = f" ({authority.parenthetical})" if authority.parenthetical else ""
    parallel = f", {authority.parallel}" if authority.parallel else ""
    return (f"{italic(_name(authority))}, {authority.base_cite()}{pin_text}{parallel} "
            f"({authority.date_parenthetical()}){extra}")


def _short_case(authority: Authority, pin: str | None) -> str:
    name = italic(authority.short_name or _name(authority))
    if authority.is_slip:
        return f"{name}, {authority.base_cite()}" + (f", {_slip_pin(authority, pin)}" if pin else "")
    if pin:
        return f"{name}, {authority.volume} {authority.reporter} at {pin}"
    return f"{name}, {authority.base_cite()}"


def _slip_pin(authority: Authority, pin: str) -> str:
    return f"slip op. at {pin}" if authority.is_slip else pin
