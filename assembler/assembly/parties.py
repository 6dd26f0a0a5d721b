"""Parties as clause text sees them: each party and each list of parties carries its own number and kind.

A court paper must say "ABBC is enjoined" for one defendant and "Defendants are enjoined" for several, "it"
for a company and "he" or "she" for a person. Working that out in every clause (``plural(movants, 'is',
'are')``) went wrong wherever a clause counted one list and named another. Here agreement is built in: a
:class:`PartyList` knows how many parties it holds and what kind they are, so clause text asks it for the
verb or pronoun that agrees with the names it prints::

    {{ enjoined.names }} {{ enjoined.verb("has", "have") }} used {{ enjoined.its }} website
    {{ movants.intros }}, {{ "an individual" if movants.individual else "entities" if movants.many else "an entity" }}

A party list still iterates as parties and supports ``len``, indexing and ``|map(attribute='short_name')``; a
party still answers ``party["short_name"]`` and ``party.get("name")``, as the plain mappings it replaces did.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, overload

from assembler.text.clausetext import join_and
from assembler.library.courts import us_states_in

PARTY_KINDS = ("corporation", "llc", "partnership", "individual", "other")
PRONOUNS = ("he", "she", "they")
_KIND_PHRASES = {
    "corporation": "a corporation", "llc": "a limited liability company", "partnership": "a partnership",
    "individual": "an individual", "other": "an entity",
}
# An individual's pronoun forms: subject, possessive, reflexive. Without a `pronoun` answer an individual is
# "he or she" (the long-standing neutral form of court papers, which takes a singular verb, so
# ``verb()`` still agrees after it). Singular "they" takes a plural verb: see :meth:`PartyList.it_verb`.
_PRONOUN_FORMS = {
    "he": ("he", "his", "himself", "him"),
    "she": ("she", "her", "herself", "her"),
    "they": ("they", "their", "themselves", "them"),
    None: ("he or she", "his or her", "himself or herself", "him or her"),
}
_ENTITY_FORMS = ("it", "its", "itself", "it")
_MANY_FORMS = ("they", "their", "themselves", "them")
_SCHEDULE_A = re.compile(r"\bschedule\s+a\b", re.IGNORECASE)


class _Pronouns:
    """``it``, ``its``, ``itself`` and ``it_obj`` from the subject, possessive, reflexive and object forms
    ``_forms`` gives, and ``which``: the relative pronoun ("who" for a person, "which" for an entity)."""

    def _forms(self) -> tuple[str, str, str, str]:
        raise NotImplementedError

    @property
    def it_obj(self) -> str:
        return self._forms()[3]

    @property
    def which(self) -> str:
        return "who" if self._forms()[0] != "it" and self._has_person() else "which"

    def _has_person(self) -> bool:
        raise NotImplementedError

    @property
    def it(self) -> str:
        return self._forms()[0]

    @property
    def its(self) -> str:
        return self._forms()[1]

    @property
    def itself(self) -> str:
        return self._forms()[2]


class Party(_Pronouns):
    """One plaintiff or defendant, from its answers, with the phrases a brief uses to introduce it.

    ``intro``: 'Defendant Alibaba Group Holding Limited ("Alibaba Holding")'; ``description``: "a corporation
    organized under the laws of the Cayman Islands with its principal place of business in ..." (an
    individual: "an individual domiciled in ..."); ``kind_phrase``: "a corporation", "an individual", ...;
    ``collective``: the party stands for many (a Schedule A of sellers sued together), so it takes plural
    verbs; ``at_home_in_forum``: organized or based in the forum state.
    """

    _FIELDS = ("name", "short_name", "kind", "organized_under", "principal_place_of_business", "pronoun")

    def __init__(self, raw: dict[str, Any], role: str, forum_state: str = "") -> None:
        self.name = str(raw.get("name") or "")
        self.short_name = str(raw.get("short_name") or self.name)
        self.kind = str(raw.get("kind") or "other")
        self.organized_under = raw.get("organized_under") or None
        self.principal_place_of_business = raw.get("principal_place_of_business") or None
        self.pronoun = raw.get("pronoun") or None
        self.role = role
        self.kind_phrase = _KIND_PHRASES.get(self.kind, "an entity")
        self.collective = bool(_SCHEDULE_A.search(self.name))
        defined = f' ("{self.short_name}")' if self.short_name != self.name else ""
        self.intro = f"{role}{'s' if self.collective else ''} {self.name}{defined}"
        place = self.principal_place_of_business or ""
        if self.individual:
            self.description = "an individual" + (f" domiciled in {place}" if place else "")
        else:
            organized = f" organized under the laws of {self.organized_under}" if self.organized_under else ""
            where = f" with its principal place of business in {place}" if place else ""
            self.description = f"{self.kind_phrase}{organized}{where}"
        self.at_home_in_forum = bool(forum_state and (self.organized_under == forum_state or forum_state in place))
        # Where a U.S. court of general jurisdiction reaches the party on any claim: an individual's domicile; a
        # corporation's state of incorporation and principal place of business (Daimler). Empty for a foreign
        # party, which is what Rule 4(k)(2)(A) and Asahi's "foreign legal system" burden turn on.
        homes = us_states_in(place) if self.individual else us_states_in(self.organized_under) + us_states_in(place)
        self.home_states = list(dict.fromkeys(homes))
        self.domestic = bool(self.home_states)
        # What the answers establish, and no more: ``placed``, where the party is at home is answered (a person's
        # domicile; an entity's state of organization and principal place of business), so a paper may say it
        # is not at home in the forum; ``foreign``, the answers place it and name no U.S. state, so a paper may
        # treat it as a foreign defendant. A party whose answers are silent is neither: nothing is said of it.
        self.placed = bool(place) if self.individual else bool(place and self.organized_under)
        self.foreign = not self.domestic and bool(place or (self.organized_under and self.entity))

    @property
    def individual(self) -> bool:
        return self.kind == "individual"

    @property
    def entity(self) -> bool:
        return not self.individual

    @property
    def many(self) -> bool:
        return self.collective

    def _forms(self) -> tuple[str, str, str, str]:
        if self.collective:
            return _MANY_FORMS
        return _PRONOUN_FORMS.get(self.pronoun, _PRONOUN_FORMS[None]) if self.individual else _ENTITY_FORMS

    def verb(self, one: str, many: str) -> str:
        return many if self.collective else one

    def _has_person(self) -> bool:
        return self.individual

    # The mapping interface of the plain dicts parties used to be, for clause versions and code written then.
    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and hasattr(self, key)

    def __str__(self) -> str:
        return self.short_name

    def __repr__(self) -> str:
        return f"Party({self.role} {self.short_name!r}, {self.kind})"


class PartyList(_Pronouns):
    """The plaintiffs, the defendants, the movants or the enjoined: parties together with their grammar.

    ``names``: short names as a serial list ("Alibaba, ABBC, and Philip"); ``intros``: each party's intro,
    joined the same way; ``word``: "Plaintiff" / "Plaintiffs" (or "Defendant" / "Defendants");
    ``many``: more than one party, or one collective party (a Schedule A); ``verb(one, many)``: the form that
    agrees with ``names``; ``it``, ``its``, ``itself``: the pronoun for the list (several: they / their /
    themselves; an entity: it / its / itself; an individual: from the party's ``pronoun`` answer, he, she or
    they, and "he or she" when not answered); ``it_verb(one, many)``: the form that agrees with ``it`` (plural
    after singular "they"); ``individual`` / ``entity``: every party is an individual / none is (a mixed list
    is neither); ``individuals`` / ``entities``: the sub-lists.
    """

    def __init__(self, parties: Iterable[Party], role: str) -> None:
        self._parties = list(parties)
        self.role = role

    # --- a sequence of parties ---
    def __iter__(self) -> Iterator[Party]:
        return iter(self._parties)

    def __len__(self) -> int:
        return len(self._parties)

    @overload
    def __getitem__(self, index: int) -> Party: ...
    @overload
    def __getitem__(self, index: slice) -> PartyList: ...
    def __getitem__(self, index: int | slice) -> Party | PartyList:
        if isinstance(index, slice):
            return PartyList(self._parties[index], self.role)
        return self._parties[index]

    def __bool__(self) -> bool:
        return bool(self._parties)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartyList):
            return self._parties == other._parties
        if isinstance(other, list):
            return self._parties == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.names

    def __repr__(self) -> str:
        return f"PartyList({self.role}: {self.names})"

    # --- grammar ---
    @property
    def names(self) -> str:
        return join_and(p.short_name for p in self._parties)

    @property
    def intros(self) -> str:
        return join_and(p.intro for p in self._parties)

    @property
    def many(self) -> bool:
        return len(self._parties) > 1 or any(p.collective for p in self._parties)

    @property
    def word(self) -> str:
        return f"{self.role}s" if self.many else self.role

    def verb(self, one: str, many: str) -> str:
        return many if self.many else one

    def _forms(self) -> tuple[str, str, str, str]:
        if self.many or not self._parties:
            return _MANY_FORMS
        return self._parties[0]._forms()

    def _has_person(self) -> bool:
        return any(p.individual for p in self._parties)

    def it_verb(self, one: str, many: str) -> str:
        return many if self._forms() is _MANY_FORMS or self.it == "they" else one

    @property
    def individual(self) -> bool:
        return bool(self._parties) and all(p.individual for p in self._parties)

    @property
    def entity(self) -> bool:
        return bool(self._parties) and not any(p.individual for p in self._parties)

    @property
    def individuals(self) -> PartyList:
        return PartyList((p for p in self._parties if p.individual), self.role)

    @property
    def entities(self) -> PartyList:
        return PartyList((p for p in self._parties if not p.individual), self.role)

    @property
    def short_names(self) -> list[str]:
        return [p.short_name for p in self._parties]


def party_lists(answers: dict[str, Any], forum_state: str) -> dict[str, PartyList]:
    """``plaintiffs``, ``defendants``, ``movants`` and ``enjoined`` (all defendants when none are named)."""
    plaintiffs = PartyList((Party(p, "Plaintiff", forum_state) for p in answers.get("plaintiffs") or []
                            if isinstance(p, dict)), "Plaintiff")
    defendants = PartyList((Party(p, "Defendant", forum_state) for p in answers.get("defendants") or []
                            if isinstance(p, dict)), "Defendant")
    by_short = {p.short_name: p for p in defendants}

    def chosen(key: str) -> PartyList:
        return PartyList((by_short[s] for s in answers.get(key) or [] if s in by_short), "Defendant")

    enjoined = chosen("enjoined")
    return {"plaintiffs": plaintiffs, "defendants": defendants, "movants": chosen("movants"),
            "enjoined": enjoined if enjoined else defendants}
