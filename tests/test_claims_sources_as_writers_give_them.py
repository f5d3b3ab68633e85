"""Claims (CLM001, CLM004, CLM006, CLM010) on sources as writers give them without a numbered
reference list, and on figures said in words. Each class is written in several writers' styles
(a health-media site, a charity leaflet, a clinic blog, a news-style explainer, a chat export),
each with the text that must stay quiet beside it. Every sentence here is written for this test.

Classes:
- a body, journal, survey or registry named in the sentence as the figure's source ("According
  to the American Heart Association", "the World Health Organization estimates", "published in
  JAMA", "In the Health Survey for England 2019"), an author named with "and colleagues", a link
  badge ("Trusted Source") and a "Source: ..." line after the figure cite it; the page's own
  clinic or department, a named doctor's say-so and an unnamed study do not;
- a body named in a text that claims nothing ("not evaluated by the Food and Drug
  Administration") is no reference for CLM010;
- a reference list titled by a line of its own ("**Sources**", "References:") above a list
  resolves bracketed numbers; "Sources of vitamin D" above a list of foods is no reference list;
- a change in a risk said as a share in words ("by half", "by about two thirds", "halves the
  risk", "doubles your risk", "twice the risk", "in half") is a statistic; a dose lowered by a
  quarter and a tablet cut in half are not;
- CLM004 leaves a superlative in the clause of a figure CLM001 reports, and reports one in a
  clause of its own.
"""

from __future__ import annotations

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records, article_from_text


def _block(block) -> dict:
    if isinstance(block, str):
        return {"paragraph": block}
    return {"style": "numbered" if block[0] == "numbered" else "bullet",
            "list": [{"text": t} for t in block[1]]}


def found(root, sections, select) -> list[tuple[str, str]]:
    folder = article_from_records(root, {}, [{"heading": h, "level": 1, "kind": kind, "blocks": [_block(b) for b in blocks]}
                                             for h, kind, blocks in sections])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def stats(root, *paragraphs):
    return found(root, [("About it", "overview", list(paragraphs))], {"CLM001"})


# ------------------------------------------------------------------ sources named in the sentence

@pytest.mark.parametrize("sentence", [
    "According to the American Heart Association, nearly half of adults have high blood pressure, which raises the risk of a stroke.",
    "The World Health Organization estimates that 1 in 4 adults is not active enough.",
    "Public Health England reported that 30% of adults are obese.",
    "In the Health Survey for England 2019, 28% of adults were obese.",
    "Data from the Office for National Statistics show that 1 in 5 adults smoked in 2011.",
    "A trial published in JAMA in 2021 found that 40% of patients improved.",
    "A 2019 study in The Lancet found that 30% of patients relapse within a year.",
    "As Collins and colleagues (2016) showed, statins cut the risk of a heart attack by 25%.",
    "Gout affects about 9 million adults, according to national survey data Trusted Source.",
    "Around 1 in 10 people with shingles get nerve pain afterwards (source).",
])
def test_a_source_named_in_the_sentence_cites_its_figure(tmp_path, sentence):
    assert stats(tmp_path, sentence) == []


@pytest.mark.parametrize("sentence,figure", [
    ("At our Pain Clinic, 90% of patients recover fully.", "90%"),
    ("In our Emergency Department, 1 in 5 children with a fever has an infection.", "1 in 5"),
    ("A Danish study found that 30% of patients relapse.", "30%"),
    ("According to Dr Patel, 90% of patients improve with physiotherapy.", "90%"),
    ("With regular Physiotherapy Sessions, 95% of patients get complete relief.", "95%"),
    ("Gout affects about 9 million adults, according to a 2019 analysis of survey data.", "9 million adults"),
])
def test_an_unnamed_or_self_source_does_not(tmp_path, sentence, figure):
    assert stats(tmp_path, sentence) == [("CLM001", figure)]


def test_a_source_line_after_the_figure_cites_it(tmp_path):
    # the same paragraph, and a line of its own under the paragraph
    assert stats(tmp_path / "a", "About 1 in 4 adults is not active enough. Source: Office for National Statistics, 2023.") == []
    assert stats(tmp_path / "b", "Around 7 in 10 people with epilepsy become free of seizures with medicine.",
                 "Source: International League Against Epilepsy") == []
    assert stats(tmp_path / "c", "Data: UK Health Security Agency, 2024", "Around 1 in 3 adults carries the germ without symptoms.") \
        == [("CLM001", "1 in 3")]  # a source line above the figure is another figure's
    assert stats(tmp_path / "d", "Sources of vitamin D: 10% of people are low in winter, which raises their risk of weak bones.") \
        == [("CLM001", "10%")]  # "Sources of" is no source line


