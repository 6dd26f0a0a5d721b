"""Clause-text analysis kept across runs: the same answer, never a stale one, never a cached error."""

from __future__ import annotations

import pytest

from assembler.text import analysis_cache, clausetext

TEXT = "{{ movant_names }} {{ plural(movants, 'is', 'are') }} not at home here. {{ cite('daimler:139') }}"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A cache folder of its own, and this process forgetting what it has read."""
    monkeypatch.setenv("ASSEMBLER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(analysis_cache, "_ENTRIES", None)
    monkeypatch.setattr(analysis_cache, "_DIRTY", False)
    return tmp_path


def test_a_later_run_reads_the_analysis_from_disk_without_parsing(fresh, monkeypatch):
    first = clausetext.analyse(TEXT)
    assert first == ({"movant_names", "movants"}, {"daimler"})
    analysis_cache.save()
    monkeypatch.setattr(analysis_cache, "_ENTRIES", None)  # as a new process would start

    def no_parsing(text):
        raise AssertionError("parsed again")

    monkeypatch.setattr(clausetext, "_analyse", no_parsing)
    assert clausetext.analyse(TEXT) == first


def test_other_text_is_analysed_afresh_and_a_bad_text_is_never_cached(fresh):
    clausetext.analyse(TEXT)
    assert clausetext.analyse(TEXT + " {{ court }}")[0] == {"movant_names", "movants", "court"}
    for _ in range(2):
        with pytest.raises(clausetext.TemplateSyntaxError):
            clausetext.analyse("{% if movants %} never closed")
        with pytest.raises(ValueError, match="literal authority keys"):
            clausetext.analyse("{{ cite(key) }}")
    analysis_cache.save()
    assert len(analysis_cache._entries()) == 2
