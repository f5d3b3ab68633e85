"""Every check in the registry is documented and proves itself on both kinds of example."""

import pytest

from medlint.findings import CATEGORIES, SEVERITIES
from medlint.registry import all_checks
from support import findings_for

CHECKS = all_checks()


@pytest.mark.parametrize("cid", sorted(CHECKS))
def test_check_is_documented(cid):
    info = CHECKS[cid]
    assert info.category in CATEGORIES and info.severity in SEVERITIES
    assert info.bad, f"{cid} has no example it flags"
    assert info.good, f"{cid} has no example it passes"
    text = info.rationale
    assert len(text) > 200, f"{cid}: the rationale is too short to be useful"
    assert "source" in text.lower(), f"{cid}: the rationale must name its source"
    assert info.fix.strip(), f"{cid}: say how to fix it"


BAD = [(cid, i) for cid, info in CHECKS.items() for i in range(len(info.bad))]
GOOD = [(cid, i) for cid, info in CHECKS.items() for i in range(len(info.good))]


def run_example(info, text, tmp_path):
    if info.examples == "waivers":
        pytest.skip("waiver examples are waivers.yaml files; tests/test_waivers.py runs them against real findings")
    return findings_for(text, info.id, tmp_path, schema_example=info.examples == "section")


@pytest.mark.parametrize("cid,i", BAD)
def test_bad_example_is_flagged(cid, i, tmp_path):
    info = CHECKS[cid]
    found = run_example(info, info.bad[i], tmp_path)
    assert found, f"{cid} did not flag its bad example #{i}"
    for f in found:
        assert f.message and f.excerpt is not None
        assert f.line >= 1 and f.column >= 1


@pytest.mark.parametrize("cid,i", GOOD)
def test_good_example_passes(cid, i, tmp_path):
    info = CHECKS[cid]
    found = run_example(info, info.good[i], tmp_path)
    assert not found, f"{cid} flagged its good example #{i}: {[f.message for f in found]}"