def test_a_body_named_where_nothing_is_claimed_is_no_reference(tmp_path):
    sections = [("Benefits", "supplements", [
        "Clinically proven to raise magnesium levels in 80% of users within two weeks.",
        "Studies show it is absorbed better than oxide.",
        "*These statements have not been evaluated by the Food and Drug Administration."])]
    assert ("CLM010", "") in [(c, "") for c, _ in found(tmp_path, sections, {"CLM010"})]
    cited = [("Benefits", "supplements", [
        "According to the National Osteoporosis Foundation, 1 in 2 women over 50 will break a bone, a risk that rises with age.",
        "Studies show that weight-bearing exercise slows bone loss."])]
    assert found(tmp_path / "b", cited, {"CLM010"}) == []


# ------------------------------------------------------------------ reference lists titled by a line

CHAT = """# Toothache help

**You:** Can I take ibuprofen and paracetamol together?

**Helper:** Yes. Research shows that taking both together relieves dental pain better than either alone [1][2]. Clove oil is also used [3].

**Sources**

1. Moore PA, et al. Analgesics for acute dental pain. J Am Dent Assoc. 2018;149(4):256-265.
2. American Dental Association. Acute dental pain guideline. 2023.
"""

BLOG = """Vitamin D in winter

Why it matters
Low vitamin D is common in winter, and about 1 in 6 adults are low by March [1].

References:
- Lin K. Vitamin D status in UK adults. BMJ Open. 2020;10:e03.
"""

FOODS = """Vitamin D in winter

Why it matters
Low vitamin D is common in winter and 1 in 6 adults are low by March [1].
Sources of vitamin D
- oily fish such as salmon
- egg yolks
"""


def _checks(text, root, markdown=False, select=("CLM001", "CLM003", "CLM006")):
    folder = article_from_text(text, root, markdown=markdown)
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def test_a_list_titled_sources_by_a_bold_line_resolves_its_numbers(tmp_path):
    # [1] and [2] resolve to the list under "**Sources**"; [3] has no entry
    assert _checks(CHAT, tmp_path, markdown=True) == [("CLM006", "[3]")]


def test_a_list_titled_references_by_a_colon_line_resolves_its_numbers(tmp_path):
    assert _checks(BLOG, tmp_path) == []


def test_sources_of_a_nutrient_are_no_reference_list(tmp_path):
    assert ("CLM006", "[1]") in _checks(FOODS, tmp_path)


# ------------------------------------------------------------------ changes said in words

@pytest.mark.parametrize("sentence,figure", [
    ("Drinking enough water cuts your chance of forming a new stone by half.", "by half"),
    ("Anticoagulants cut the risk of a stroke by about two thirds.", "by about two thirds"),
    ("Taking aspirin every day halves the risk of a second stroke.", "halves the risk"),
    ("Smoking doubles your risk of a stroke.", "doubles your risk"),
    ("Smokers have twice the risk of gum disease.", "twice the risk"),
    ("The vaccine cuts your risk of shingles in half.", "cuts your risk of shingles in half"),
])
def test_a_risk_changed_by_a_share_in_words_is_a_statistic(tmp_path, sentence, figure):
    assert stats(tmp_path, sentence) == [("CLM001", figure)]


@pytest.mark.parametrize("sentence", [
    "A typical plan lowers the dose by about a quarter every two weeks.",
    "If the tablet is hard to swallow, cut it in half with a tablet cutter.",
    "Halve the dose if your kidneys do not work well.",
    "Combining a patch with a gum raises the chance of quitting by about a quarter (Lindson et al., 2019).",
])
def test_dose_steps_and_cited_shares_are_not_unsourced(tmp_path, sentence):
    assert stats(tmp_path, sentence) == []


# ------------------------------------------------------------------ one finding per claim

def test_a_superlative_in_the_clause_of_a_flagged_figure_is_not_reported_twice(tmp_path):
    sections = [("Choosing a tablet", "drug-therapy", [
        "Malarone is 100% effective and has no side effects, which is why travellers choose it.",
        "It is the most effective weight-loss medicine ever developed, and patients lose 15% of their weight on average.",
        "The cream is a miracle cure; 9 out of 10 users saw results."])]
    got = found(tmp_path, sections, {"CLM001", "CLM004"})
    assert ("CLM004", "has no side effects") not in got
    assert ("CLM004", "the most effective weight-loss medicine") in got
    assert ("CLM004", "miracle") in got and ("CLM001", "9 out of 10") in got


# ------------------------------------------------------------------ pharmacokinetics and storage

@pytest.mark.parametrize("sentence", [
    # a drug index's pharmacokinetics lines
    "Absorption: rapidly absorbed; bioavailability ≥90%, and it is safe to take with food.",
    "Excretion: via urine (approx. 98% as unchanged drug); dose reduction needed in renal impairment.",
    # a pharmacist's explainer
    "About 95% of the drug is bound to plasma proteins, which raises the risk of interactions.",
    "Food reduces peak levels by 30% but does not change the total amount absorbed.",
    # a renal dosing note
    "Clearance falls by 50% in people with severe kidney disease, so the dose is halved.",
    # a pack's storage line
    "Store at 40% humidity or less to keep the tablets stable and safe.",
])
def test_what_the_body_does_to_the_drug_and_storage_are_not_statistics(tmp_path, sentence):
    assert stats(tmp_path, sentence) == []


