"""The one place a Jinja environment is made, and the one place a ``when:`` condition is compiled.

Three kinds of Jinja text reach a court paper: clause text (strict: a missing answer is an error), the Word
skeleton's tags (strict, and XML-escaped because they land inside ``document.xml``), and the ``when:``
conditions of templates and interview specs (lenient: a question not yet answered is simply false). All of
it may come from a firm's own library, so all of it runs in Jinja's sandbox, made here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined
from jinja2.sandbox import SandboxedEnvironment


def sandbox(*, strict: bool = True, autoescape: bool = False, **options: Any) -> SandboxedEnvironment:
    """A sandboxed environment: ``strict`` makes an undefined name an error rather than an empty string."""
    return SandboxedEnvironment(undefined=StrictUndefined if strict else Undefined, autoescape=autoescape, **options)


@lru_cache(maxsize=1)
def _condition_environment() -> SandboxedEnvironment:
    return sandbox(strict=False)


@lru_cache(maxsize=1024)
def compile_condition(expression: str) -> Any:
    """A ``when:`` expression compiled once; a syntax error is Jinja's :class:`TemplateSyntaxError`, which the
    loaders report naming the file and the condition."""
    return _condition_environment().compile_expression(expression)


def condition_holds(expression: str | None, answers: dict[str, Any]) -> bool:
    """Evaluate a ``when`` condition; a name not yet answered is None, never an error."""
    if not expression:
        return True
    return bool(compile_condition(expression)(**answers))


def condition_problem(expression: Any) -> str | None:
    """Why ``expression`` cannot be a ``when:`` condition, or None when it compiles."""
    if expression is None:
        return None
    if not isinstance(expression, str) or not expression.strip():
        return f"when: must be an expression such as 'schedule_a' (got {expression!r})"
    try:
        compile_condition(expression)
    except TemplateSyntaxError as exc:
        return f"when: '{expression}' is not a valid condition: {exc.message}"
    return None


def names_in(text: str | None, expression: bool = False) -> set[str]:
    """The answer names a template text (``{{ movants.names }} …``) or, with ``expression``, a ``when:``
    condition reads. Text that does not parse reads nothing here: loading reports it."""
    from jinja2.meta import find_undeclared_variables

    if not text:
        return set()
    source = f"{{% if {text} %}}{{% endif %}}" if expression else text
    try:
        return set(find_undeclared_variables(_condition_environment().parse(source)))
    except TemplateSyntaxError:
        return set()


__all__ = ["TemplateSyntaxError", "compile_condition", "condition_holds", "condition_problem", "names_in", "sandbox"]
