"""Claims family (CLM001…CLM010): unsourced statistics, timelines, research appeals,
superlatives, mechanism claims, dangling citations, experimental doses, and
articles with no references at all — on the seed article and on short texts."""

from __future__ import annotations

import os

import pytest

from medlint import policy
from medlint.engine import Options, check_article
from medlint.errors import InputError
from medlint.registry import EXAMPLE_TODAY, all_checks
from support import article_from_text, article_from_yaml_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "tests", "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "articles")
CLM = frozenset(cid for cid, info in all_checks().items() if cid.startswith("CLM"))

REFS = ("References\n-\nDahlgren A, Hu P. Outcomes of lumbar microdiscectomy. Spine J. 2021;21(4):512-520. PMID: 33211111\n"
        "-\nOkafor B. Steroid injection safety. Pain Med. 2019;20(2):1-9. DOI: 10.1093/pm/pny001\n"
        "-\nLindqvist C. Fusion after discectomy. Eur Spine J. 2018;27(1):1-8.\n")


def run_folder(folder, select=CLM):
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return result.findings


def run(text, tmp_path, select=CLM, markdown=False, slug="example"):
    return run_folder(article_from_text(text, tmp_path, slug=slug, markdown=markdown), select)


def pairs(findings, check=None):
    return sorted((f.check, f.excerpt) for f in findings if check is None or f.check == check)


# --------------------------------------------------------------------------
# The seed article


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    folder = article_from_text(text, tmp_path_factory.mktemp("seed"), slug="lumbar-disc-sequestration-l3-l4")
    return run_folder(folder)


SEED_EXPECTED = sorted([
    # CLM001 unsourced statistics
    ("CLM001", ">90 %"), ("CLM001", "<0.1 %"), ("CLM001", "5–10 %"),
    # CLM002 outcome timeline
    ("CLM002", "Most patients jog by 3 months"),
    # CLM003 appeals to research
    ("CLM003", "studies show"), ("CLM003", "animal studies show"), ("CLM003", "early trials report"),
    ("CLM003", "MRI studies show"), ("CLM003", "No evidence for"), ("CLM003", "Early trials show"),
    # CLM004 superlatives
    ("CLM004", "Gold-standard"), ("CLM004", "gold standard"),
    # CLM005 mechanism claims in treatment items (one per item)
    ("CLM005", "fragment glides"), ("CLM005", "healing"), ("CLM005", "cell proliferation"),
    ("CLM005", "repair"), ("CLM005", "centralize disc material"), ("CLM005", "vacuuming"),
    ("CLM005", "repair"), ("CLM005", "disc turgor"), ("CLM005", "toughening"), ("CLM005", "repair"),
    ("CLM005", "cell longevity"), ("CLM005", "regeneration"), ("CLM005", "re-pressurizing"),
    # CLM007 experimental / off-label items with a dose
    ("CLM007", "5 mg IV yearly"), ("CLM007", "70 mg weekly"), ("CLM007", "3–6 mL intradiscal"),
    ("CLM007", "1 × 10⁶ cells"), ("CLM007", "1–2 mL"), ("CLM007", "0.1–0.5 mg"), ("CLM007", "250 µg subcut daily"),
    # CLM010 no references at all
    ("CLM010", "Lumbar disc sequestration l3 l4"),
])


def test_seed_findings_are_exactly_the_reviewed_list(seed):
    assert pairs(seed) == SEED_EXPECTED


def test_seed_severities_follow_risk(seed):
    sev = {f.check: f.severity for f in seed}
    assert sev["CLM001"] == sev["CLM002"] == sev["CLM007"] == "error"
    assert sev["CLM003"] == sev["CLM004"] == sev["CLM005"] == "warning"
    assert sev["CLM010"] == "warning"
    assert all(f.category == ("review" if f.check == "CLM010" else "claims") for f in seed)


