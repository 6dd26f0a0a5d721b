"""Clause versions are semantic versions; templates pin one or a range."""

import pytest

from assembler.library.versions import Version, VersionSpec, split_ref


def test_versions_order_numerically_not_as_text():
    assert Version.parse("1.10.0") > Version.parse("1.9.3")
    assert max(map(Version.parse, ["2.0.0", "10.0.0", "9.9.9"])) == Version(10, 0, 0)


@pytest.mark.parametrize("bad", ["1.0", "v1.0.0", "1.0.0-beta", "01.0.0", "", "x"])
def test_only_plain_semver_is_a_version(bad):
    with pytest.raises(ValueError):
        Version.parse(bad)


@pytest.mark.parametrize(
    "spec, version, admitted",
    [
        ("1.2.0", "1.2.0", True), ("1.2.0", "1.2.1", False),
        ("^1", "1.9.0", True), ("^1", "2.0.0", False), ("^1.2", "1.1.9", False),
        ("~1.2", "1.2.7", True), ("~1.2", "1.3.0", False),
        ("1", "1.4.0", True), ("1.2", "1.2.5", True), ("1.2", "1.3.0", False),
    ],
)
def test_specs_admit_the_versions_a_lawyer_expects(spec, version, admitted):
    assert VersionSpec(spec).admits(Version.parse(version)) is admitted


def test_split_ref_reads_id_and_spec():
    assert split_ref("daimler-at-home@^2") == ("daimler-at-home", VersionSpec("^2"))
    assert split_ref("daimler-at-home") == ("daimler-at-home", VersionSpec(None))


def test_bump_resets_the_lower_parts():
    assert Version(1, 4, 2).bump("major") == Version(2, 0, 0)
    assert Version(1, 4, 2).bump("minor") == Version(1, 5, 0)
    assert Version(1, 4, 2).bump("patch") == Version(1, 4, 3)
