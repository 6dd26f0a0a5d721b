"""The injunction order's key sentences over the party matrix (tests/party_matrix.py): one to three
plaintiffs and defendants, individuals or entities, every defendant or only some enjoined. Each sentence must
agree with the parties it names, in number and in person."""

from __future__ import annotations

import pytest

from party_matrix import SETUPS, Setup, rendered, serial


def _named(parties: list[dict]) -> str:
    return serial([p["name"] + (f' ("{p["short_name"]}")' if p["short_name"] != p["name"] else "") for p in parties])


def _pronoun(parties: list[dict]) -> tuple[str, str, str]:
    """(subject, possessive, verb for 'has') of a list of parties."""
    if len(parties) > 1:
        return "they", "their", "have"
    party = parties[0]
    if party["kind"] != "individual":
        return "it", "its", "has"
    return {"he": ("he", "his", "has"), "she": ("she", "her", "has"), None: ("he or she", "his or her", "has"),
            "they": ("they", "their", "have")}[party.get("pronoun")]


@pytest.mark.parametrize("setup", SETUPS, ids=str)
def test_the_injunction_order_agrees_with_its_parties(setup: Setup) -> None:
    text = " ".join(rendered("pi-order", setup, word=False).draft.plain_text().split()).replace("\u00a0", " ")
    plaintiffs = setup.parties("Plaintiff")
    enjoined = [p for p in setup.parties("Defendant") if p["short_name"] in setup.chosen]
    p_names, e_names = serial([p["short_name"] for p in plaintiffs]), serial(setup.chosen)
    p_many, e_many = len(plaintiffs) > 1, len(enjoined) > 1
    p_word, e_word = ("Plaintiffs" if p_many else "Plaintiff"), ("Defendants" if e_many else "Defendant")
    p_it, p_its, _ = _pronoun(plaintiffs)
    e_it, e_its, e_has = _pronoun(enjoined)

    expected = [
        f"on the motion of {p_word} {_named(plaintiffs)} for a preliminary injunction against {e_word} "
        f"{_named(enjoined)} under",
        f"{e_names} {'were' if e_many else 'was'} given notice of the motion",
        f"{p_names} {'bear' if p_many else 'bears'} the burden of showing the Court's personal jurisdiction over "
        f"{e_names}",
        "Those contacts are " + ("the enjoined defendants'" if e_many else f"{e_names}'s") + " own",
        f"{p_names} {'are' if p_many else 'is'} likely to succeed on {p_its} claim that {e_names} infringed {p_its} "
        "registered mark",
        f"{p_names} {'own' if p_many else 'owns'} the following mark",
        f"{p_it} {'are' if p_it == 'they' else 'is'} entitled to a rebuttable presumption of irreparable harm",
        f"{e_names} {'have' if e_many else 'has'} not rebutted that presumption",
        f"only to stop using marks to which {e_it} {e_has} no right",
        f"{e_names} {'are' if e_many else 'is'} enjoined from using in commerce",
        f"(a) {e_names}; (b) {e_its} officers, agents, servants, employees and attorneys",
        f"{p_names} shall post security",
        f"Within 30 days after service of this Order, {e_names} shall file with the Court and serve on {p_names}",
        f"the manner and form in which {e_it} {e_has} complied with this Order",
        f"{p_names} shall serve a copy of this Order on {e_names} by",
    ]
    for sentence in expected:
        assert sentence in text, sentence