@pytest.mark.parametrize("phrase", [
    "10–11 mm in height",               # anatomy measurement
    "flexion (~12°)",                    # anatomy range of motion
    "80 % water",                        # composition, documented decision
    "Stand and stretch every 30 minutes",  # advice
    "Walk short, frequent distances",    # advice
    "Loss of bowel or bladder control",  # red-flag list
    "Naproxen 500 mg twice daily",       # a dose is not a statistic
    "Lidocaine 5 % Patch",               # product strength
    "Capsaicin 0.025 % Cream",
    "Limit to 1–2 days",                 # advice in an FAQ answer
    "6–12 weeks is typical",             # care duration, not an outcome
    "Pain before 50°",                   # examination angle
    "linked to accelerated disc failure",  # risk-factor wording, not an appeal
    "Below are 30 conservative options",  # a count
])
def test_seed_does_not_flag_anatomy_advice_doses_or_red_flags(seed, phrase):
    assert not [f for f in seed if phrase in f.context], [(f.check, f.excerpt) for f in seed if phrase in f.context]


def test_seed_disclaimer_and_questions_are_not_claims(seed):
    assert not [f for f in seed if "Disclaimer" in f.context]
    assert not [f for f in seed if f.excerpt.lower().startswith("dissolve")]


def test_seed_findings_are_located_and_quote_the_excerpt(seed):
    for f in seed:
        assert f.line >= 1 and f.column >= 1
        assert f"\"{f.excerpt}\"" in f.message or f.check == "CLM010"
        assert f.suggestion
    stat = next(f for f in seed if f.excerpt == ">90 %")
    assert stat.path.endswith("260-surgical-procedures.yaml")
    article = next(f for f in seed if f.check == "CLM010")
    assert article.path.endswith("article.yaml") and article.line == 2


# --------------------------------------------------------------------------
# CLM001 statistics and what counts as a citation

SURGERY = "Surgical Procedures\n-\nMicrodiscectomy – 2–3 cm incision under microscope; {}\n"


@pytest.mark.parametrize("claim,excerpt", [
    (">90 % fast pain relief.", ">90 %"),
    ("about 70 percent of patients improve.", "70 percent"),
    ("8 out of 10 people return to work.", "8 out of 10"),
    ("one in six needs a second operation.", "one in six"),
])
def test_statistics_without_source_are_errors(tmp_path, claim, excerpt):
    found = run(SURGERY.format(claim), tmp_path, {"CLM001"})
    assert pairs(found) == [("CLM001", excerpt)]
    assert found[0].severity == "error"


@pytest.mark.parametrize("cited", [
    ">90 % fast pain relief [1].",
    ">90 % fast pain relief [1, 2].",
    ">90 % fast pain relief [1–3].",
    ">90 % fast pain relief (PMID: 33211111).",
    ">90 % fast pain relief (doi:10.1016/j.spinee.2020.01.001).",
    ">90 % fast pain relief (https://pubmed.ncbi.nlm.nih.gov/33211111/).",
    ">90 % fast pain relief (PMCID: PMC7654321).",
    ">90 % fast pain relief (Dahlgren 2021).",
    ">90 % fast pain relief (Dahlgren et al., 2021).",
    ">90 % fast pain relief. Mayo Clinic",
])
def test_cited_statistics_pass(tmp_path, cited):
    assert run(SURGERY.format(cited) + REFS, tmp_path, {"CLM001", "CLM006"}) == []


def test_citation_covers_only_its_own_sentence(tmp_path):
    text = ("Overview\nMicrodiscectomy removes the fragment through a small incision [1]. "
            "About 90 % of patients report fast relief.\n" + REFS)
    assert pairs(run(text, tmp_path, {"CLM001"})) == [("CLM001", "90 %")]


def test_glued_source_covers_the_whole_paragraph(tmp_path):
    text = ("Injections\nBotulinum toxin relaxes the muscle for several months, and about 60 % of patients "
            "experience meaningful relief. Corticosteroid injections help for a shorter time. Physiopedia\n")
    assert run(text, tmp_path) == []


