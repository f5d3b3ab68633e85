"""A page kind its owner declares decides what the page owes (checks/owed.yaml ``kinds``).

The fixtures under tests/fixtures/owed-declared/ are written for this test, in two page
styles: a hospital pharmacy department's medicine leaflet (plain text, no byline, no
reviewer, no disclaimer, an NSAID dosed without its class warning) and a shop's blog post in
Markdown whose cart and SKU furniture the evidence reads as a shop's page. A kind declared
in article.yaml (``page_kind``, set by ``medlint import --page-kind``) or by a source profile
always wins over that evidence, in both directions; each owed finding says which kind was
assumed and how to declare another."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import yaml

from medlint import policy
from medlint.engine import Options, check_article
from medlint.errors import InputError
from medlint.importer import import_file
from support import HERE, checks_and_severities

TODAY = dt.date(2026, 12, 1)
PAGES = os.path.join(HERE, "fixtures", "owed-declared")
OWED_IDS = frozenset({"REV001", "REV003", "REV004", "REV005", "REV006", "DSC001", "DSC002", "DSC003", "DSC004",
                      "SAF001"})
LEAFLET = os.path.join(PAGES, "dept-leaflet-naproxen.txt")
SHOP = os.path.join(PAGES, "shop-blog-ibuprofen.md")


def _checks(folder) -> list[str]:
    return sorted({c for c, _ in checks_and_severities(folder, TODAY, OWED_IDS)})


def _findings(folder):
    return check_article(folder, Options(today=TODAY, select=OWED_IDS)).findings


@pytest.mark.parametrize("kind, expected", [
    # (DSC003 alone, not also DSC001: no caution at all is one defect, disclaimer ruling of 2026-12-04)
    ("editorial", ["DSC003", "REV001", "REV005", "REV006", "SAF001"]),
    ("organisation", ["DSC003", "REV001", "SAF001"]),
    ("manufacturer-labelling", ["REV001", "SAF001"]),
    ("administration-record", []),
])
def test_a_declared_kind_owes_what_its_kind_lists(kind, expected, tmp_path):
    folder = import_file(LEAFLET, out_dir=str(tmp_path), page_kind=kind)
    assert _checks(folder) == expected


def test_a_declared_kind_wins_over_the_evidence_of_a_shop(tmp_path):
    undeclared = import_file(SHOP, out_dir=str(tmp_path / "a"))
    declared = import_file(SHOP, out_dir=str(tmp_path / "b"), page_kind="editorial")
    assert not {"REV001", "REV005", "REV006"} & set(_checks(undeclared))  # read as a shop's page
    assert {"REV001", "REV005", "REV006"} <= set(_checks(declared))


def test_import_writes_the_declared_kind_and_refuses_an_unknown_one(tmp_path):
    folder = import_file(LEAFLET, out_dir=str(tmp_path), page_kind="organisation")
    with open(os.path.join(folder, "article.yaml"), encoding="utf-8") as fh:
        meta = yaml.safe_load(fh)
    assert meta["page_kind"] == "organisation"
    with pytest.raises(InputError, match="unknown page kind 'leaflet'"):
        import_file(LEAFLET, out_dir=str(tmp_path / "x"), page_kind="leaflet")


def test_every_owed_finding_says_which_kind_was_assumed(tmp_path):
    # the leaflet's own furniture (the hospital, its pharmacy department, its leaflet code)
    # places it as an organisation's when nothing is declared; the shop's blog shows no kind
    undeclared = _findings(import_file(LEAFLET, out_dir=str(tmp_path / "a")))
    plain = _findings(import_file(SHOP, out_dir=str(tmp_path / "c")))
    declared = _findings(import_file(LEAFLET, out_dir=str(tmp_path / "b"), page_kind="editorial"))
    def said(f, long: str, short: str) -> bool:  # SAF001 ends with its source: the kind comes before it
        return (short in f.message) if f.check == "SAF001" else (long in f.message)

    assert undeclared and all(said(f, "Page kind organisation, read from the page; declare page_kind in article.yaml",
                                   "(page kind organisation, read from the page)") for f in undeclared)
    # a page judged editorial by default (the site's own article) owes everything: no note
    assert plain and not any("page kind" in f.message.lower() for f in plain)
    assert declared and all(said(f, "(Page kind editorial, declared in article.yaml.)", "(page kind editorial, declared)")
                            for f in declared)


def test_a_page_kind_that_is_no_kind_is_said_and_the_evidence_read(tmp_path):
    folder = import_file(LEAFLET, out_dir=str(tmp_path))
    path = os.path.join(folder, "article.yaml")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text + "page_kind: pamphlet\n")
    found = _findings(folder)
    assert {f.check for f in found} == {"DSC003", "REV001", "SAF001"}  # the evidence's kind
    assert all("page_kind \"pamphlet\" is no kind" in f.message for f in found if f.check != "SAF001")


def test_a_page_kind_is_validated_by_the_schema(tmp_path):
    folder = import_file(LEAFLET, out_dir=str(tmp_path))
    path = os.path.join(folder, "article.yaml")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text + "page_kind: Manufacturer Leaflet\n")
    result = check_article(folder, Options(today=TODAY))
    assert any(f.check.startswith("SCH") and "page_kind" in (f.message + str(f.record)) for f in result.findings)


def test_a_source_profile_declares_the_kind_of_a_publishers_pages(tmp_path):
    with open(os.path.join(policy.data_dir(), "owed.yaml"), encoding="utf-8") as fh:
        data = fh.read()
    profile = ("source_profiles:\n  - name: harbourview-pharmacy\n"
               "    match: '\\bHarbourview Hospital\\b.{0,10}\\bPharmacy Department\\b'\n"
               "    kind: organisation\n")
    assert "source_profiles: []\n" in data
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "owed.yaml").write_text(data.replace("source_profiles: []\n", profile), encoding="utf-8")
    leaflet = import_file(LEAFLET, out_dir=str(tmp_path / "a"))
    shop = import_file(SHOP, out_dir=str(tmp_path / "b"))
    own = import_file(LEAFLET, out_dir=str(tmp_path / "c"), page_kind="administration-record")
    policy.use_checks_dir(str(tmp_path / "d"))
    try:
        found = _findings(leaflet)
        assert sorted({f.check for f in found}) == ["DSC003", "REV001", "SAF001"]
        assert all("declared by the source profile harbourview-pharmacy" in f.message for f in found
                   if f.check != "SAF001")
        assert "declared" not in _findings(shop)[0].message  # another publisher's page: not the profile's kind
        assert _findings(own) == []  # article.yaml's own kind wins over the profile
    finally:
        policy.use_checks_dir(None)


def test_explain_kinds_lists_each_kind_and_what_it_owes(capsys):
    from medlint.cli import main

    assert main(["explain", "kinds"]) == 0
    out = capsys.readouterr().out
    assert "manufacturer-labelling: a licence holder's labelling" in out
    assert "owes: review_date (REV001), class_warnings (SAF001)" in out
    assert "page_kind: KIND" in out and "--page-kind KIND" in out
    assert main(["explain", "kinds", "--format", "json"]) == 0
    import json

    doc = json.loads(capsys.readouterr().out)
    assert doc["administration-record"]["owes"] == [] and doc["staff"]["inferred"] is True
