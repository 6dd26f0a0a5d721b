"""The two rules a clause's citations must keep: cite only verified authorities, and never cite a case that
came out for the other side as if it supported this one.

A clause says which side it argues for (``argues_for`` in its file; by default the memorandum's
jurisdiction-analysis clauses argue for the defendant and the injunction order's findings and decretal
language for the plaintiff). The signal before each citation is read from the clause text itself, as a
cite-checker reads a brief: the ``signal=`` given to ``cite()``; a signal typed just before the call
(``{{ em('But see') }} {{ cite(...) }}``); the signal of the citation before it when the two are joined by
"; " (a string cite keeps its signal until another is given); none at all. A case whose holding at the cited
pinpoint (the registry's ``outcomes``, else its ``favours``) helps the other side may be cited against this
side only with a contrary or comparing signal (*But see*, *Cf.*, *But cf.*, *Contra*, *Compare*) and a
sentence that distinguishes it; with no signal, *See*, *See also*, *See generally*, *E.g.* or *Accord* it is
being cited for the opposite of what it held. Citing a case as the source of a quotation
("(quoting …)", "(citing …)", or a bare citation right after the quoted words) asserts nothing about its
outcome.

One more use takes no signal at all (Bluebook R. 1.2): a sentence that states the cited case's own holding
("In *Ford*, the Court held …"). The clause marks such a citation explicitly, ``cite('ford:361-62',
holding=True)``, and only then is an adverse case accepted without a signal; a citation so marked that also
carries a signal is itself a problem, since a sentence stating what a case held is supported by it directly.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from assembler.library.authorities import Registry
from assembler.library.clauses import Clause, ClauseVersion

ADVERSE_SIGNALS = ("but see", "but cf.", "cf.", "contra", "compare")
QUOTING = "(quoting)"
_CALL = re.compile(r"\{\{-?\s*cite\((?P<args>(?:[^()'\"]|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")*)\)\s*-?\}\}")
_TYPED_SIGNAL = re.compile(
    r"(?:em\(\s*['\"](?P<em>[^'\"]+)['\"]\s*\)\s*-?\}\}|(?P<word>\b(?:but see|but cf\.|cf\.|see also|see generally|"
    r"see|accord|contra|compare|e\.g\.,?))\s*)\s*$",
    re.IGNORECASE,
)
_QUOTING = re.compile(r"\(\s*(?:quoting|citing)\s*$", re.IGNORECASE)
_AFTER_QUOTATION = re.compile(r"[\"”][,.]?\s*$")


@dataclass(frozen=True)
class Citing:
    """One authority cited in clause text, with the signal that governs it."""

    key: str
    pin: str | None
    signal: str  # as written, or "" for none, or QUOTING
    holding: bool = False  # cite(..., holding=True): the sentence before states this case's own holding


def citations_in(text: str) -> list[Citing]:
    """Every ``cite()`` in a clause's text, with the signal a reader would take to govern each authority."""
    found: list[Citing] = []
    previous_end: int | None = None
    previous_signal = ""
    for match in _CALL.finditer(text):
        keys, signal, holding = _arguments(match.group("args"))
        before = text[previous_end:match.start()] if previous_end is not None else text[:match.start()]
        if previous_end is not None and before.strip() == ";" and signal is None and not holding:
            signal = previous_signal
        elif _QUOTING.search(before) or (signal is None and _AFTER_QUOTATION.search(before)):
            signal = QUOTING
        elif signal is None:
            typed = _TYPED_SIGNAL.search(before)
            signal = (typed.group("em") or typed.group("word")) if typed else ""
        for ref in keys:
            key, _, pin = ref.partition(":")
            found.append(Citing(key.strip(), pin.strip() or None, signal, holding))
        previous_end, previous_signal = match.end(), signal
    return found


def _arguments(source: str) -> tuple[list[str], str | None, bool]:
    try:
        call = ast.parse(f"f({source})", mode="eval").body
    except SyntaxError:
        return [], None, False
    assert isinstance(call, ast.Call)
    keys = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    given = {k.arg: k.value.value for k in call.keywords if isinstance(k.value, ast.Constant)}
    signal = given.get("signal")
    return keys, (str(signal) if signal is not None else None), given.get("holding") is True


def is_adverse_signal(signal: str) -> bool:
    return signal.strip().lower().rstrip(",") in ADVERSE_SIGNALS


def citation_problems(registry: Registry, clause: Clause, version: ClauseVersion) -> list[str]:
    """What is wrong with the authorities one clause version cites: unverified authorities, and cases that
    favour the other side cited with a supporting signal. Each problem names clause, version, authority
    and signal."""
    ref = f"{clause.id}@{version.version}"
    side = clause.side
    problems: list[str] = []
    for citing in citations_in(version.text):
        if citing.key not in registry:
            continue  # an unknown key is reported when the library loads
        authority = registry.get(citing.key)
        if not authority.verified:
            problems.append(f"{ref} cites '{citing.key}', which is not verified in the registry ({authority.source})")
        where = f"'{citing.key}:{citing.pin}'" if citing.pin else f"'{citing.key}'"
        if citing.holding and citing.signal and citing.signal != QUOTING:
            problems.append(f"{ref} marks {where} as stating its holding (holding=True) but gives it the signal "
                            f"'{citing.signal}'; a sentence stating what a case held cites it with no signal")
            continue
        if side not in ("defendant", "plaintiff") or citing.signal == QUOTING or citing.holding:
            continue
        favours = authority.favours_at(citing.pin)
        if favours in ("defendant", "plaintiff") and favours != side and not is_adverse_signal(citing.signal):
            shown = f"signal '{citing.signal}'" if citing.signal else "no signal"
            problems.append(
                f"{ref} argues for the {side} but cites {where} ({authority.outcome or 'its outcome'}: favours the "
                f"{favours}) with {shown}; cite it with But see, Cf. or But cf. and distinguish it, or state its "
                f"holding and mark the citation holding=True"
            )
    return list(dict.fromkeys(problems))