def test_record_citations_key_counts(tmp_path):
    section = ("heading: Surgical Procedures\nkind: surgery\nblocks:\n  - list:\n"
               "      - text: Microdiscectomy – >90 % fast pain relief.\n        citations: ['PMID: 33211111']\n")
    assert run_folder(article_from_yaml_section(section, tmp_path), {"CLM001"}) == []


def test_amounts_measurements_and_composition_are_not_statistics(tmp_path):
    text = ("Anatomy of the L3 – L4 Motion Segment\nAt L3–L4 the disc averages 10–11 mm in height. "
            "The nucleus pulposus is 80 % water and the annulus about 70 % collagen by dry weight.\n"
            "Key Functions of an Intact L3–L4 Disc\n-\nMotion Facilitation – Permits flexion (~12°) and extension (~8°).\n"
            "Mainstream Drug Therapies\n-\nNaproxen 500 mg twice daily – Longer-acting NSAID.\n"
            "-\nCapsaicin 0.025 % Cream four times daily – Depletes substance P.\n"
            "Prevention Strategies\n-\nDaily Micro-Breaks – Stand and stretch every 30 minutes of sitting.\n")
    assert run(text, tmp_path, {"CLM001", "CLM002"}) == []


def test_red_flags_and_disclaimers_are_not_read(tmp_path):
    text = ("When Should You See a Doctor Immediately?\n-\nFever above 38 °C with back pain in 100 % of cases\n"
            "Overview\nDisclaimer: This guide is for general information; studies show nothing here replaces a doctor.\n")
    assert run(text, tmp_path, {"CLM001", "CLM003"}) == []


def test_prevalence_in_anatomy_is_a_statistic(tmp_path):
    text = "Anatomy of the Piriformis Muscle\nIn 15 % of people the sciatic nerve runs through the muscle.\n"
    assert pairs(run(text, tmp_path, {"CLM001"})) == [("CLM001", "15 %")]


# --------------------------------------------------------------------------
# CLM002 … CLM005


def test_outcome_timeline(tmp_path):
    text = ("Frequently Asked Questions\n-\nHow long does recovery take?\n"
            "Many people feel much better within four to six weeks of regular stretching. -\n"
            "Is bed rest good or bad?\nLimit to 1–2 days during severe flare, then resume light activity.\n")
    assert pairs(run(text, tmp_path, {"CLM002"})) == [("CLM002", "Many people feel much better within four to six weeks")]


@pytest.mark.parametrize("sentence,excerpt", [
    ("Studies show walking speeds recovery.", "Studies show"),
    ("Research has shown that walking speeds recovery.", "Research has shown"),
    ("Faster healing has been reported in small case series.", "has been reported in small case series"),
    ("No evidence for muscle atrophy during short-term use.", "No evidence for"),
    ("Animal studies suggest faster healing.", "Animal studies suggest"),
])
def test_research_appeals(tmp_path, sentence, excerpt):
    found = run(f"Overview\n{sentence}\n", tmp_path, {"CLM003"})
    assert pairs(found) == [("CLM003", excerpt)]
    assert found[0].severity == "warning"


def test_cited_research_appeal_and_risk_factor_wording_pass(tmp_path):
    text = ("Overview\nStudies show walking speeds recovery [1]. Vibration exposure is linked to disc failure. "
            "Deficiency is associated with poor disc matrix maintenance.\n" + REFS)
    assert run(text, tmp_path, {"CLM003"}) == []


def test_superlatives_and_their_negations(tmp_path):
    text = ("Overview\nThis brace cures sciatica. The gel dissolves the bulge. There is no cure for ageing discs. "
            "Supplements should not replace proven treatment. Ibuprofen 400 mg PRN for breakthrough pain.\n"
            "Frequently Asked Questions\n-\nWill a sequestered fragment ever dissolve on its own?\nOften, slowly.\n")
    assert pairs(run(text, tmp_path, {"CLM004"})) == [("CLM004", "cures"), ("CLM004", "dissolves")]


