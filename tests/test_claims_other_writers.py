"""Claims (CLM001-CLM010) on text written as other sites write it: citations given as
trailing numbers, superscripts, author-year in brackets, glued source names, Markdown
reference definitions and "Sources" lists; sentences with abbreviations; figures that
are strengths, leaflet frequency conventions, drink strengths, dose adjustments and
laboratory values rather than statistics. Every sentence here is written for this test.

The articles are built as records (not imported), so the tests pin the checks and
their data, not the importer's reading of a page."""

from __future__ import annotations


from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records



def _block(block) -> dict:
    if isinstance(block, str):
        return {"paragraph": block}
    if block[0] == "disclaimer":
        return {"disclaimer": block[1]}
    return {"style": "numbered" if block[0] == "numbered" else "bullet",
            "list": [{"text": t} for t in block[1]]}


def build(root, sections) -> str:
    """sections: [(heading, kind, [paragraph text | ("bullet"|"numbered", [item text])])]."""
    return article_from_records(root, {}, [{"heading": heading, "level": 1, "kind": kind,
                                             "blocks": [_block(b) for b in blocks]} for heading, kind, blocks in sections])


def found(root, sections, select) -> list[tuple[str, str]]:
    result = check_article(build(root, sections), Options(today=EXAMPLE_TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def stats(root, *paragraphs, kind="overview"):
    return found(root, [("About it", kind, list(paragraphs))], {"CLM001"})


REFS = ("References", "references", [("numbered", [
    "Marsh T, Oduya K. Night-time cough in children. Arch Dis Child. 2020;105(3):210-215.",
    "Bell A. Topical antifungals compared. Br J Derm. 2018;178(2):44-51.",
    "Quinn R, et al. Antiviral timing in zoster. J Infect. 2019;78(1):12-19."])])


# ------------------------------------------------------------------ not statistics

def test_leaflet_frequency_conventions_are_not_statistics(tmp_path):
    assert stats(tmp_path / "a",
                 "Very common (may affect more than 1 in 10 people): headache.",
                 "Rare (may affect up to 1 in 1,000 people): fainting or fast heartbeat.",
                 "Serious reactions happen in fewer than 1 in 10,000 people who use it.") == []
    # a share of people helped is still a statistic
    assert stats(tmp_path / "b", "The operation lets 1 in 10 patients walk unaided again.") == [("CLM001", "1 in 10")]


def test_strengths_are_not_statistics(tmp_path):
    assert stats(tmp_path / "a",
                 "Rub in miconazole 2% cream twice a day until the rash has gone.",
                 "Apply the topical solution 2% to dry scalp skin at night.",
                 "Use one drop of the 0.5% eye drops in the morning.",
                 "Up to two 4% patches may be worn at once.",
                 "Clotrimazole 1% can be bought from a pharmacy for athlete's foot.",
                 "A mild steroid such as hydrocortisone 1% suits the face; betamethasone valerate 0.1% is stronger.",
                 "Ketoconazole shampoo (2%) is used twice a week.") == []
    assert stats(tmp_path / "b", "Rub in the cream: 90% of patients recover within a week.") == [("CLM001", "90%")]


def test_drink_strengths_dose_adjustments_and_composition_are_not_statistics(tmp_path):
    assert stats(tmp_path / "a",
                 "A pint of cider (568 ml at 5%) is nearly 3 units.",
                 "A 13% ABV wine holds more alcohol than you might think.",
                 "In severe kidney disease, lower the dose by 25% and check levels weekly.",
                 "Magnesium oxide gives about 60% elemental magnesium by weight.") == []
    assert stats(tmp_path / "b", "Cutting down lowers the risk of a stroke by 25% in a year.") == [("CLM001", "25%")]


def test_laboratory_thresholds_and_targets_are_not_statistics(tmp_path):
    assert stats(tmp_path / "a",
                 "An HbA1c of 6.5% or above on two tests confirms the diagnosis.",
                 "Most adults aim for an A1C target; for many it is under 7%.",
                 "A reading between 6.0% and 6.4% HbA1c means a raised risk.",
                 "Go to hospital if your oxygen saturation is 92% or lower.", kind="diagnosis") == []
    assert stats(tmp_path / "b", "About 10% of people with diabetes also have eye damage.",
                 kind="diagnosis") == [("CLM001", "10%")]


def test_breakthrough_symptoms_and_negated_cure_alls_are_not_superlatives(tmp_path):
    sections = [("Treatment", "drug-therapy", [
        "A rescue medicine is kept at home to prevent breakthrough convulsions.",
        "Take it for deficiency, not as a cure-all.",
        "This new cream is a breakthrough for dry skin."])]
    assert found(tmp_path, sections, {"CLM004"}) == [("CLM004", "breakthrough")]


def test_rebuild_claims_in_supplement_items_are_mechanism_claims(tmp_path):
    sections = [("Supplements", "supplements", [("bullet", [
        "Chondroitin 800 mg daily rebuilds damaged joint cartilage.",
        "Fish oil 1 g daily may ease morning stiffness."])])]
    assert found(tmp_path, sections, {"CLM005"}) == [("CLM005", "rebuilds")]


# ------------------------------------------------------------------ citations

def test_trailing_reference_numbers_cite_and_dangling_ones_are_unresolved(tmp_path):
    sections = [("Treatment", "treatment", [
        "Antivirals started early cut the pain of the rash by 30% 3. Treatment also shortens it 1, 3.",
        ("bullet", ["Night cough eases in 60% of children given honey 1",
                    "Topical creams clear 80% of infections within 2 weeks 2",
                    "Oral tablets work faster in 70% of adults 5"]),
        "Children under 12 should use the liquid."]), REFS]
    got = found(tmp_path, sections, {"CLM001", "CLM006"})
    assert got == [("CLM006", "adults 5")]


def test_trailing_numbers_are_no_citation_on_a_page_without_that_habit(tmp_path):
    # one trailing-looking number is not a page's citation style
    sections = [("Treatment", "treatment", ["About 40% of people improve on week 2 of treatment 2."]), REFS]
    assert found(tmp_path, sections, {"CLM001", "CLM006"}) == [("CLM001", "40%")]
    # no reference list: numbers at sentence ends are just numbers
    sections = [("Treatment", "treatment", ["About 40% of people get better 2.", "Doses rise on day 3 2."])]
    assert found(tmp_path / "b", sections, {"CLM001", "CLM006"}) == [("CLM001", "40%")]


def test_superscripts_cite_but_powers_and_square_units_do_not(tmp_path):
    assert stats(tmp_path / "a", "Walking daily eases knee pain in 40% of people.² It is free.",
                 "Weight loss helps 50% of patients,¹ ³ whatever the scan shows.") == []
    assert stats(tmp_path / "b", "A dose of 2 × 10⁶ cells helped 60% of people in the clinic.",
                 "Areas over 10 cm² responded in 30% of cases.") == [("CLM001", "30%"), ("CLM001", "60%")]


def test_author_year_in_brackets_cites(tmp_path):
    assert stats(tmp_path / "a",
                 "Honey eased night cough in 60% of children (NICE, 2023).",
                 "Symptoms settled in 70% of adults (Okafor et al., 2021; Lin 2019).",
                 "Treatment failed in 15% of people (American Thoracic Society, 2020).") == []
    assert stats(tmp_path / "b", "Symptoms settled in 70% of adults (May, 2024).") == [("CLM001", "70%")]


def test_glued_source_names_cite_the_record(tmp_path):
    assert stats(tmp_path / "a",
                 "Rest helps 80% of people within a week.Mayo ClinicPMC +2",
                 "Splints relieve 50% of night pain.WebMD",
                 "Exercise helps 40% of people. Cleveland Clinic +1") == []
    assert stats(tmp_path / "b", "Rest helps 80% of people within a week.Nobody Knows") == [("CLM001", "80%")]


def test_abbreviations_do_not_end_a_sentence(tmp_path):
    got = found(tmp_path / "b", [("Results", "overview", [
        "Sleep improved in 40% of people (see Fig. 2 of the report) [1].",
        "Relief came for 30% on the drug vs. 20% on placebo (Hale et al., 2018).",
        "Reviewed trials, e.g. the 2019 one, saw 35% fewer flares [3]."]), REFS], {"CLM001", "CLM006"})
    assert got == []
    # "No." ends a sentence unless a number follows it
    # (a page that marks its sources: one listed but marking nothing speaks for a descriptive figure)
    got = found(tmp_path / "c", [("Answers", "overview", ["It is licensed for adults [1].",
                                                          "Is it safe? No. About 20% of people react badly."]), REFS],
                {"CLM001"})
    assert got == [("CLM001", "20%")]


def test_markdown_reference_definitions_resolve(tmp_path):
    sections = [("Care", "treatment", ["Creams clear 80% of rashes [1]. Ointments suit 60% of people [2]."]),
                ("Further notes", "other", ["[1]: Bell A. Topical antifungals compared. 2018. "
                                            "[2]: Marsh T. Emollient choice. 2020."])]
    assert found(tmp_path, sections, {"CLM001", "CLM006"}) == []


def test_a_sources_list_is_a_reference_list_whatever_its_kind(tmp_path):
    sections = [("Care", "treatment", ["Creams clear 80% of rashes [2] and most people improve."]),
                ("Sources", "other", [("bullet", ["Bell A. Topical antifungals compared. 2018.",
                                                  "Marsh T. Emollient choice. 2020."])])]
    assert found(tmp_path, sections, {"CLM001", "CLM006", "CLM010"}) == []
    # the same page with no list at all cites nothing
    sections = [("Care", "treatment", ["Creams clear 80% of rashes. Studies show ointments work better."])]
    assert found(tmp_path / "b", sections, {"CLM001", "CLM010"}) == [("CLM001", "80%"), ("CLM010", "Example")]


def test_one_unsourced_claim_is_left_to_its_own_check(tmp_path):
    sections = [("Care", "treatment", ["Creams clear 80% of rashes within days; research shows it.",
                                       "Keep the skin moisturised."])]
    assert found(tmp_path, sections, {"CLM001", "CLM003", "CLM010"}) == [("CLM001", "80%"), ("CLM003", "research shows")]


def test_studies_named_as_the_evidence_are_research_appeals(tmp_path):
    sections = [("Supplements", "supplements", [
        "Some studies have linked zinc lozenges with shorter colds.",
        ("bullet", ["Alpha-lipoic acid 600 mg daily – antioxidant; small trials in nerve pain."]),
        "Smoking is linked to slower healing."])]
    assert found(tmp_path, sections, {"CLM003"}) == [("CLM003", "small trials in"), ("CLM003", "studies have linked")]


def test_shares_in_words_are_statistics(tmp_path):
    assert stats(tmp_path / "a", "About a third of people with gout have a second attack within a year.",
                 "Half of the tablet can be taken at night.") == [("CLM001", "a third of people")]


def test_claims_in_a_block_marked_as_a_disclaimer_are_read_but_its_cautions_are_not(tmp_path):
    sections = [("Supplements", "supplements", [("disclaimer",
        "Zinc lozenges shorten colds by 40%. These products are not intended to diagnose, treat, cure or "
        "prevent any disease, and 10% of the tablet is filler; this page is general information only.")])]
    assert found(tmp_path, sections, {"CLM001", "CLM004"}) == [("CLM001", "40%")]


def test_an_article_of_promises_alone_is_left_to_their_own_checks(tmp_path):
    # two promises - a cure-all and a recovery timeline - each reported by its own check,
    # in several writers' words; no figure or study is offered, so no reference list is asked
    for i, (cure, timeline) in enumerate([
            ("Vitamin B6 is a natural option that cures it in many people.",
             "Most people are back at work in 2 weeks."),
            ("This brace is the best treatment for wrist pain.",
             "Many patients are driving again within 10 days."),
            ("Our stretches are clinically proven to work.",
             "Most patients return to the gym by 6 weeks.")]):
        got = found(tmp_path / str(i), [("Treatment", "non-drug-treatment", [cure, timeline])],
                    {"CLM002", "CLM004", "CLM010"})
        assert "CLM010" not in [c for c, _ in got], (cure, timeline)
        assert {"CLM002", "CLM004"} <= {c for c, _ in got}, (cure, timeline)


def test_an_article_that_leans_on_evidence_with_no_reference_is_reported(tmp_path):
    # a figure or an appeal to research among the claims: the reference list is asked
    for i, evidence in enumerate(["About 70% of people improve with a splint.",
                                  "Research shows that splints help most people.",
                                  "Small trials in older adults found less pain at night."]):
        paragraphs = [evidence, "Most people are back at work in 2 weeks."]
        got = found(tmp_path / str(i), [("Treatment", "non-drug-treatment", paragraphs)], {"CLM010"})
        assert [c for c, _ in got] == ["CLM010"], evidence


# ------------------------------------------------------------------ care-team and marketing voices

def test_a_dosage_form_that_dissolves_is_no_superlative(tmp_path):
    sections = [("Your medicines", "drug-therapy", [
        "Ondansetron 4 mg dissolving tablets: let one melt on the tongue.",
        "Buprenorphine comes as a dissolving film that sits under the tongue.",
        "Your wound was closed with dissolving stitches."])]
    assert found(tmp_path / "a", sections, {"CLM004"}) == []
    sections = [("Treatment", "supplements", ["This enzyme blend is dissolving the disc bulge as you sleep."])]
    assert found(tmp_path / "b", sections, {"CLM004"}) == [("CLM004", "dissolving")]


def test_a_share_of_the_readers_own_best_is_a_threshold_not_a_statistic(tmp_path):
    assert stats(tmp_path / "a",
                 "My peak flow is between 240 and 380 L/min (50% to 80% of my best).",
                 "If your peak flow drops below 50% of your best, call 999.",
                 "Aim to keep it above 80 percent of your personal best.") == []
    assert stats(tmp_path / "b", "The inhaler helps 80% of people with asthma.") == [("CLM001", "80%")]


def test_superlatives_with_the_kind_of_medicine_between(tmp_path):
    sections = [("About it", "overview", [
        "It is the most effective weight-loss medicine ever developed.",
        "Compounded bioidentical hormones from our clinic are the safest.",
        "Patches remain the safest form of HRT for most women."])]
    assert found(tmp_path / "a", sections, {"CLM004"}) == [
        ("CLM004", "are the safest"), ("CLM004", "the most effective weight-loss medicine"),
        ("CLM004", "the safest form")]
    # plain comparisons and advice are none
    sections = [("About it", "overview", [
        "Ibuprofen is most effective when taken with food at the first sign of pain.",
        "Ask which option is safest for you if you are pregnant."])]
    assert found(tmp_path / "b", sections, {"CLM004"}) == []


def test_outcome_timelines_in_marketing_and_clinic_voices(tmp_path):
    sections = [("What to expect", "overview", [
        "Most members see results within the first month.",
        "Most women notice their hot flushes ease within a fortnight of starting.",
        "The majority of clients feel lighter within a week."])]
    got = [e for _, e in found(tmp_path / "a", sections, {"CLM002"})]
    assert len(got) == 3 and got[0].startswith("Most members")
    sections = [("What to expect", "overview", [
        "Many people find heat helps after the first couple of days.",
        "Most people should rest for the first week."])]
    assert found(tmp_path / "b", sections, {"CLM002"}) == []
