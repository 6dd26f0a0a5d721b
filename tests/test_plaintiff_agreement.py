"""The memorandum speaks of the plaintiffs in their number: one plaintiff "alleges" and has "Plaintiff's
claims"; several "allege" and have "Plaintiffs' claims", in every court's version of the argument."""

from __future__ import annotations

import copy
import re

import pytest

from assembler.assembly.assemble import assemble
from samples import motion_answers

SINGULAR_ON_PLURAL = re.compile(
    r"\bPlaintiffs(?:'s|’s| (?:alleges|is|bears|points|says|identifies|has|does|offers|shows|makes|cites|relies"
    r"|argues|asserts|seeks|pleads|was))\b|Plaintiffs Is Not"
    # "it"/"its" for several plaintiffs, in the sentences the memorandum says of the plaintiff
    r"|through its own affidavits|the showing it has not made|and it does not: it identifies"
    r"|Plaintiffs (?:identify|allege|point to|offer) [^.;]* from which its claims arise")
PLURAL_ON_SINGULAR = re.compile(r"\bPlaintiff(?: allege| are| bear| point| say)\b|Plaintiff(?:'|’)(?!s)|Plaintiff Are Not")


def _text(draft) -> str:
    return "\n".join(block.text for block in draft.blocks if hasattr(block, "text"))


def _with_plaintiffs(answers, count: int):
    first = answers["plaintiffs"][0]
    answers["plaintiffs"] = [dict(copy.deepcopy(first), name=f"{first['name']} {n}", short_name=f"Claimant {n}")
                             for n in range(1, count + 1)]
    return answers


@pytest.mark.parametrize("court", ["moed", "nysd", "njd", "mad", "cand"])
@pytest.mark.parametrize("count", [1, 3])
def test_verbs_and_possessives_follow_the_number_of_plaintiffs(builtin, court, count):
    draft = assemble(builtin, "rule-12b2-motion", _with_plaintiffs(motion_answers(court), count))
    text = _text(draft)
    assert "Plaintiff" in text and len(text) > 5000
    wrong = (SINGULAR_ON_PLURAL if count > 1 else PLURAL_ON_SINGULAR).findall(text)
    assert wrong == [], wrong
