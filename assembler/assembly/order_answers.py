"""Checks on the answers to an injunction order (``pi-order``, ``tro-order``) that no single question can make.

An order must be one a court can sign as written. Some setups it cannot state: a Schedule A order whose
restraints run against "Defendants", defined as the sellers in Schedule A, while ``enjoined`` names a defendant
who is not among them; email service on sellers in China in a Second Circuit court, where *Smart Study*
holds it prohibited; a TRO history whose dates cannot have happened, or a TRO that expired before the hearing
but would be said to remain in effect. Those are refused, one line each. An answer the chosen order does not
use (the *Polaroid* factors outside the Second Circuit, TRO history in an order that recites none) is printed
as a warning and kept in the manifest, so a lawyer never believes a finding is in the order when it is not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assembler.library.courts import Court
from assembler.library.templates import Template
from assembler.text.jinja import condition_holds

ORDERS = ("pi-order", "tro-order")
_POLAROID = ("polaroid_strength", "polaroid_similarity", "polaroid_proximity", "polaroid_bridging_the_gap",
             "polaroid_actual_confusion", "polaroid_bad_faith", "polaroid_quality", "polaroid_sophistication")
# answers some order reads that another does not: said when given to one that does not
_ORDER_ANSWERS = ("false_statements", "confusion_findings", "notice_date", "notice_method", "hearing_date",
                  "tro_date", "tro_bond_amount", "tro_extended_on", "tro_served_on", "tro_service_method",
                  "tro_opposed_by", "tro_appeared_by", "tro_bond_posted", "tro_schedule_unsealed") + _POLAROID


def _given(value: Any) -> bool:
    return value not in (None, "", [])


def schedule_a_order(template: Template, answers: dict[str, Any]) -> bool:
    """The order carries the Schedule A provisions: restraints, funds, service and sealing against "Defendants"
    as Schedule A defines them."""
    return template.id == "tro-order" or (template.id == "pi-order" and bool(answers.get("schedule_a_provisions")))


def _collective(party: dict[str, Any]) -> bool:
    from assembler.assembly.parties import Party

    return Party(party, "Defendant").collective


def _enjoined(answers: dict[str, Any]) -> list[dict[str, Any]]:
    defendants = [d for d in answers.get("defendants") or [] if isinstance(d, dict)]
    chosen = [str(e) for e in answers.get("enjoined") or []]
    return [d for d in defendants if str(d.get("short_name") or d.get("name")) in chosen] if chosen else defendants


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def order_problems(template: Template, answers: dict[str, Any], court: Court) -> list[str]:
    """What the order cannot state coherently; each a line naming the answers."""
    if template.id not in ORDERS:
        return []
    return (_party_problems(template, answers) + _service_problems(template, answers, court)
            + _history_problems(template, answers))


def _party_problems(template: Template, answers: dict[str, Any]) -> list[str]:
    enjoined = _enjoined(answers)
    named = [str(d.get("short_name") or d.get("name")) for d in enjoined if not _collective(d)]
    sellers = [d for d in enjoined if _collective(d)]
    if schedule_a_order(template, answers):
        if named:
            return [f"'enjoined': {', '.join(named)} {'is' if len(named) == 1 else 'are'} not among the sellers "
                    "identified in Schedule A, and a Schedule A order restrains only them (its restraints, funds, "
                    "service and sealing run against \"Defendants\" as Schedule A defines them); enjoin only the "
                    "Schedule A defendant here, and a named defendant in an order without 'schedule_a_provisions'"]
        if not sellers:
            return ["'enjoined': a Schedule A order restrains the sellers identified in Schedule A, but no enjoined "
                    "defendant is they (a defendant named as \"... Identified on Schedule A\")"]
        return []
    names = {str(d.get(k)) for d in enjoined for k in ("name", "short_name") if d.get(k)}
    strangers = [str(s.get("name")) for s in answers.get("schedule_a") or [] if isinstance(s, dict)
                 and str(s.get("name")) not in names]
    if strangers and not sellers:
        return [f"'schedule_a' lists {strangers[0]}" + (f" and {len(strangers) - 1} other seller(s)" if len(strangers) > 1
                else "") + ", but no enjoined defendant is the sellers identified on Schedule A, so the order would "
                "annex sellers it does not restrain; add that defendant to 'defendants' (and 'enjoined'), or leave "
                "'schedule_a' out"]
    return []


def _service_problems(template: Template, answers: dict[str, Any], court: Court) -> list[str]:
    email = (schedule_a_order(template, answers) and answers.get("alternative_service", True)
             and answers.get("hague_ground") == "email_not_postal")
    if email and court.circuit == "ca2":
        return [f"'hague_ground': email_not_postal cannot be used in the {court.district}: Smart Study Co. v. "
                "Shenzhenshixindajixieyouxiangongsi (2d Cir. 2025) binds this court and holds email service on "
                "defendants in China whose addresses are known prohibited by the Hague Service Convention; use "
                "address_unknown (with the search made) or not_party"]
    return []


def _history_problems(template: Template, answers: dict[str, Any]) -> list[str]:
    if not (template.id == "pi-order" and answers.get("schedule_a_provisions") and answers.get("tro_date")):
        return []
    problems = []
    entered = _date(answers.get("tro_date"))
    if entered is None:
        return []  # reported against 'tro_date' itself
    extended, served, hearing = (_date(answers.get(k)) if _given(answers.get(k)) else None
                                 for k in ("tro_extended_on", "tro_served_on", "hearing_date"))
    days = answers.get("tro_days") or 14
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 14
    expires = entered + dt.timedelta(days=days)
    if extended is not None:
        if extended <= entered:
            problems.append(f"'tro_extended_on' ({extended}) is not after 'tro_date' ({entered}): a TRO is extended "
                            "after it is entered")
        elif extended > expires:
            problems.append(f"'tro_extended_on' ({extended}) is after the TRO entered on {entered} for {days} days "
                            f"('tro_days') expired on {expires}: an expired TRO cannot be extended")
        else:
            expires = entered + dt.timedelta(days=2 * days)  # Rule 65(b)(2): for a like period
    if served is not None and served < entered:
        problems.append(f"'tro_served_on' ({served}) is before 'tro_date' ({entered}): the TRO cannot be served "
                        "before it is entered")
    if hearing is not None and hearing < entered:
        problems.append(f"'hearing_date' ({hearing}) is before 'tro_date' ({entered}): the hearing on the "
                        "preliminary injunction follows the TRO")
    elif hearing is not None and served is not None and served > hearing:
        problems.append(f"'tro_served_on' ({served}) is after 'hearing_date' ({hearing})")
    elif hearing is not None and hearing > expires and not problems:
        how = "extended on " + str(extended) if extended else "not extended ('tro_extended_on')"
        problems.append(f"'hearing_date' ({hearing}) is after the TRO expired on {expires} (entered {entered} for "
                        f"{days} days ('tro_days'), {how}); an order cannot continue an expired TRO: answer "
                        "'tro_extended_on' if it was extended, or leave 'tro_date' out")
    for key in ("tro_opposed_by", "tro_appeared_by"):
        strangers = [str(n) for n in answers.get(key) or [] if not _names_a_defendant(str(n), answers)]
        if strangers:
            problems.append(f"'{key}': {', '.join(strangers)} is not a defendant or a seller in Schedule A (by "
                            "name, store or seller ID)")
    return problems


def _names_a_defendant(name: str, answers: dict[str, Any]) -> bool:
    known = {str(d.get(k)) for d in answers.get("defendants") or [] if isinstance(d, dict)
             for k in ("name", "short_name") if d.get(k)}
    known |= {str(s.get(k)) for s in answers.get("schedule_a") or [] if isinstance(s, dict)
              for k in ("name", "store", "seller_id") if s.get(k)}
    return name in known


def unused_answer_warnings(template: Template, answers: dict[str, Any], court: Court) -> list[str]:
    """Answers given that the chosen order does not use, each a line saying why."""
    if template.id not in ORDERS:
        return []
    asked = {q.name: q for q in template.questions}
    warnings = []
    polaroid = [n for n in _POLAROID if _given(answers.get(n)) and n in asked]
    if polaroid and court.circuit != "ca2":
        warnings.append(f"answer(s) {', '.join(repr(n) for n in polaroid)} not used: the Polaroid factors are the "
                        f"Second Circuit's, and this order in the {court.district} does not state them (give the "
                        "findings as 'confusion_findings'); the order says nothing of them")
    for name in _ORDER_ANSWERS:
        if name in polaroid and court.circuit != "ca2":
            continue
        if not _given(answers.get(name)):
            continue
        question = asked.get(name)
        if question is None:
            if name.startswith("tro_") or name.startswith("notice_") or name == "hearing_date":
                continue  # the same answers file serves the TRO and, later, the injunction converting it
            why = f"the {template.id} does not ask it"
        elif question.when and not condition_holds(question.when, answers):
            why = f"this order uses it only when {question.when}"
        elif name == "false_statements" and schedule_a_order(template, answers):
            why = "a Schedule A order restrains the acts in its restraint paragraph and makes no § 1125(a) finding"
        else:
            continue
        warnings.append(f"answer '{name}' is not used: {why}; the order says nothing of it")
    if template.id == "pi-order" and not (_given(answers.get("notice_date")) or _given(answers.get("notice_method"))):
        warnings.append("no 'notice_date' or 'notice_method': the order does not recite that the defendants were given "
                        "notice of the motion, which Fed. R. Civ. P. 65(a)(1) requires; answer them to recite it")
    return warnings
