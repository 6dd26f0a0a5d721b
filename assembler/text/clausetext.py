"""Rendering clause text: Jinja2 in a sandbox, strict about missing answers, with legal helpers.

Clause text is written by lawyers and may come from a firm's own library, so it renders in Jinja's
``SandboxedEnvironment``; and a court paper must never carry a silent blank, so every undefined name is an
error (``StrictUndefined``) that names the clause, the version and the missing answer.

Helpers available in clause text:

``cite('key:pin', ..., signal='See', paren='...')``
    a citation through the registry, in full, short or *Id.* form as the document so far requires;
``cite_long_arm('statute' | 'case' | 'registration', signal=..., paren=...)``
    the forum state's long-arm statute, or the case reading it, from the long-arm table (``assembly/statelaw``);
``fn('text')``  a footnote; ``em('text')`` italics; ``strong('text')`` bold;
filters ``join_and`` (``A, B, and C``), ``join_or``, ``money`` (``$10,000.00``), ``longdate``
(``October 22, 2018``), ``spelled`` (``two``; figures from 100), ``plural(n, 'word', 'words')``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError, nodes
from jinja2.meta import find_undeclared_variables
from jinja2.sandbox import SandboxedEnvironment

from assembler.text.jinja import sandbox
from assembler.text.markup import bold, footnote, italic

HELPERS = ("cite", "cite_long_arm", "fn", "em", "strong", "plural")


_TYPED_PERIOD = re.compile(r"(?<![A-Za-z.])(?!(?:etc|approx|incl|misc)\.$)([a-z]{3,})\.$")


def join_and(items: Iterable[Any], conjunction: str = "and") -> str:
    """Serial list with the Oxford comma, as briefs write it. An item typed as a sentence loses its period
    ("trademark infringement." and "dilution" -> "trademark infringement and dilution"); an abbreviation keeps
    it ("Acme, Inc.", "etc.")."""
    words = [_TYPED_PERIOD.sub(r"\1", str(i).strip()) for i in items]
    if len(words) <= 1:
        return "".join(words)
    if len(words) == 2:
        return f"{words[0]} {conjunction} {words[1]}"
    return ", ".join(words[:-1]) + f", {conjunction} {words[-1]}"


def join_or(items: Iterable[Any]) -> str:
    return join_and(items, "or")


def money(value: Any) -> str:
    try:
        amount = Decimal(str(value).replace(",", "").replace("$", ""))
    except InvalidOperation:
        raise ValueError(f"'{value}' is not an amount of money") from None
    return f"${amount:,.2f}"


def longdate(value: Any) -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value:%B} {value.day}, {value.year}"


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spelled(value: Any) -> str:
    """A whole number in words below one hundred ("two", "forty-one"), in figures from 100 (Bluebook R. 6.2(a))."""
    n = int(value)
    if not 0 <= n < 100:
        return f"{n:,}"
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else "")


def plural(count: Any, one: str, many: str) -> str:
    """``one`` for a count of one, else ``many``. A party list answers for itself (``.many``), so one
    Schedule A party standing for many sellers takes the plural."""
    many_parties = getattr(count, "many", None)
    if isinstance(many_parties, bool):
        return many if many_parties else one
    n = len(count) if hasattr(count, "__len__") else int(count)
    return one if n == 1 else many


class UnansweredError(ValueError):
    """Clause text printed an optional answer that was not given."""


# Put after each printed value that ends with a period: where the clause text closes the sentence with its
# own period right after it ("… sold counterfeit goods." + "."), the two become one (see finish()).
_ENDS_WITH_PERIOD = "\ue009"


def _refuse_none(value: Any) -> Any:
    # StrictUndefined catches names that do not exist; this catches optional answers left empty, which
    # would otherwise print as the word "None" in a court paper.
    if value is None:
        raise UnansweredError("prints an optional answer that was not given; guard it with {% if ... %}")
    if isinstance(value, str) and value.endswith("."):
        return value + _ENDS_WITH_PERIOD
    return value


# A value typed as a sentence ("athletic apparel.") that the clause continues with ";", ",", ":" or ")" loses
# its period ("… for athletic apparel); …"); an abbreviation keeps it ("Amazon.com, Inc.;", "etc.)", "12 oz.;").
_SENTENCE_PERIOD = re.compile(r"(?<![A-Za-z])(?!(?:etc|approx|incl|misc)\.)([a-z]{3,})\." + _ENDS_WITH_PERIOD + r"(?=[;,:)])")


def finish(text: str) -> str:
    """Rendered clause text as the court reads it: one period where a value ending in a period ("Inc.",
    a sentence typed with its period) meets the clause's own closing period, and none where a value typed as a
    sentence is followed by the clause's ";", ",", ":" or ")"; nothing else changes."""
    text = _SENTENCE_PERIOD.sub(r"\1", text)
    return text.replace(_ENDS_WITH_PERIOD + ".", "").replace(_ENDS_WITH_PERIOD, "")


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    env = sandbox(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, finalize=_refuse_none)
    env.filters.update(join_and=join_and, join_or=join_or, money=money, longdate=longdate, spelled=spelled)
    env.globals.update(fn=footnote, em=italic, strong=bold, plural=plural)
    return env


@lru_cache(maxsize=4096)
def compiled(text: str):
    return environment().from_string(text)


def analyse(text: str) -> tuple[set[str], set[str]]:
    """The answer variables a text uses and the authority keys it cites.

    Raises ``TemplateSyntaxError`` for bad syntax and ``ValueError`` when ``cite()`` is given anything but
    literal keys (a citation must be checkable without rendering). Results are kept across runs
    (:mod:`assembler.text.analysis_cache`).
    """
    from assembler.text import analysis_cache

    known = analysis_cache.lookup(text)
    if known is not None:
        return known
    variables, keys = _analyse(text)
    analysis_cache.remember(text, variables, keys)
    return variables, keys


def _analyse(text: str) -> tuple[set[str], set[str]]:
    tree = environment().parse(text)
    variables = find_undeclared_variables(tree) - set(HELPERS)
    keys: set[str] = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "cite":
            if not call.args:
                raise ValueError("cite() needs at least one authority key")
            for arg in call.args:
                if not isinstance(arg, nodes.Const) or not isinstance(arg.value, str):
                    raise ValueError("cite() takes literal authority keys, like cite('daimler:139')")
                keys.add(arg.value.partition(":")[0].strip())
    return variables, keys


def render_text(text: str, context: dict[str, Any], cite: Callable[..., str]) -> str:
    """Render one clause text. Errors propagate as Jinja's own; :mod:`assembly` names the clause."""
    return finish(compiled(text).render({**context, "cite": cite}))


def missing_name(exc: UndefinedError) -> str:
    """Pull the missing name out of Jinja's message (``'x' is undefined`` / ``... has no attribute 'x'``)."""
    found = re.findall(r"'([^']+)'", str(exc))
    return found[-1] if found else str(exc)


__all__ = ["TemplateSyntaxError", "UndefinedError", "analyse", "render_text", "missing_name", "environment", "finish"]
