"""Section cautions asked on the evidence of what they exist for (DSC001, DSC002, DSC004):
a surgery section owes its risks and a shared decision when it sells an operation by its
results, not when it lists what a surgeon may offer; a section gives a dose when the dose
reader reads a schedule or a text names an amount to take, not a product's pack size or
a limit to keep under; a US page sends its reader to "your provider"; a formulary's
monograph for prescribers owes no consumer caution. Every sentence is written for this
test, in the manner of several kinds of site.

The articles are built as records (not imported): the kinds are given, so the tests pin
the checks and their data, not the importer's reading of a page."""

from __future__ import annotations

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records
from tests.disclaimer_support import surgery_asked

IDS = frozenset({"DSC001", "DSC002", "DSC004"})
CLOSING = ("Closing note", "other", ["This page is general information, not a substitute for medical advice."])


def _block(block) -> dict:
    if isinstance(block, str):
        return {"paragraph": block}
    return {"style": "bullet", "list": [{"text": t} for t in block[1]]}


def found(root, sections, meta=None) -> list[tuple[str, str]]:
    folder = article_from_records(root, dict(meta or {}), [
        {"heading": head, "level": 1, "kind": kind, "blocks": [_block(b) for b in blocks]}
        for head, kind, blocks in [*sections, CLOSING]])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=IDS))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


# ------------------------------------------------------------------ surgery: sold by results

def test_surgery_listed_as_an_option_owes_no_caution(tmp_path):
    with surgery_asked(tmp_path):  # the surgery rule, off by default, switched on
        # a US wellness publisher: what a surgeon may offer, with a pointer to ask about risks
        assert found(tmp_path / "a", [("Operations", "surgery", [
            "If six months of rehab have not helped, a surgeon may suggest one of these:",
            ("list", ["arthroscopic debridement, which trims frayed tissue",
                      "open tendon repair, which stitches the tendon back to the bone"]),
            "Ask your orthopedist about the risks, which include stiffness and infection."])]) == []
        # a hospital blog: the procedures and their price, no promise
        assert found(tmp_path / "b", [("f) Operation", "surgery", [
            "An operation is considered when weakness is getting worse. Options include:",
            ("list", ["Lumbar fusion", "Disc replacement"]),
            "The usual cost ranges from Rs. 1,80,000 to Rs. 3,20,000."])]) == []
        # a national health page: when it is considered, and the specialist explains
        assert found(tmp_path / "c", [("Treatments in hospital", "surgery", [
            "A gallstone that keeps blocking the duct may need keyhole surgery to remove the gallbladder.",
            "Your hepatologist will explain what each procedure involves."])]) == []


def test_surgery_is_not_asked_by_default(tmp_path):
    # the disclaimer ruling of 2026-12-04, (b): the rule stays in the data, switched off
    assert found(tmp_path, [("Our keyhole procedures", "surgery", [
        ("list", ["Keyhole knee repair – 93% of our patients walk unaided the same week"])])]) == []


def test_surgery_sold_by_its_results_owes_its_risks_and_a_shared_decision(tmp_path):
    with surgery_asked(tmp_path):  # the surgery rule, off by default, switched on
        # a clinic's promotional list: a success figure and nothing else
        assert found(tmp_path / "a", [("Our keyhole procedures", "surgery", [
            ("list", ["Keyhole knee repair – 93% of our patients walk unaided the same week",
                      "Shoulder decompression – quick recovery, home the same day"])])]) == [
            ("DSC001", "Our keyhole procedures")]
        # a magazine: "nine in ten" and its risks, but no word on deciding with anyone
        assert found(tmp_path / "b", [("Is an operation worth it?", "surgery", [
            "Hip replacement surgery works well: nine in ten people still have theirs 15 years on.",
            "Risks include blood clots, infection and a leg that feels longer."])]) == [
            ("DSC002", "Is an operation worth it?")]


def test_a_specialist_who_will_go_through_the_choice_is_the_shared_decision(tmp_path):
    with surgery_asked(tmp_path):  # the surgery rule, off by default, switched on
        assert found(tmp_path / "a", [("Repairing the tear", "surgery", [
            "About 8 in 10 repairs heal well. Complications such as re-tearing and stiffness can happen.",
            "Your orthopaedic consultant will go through whether an operation suits you."])]) == []
        assert found(tmp_path / "b", [("Stone removal", "surgery", [
            "Ureteroscopy clears the stone in more than 90% of people; bleeding and infection are possible risks.",
            "Talk to your urologist about which option fits your stone."])]) == []