@pytest.mark.parametrize("sentence,figure", [
    ("This green tea extract boosts your metabolism by 20%, so you burn more fat.", "20%"),
    ("Complete clearance of psoriasis was seen in 80% of patients.", "80%"),
    ("After absorption the drug works within an hour; 30% of patients feel sick.", "30%"),
])
def test_outcomes_beside_those_words_are_still_statistics(tmp_path, sentence, figure):
    assert stats(tmp_path, sentence) == [("CLM001", figure)]


# ------------------------------------------------------------------ superlatives and timelines that claim nothing

@pytest.mark.parametrize("sentence", [
    "The best option for you depends on your symptoms, so speak to a pharmacist.",     # a pharmacy chain
    "Your GP will help you decide on the best treatment for you.",                     # a leaflet
    "Which treatment is best for your child will depend on their age.",                # a parenting site
    "Antibiotics cure most urinary infections within 3 days.",                         # a GP handout
    "Treatment usually cures the infection, but finish the course.",                   # a sexual health clinic
    "We guarantee next-day delivery on orders placed before 2pm.",                     # a shop's banner
    "Most people recover within a week without treatment.",                            # a self-care page
    "Most colds clear up on their own within 7 to 10 days.",
])
def test_choices_standard_teaching_and_natural_course_claim_nothing(tmp_path, sentence):
    got = found(tmp_path, [("About it", "other", [sentence])], {"CLM002", "CLM004"})
    assert got == []


@pytest.mark.parametrize("sentence,check", [
    ("The best treatment for sciatica is spinal decompression.", "CLM004"),
    ("Our herbal blend cures arthritis naturally.", "CLM004"),
    ("Results guaranteed in just 7 days or your money back.", "CLM004"),
    ("The cream is guaranteed to work on every kind of eczema.", "CLM004"),
    ("Most sprains are fully healed in two weeks if you follow our plan.", "CLM002"),
])
def test_rankings_promises_and_guarantees_of_effect_are_still_claims(tmp_path, sentence, check):
    got = found(tmp_path, [("About it", "other", [sentence])], {"CLM002", "CLM004"})
    assert [c for c, _ in got] == [check]


def test_a_guideline_year_in_brackets_is_no_reference_number(tmp_path):
    sections = [("Treatment", "other", [
        "NICE's low back pain guideline (NG59) [2016] advises exercise; about 1 in 3 people with sciatica need more than painkillers, which raises their risk of long-term pain."])]
    assert found(tmp_path, sections, {"CLM006"}) == []


def test_unnumbered_reference_paragraphs_resolve_by_position(tmp_path):
    sections = [("Why it matters", "overview", ["About 1 in 6 adults are low in vitamin D by March, which raises the risk of weak bones [2]."]),
                ("References", "references", ["We used these sources:",
                                              "Lin K. Vitamin D status in UK adults. BMJ Open. 2020;10:e03.",
                                              "Ross A. Winter sunlight and bone health. Osteoporos Int. 2019;30:1-9."])]
    assert found(tmp_path, sections, {"CLM006", "CLM001"}) == []
    sections[0] = ("Why it matters", "overview", ["About 1 in 6 adults are low in vitamin D by March [3], which raises their risk of weak bones."])
    assert found(tmp_path / "b", sections, {"CLM006"}) == [("CLM006", "[3]")]


@pytest.mark.parametrize("sentence,flagged", [
    ("Lowering blood pressure cuts the risk of a stroke by 35% (ESC 2021).", False),
    ("About 1 in 4 adults with diabetes develop foot ulcers (AHA/ACC 2019).", False),
    ("Omega-3 (DHA 2000 mg) lowers triglycerides by 30% in most people.", True),
])
def test_a_bodys_acronym_and_year_in_brackets_cites(tmp_path, sentence, flagged):
    assert bool(stats(tmp_path, sentence)) is flagged


@pytest.mark.parametrize("title", ["Selected references", "Our sources", "Reference list", "Sources of information",
                                   "Notes and references", "Where this information comes from", "Sources & further reading"])
def test_reference_lists_under_other_titles_resolve_their_numbers(tmp_path, title):
    sections = [("Why it matters", "overview", ["About 1 in 6 adults are low in vitamin D by March, which raises the risk of weak bones [1]."]),
                (title, "other", [("numbered", ["Lin K. Vitamin D status in UK adults. BMJ Open. 2020;10:e03."])])]
    assert found(tmp_path, sections, {"CLM006", "CLM001"}) == []


@pytest.mark.parametrize("title", ["Further reading", "Sources of vitamin D", "Notes"])
def test_other_lists_are_no_reference_list(tmp_path, title):
    sections = [("Why it matters", "overview", ["About 1 in 6 adults are low in vitamin D by March, which raises the risk of weak bones [1]."]),
                (title, "other", [("numbered", ["Oily fish such as salmon and mackerel."])])]
    assert found(tmp_path, sections, {"CLM006"}) == [("CLM006", "[1]")]
