"""A matrix of party setups for rendering every template over: who sues whom, and who moves or is enjoined.

Each :class:`Setup` is 1-3 plaintiffs x 1-3 defendants, all individuals or all entities, with every defendant
or only some of them moving to dismiss (motion papers) or enjoined (injunction order). ``answers_for`` turns a
setup into complete answers for a template and court; ``rendered`` assembles it and lays it out in Word, and
returns what the court reads (caption, body, signature) as plain text. Tests assert key sentences over
``SETUPS`` with ``@pytest.mark.parametrize("setup", SETUPS, ids=str)``; add a clause's key sentence to
``test_party_matrix.py`` (or a test of your own) when you change how a clause speaks of parties.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from samples import motion_answers, order_answers, plain

MOTION_TEMPLATES = ("rule-12b2-motion", "rule-12b2-notice", "rule-12b2-motion-paper", "rule-12b2-proposed-order")
TEMPLATES = MOTION_TEMPLATES + ("pi-order",)

_ENTITIES = {
    "Plaintiff": [("Northwind Trading Corp.", "Northwind", "corporation", "Delaware", "Wilmington, Delaware"),
                  ("Harbor Goods LLC", "Harbor", "llc", "New York", "Buffalo, New York"),
                  ("Lakeside Brands, L.P.", "Lakeside", "partnership", "Illinois", "Chicago, Illinois")],
    "Defendant": [("Sunrise Holdings Limited", "Sunrise", "corporation", "the Cayman Islands", "Hong Kong"),
                  ("Blue Ridge Ventures LLC", "Blue Ridge", "llc", "Delaware", "Austin, Texas"),
                  ("Meridian Exports GmbH", "Meridian", "other", "Germany", "Hamburg, Germany")],
}
_PEOPLE = {
    "Plaintiff": [("Ana María Ruiz", "Ruiz", "she"), ("Thomas O'Neill", "O'Neill", "he"), ("Kai Lee", "Lee", None)],
    "Defendant": [("Jack Ma", "Ma", "he"), ("Priya Raman", "Raman", "she"), ("Sam Doe", "Doe", None)],
}


@dataclass(frozen=True)
class Setup:
    plaintiffs: int
    defendants: int
    kind: str  # "individual" or "entity": every party of the setup
    selection: str  # "all" or "some": the defendants moving (motion) or enjoined (order)

    def __str__(self) -> str:
        return f"{self.plaintiffs}p-{self.defendants}d-{self.kind}-{self.selection}"

    def parties(self, role: str) -> list[dict[str, Any]]:
        count = self.plaintiffs if role == "Plaintiff" else self.defendants
        if self.kind == "individual":
            people = []
            for name, short, pronoun in _PEOPLE[role][:count]:
                person = {"name": name, "short_name": short, "kind": "individual",
                          "principal_place_of_business": "Columbus, Ohio"}
                if pronoun:
                    person["pronoun"] = pronoun
                people.append(person)
            return people
        return [{"name": n, "short_name": s, "kind": k, "organized_under": o, "principal_place_of_business": p}
                for n, s, k, o, p in _ENTITIES[role][:count]]

    @property
    def chosen(self) -> list[str]:
        """Short names of the moving or enjoined defendants: all, or all but the last (at least one)."""
        shorts = [p["short_name"] for p in self.parties("Defendant")]
        return shorts if self.selection == "all" else shorts[: max(1, len(shorts) - 1)]


SETUPS = [Setup(p, d, kind, selection)
          for p in (1, 2, 3) for d in (1, 2, 3) for kind in ("entity", "individual") for selection in ("all", "some")
          if not (selection == "some" and d == 1)]


def answers_for(template_id: str, setup: Setup, court: str | None = None, **changes: Any) -> dict[str, Any]:
    plaintiffs, defendants = setup.parties("Plaintiff"), setup.parties("Defendant")
    if template_id in MOTION_TEMPLATES:
        # E.D. Mo. takes a motion, not a notice of motion (L.R. 4.01): the notice is drawn for S.D.N.Y.
        answers = motion_answers(court or ("nysd" if template_id == "rule-12b2-notice" else "moed"))
        answers.update(plaintiffs=plaintiffs, defendants=defendants, movants=setup.chosen)
        answers["filer"] = {**answers["filer"], "represents": setup.chosen}
        # attribution needs an affiliate among the parties that is not moving; otherwise leave it out
        others = [p["short_name"] for p in defendants if p["short_name"] not in setup.chosen]
        theories = [t for t in answers["jurisdiction_theories"] if t != "attribution" or others]
        answers["jurisdiction_theories"] = theories
        if others:
            answers["related_entity"] = others[0]
        else:
            answers.pop("related_entity", None)
        answers["facts"] = [f"{setup.chosen[0]} has no office in the forum. (Decl. ¶ 3.)"]
    else:
        answers = order_answers(court or "nysd")
        answers.update(plaintiffs=plaintiffs, defendants=defendants)
        answers["filer"] = {**answers["filer"], "represents": [p["short_name"] for p in plaintiffs]}
        if setup.selection == "some":
            answers["enjoined"] = setup.chosen
    answers.update(changes)
    return copy.deepcopy(answers)


@dataclass
class Rendered:
    caption: str  # the caption table's text
    body: str  # every paragraph outside tables, in order
    draft: Any  # the assembled Draft (its context holds the party lists)


@lru_cache(maxsize=1)
def _library():
    from assembler.library.loading import load_library

    return load_library()


def rendered(template_id: str, setup: Setup, court: str | None = None, *, word: bool = True, **changes: Any) -> Rendered:
    """Assemble (and, with ``word``, write the Word draft in memory) and return its text; ``changes`` amend the
    answers (e.g. ``division``)."""
    import docx

    from assembler.assembly.assemble import assemble
    from assembler.word.writer import render_docx

    draft = assemble(_library(), template_id, answers_for(template_id, setup, court, **changes))
    if not word:
        return Rendered("", draft.plain_text(), draft)
    document = docx.Document(io.BytesIO(render_docx(draft)))
    caption = "\n".join(cell.text for table in document.tables[:1] for row in table.rows for cell in row.cells)
    # the typesetting (curly quotes, no-break spaces) is tested in test_typography; compare the words here
    return Rendered(plain(caption), plain("\n".join(p.text for p in document.paragraphs)), draft)


def caption_names(setup: Setup, role: str) -> list[str]:
    """The caption's lines for one side, as a court expects them: up to two names, else the first et al."""
    names = [p["name"].upper() for p in setup.parties(role)]
    if len(names) > 2:
        return [f"{names[0]}, et al.,"]
    if len(names) == 2:
        return [names[0], f"and {names[1]},"]
    return [f"{names[0]},"]


def role_word(count: int, role: str) -> str:
    return role if count == 1 else f"{role}s"


def serial(items: list[str]) -> str:
    """A serial list written out independently of the code under test."""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f", and {items[-1]}"


def intro(party: dict[str, Any], role: str) -> str:
    return f'{role} {party["name"]} ("{party["short_name"]}")'
