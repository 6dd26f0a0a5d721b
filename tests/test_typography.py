"""Typography as a typesetter would set a filed brief: curly quotes, citations that never break across a
line, one dash for ranges — and not one character of the text lost or moved."""

from __future__ import annotations

import re

import pytest
from docx import Document
from hypothesis import given, settings, strategies as st

from assembler.api import render_document
from assembler.word.typography import ISOLATE, NB_HYPHEN, NBSP, POP_ISOLATE, WORD_JOINER, typeset, typeset_runs
from samples import motion_answers, order_answers

LQ, RQ, LS, RS = "\u201c", "\u201d", "\u2018", "\u2019"


@pytest.mark.parametrize("typed, printed", [
    ('Acme "Tools" & Co.', f"Acme {LQ}Tools{RQ} & Co."),
    ("Plaintiff's claims", f"Plaintiff{RS}s claims"),
    ("Alibaba Holdings' motion", f"Alibaba Holdings{RS} motion"),
    ("the court's \"at home\" test", f"the court{RS}s {LQ}at home{RQ} test"),
    ('("quoted")', f"({LQ}quoted{RQ})"),
    ("he said, \"'Quoted' words\"", f"he said, {LQ}{LS}Quoted{RS} words{RQ}"),
    ("in the '90s", f"in the {RS}90s"),
    ('a dash\u2014"then a quote"', f"a dash\u2014{LQ}then a quote{RQ}"),
    ("Int'l Shoe", f"Int{RS}l Shoe"),
])
def test_quotes_and_apostrophes_are_curled(typed, printed):
    assert typeset(typed) == printed


@pytest.mark.parametrize("text", [
    'See https://example.com/search?q="mark"&x=1 for the listing',
    "write to o'brien@example.com today",
    'the field key="value" is code',
    "the tag {{ name }} stays",
])
def test_urls_emails_and_code_keep_their_straight_quotes(text):
    out = typeset(text)
    for straight in re.findall(r"https?://\S+|\S+@\S+|key=\"value\"|\{\{ name \}\}", text):
        assert straight in out


@pytest.mark.parametrize("typed, unbreakable", [
    ("moves under Fed. R. Civ. P. 12(b)(2) to dismiss", f"Fed.{NBSP}R.{NBSP}Civ.{NBSP}P.{NBSP}12(b){WORD_JOINER}(2)"),
    ("under 15 U.S.C. § 1125(a) and", f"15{NBSP}U.S.C.{NBSP}§{NBSP}1125(a)"),
    ("28 U.S.C. §§ 1331, 1338(a)", f"28{NBSP}U.S.C.{NBSP}§§{NBSP}1331"),
    ("Kreutter, 71 N.Y.2d 460, 467", f"71{NBSP}N.Y.2d{NBSP}460"),
    ("Int'l Shoe, 326 U.S. at 320", f"326{NBSP}U.S.{NBSP}at{NBSP}320"),
    ("Zazzle, 42 F.4th 948", f"42{NBSP}F.4th{NBSP}948"),
    ("a case, 100 F. Supp. 3d 12 (S.D.N.Y. 2015)", f"100{NBSP}F.{NBSP}Supp.{NBSP}3d{NBSP}12"),
    ("Bryant, 310 S.W.3d 227", f"310{NBSP}S.W.3d{NBSP}227"),
    ("BNSF, 581 U.S. at 413-14", f"581{NBSP}U.S.{NBSP}at{NBSP}413{NB_HYPHEN}14"),
    ("Id. at 139", f"Id.{NBSP}at{NBSP}139"),
    ("See id. at 139", f"id.{NBSP}at{NBSP}139"),
    ("U.S. Reg. No. 5,123,456", f"U.S.{NBSP}Reg.{NBSP}No.{NBSP}5,123,456"),
    ("Mo. Rev. Stat. § 506.500.1", f"Mo. Rev. Stat.{NBSP}§{NBSP}506.500.1"),  # a code's name may break
    ("Rule 4(k)(2) adds nothing", f"Rule{NBSP}4(k){WORD_JOINER}(2)"),
    ("(Decl. ¶¶ 3–4.)", f"Decl.{NBSP}¶¶{NBSP}3{NB_HYPHEN}4"),
    ("Rules 12(b)(2)-(5)", f"12(b){WORD_JOINER}(2){NB_HYPHEN}(5)"),
])
def test_no_line_can_break_inside_a_citation(typed, unbreakable):
    assert unbreakable in typeset(typed)


def test_reporters_in_reporters_db_are_held_together_with_volume_and_page():
    """Every reporter a federal brief cites, and nearly all of reporters-db's plainly abbreviated editions
    (the few missed are six-word nineteenth-century titles)."""
    from reporters_db import EDITIONS

    def held(reporter: str) -> bool:
        bound = reporter.replace(" ", NBSP).replace("'", RS)
        return f"12{NBSP}{bound}{NBSP}345" in typeset(f"See 12 {reporter} 345, 350.")

    common = ["U.S.", "S. Ct.", "L. Ed. 2d", "F.2d", "F.3d", "F.4th", "F. Supp. 2d", "F. Supp. 3d", "F. App'x",
              "N.Y.2d", "N.Y.3d", "A.D.3d", "N.E.3d", "S.W.3d", "Cal. Rptr. 3d", "P.3d", "So. 3d", "A.3d"]
    assert [r for r in common if not held(r)] == []
    plain = [e for e in EDITIONS if re.fullmatch(r"[A-Z][A-Za-z0-9.' &]*\.|[A-Z][A-Za-z0-9.' &]*\d(?:d|th)", e)]
    missed = [e for e in plain if not held(e)]
    assert len(plain) > 700 and len(missed) <= len(plain) // 40, missed