# ------------------------------------------------------------------ what gives a dose

def test_a_limit_to_keep_under_gives_no_dose(tmp_path):
    # a pharmacy Q&A weighing the evidence, with only the upper limit
    assert found(tmp_path / "a", [("Does zinc help a cold?", "supplements", [
        "The evidence is mixed. Some studies suggest zinc shortens a cold by a day.",
        "Stay under 40 mg of zinc a day from all sources."])]) == []
    assert found(tmp_path / "b", [("Vitamin D in winter", "supplements", [
        "Most people make enough vitamin D in summer. Do not take more than 100 micrograms a day."])]) == []
    # ... but an amount to take still does, limit or not
    assert found(tmp_path / "c", [("Vitamin D in winter", "supplements", [
        "Take 10 micrograms a day from October to March; do not take more than 100 micrograms a day."])]) == [
        ("DSC001", "Vitamin D in winter")]


def test_a_product_listing_gives_no_dose(tmp_path):
    # a shop's related-products strip under an article: strength, pack size, price
    folder = article_from_records(tmp_path / "a", {}, [
        {"heading": "You might also need", "level": 1, "kind": "supplements", "blocks": [
            {"style": "bullet", "list": [
                {"text": "Zinc 15 mg 60 tablets  £6.49",
                 "doses": [{"text": "15 mg 60 tablets", "amount": {"low": 60, "unit": "tablet"}, "per": "dose",
                            "strength": {"raw": "15 mg", "value": 15, "unit": "mg", "kind": "unit"}}]}]}]},
        {"heading": CLOSING[0], "level": 1, "kind": "other", "blocks": [{"paragraph": CLOSING[2][0]}]}])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=IDS))
    assert result.error is None and result.findings == []


# ------------------------------------------------------------------ "your provider"

def test_a_us_page_sends_its_reader_to_their_provider(tmp_path):
    assert found(tmp_path / "a", [("Medicines", "drug-therapy", [
        "You can take naproxen 220 mg every 8 to 12 hours, no more than 3 tablets in 24 hours.",
        "Always check with your provider before you start a new medicine. These doses are for adults."])]) == []
    # the dose table's own note that says only whom it is for is still incomplete
    assert found(tmp_path / "b", [("Dose chart", "drug-therapy", [
        "Ibuprofen 200 to 400 mg every 6 hours, up to 1,200 mg a day.", "These doses are for adults."])]) == [
        ("DSC002", "Dose chart")]
    # an age label on the dose is no caution to call incomplete: the page's closing note
    # cautions the reader
    assert found(tmp_path / "c", [("Dose chart", "drug-therapy", [
        "Adults: ibuprofen 200 to 400 mg every 6 hours, up to 1,200 mg a day."])]) == []


# ------------------------------------------------------------------ a formulary for prescribers

def test_a_formulary_monograph_owes_no_consumer_caution(tmp_path):
    meta = {"preamble": [{"role": "chrome", "text": "Riverside Area Prescribing Formulary"},
                         {"role": "chrome", "text": "For healthcare professionals  |  Chapter 4: Central nervous system"}]}
    sections = [
        ("INDICATIONS AND DOSE", "drug-therapy", [
            ("list", ["Adult: 50 mg once daily, increased if necessary to max. 200 mg daily"])]),
        ("CONTRA-INDICATIONS", "other", ["Poorly controlled epilepsy."]),
        ("CAUTIONS", "other", ["Cardiac disease; an increased risk of stroke has been reported in the elderly."]),
        ("RENAL IMPAIRMENT", "other", ["Use with caution."]),
        ("MONITORING REQUIREMENTS", "other", ["Check sodium in the elderly when starting."]),
    ]
    assert found(tmp_path / "a", sections, meta) == []


def test_a_risk_figure_sells_no_operation(tmp_path):
    with surgery_asked(tmp_path):  # the surgery rule, off by default, switched on
        # a national page gives the harm as a figure: no benefit promised, nothing to balance
        assert found(tmp_path / "a", [("Having the operation", "surgery", [
            "The operation is done under general anaesthetic. There is about a 1 in 100 chance of damage "
            "to the nerve that moves the face."])]) == []
