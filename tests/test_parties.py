"""Party lists carry their own number and kind, so clause text agrees by construction."""

from __future__ import annotations

from assembler.assembly.parties import party_lists
from assembler.text.clausetext import compiled, plural

SCHEDULE_A = {"name": "The Partnerships and Unincorporated Associations Identified on Schedule A",
              "short_name": "Defendants", "kind": "other"}


def _lists(plaintiffs, defendants, **more):
    return party_lists({"plaintiffs": plaintiffs, "defendants": defendants, **more}, "New York")


def _say(text: str, **context) -> str:
    return compiled(text).render(context)


ABBC = {"name": "ABBC Block Chain IT Solutions LLC", "short_name": "ABBC", "kind": "llc"}
MA = {"name": "Jack Ma", "short_name": "Ma", "kind": "individual"}
ALIBABA = {"name": "Alibaba Group Holding Limited", "short_name": "Alibaba", "kind": "corporation"}


def test_one_enjoined_entity_is_singular_and_it():
    lists = _lists([ALIBABA], [ABBC, MA], enjoined=["ABBC"])
    text = "{{ enjoined.names }} {{ enjoined.verb('is', 'are') }} enjoined from using {{ enjoined.its }} site"
    assert _say(text, **lists) == "ABBC is enjoined from using its site"
    assert plural(lists["enjoined"], "has", "have") == "has"


def test_two_plaintiffs_are_plural():
    second = {"name": "Alibaba Singapore Pte. Ltd.", "short_name": "Alibaba Singapore", "kind": "corporation"}
    lists = _lists([ALIBABA, second], [ABBC])
    text = "{{ plaintiffs.names }} {{ plaintiffs.verb('has', 'have') }} shown {{ plaintiffs.its }} claim"
    assert _say(text, **lists) == "Alibaba and Alibaba Singapore have shown their claim"
    assert lists["plaintiffs"].word == "Plaintiffs"
    assert lists["plaintiffs"].intros == ('Plaintiff Alibaba Group Holding Limited ("Alibaba") and Plaintiff '
                                          'Alibaba Singapore Pte. Ltd. ("Alibaba Singapore")')


def test_an_individual_takes_the_pronoun_answered_or_he_or_she():
    lists = _lists([ALIBABA], [MA, {**ABBC}], movants=["Ma"])
    movants = lists["movants"]
    assert movants.individual and not movants.entity
    assert (movants.it, movants.its, movants.itself) == ("he or she", "his or her", "himself or herself")
    assert movants[0].description == "an individual"
    she = _lists([ALIBABA], [{**MA, "pronoun": "she"}], movants=["Ma"])["movants"]
    assert (she.it, she.its, she.itself, she.it_verb("is", "are")) == ("she", "her", "herself", "is")
    they = _lists([ALIBABA], [{**MA, "pronoun": "they"}], movants=["Ma"])["movants"]
    assert (they.it, they.it_verb("is", "are"), they.verb("is", "are")) == ("they", "are", "is")


def test_a_schedule_a_collective_counts_as_many():
    lists = _lists([ALIBABA], [SCHEDULE_A])
    enjoined = lists["enjoined"]
    assert len(enjoined) == 1 and enjoined.many
    assert _say("{{ enjoined.names }} {{ enjoined.verb('has', 'have') }} not rebutted", **lists) == \
        "Defendants have not rebutted"
    assert plural(enjoined, "has", "have") == "have"
    assert (enjoined.word, enjoined.it, enjoined.its) == ("Defendants", "they", "their")


def test_mixed_lists_are_neither_individual_nor_entity_and_split():
    defendants = _lists([ALIBABA], [ABBC, MA])["defendants"]
    assert not defendants.individual and not defendants.entity
    assert defendants.individuals.names == "Ma" and defendants.entities.names == "ABBC"


def test_parties_still_read_as_the_mappings_they_were():
    defendants = _lists([ALIBABA], [ABBC, MA])["defendants"]
    assert defendants[0]["short_name"] == "ABBC" and defendants[1].get("kind") == "individual"
    assert _say("{% for d in defendants %}{{ d['short_name'] }}/{{ d.description }};{% endfor %}",
                defendants=defendants) == "ABBC/a limited liability company;Ma/an individual;"
    assert _say("{{ defendants|map(attribute='short_name')|join(', ') }} {{ defendants|length }}",
                defendants=defendants) == "ABBC, Ma 2"
