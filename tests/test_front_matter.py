"""Front matter as a filed brief has it: caption and tables numbered i, ii, the argument from 1; a Table of
Authorities that lists rules and statutes in numeric order, to the subsection cited; points indented under
ARGUMENT in the Table of Contents; signature blocks that a page break cannot split."""

from __future__ import annotations

import docx
import pytest
from docx.shared import Inches

from assembler.api import render_document
from assembler.citing.citations import CitationUse
from assembler.citing.toa import authority_table
from assembler.library.authorities import Authority, Registry
from samples import motion_answers, order_answers, plain

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rule(key, code, section):
    return Authority(key=key, kind="rule", verified=True, source="test", code=code, section=section)


def statute(key, title, code, section):
    return Authority(key=key, kind="statute", verified=True, source="test", title=title, code=code, section=section)


def uses(*refs):
    return [CitationUse(key, "full", pin, "clause@1.0.0", True) for key, pin in (r.partition(":")[::2] for r in refs)]


REGISTRY = Registry({a.key: a for a in [
    rule("frcp-4", "Fed. R. Civ. P.", "4"), rule("frcp-12", "Fed. R. Civ. P.", "12"),
    rule("frcp-65", "Fed. R. Civ. P.", "65"),
    statute("usc-28-1331", "28", "U.S.C.", "1331"), statute("usc-15-1125", "15", "U.S.C.", "1125"),
    statute("usc-15-1114", "15", "U.S.C.", "1114"), statute("mo", "", "Mo. Rev. Stat.", "506.500"),
]})


def listed(table, kind):
    return [entry.cited for entry in table[kind]]


def test_rules_sort_by_number_and_list_each_subsection_cited_once():
    table = authority_table(uses("frcp-12:(b)(2)", "frcp-4:(k)(2)", "frcp-65:(c)", "frcp-12:(b)(2)",
                                 "frcp-4:(k)(1)(A)", "frcp-65"), REGISTRY)
    assert listed(table, "rule") == ["Fed. R. Civ. P. 4(k)(1)(A)", "Fed. R. Civ. P. 4(k)(2)",
                                     "Fed. R. Civ. P. 12(b)(2)", "Fed. R. Civ. P. 65", "Fed. R. Civ. P. 65(c)"]
    assert [entry.uses for entry in table["rule"]][2] == [0, 3]  # both citations of 12(b)(2), one entry


def test_statutes_sort_by_title_then_section_as_numbers_and_keep_their_subsections():
    table = authority_table(uses("usc-28-1331", "usc-15-1125:(a)", "usc-15-1114:(1)(a)", "mo:.1",
                                 "usc-15-1125:, cl. 2"), REGISTRY)
    assert listed(table, "statute") == ["15 U.S.C. § 1114(1)(a)", "15 U.S.C. § 1125", "15 U.S.C. § 1125(a)",
                                        "28 U.S.C. § 1331", "Mo. Rev. Stat. § 506.500.1"]


def test_authorities_list_puts_rule_4_before_rule_12(builtin, run_cli):
    code, out, _ = run_cli("authorities", "list")
    lines = out.splitlines()
    four = next(i for i, line in enumerate(lines) if "Fed. R. Civ. P. 4" in line and "12" not in line)
    twelve = next(i for i, line in enumerate(lines) if "Fed. R. Civ. P. 12" in line)
    assert code == 0 and four < twelve


