"""Which paper brings the motion, by the court's rules: a notice of motion or a motion stating its grounds.

S.D.N.Y. and E.D.N.Y. (Local Civ. R. 7.1(a)(1)), D.N.J. and the California districts want a notice of motion;
E.D. Mo. (L.R. 4.01), N.D. Ill., D. Del., the Texas districts, S.D. Fla., D. Mass., E.D. Pa. and D. Minn. want a
motion with a memorandum. Assembling the other court's paper is refused in one line that names the rule and the
template to use, rather than filing a New York paper in St. Louis. Where no rule is recorded
either paper may be assembled.
"""

from __future__ import annotations

from assembler.errors import TemplateError
from assembler.library.courtrules import CourtRules
from assembler.library.courts import Court
from assembler.library.coverage import PAPER_TEMPLATES, paper_form_problem
from assembler.library.templates import Template


def check_paper_form(template: Template, rules: CourtRules, court: Court) -> None:
    problem = paper_form_problem(template, rules, court)
    if problem:
        raise TemplateError(problem)


def paper_warnings(template: Template, rules: CourtRules, court: Court) -> list[str]:
    """What a lawyer must still do by hand for this court's papers, said once per draft."""
    found: list[str] = []
    if rules.is_default:
        return found
    if not rules.confirmed and template.kind in ("memorandum", *PAPER_TEMPLATES):
        found.append(f"{court.citation} rules ({rules.rule}) are recorded from practice knowledge; their text was not "
                     f"read (last looked up {rules.checked or 'never'}): confirm the current text before filing")
    if template.kind == "motion" and rules.memorandum == "incorporated":
        found.append(f"{court.citation} wants the memorandum of law in the motion itself ({rules.motion_rule}): "
                     "file the memorandum's argument within this motion, not as a separate paper")
    return found
