"""Claims read on the evidence of what they are: a page that lists its sources unmarked
(a national health site's "Sources" line) has sourced its descriptive figures but not
what a treatment does; a symptom score on the 0-10 scale is no statistic, a comparison
of an outcome ("50% less pain") is one; the body's own healing that a treatment helps is
no mechanism claim; a page of two recovery timelines and no source is a page of claims
without references (CLM010), one timeline beside a promise is not. Every sentence is
written for this test, in the manner of several kinds of site.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records


def _block(block) -> dict:
    if isinstance(block, str):
        return {"paragraph": block}
    return {"style": "bullet", "list": [{"text": t} for t in block[1]]}


def found(root, sections, select) -> list[tuple[str, str]]:
    folder = article_from_records(root, {"title": "Example page"}, [
        {"heading": heading, "level": 1, "kind": kind, "blocks": [_block(b) for b in blocks]}
        for heading, kind, blocks in sections])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


# ------------------------------------------------------------------ sources listed, unmarked

SOURCES_LINE = ("Sources", "references", ["Gallstone Foundation (Gallstones), National Digestive Guidelines "
                                          "(Biliary colic), Surgical Society of Oceania (Cholecystectomy)"])
SOURCES_LIST = ("Where this information comes from", "references",
                [("list", ["Thornbury Health Service. Shingles. 2025.", "Marlow P. Zoster vaccines. 2023."])])


def test_a_listed_source_speaks_for_the_pages_descriptive_figures(tmp_path):
    # a national health site: how common, the chance it comes back
    page = [("Overview", "overview", ["About 1 in 10 adults will have gallstones at some point.",
                                      "After one attack of biliary colic, there is a 1 in 3 chance of another within a year.",
                                      "If the pain is severe, call triple zero (000)."]),
            SOURCES_LINE]
    assert found(tmp_path / "a", page, {"CLM001"}) == []
    # a leaflet site with a titled, itemised list
    page = [("Who gets it", "overview", ["Around one in four people get shingles in their lifetime."]), SOURCES_LIST]
    assert found(tmp_path / "b", page, {"CLM001"}) == []


def test_a_listed_source_does_not_speak_for_what_a_treatment_does(tmp_path):
    page = [("Treatment", "non-drug-treatment", ["Keyhole removal of the gallbladder cures the pain in 95% of people."]),
            SOURCES_LINE]
    assert found(tmp_path / "a", page, {"CLM001"}) == [("CLM001", "95%")]
    page = [("Vaccines", "overview", ["The vaccine cuts the chance of shingles by about 90% in people over 50."]),
            SOURCES_LIST]
    assert found(tmp_path / "b", page, {"CLM001"}) == [("CLM001", "90%")]


def test_a_page_that_marks_some_sentences_still_owes_a_mark_for_each_figure(tmp_path):
    page = [("Overview", "overview", ["Gallstones are common [1]. About 1 in 10 adults will have them."]),
            ("References", "references", [("list", ["1. Gallstone Foundation. Gallstones. 2024."])])]
    assert found(tmp_path, page, {"CLM001"}) == [("CLM001", "1 in 10")]


# ------------------------------------------------------------------ scores and comparisons

def test_a_pain_score_is_no_statistic(tmp_path):
    for i, text in enumerate([
            "Keep going with the exercises as long as the pain stays mild (about 3 out of 10) during them.",
            "Stop and rest if your soreness goes above 4/10 the next morning.",
            "Your physio may ask you to rate it as 6 out of 10 on a pain scale."]):
        assert found(tmp_path / str(i), [("Exercises", "non-drug-treatment", [text])], {"CLM001"}) == [], text
    # a share of people is still one
    text = "About 3 out of 10 people still have pain a year later."
    assert found(tmp_path / "x", [("Outlook", "overview", [text])], {"CLM001"}) == [("CLM001", "3 out of 10")]


def test_a_comparison_of_an_outcome_is_a_statistic(tmp_path):
    assert found(tmp_path / "a", [("Staying active", "advice", [
        "Adults who walk every day have 40% less back pain after six months."])], {"CLM001"}) == [("CLM001", "40%")]
    assert found(tmp_path / "b", [("Prevention", "prevention", [
        "Those who take the tablets have 30% fewer attacks."])], {"CLM001"}) == [("CLM001", "30%")]


# ------------------------------------------------------------------ the body heals

def test_the_bodys_own_healing_is_no_mechanism_claim(tmp_path):
    for i, text in enumerate([
            "A physio will give you loading exercises that help the tendon to heal.",
            "Resting the foot for a week lets the ligament heal.",
            "Wear the brace while the tear heals, then build up slowly."]):
        assert found(tmp_path / str(i), [("Physiotherapy", "non-drug-treatment", [text])], {"CLM005"}) == [], text
    assert found(tmp_path / "x", [("Physiotherapy", "non-drug-treatment", [
        "Shock wave therapy heals the damaged tendon in a few sessions."])], {"CLM005"}) == [("CLM005", "heals")]


# ------------------------------------------------------------------ a page of claims and no source

def test_two_recovery_timelines_and_no_source_is_a_page_of_claims(tmp_path):
    page = [("How long will it take?", "overview", [
        "Most calf strains are fully healed in three weeks with our programme.",
        "The netball players I see are usually back training within a fortnight."])]
    assert found(tmp_path / "a", page, {"CLM010"}) == [("CLM010", "Example page")]


def test_one_timeline_beside_a_promise_is_left_to_its_own_checks(tmp_path):
    page = [("Treatment", "non-drug-treatment", [
        "Our splint is a safe, natural option that cures wrist pain.",
        "Most people are back at their desk in 10 days."])]
    assert found(tmp_path / "a", page, {"CLM010"}) == []