@pytest.fixture(scope="module")
def memos(builtin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("front")
    return {court: docx.Document(render_document(builtin, "rule-12b2-motion", motion_answers(court=court),
                                                 folder / f"{court}.docx").docx_path)
            for court in ("moed", "nysd")}


def styled(document, style):
    return [plain(p.text) for p in document.paragraphs if p.style.name == style]


def test_the_drafts_tables_list_rules_and_statutes_to_the_subsection_the_text_cites(memos):
    from assembler.library.authorities import natural_key

    moed = [e.split("\t")[0] for e in styled(memos["moed"], "table of authorities")]
    rules = [e for e in moed if e.startswith("Fed. R.")]
    assert "Fed. R. Civ. P. 4(k)(2)" in rules and "Fed. R. Civ. P. 12(b)(2)" in rules
    assert rules.index("Fed. R. Civ. P. 4(k)(2)") < rules.index("Fed. R. Civ. P. 12(b)(2)")
    assert rules == sorted(rules, key=natural_key) and all("(" in r for r in rules)
    missouri = [e for e in moed if e.startswith("Mo. Rev. Stat.")]
    assert missouri and all(e.startswith("Mo. Rev. Stat. § 506.500.") for e in missouri)
    nysd = [e.split("\t")[0] for e in styled(memos["nysd"], "table of authorities")]
    assert any(e.startswith(("N.Y. C.P.L.R. § 302(a)", "N.Y. C.P.L.R. 302(a)")) for e in nysd)
    assert not {"Fed. R. Civ. P. 12", "N.Y. C.P.L.R. § 302", "N.Y. C.P.L.R. 302"} & set(nysd)


def test_points_are_indented_under_argument_in_the_table_of_contents(memos):
    styles = memos["moed"].styles

    def first_line(name):
        fmt = styles[name].paragraph_format
        return (fmt.left_indent or 0) + (fmt.first_line_indent or 0)

    assert first_line("toc 1") == 0
    assert first_line("toc 2") == Inches(0.5) and first_line("toc 3") == Inches(1.0)
    toc = [(p.style.name, p.text) for p in memos["moed"].paragraphs if p.style.name.startswith("toc")]
    argument = [name for name, text in toc].index("toc 1", [t for _, t in toc].index(
        next(t for _, t in toc if t.startswith("ARGUMENT"))))
    assert toc[argument + 1][0] == "toc 2" and toc[argument + 1][1].startswith("I. ")


@pytest.mark.parametrize("court", ["moed", "nysd"])
def test_the_front_matter_is_a_section_numbered_in_roman_and_the_body_restarts_at_1(memos, court):
    body = memos[court].element.body
    sections = body.findall(f".//{W}sectPr")
    assert len(sections) == 2
    front, main = sections
    assert front.find(f"{W}pgNumType").get(f"{W}fmt") == "lowerRoman"
    assert main.find(f"{W}pgNumType").get(f"{W}fmt") == "decimal"
    assert {s.find(f"{W}pgNumType").get(f"{W}start") for s in sections} == {"1"}
    assert front.find(f"{W}footerReference") is not None  # the front pages carry their numbers too
    # the break falls after the Table of Authorities and before the first heading of the argument
    paragraphs = list(body.iter(f"{W}p"))
    holder = front.getparent().getparent()
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in paragraphs]
    index = paragraphs.index(holder)
    assert "TABLE OF AUTHORITIES" in texts[:index] and texts[index + 1] == "PRELIMINARY STATEMENT"


@pytest.mark.parametrize("template, answers", [("rule-12b2-motion", motion_answers),
                                               ("pi-order", order_answers)])
def test_every_signature_line_is_kept_with_the_next_so_the_block_stays_on_one_page(builtin, tmp_path, template,
                                                                                  answers):
    document = docx.Document(render_document(builtin, template, answers(court="nysd"), tmp_path / "d.docx").docx_path)
    paragraphs = document.paragraphs
    last = "United States District Judge" if template == "pi-order" else "Attorneys for"
    end = max(i for i, p in enumerate(paragraphs) if p.text.startswith(last))
    start = max(i for i, p in enumerate(paragraphs[:end]) if
                p.text.startswith(("Dated:", "_____")) and (template == "pi-order" or p.text.startswith("Dated:")))
    block = paragraphs[start:end + 1]
    assert len(block) >= 3
    assert all(p.paragraph_format.keep_with_next for p in block[:-1]), [p.text for p in block]


def test_an_orders_so_ordered_and_date_lines_stay_with_the_judges_signature(builtin, tmp_path):
    path = render_document(builtin, "rule-12b2-proposed-order", motion_answers(court="nysd"), tmp_path / "o.docx")
    paragraphs = docx.Document(path.docx_path).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("SO ORDERED"))
    end = next(i for i, p in enumerate(paragraphs) if p.text == "United States District Judge")
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[start:end]), [p.text for p in paragraphs[start:end]]