def test_mechanism_claims_only_in_treatment_items(tmp_path):
    text = ("Dietary Molecular Supplements\n-\nGlucosamine Sulfate (1500 mg/day) – Provides substrate for glycosaminoglycan repair in annulus.\n"
            "-\nMagnesium Glycinate (400 mg elemental/day) – Relaxes muscle spasm.\n"
            "Mainstream Drug Therapies\n-\nNaproxen 500 mg twice daily – Blocks prostaglandins, helping the disc heal.\n"
            "Causes\n-\nSmoking – Nicotine impairs disc repair.\n")
    found = run(text, tmp_path, {"CLM005"})
    assert pairs(found) == [("CLM005", "repair")]
    assert "Glucosamine" in found[0].context and found[0].severity == "warning"


def test_mechanism_defers_to_stronger_findings(tmp_path):
    text = ("Advanced or Regenerative Drug-Like Interventions\n-\n"
            "Culture-Expanded MSC Injection (1 × 10⁶ cells) – Trial therapy that differentiates into chondrocyte-like cells, restoring disc height.\n"
            "-\nGelStix Hydrogel Implant – Hydrophilic polymer rod absorbs water, re-pressurizing the disc.\n")
    found = run(text, tmp_path, {"CLM005", "CLM007"})
    assert pairs(found) == [("CLM005", "re-pressurizing"), ("CLM007", "1 × 10⁶ cells")]


# --------------------------------------------------------------------------
# CLM006 citations that resolve to nothing


def test_unresolved_bracket_numbers(tmp_path):
    text = "Overview\nSurgery helps most carefully selected patients [4]. Walking helps [1, 5].\n" + REFS
    found = run(text, tmp_path, {"CLM006", "CLM001", "CLM003"})
    assert pairs(found) == [("CLM006", "[1, 5]"), ("CLM006", "[4]")]
    assert all(f.severity == "error" for f in found)
    assert "4 is not in the article's references" in next(f for f in found if f.excerpt == "[4]").message


def test_markdown_references_resolve(tmp_path):
    with open(os.path.join(FIXTURES, "spinal-stenosis.md"), encoding="utf-8") as fh:
        text = fh.read()
    assert run(text, tmp_path, markdown=True, slug="spinal-stenosis") == []


def test_meta_references_and_record_citations_are_resolved(tmp_path):
    section = ("heading: Surgical Procedures\nkind: surgery\nblocks:\n  - list:\n"
               "      - text: Microdiscectomy – >90 % fast pain relief [k1].\n"
               "      - text: Laminotomy – relief in most [2].\n"
               "      - text: Foraminotomy – relief.\n        citations: ['[7]']\n")
    folder = article_from_yaml_section(section, tmp_path)
    with open(os.path.join(folder, "article.yaml"), "a", encoding="utf-8") as fh:
        fh.write("references:\n  - id: '2'\n    text: Okafor B. Laminotomy outcomes. 2019.\n")
    found = run_folder(folder, {"CLM006"})
    assert pairs(found) == [("CLM006", "[7]")]
    assert found[0].line == 8


# --------------------------------------------------------------------------
# CLM007 experimental therapies with a dose


@pytest.mark.parametrize("text,flagged", [
    ("Advanced or Regenerative Drug-Like Interventions\n-\nBPC-157 Peptide 250 µg subcut daily – Experimental agent; animal studies show annular healing.\n", "250 µg subcut daily"),
    ("Mainstream Drug Therapies\n-\nRecombinant BMP-7 (OP-1) 0.1–0.5 mg – Stimulates collagen synthesis; used off-label.\n", "0.1–0.5 mg"),
    ("Advanced or Regenerative Drug-Like Interventions\n-\nBPC-157 Peptide 250 µg subcut daily – Not approved for human use; evidence is limited to animal studies.\n", None),
    ("Advanced or Regenerative Drug-Like Interventions\n-\nPlatelet-Rich Plasma (3–6 mL intradiscal) – Growth factors may help [1].\n" + REFS, None),
    ("Advanced or Regenerative Drug-Like Interventions\n-\nDiscogenic Cell Allograft – Cryopreserved progenitor cells from donor tissue.\n", None),
    ("Mainstream Drug Therapies\n-\nNaproxen 500 mg twice daily – Longer-acting NSAID.\n", None),
])
def test_investigational_doses_need_evidence(tmp_path, text, flagged):
    found = run(text, tmp_path, {"CLM007"})
    assert pairs(found) == ([("CLM007", flagged)] if flagged else [])


