"""CLM007 fires on the page's own words that a dosed item is experimental, investigational,
unlicensed or off-label, never on the section's kind alone: a licensed medicine dosed as usual
under "Biologic and targeted treatments", "Advanced therapies" or "Other options" is not
flagged; an investigational product named there (a peptide, stem cells, platelet-rich plasma,
a growth factor, gene therapy) still is; a heading that itself says "experimental" or
"regenerative" covers every dose under it; a statement of approval or licensing is the
regulatory position. Each class is tried in the house layout (dash-line lists, imported) and in
a Markdown health-library or pharmacy page (imported), each beside a true finding that must
still fire. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.test_checks_claims import pairs, run
from tests.test_claims_other_writers import found


def house(heading: str, *items: str) -> str:
    return "Living With Joint Pain\n\n" + heading + "\n" + "".join(f"-\n{i}\n" for i in items)


def markdown(heading: str, *items: str) -> str:
    return ("# Living with joint pain\n\nA guide from our pharmacy team.\n\n## " + heading + "\n\n"
            + "".join(f"- {i}\n" for i in items))


def clm007(tmp_path, text, md=False):
    return pairs(run(text, tmp_path, {"CLM007"}, markdown=md))


def records(root, heading, *items, kind="investigational"):
    return found(root, [(heading, kind, [("bullet", list(items))])], {"CLM007"})


STYLES = [(house, False), (markdown, True)]

PEPTIDE = "Thymosin peptide 2 mg injected twice a week – sold online to speed tendon repair."
STEM_CELLS = "Stem cell injection (3 mL of cultured cells into the joint) – offered by private clinics."


# ------------------------------------------------------------------ licensed medicines dosed as usual

@pytest.mark.parametrize("style, md", STYLES)
@pytest.mark.parametrize("heading, medicine, investigational, flagged", [
    ("Biologic and targeted treatments",
     "Golimumab 50 mg injected under the skin once a month – blocks TNF to calm joint inflammation.",
     PEPTIDE, "2 mg injected twice a week"),
    ("Advanced therapies",
     "Tofacitinib 5 mg twice daily – a tablet that damps down the immune signals behind the swelling.",
     STEM_CELLS, "3 mL of cultured cells into the joint"),
    ("Other options",
     "Paracetamol 1 g up to four times a day, never more than 4 g in 24 hours – safe with most other medicines.",
     "Platelet-rich plasma (5 mL into the tendon) – spun from your own blood.", "5 mL"),
])
def test_a_licensed_medicine_dosed_as_usual_is_not_flagged_beside_an_investigational_product(
        tmp_path, style, md, heading, medicine, investigational, flagged):
    assert clm007(tmp_path / "a", style(heading, medicine), md) == []
    assert clm007(tmp_path / "b", style(heading, medicine, investigational), md) == [("CLM007", flagged)]


@pytest.mark.parametrize("heading", ["Specialist treatments", "Other medicines sometimes used"])
def test_the_section_kind_alone_is_no_evidence_on_a_clinic_page(tmp_path, heading):
    medicine = "Methotrexate 15 mg once a week, with folic acid on another day – checked with blood tests."
    assert records(tmp_path / "a", heading, medicine) == []
    growth = "Recombinant growth factor 0.3 mg into the joint – a single injection."
    assert records(tmp_path / "b", heading, medicine, growth) == [("CLM007", "0.3 mg")]


# ------------------------------------------------------------------ product words said of a licensed medicine

@pytest.mark.parametrize("style, md", STYLES)
@pytest.mark.parametrize("medicine", [
    "Semaglutide 1 mg injected once a week – a peptide hormone; the weight it takes off eases the knees.",
    "Duloxetine 60 mg once a day – in clinical trials it eased long-standing knee pain.",
])
def test_a_known_medicine_described_with_a_product_word_is_not_flagged(tmp_path, style, md, medicine):
    assert clm007(tmp_path / "a", style("Targeted treatments", medicine), md) == []
    unknown = "Collagen-boosting peptide 500 micrograms a day – in early trials for worn cartilage."
    assert clm007(tmp_path / "b", style("Targeted treatments", medicine, unknown), md) == [
        ("CLM007", "500 micrograms a day")]


def test_a_food_s_peptides_are_a_supplement_not_an_investigational_product(tmp_path):
    assert records(tmp_path / "a", "Supplements", "Collagen peptides 10 g a day stirred into a drink.",
                   kind="supplements") == []
    assert records(tmp_path / "b", "Supplements", "Signalling peptide 1 mg a day under the tongue.",
                   kind="supplements") == [("CLM007", "1 mg")]


# ------------------------------------------------------------------ a status said of the item itself

@pytest.mark.parametrize("style, md", STYLES)
def test_an_off_label_medicine_needs_its_evidence_or_regulatory_position(tmp_path, style, md):
    bare = "Low-dose naltrexone 3 mg at bedtime – used off-label for widespread pain."
    assert clm007(tmp_path / "a", style("Other options", bare), md) == [("CLM007", "3 mg at bedtime")]
    told = ("Low-dose naltrexone 3 mg at bedtime – used off-label for widespread pain; "
            "the evidence comes from a few small studies.")
    assert clm007(tmp_path / "b", style("Other options", told), md) == []


@pytest.mark.parametrize("style, md", STYLES)
@pytest.mark.parametrize("statement", [
    "licensed for psoriatic arthritis in the UK",
    "available on prescription from a rheumatologist",
    "FDA-approved for psoriatic arthritis",
    "approved for adults whose arthritis has not settled on other medicines",
])
def test_a_statement_of_approval_or_licensing_is_the_regulatory_position(tmp_path, style, md, statement):
    item = f"Ixekizumab 80 mg every 4 weeks – a newer injection, {statement}."
    assert clm007(tmp_path / "a", style("Emerging treatments", item), md) == []
    bare = "Ixekizumab 80 mg every 4 weeks – a newer injection for stubborn joint disease."
    assert clm007(tmp_path / "b", style("Emerging treatments", bare), md) == [("CLM007", "80 mg every 4 weeks")]


def test_not_on_prescription_states_no_licence(tmp_path):
    item = "Experimental peptide 300 micrograms daily – not available on prescription; sold online."
    assert records(tmp_path, "Other options", item) == [("CLM007", "300 micrograms")]


# ------------------------------------------------------------------ a heading that says experimental

@pytest.mark.parametrize("style, md", STYLES)
def test_a_heading_that_says_experimental_covers_a_licensed_medicine_under_it(tmp_path, style, md):
    medicine = "Risedronate 35 mg once a week – said to settle the bone under a worn joint."
    assert clm007(tmp_path / "a", style("Regenerative and experimental options", medicine), md) == [
        ("CLM007", "35 mg once a week")]
    assert clm007(tmp_path / "b", style("Bone-strengthening medicines", medicine), md) == []
