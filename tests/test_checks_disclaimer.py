"""Disclaimer checks (DSC001-DSC004) on the seed article and on realistic text."""

import os

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from medlint.records.store import load_article
from support import article_from_text, seed_folder, findings_for

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = os.path.join(HERE, "fixtures", "articles")
IDS = frozenset({"DSC001", "DSC002", "DSC003", "DSC004"})
CLOSING = "Disclaimer: This article is general information only and is not a substitute for medical advice."


def _run(folder):
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=IDS))
    assert result.error is None, result.error
    return result.findings


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    return _run(seed_folder(tmp_path_factory.mktemp("seed")))


def _sections(findings, cid):
    return {f.section for f in findings if f.check == cid}


def test_seed_regenerative_section_lacks_its_own_disclaimer(seed):
    # the investigational caution is its own (the 2026-12-04 ruling, (c))
    flagged = _sections(seed, "DSC001")
    assert "Advanced or Regenerative Drug-Like Interventions" in flagged
    for f in seed:
        if f.section == "Advanced or Regenerative Drug-Like Interventions":
            assert f.excerpt == f.section and f.line == 2  # located at the heading


def test_seed_supplements_are_cautioned_by_the_page(seed):
    # the closing disclaimer's "always seek the best advice from a qualified medical professional
    # ... before trying any treatments" is the page's one caution (ruling of 2026-12-04, (a))
    assert "Dietary Molecular Supplements" not in {f.section for f in seed}


def test_seed_drug_section_disclaimer_is_accepted(seed):
    # "(Always consult a physician; doses below are adult averages.)"
    assert "Mainstream Drug Therapies" not in {f.section for f in seed}


def test_seed_surgery_is_not_asked_by_default(seed):
    assert not [f for f in seed if f.section == "Surgical Procedures"]


def test_seed_article_disclaimer_satisfied_by_closing_section(seed):
    assert not [f for f in seed if f.check == "DSC003"]


def test_seed_has_red_flag_section(seed):
    assert not [f for f in seed if f.check == "DSC004"]


def test_seed_findings_are_exactly_these(seed):
    assert sorted((f.check, f.section) for f in seed) == [
        ("DSC001", "Advanced or Regenerative Drug-Like Interventions"),
    ]


def test_fda_supplement_wording_satisfies_all_elements(tmp_path):
    text = ("Supplements\nThese statements have not been evaluated by the Food and Drug Administration. These products "
            "are not intended to diagnose, treat, cure, or prevent any disease. Some can interact with blood "
            "thinners, so talk to your doctor before starting one.\n-\nCurcumin 500 mg twice daily – Eases pain.\n"
            + CLOSING)
    assert not findings_for(text, "DSC001", tmp_path)
    assert not findings_for(text, "DSC002", tmp_path)


def test_asking_before_starting_is_the_whole_supplement_caution(tmp_path):
    # "not approved to treat disease" and "interactions" are good practice, no longer owed
    text = ("Supplements\nTalk to your doctor before starting any supplement.\n-\nCurcumin 500 mg – Eases pain.\n"
            + CLOSING)
    assert not findings_for(text, "DSC002", tmp_path)
    assert not findings_for(text, "DSC001", tmp_path)


def test_partial_supplement_disclaimer_names_what_is_missing(tmp_path):
    text = ("Supplements\nSome of these can interact with blood thinners.\n-\nCurcumin 500 mg – Eases pain.\n"
            + CLOSING)
    found = findings_for(text, "DSC002", tmp_path)
    assert len(found) == 1
    assert "but not ask before starting" in found[0].message and "not approved" not in found[0].message
    assert not findings_for(text, "DSC001", tmp_path)


def test_subsection_uses_parent_disclaimer(tmp_path):
    text = ("# Sciatica\n\n## Treatment\n\nDoses below are typical adult doses; always consult your doctor "
            "before taking any medicine.\n\n### Pain Relievers\n\n- Naproxen 500 mg twice daily – NSAID.\n\n"
            "## Disclaimer\n\n" + CLOSING + "\n")
    folder = article_from_text(text, tmp_path, markdown=True)
    levels = [(s.heading, s.level) for s in load_article(folder).article.sections]
    assert ("Pain Relievers", 2) in levels
    assert not [f for f in _run(folder) if f.check in ("DSC001", "DSC002")]


def test_subsection_without_any_disclaimer_is_flagged(tmp_path):
    text = ("# Sciatica\n\n## Treatment\n\nTreatment combines exercise and pain relief.\n\n### Pain Relievers\n\n"
            "- Naproxen 500 mg twice daily – NSAID.\n\n## Disclaimer\n\n" + CLOSING + "\n")
    found = findings_for(text, "DSC001", tmp_path, markdown=True)
    assert [f.excerpt for f in found] == ["Pain Relievers"]


def test_thoracic_fixture_medicine_and_supplement_disclaimers_pass(tmp_path):
    with open(os.path.join(FIXTURES, "thoracic-disc-herniation.txt"), encoding="utf-8") as fh:
        folder = article_from_text(fh.read(), tmp_path, slug="thoracic-disc-herniation")
    found = _run(folder)
    assert not {f.section for f in found} & {"Medicines", "Supplements"}
    assert not [f for f in found if f.check in ("DSC003", "DSC004")]


def test_piriformis_fixture_has_no_disclaimers_at_all(tmp_path):
    with open(os.path.join(FIXTURES, "piriformis-syndrome.txt"), encoding="utf-8") as fh:
        folder = article_from_text(fh.read(), tmp_path, slug="piriformis-syndrome")
    found = _run(folder)
    # no caution at all is one defect, named once (ruling of 2026-12-04, (d))
    assert not _sections(found, "DSC001") & {"Medicines", "Supplements"}
    article_level = [f for f in found if f.check == "DSC003"]
    assert len(article_level) == 1 and article_level[0].path.endswith("article.yaml")
    assert "ask a doctor or pharmacist before taking" in article_level[0].message


def test_disclaimer_section_with_the_wrong_wording_is_flagged(tmp_path):
    text = "Overview\nSciatica is pain along the sciatic nerve.\nDisclaimer: Thank you for reading our article."
    found = findings_for(text, "DSC003", tmp_path)
    assert len(found) == 1 and "does not say" in found[0].message


def test_emergency_cue_without_red_flag_section(tmp_path):
    text = ("Symptoms\n-\nNumbness in the saddle area and loss of bladder control\n" + CLOSING)
    found = findings_for(text, "DSC004", tmp_path)
    assert len(found) == 1 and "bladder control" in found[0].message
    ok = text.replace("Symptoms", "When to See a Doctor Urgently")
    assert not findings_for(ok, "DSC004", tmp_path)
