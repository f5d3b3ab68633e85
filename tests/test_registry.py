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


@pytest.mark.unsigned_pages
@pytest.mark.parametrize("cid,i", BAD)
def test_bad_example_is_flagged(cid, i, tmp_path):
    info = CHECKS[cid]
    found = run_example(info, info.bad[i], tmp_path)
    assert found, f"{cid} did not flag its bad example #{i}"
    for f in found:
        assert f.message and f.excerpt is not None
        assert f.line >= 1 and f.column >= 1


@pytest.mark.unsigned_pages
@pytest.mark.parametrize("cid,i", GOOD)
def test_good_example_passes(cid, i, tmp_path):
    info = CHECKS[cid]
    found = run_example(info, info.good[i], tmp_path)
    assert not found, f"{cid} flagged its good example #{i}: {[f.message for f in found]}"


def test_checks_without_a_running_function_are_declared_with_who_emits_them():
    import subprocess
    import sys

    from medlint.registry import all_checks

    checks = all_checks()
    assert {cid for cid, i in checks.items() if i.emitted_by} == {"SCH001", "WAI001", "WAI002"}
    assert checks["SCH001"].emitted_by == "engine" and checks["WAI001"].emitted_by == "waivers"
    r = subprocess.run([sys.executable, "-m", "medlint", "explain", "NOT002"], capture_output=True, text=True)
    assert "Source: medlint/checks/notation.py" in r.stdout and "checks/notation.yaml" in r.stdout
    assert "Fix: safe" in r.stdout
    r = subprocess.run([sys.executable, "-m", "medlint", "explain", "--format", "json"], capture_output=True, text=True)
    import json

    doc = {d["id"]: d for d in json.loads(r.stdout)}
    assert doc["NOT009"]["fix_safety"] == "unsafe" and doc["NOT002"]["fix_safety"] == "safe"
    assert doc["DOS003"]["fix_safety"] is None and doc["SCH001"]["emitted_by"] == "engine"
    assert "checks/dosing.yaml" in doc["DOS001"]["data_files"]
    assert doc.keys() == checks.keys()