# --------------------------------------------------------------------------
# CLM010 and the fixtures


def test_no_references_is_one_article_finding(tmp_path):
    text = "Surgical Procedures\n-\nMicrodiscectomy – >90 % fast pain relief.\n-\nLaminotomy – 80 % relief.\n"
    found = run(text, tmp_path, {"CLM010"})
    assert len(found) == 1 and found[0].excerpt == "Example" and found[0].category == "review"


def test_articles_without_claims_or_with_glued_sources_pass_clm010(tmp_path):
    advice = "Do’s & Don’ts\nDo\n-\nWalk short, frequent distances.\n-\nUse proper lumbar support when sitting.\n"
    assert run(advice, tmp_path / "a", {"CLM010"}) == []
    with open(os.path.join(FIXTURES, "cervical-radiculopathy-c5-c6.txt"), encoding="utf-8") as fh:
        assert run(fh.read(), tmp_path / "b", slug="cervical") == []


def test_piriformis_unsourced_statistics(tmp_path):
    with open(os.path.join(FIXTURES, "piriformis-syndrome.txt"), encoding="utf-8") as fh:
        found = run(fh.read(), tmp_path, slug="piriformis")
    assert pairs(found) == [
        ("CLM001", "6 %"), ("CLM001", "70 %"), ("CLM001", "8 out of 10"), ("CLM001", "80 %"),
        ("CLM002", "Many people feel much better within four to six weeks"),
    ]  # ("Success rates above 80 % have been reported in small case series": one claim, the figure's)


def test_sciatica_fixture_has_no_false_superlatives(tmp_path):
    with open(os.path.join(FIXTURES, "sciatica-numbered.txt"), encoding="utf-8") as fh:
        assert run(fh.read(), tmp_path, slug="sciatica") == []


# --------------------------------------------------------------------------
# The cue data


def test_claims_yaml_is_validated(tmp_path):
    with open(os.path.join(policy.data_dir(), "claims.yaml"), encoding="utf-8") as fh:
        good = fh.read()
    (tmp_path / "claims.yaml").write_text(good + "\nextra_cues: ['x']\n", encoding="utf-8")
    policy.use_checks_dir(str(tmp_path))
    try:
        with pytest.raises(InputError, match="extra_cues"):
            policy.load("claims")
    finally:
        policy.use_checks_dir(None)


def test_editors_can_extend_known_sources(tmp_path):
    with open(os.path.join(policy.data_dir(), "claims.yaml"), encoding="utf-8") as fh:
        data = fh.read()
    text = "Overview\nAbout 60 % of patients improve within a year. Backcare Weekly\n"
    assert pairs(run(text, tmp_path / "a", {"CLM001"})) == [("CLM001", "60 %")]
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "claims.yaml").write_text(data.replace("    - Radiopaedia\n", "    - Radiopaedia\n    - Backcare Weekly\n"),
                                                encoding="utf-8")
    policy.use_checks_dir(str(tmp_path / "d"))
    try:
        assert run(text, tmp_path / "b", {"CLM001"}) == []
    finally:
        policy.use_checks_dir(None)


def test_advice_timelines_and_diagnostic_studies_are_not_claims(tmp_path):
    text = ("Frequently Asked Questions\n-\nHow long should I rest?\nMost people should rest for 2 days, then walk. -\n"
            "Do I need tests?\nNerve conduction studies confirm the level in unclear cases.\n")
    assert run(text, tmp_path, {"CLM002", "CLM003"}) == []
