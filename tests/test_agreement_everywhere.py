"""The memorandum speaks of the parties in their number and kind in every circuit's and every state's text:
several plaintiffs, or a plaintiff who is a person, are never "it"; a movant who is a person is never "itself"
or "which"; and a place is named as a sentence names it ("in the District of Columbia")."""

from __future__ import annotations

import re

import pytest

from party_matrix import Setup, rendered

# one court for each circuit's standard, and one for each state clause that argues enumerated acts
# (the matrix's persons live in Columbus, Ohio: a motion for a movant at home in the forum is refused, so the Sixth
# Circuit is read in E.D. Mich.)
COURTS = ["mad", "nysd", "ctd", "njd", "mdd", "txed", "mied", "ilnd", "moed", "cand", "akd", "cod", "flsd", "gand",
          "dcd", "vid"]
SETUPS = [Setup(3, 1, "individual", "all"), Setup(1, 2, "individual", "some")]

# "it"/"its" said of the plaintiff: every party in these setups is a person, so the only "it" in a sentence about
# the plaintiff could be the plaintiff
PLAINTIFF_IT = re.compile(r"\bPlaintiffs?\b[^.;]*?\b(?:its (?:complaint|claims?|own|burden|injury|showing|allegations)"
                          r"|it (?:felt|has not|does not|cannot|identifies|alleges|relies|must|may))\b")
PERSON_IT = re.compile(r"\b(?:Ma|Raman)\b,? which\b|\b(?:Ma|Raman)\b[^.;]*\b(?:its|itself)\b")
RUN_TOGETHER = re.compile(r"\b(?:him|her|it|them)self(?=[a-z])")
NO_ARTICLE = re.compile(r"(?<!the )(?<!The )\b(?:District of Columbia|Virgin Islands|Northern Mariana Islands)\b(?!,? Circuit)")


def _sentences(body: str) -> list[str]:
    return [" ".join(s.split()) for s in re.split(r"(?<=[.;])\s+", body)]


@pytest.mark.parametrize("setup", SETUPS, ids=str)
@pytest.mark.parametrize("court", COURTS)
def test_no_party_is_given_the_wrong_pronoun(court, setup):
    body = rendered("rule-12b2-motion", setup, court, word=False).body
    wrong = [s for s in _sentences(body) if PLAINTIFF_IT.search(s) or PERSON_IT.search(s) or RUN_TOGETHER.search(s)]
    assert wrong == []


@pytest.mark.parametrize("court", ["dcd", "vid", "nmid"])
def test_a_place_that_takes_the_article_is_named_with_it(court):
    body = rendered("rule-12b2-motion", Setup(1, 1, "entity", "all"), court, word=False).body
    assert [s for s in _sentences(body) if NO_ARTICLE.search(s.split(" (")[0]) and "District Court" not in s] == []


@pytest.mark.parametrize("court, state", [("akd", "Alaska"), ("azd", "Arizona"), ("cand", "California")])
def test_the_ninth_circuit_express_aiming_text_names_the_courts_own_state(court, state):
    body = " ".join(rendered("rule-12b2-motion", Setup(1, 1, "entity", "all"), court, word=False).body.split())
    assert f"expressly aimed its own conduct at {state}, and a website's accessibility from {state} is not enough" in body
    assert f"no regular sales and deliveries of products into {state}" in body
    if state != "California":
        assert "into California" not in body