def test_one_dash_for_ranges_and_ordinary_hyphens_left_alone():
    out = typeset("pages 284-86 and 284\u201386; a long-arm statute; Case No. 4:11-CV-273")
    assert out.count(NB_HYPHEN) == 2  # both ranges, and neither hyphen of the docket number
    assert "long-arm" in out and "CV-273" in out


def test_ordinary_prose_is_untouched():
    prose = "The Court should dismiss the claims against it. It is not at home in Missouri, so jurisdiction fails."
    assert typeset(prose) == prose


def test_runs_of_one_paragraph_are_curled_together():
    """A closing quote after an italic case name is closed by the name before it, in another run."""
    assert typeset_runs(['the "', "Daimler", '" rule']) == ["the \u201c", "Daimler", "\u201d rule"]


_SUBSTITUTES = {"'": LS + RS, '"': LQ + RQ, " ": NBSP, "-": NB_HYPHEN, "\u2013": NB_HYPHEN}

_PIECES = list("aAbcSsIdtU.,;:()'\"-\u2013 §¶0123456789&<>\\`{}=@/\u2060") + [
    "U.S. ", "F.3d ", "Id. at ", "Fed. R. Civ. P. ", "http://", "12(b)(2)", "'90s", "\u2014"]
legal_text = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(legal_text, min_size=1, max_size=4))
def test_typesetting_never_loses_adds_or_reorders_a_character(runs):
    """Each output character is the input character or its intended substitute; the only additions are
    word joiners after a closing parenthesis and the isolates around right-to-left text; every run keeps its
    own characters."""
    out_runs = typeset_runs(runs)
    assert len(out_runs) == len(runs)
    for before, after in zip(runs, out_runs):
        position = 0
        for index, ch in enumerate(after):
            if ch == WORD_JOINER and index > 0 and after[index - 1] == ")" and (
                    position >= len(before) or before[position] != WORD_JOINER):
                continue
            if ch in (ISOLATE, POP_ISOLATE) and (position >= len(before) or before[position] != ch):
                continue
            original = before[position]
            assert ch == original or ch in _SUBSTITUTES.get(original, ""), (before, after)
            position += 1
        assert position == len(before)


@settings(max_examples=80, deadline=None)
@given(legal_text)
def test_typesetting_twice_changes_nothing_more(text):
    once = typeset(text)
    assert typeset(once) == once


@pytest.fixture(scope="module")
def drafts(builtin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("typeset")
    parties = {"plaintiffs": [{"name": 'Acme "Tools" & Co.', "short_name": "Acme", "kind": "corporation"},
                              {"name": "Jane Roe", "short_name": "Roe", "kind": "individual"}]}
    memo = render_document(builtin, "rule-12b2-motion", motion_answers(court="nysd", **parties), folder / "m.docx")
    order = render_document(builtin, "pi-order", order_answers(court="moed", **parties), folder / "o.docx")
    return {"memo": memo.docx_path, "order": order.docx_path}


def _visible(path) -> str:
    """Every paragraph, caption cell and footnote, as the reader sees it (Word's non-breaking hyphen
    element read as U+2011)."""
    from assembler.word.wordcount import footnote_texts, paragraph_text

    document = Document(str(path))
    body = [paragraph_text(p) for p in document.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]
    return "\n".join(body + list(footnote_texts(document).values()))


@pytest.mark.parametrize("name", ["memo", "order"])
def test_a_rendered_draft_has_no_straight_quote_and_curly_ones_in_caption_and_body(drafts, name):
    text = _visible(drafts[name])
    assert '"' not in text and "'" not in re.sub(r"\S+@\S+|https?://\S+", "", text)
    assert f"ACME {LQ}TOOLS{RQ} & CO." in text
    assert RS in text  # apostrophes in the body (Plaintiff's, Holding's)


def test_the_memorandum_binds_its_citations_in_body_footnotes_and_tables(drafts):
    text = _visible(drafts["memo"])
    assert f"Fed.{NBSP}R.{NBSP}Civ.{NBSP}P.{NBSP}12(b){WORD_JOINER}(2)" in text
    assert re.search(f"571{NBSP}U\\.S\\.{NBSP}117", text)
    assert re.search(f"\\d{NB_HYPHEN}\\d", text)  # pinpoint ranges such as 413-14
    assert not re.search(r"\d \d|§ |¶ |\bId\. at ", text)
    document = Document(str(drafts["memo"]))
    hyphens = document.element.body.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                                            "noBreakHyphen")
    assert hyphens, "ranges are written as Word's own non-breaking hyphen"


def test_a_right_to_left_name_is_isolated_so_its_defined_term_stays_after_it():
    typed = 'Defendant שרה כהן בע"מ ("כהן") moves'
    assert typeset(typed) == (f'Defendant {ISOLATE}שרה כהן בע"מ{POP_ISOLATE} \u201c{ISOLATE}כהן{POP_ISOLATE}\u201d'
                              .replace("\u201c", "(\u201c") + ") moves")
    assert typeset(typeset(typed)) == typeset(typed)
