"""Bluebook forms the formatter settles from the words around a citation (R. 1.2, R. 4.1, R. 10.8.1, R. 10.2.2)."""

from __future__ import annotations

from assembler.citing.citations import CitationFormatter
from assembler.library.loading import load_library
from assembler.text.markup import strip_markers

LIB = load_library()


def run(*pieces) -> str:
    """Render pieces of clause text; a tuple is a cite() call (refs, keyword arguments)."""
    formatter = CitationFormatter(LIB.registry)
    out = []
    for piece in pieces:
        out.append(formatter.cite(*piece[0], **piece[1]) if isinstance(piece, tuple) else piece)
    return strip_markers(formatter.settle("".join(out)))


def test_id_is_lower_case_inside_a_sentence_and_capital_at_its_start():
    text = run("At home. ", (["daimler:137"], {}), ". An \"exceptional case,\" ", (["daimler:139 n.19"], {}),
               ". Again. ", (["daimler:139 n.20"], {}), ".")
    assert 'An "exceptional case," id. at 139 n.19.' in text
    assert "Again. Id. at 139 n.20." in text


def test_id_repeats_no_pinpoint_it_already_gave_and_takes_one_period():
    text = run("First. ", (["walden:285"], {}), ". Second. ", (["walden:285"], {}), ".")
    assert text.endswith("Second. Id.")


def test_no_id_after_a_string_cite_even_when_written_as_two_calls():
    text = run("Rule. ", (["kreutter:467"], {"signal": "See"}), "; ", (["licci:168"], {}), ". Then. ",
               (["licci:168-69"], {"signal": "See"}), ".")
    assert "Then. See Licci, 732 F.3d at 168-69." in text and "id." not in text.lower().split("then.")[1]


def test_a_signal_mid_sentence_is_lower_case():
    text = run("goods as part of a plan, ", (["chloe:167"], {"signal": "See"}), "; nothing here.")
    assert "plan, see Chloé v. Queen Bee" in text


def test_a_case_not_yet_paged_is_cited_by_docket_and_date():
    text = run("Held. ", (["fuld"], {"signal": "But cf."}), ". Again. ", (["daimler:137"], {}), ". Later ", (["fuld"], {}), ".")
    assert "But cf. Fuld v. Palestine Liberation Org., No. 24-20 (U.S. June 20, 2025)." in text
    assert "Later Fuld, No. 24-20." in text


def test_citation_sentences_use_the_registrys_abbreviated_name():
    text = run("Relatedness. ", (["ford:362"], {}), ".")
    assert "Ford Motor Co. v. Mont. Eighth Jud. Dist. Ct., 592 U.S. 351, 362 (2021)" in text


def test_a_short_form_that_names_another_case_is_an_error(tmp_path):
    import dataclasses

    from assembler.library.authorities import Registry, short_form_collisions

    brown = dataclasses.replace(LIB.registry.get("brown-lockheed"), short_name="Brown")
    registry = Registry({**LIB.registry.authorities, "brown-lockheed": brown})
    findings = short_form_collisions(registry)
    assert any(f.key == "brown-lockheed" and "'goodyear'" in f.message for f in findings)
    assert short_form_collisions(LIB.registry) == []
