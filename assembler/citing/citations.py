"""Citation forms across a whole document: full on first mention, short after, *Id.* when it is allowed.

One :class:`CitationFormatter` lives for one document, not one clause, because the Bluebook's short-form
rules (R. 4, R. 10.9) depend on everything cited before: a case cited in the preliminary statement is cited
in short form in the argument, and *Id.* may only follow a citation to that same single authority.
The formatter also keeps a record of every citation (what, where, which form) for the assembly manifest
and the Table of Authorities.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assembler.library.authorities import Authority, Registry, _statute_pin
from assembler.text.markup import cite_mark, italic


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
    where: str = ""

    def cite(self, *refs: str, signal: str | None = None, paren: str | None = None) -> str:
        """Cite one or more authorities as one citation clause.

        ``refs`` are registry keys with an optional pinpoint after a colon: ``'daimler:139'``,
        ``'lanham-1114:(1)(a)'``. ``signal`` is written as given (``'See'``, ``'see also'``) and set in
        italics; ``paren`` is an explanatory parenthetical placed after the last authority.
        """
        if not refs:
            raise ValueError("cite() needs at least one authority key")
        parts = []
        parsed = [_split(ref) for ref in refs]
        for index, (key, pin) in enumerate(parsed):
            authority = self.registry.get(key)
            leading = signal if index == 0 else None
            parts.append(self._one(authority, pin, leading, alone=len(parsed) == 1))
        self._previous = parsed[0][0] if len(parsed) == 1 else None
        text = _join_parts(parts, [self.registry.get(key) for key, _ in parsed])
        if paren:
            text += f" ({paren})"
        return text

    def _one(self, authority: Authority, pin: str | None, signal: str | None, alone: bool) -> str:
        key = authority.key
        if alone and self._previous == key and authority.is_case:
            form, body = "id", self._id_form(pin, signal)
        else:
            if authority.is_case and key in self._seen:
                form, body = "short", _short_case(authority, pin)
            elif authority.is_case:
                form, body = "full", _full_case(authority, pin)
            else:
                form, body = "full", authority.base_cite() + (_statute_pin(pin) if pin else "")
            if signal:
                body = f"{italic(signal)} {body}"
        self._seen.add(key)
        self.uses.append(CitationUse(key, form, pin, self.where, authority.is_pin_confirmed(pin)))
        return body + cite_mark(len(self.uses) - 1)

    def _id_form(self, pin: str | None, signal: str | None) -> str:
        word = "id." if signal else "Id."
        text = italic(f"{signal} {word}" if signal else word)
        return f"{text} at {pin}" if pin else text

    def break_chain(self) -> None:
        """Forget the previous citation, so the next one cannot be *Id.* (e.g. after a heading)."""
        self._previous = None


def _join_parts(parts: list[str], authorities: list[Authority]) -> str:
    """Join one citation clause's parts with "; ", but several sections of one code cited together as one
    citation with "§§" (Bluebook R. 3.3(b)): ``28 U.S.C. §§ 1331, 1338(a)``."""
    text, previous = "", None
    for part, authority in zip(parts, authorities):
        head = " ".join(p for p in (authority.title, authority.code) if p) + " § "
        same_code = (authority.kind == "statute" and previous is not None and previous.kind == "statute"
                     and (previous.title, previous.code) == (authority.title, authority.code)
                     and part.startswith(head))
        if same_code:
            if "§§ " not in text.rsplit("; ", 1)[-1]:
                last = text.rfind(head)
                text = text[:last] + head.replace("§ ", "§§ ") + text[last + len(head):]
            text += ", " + part[len(head):]
        else:
            text += ("; " if text else "") + part
        previous = authority
    return text


def _split(ref: str) -> tuple[str, str | None]:
    key, _, pin = str(ref).partition(":")
    return key.strip(), (pin.strip() or None)


def _full_case(authority: Authority, pin: str | None) -> str:
    pin_text = f", {pin}" if pin else ""
    date = " ".join(p for p in (authority.court, authority.year) if p)
    extra = f" ({authority.parenthetical})" if authority.parenthetical else ""
    return f"{italic(authority.name)}, {authority.base_cite()}{pin_text} ({date}){extra}"


def _short_case(authority: Authority, pin: str | None) -> str:
    name = italic(authority.short_name or authority.name)
    if pin:
        return f"{name}, {authority.volume} {authority.reporter} at {pin}"
    return f"{name}, {authority.base_cite()}"
