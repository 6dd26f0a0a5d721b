"""Clause text markup: a numbered paragraph is always its own paragraph, and numbers below one hundred are
spelled out, whatever the Jinja around them did to the line breaks."""

from __future__ import annotations

import pytest

from assembler.text.clausetext import render_text, spelled
from assembler.text.markup import parse_blocks


def test_a_numbered_paragraph_starts_a_new_paragraph_even_without_a_blank_line():
    # trim_blocks swallows the newline after "{% endfor %}", leaving one line break before the next "#."
    text = render_text("#. Marks: {% for m in marks %}{{ m }}; {% endfor %}\n\n#. The record shows.", {"marks": ["A", "B"]},
                       lambda *a, **k: "")
    paragraphs = parse_blocks(text)
    assert [p.style for p in paragraphs] == ["numbered", "numbered"]
    assert [p.text for p in paragraphs] == ["Marks: A; B;", "The record shows."]
    assert not any("#." in p.text for p in paragraphs)


def test_a_hash_inside_a_sentence_is_left_alone():
    [paragraph] = parse_blocks("#. Item #. 4 stays as typed,\nacross a line break.")
    assert paragraph.text == "Item #. 4 stays as typed, across a line break."


@pytest.mark.parametrize("number, words", [(0, "zero"), (2, "two"), (19, "nineteen"), (20, "twenty"),
                                           (41, "forty-one"), (99, "ninety-nine"), (100, "100"), (2500, "2,500")])
def test_numbers_below_one_hundred_are_spelled_out(number, words):
    assert spelled(number) == words
