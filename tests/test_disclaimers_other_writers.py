"""Disclaimers (DSC001-DSC004) as other writers word and place them: "no replacement for
talking to your GP", "nothing here is personal medical advice", "the amounts given are
for grown-ups", a parenthetical note under a heading, a badge, a closing line that
speaks for every dose section, an FAQ answer; product leaflets and labels, which follow
their regulator's format; urgent-care advice outside a red-flag section, and
emergencies named only as risks. Every sentence here is written for this test.

The articles are built as records (not imported), so the tests pin the checks and
their data, not the importer's reading of a page."""

from __future__ import annotations


from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records

IDS = frozenset({"DSC001", "DSC002", "DSC003"})
DOSES = ("bullet", ["Ibuprofen 200 mg to 400 mg up to three times a day with food",
                    "Paracetamol 500 mg to 1 g up to four times in 24 hours"])


def _block(block) -> dict:
    if isinstance(block, str):
        return {"paragraph": block}
    if block[0] == "disclaimer":
        return {"disclaimer": block[1]}
    if block[0] == "faq":
        return {"faq": [{"question": q, "answer": a} for q, a in block[1]]}
    return {"style": "bullet", "list": [{"text": t} for t in block[1]]}


def found(root, sections, select=IDS, levels=None, footer=None, title=None) -> list[tuple[str, str]]:
    meta = {} if title is None else {"title": title}
    if footer is not None:
        meta["footer"] = [{"role": "chrome", "text": footer}]
    folder = article_from_records(root, meta, [
        {"heading": head, "level": levels[n] if levels else 1, "kind": kind, "blocks": [_block(b) for b in blocks]}
        for n, (head, kind, blocks) in enumerate(sections)])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


GENERAL = ("About this page", "other", ["This page is general information, not a plan of care."])


# ------------------------------------------------------------------ the article disclaimer

def test_article_disclaimer_in_other_words_anywhere(tmp_path):
    for i, words in enumerate([
            "This guide is no replacement for talking to your own GP about your knee.",
            "Nothing on this page is personal medical advice.",
            "Our answers cannot replace a consultation with someone who knows your history.",
            "The content here is for education only.",
            "We can't take account of your own medical history in these answers.",
            "The information on this site is not intended to be a substitute for a consultation.",
            "Our pages are not a replacement for seeing your GP.",
            "This content should not be used in place of a visit to your doctor.",
            "What you read here isn't medical advice.",
            "These answers are provided for general informational purposes."]):
        sections = [("Overview", "overview", ["Knee pain is common after 50.", words])]
        assert found(tmp_path / str(i), sections) == [], words


def test_a_badge_under_the_title_is_the_article_disclaimer(tmp_path):
    sections = [("Educational purpose only", "other", []), ("Overview", "overview", ["Heel pain is common."])]
    assert found(tmp_path, sections) == []


def test_look_alike_lines_are_not_the_article_disclaimer(tmp_path):
    for i, words in enumerate([
            "Our nurses are not a replacement team; they run the clinic every day.",
            "Ice should not be used for more than 20 minutes at a time.",
            "This is not medical jargon: a sprain is a stretched ligament."]):
        sections = [("Overview", "overview", ["Knee pain is common after 50.", words])]
        assert found(tmp_path / str(i), sections) == [("DSC003", "Example")], words


def test_advice_to_ask_a_pharmacist_is_not_the_article_disclaimer(tmp_path):
    sections = [("Overview", "overview", [("disclaimer", "Ask your pharmacist if anything here is unclear.")])]
    assert found(tmp_path, sections) == [("DSC003", "Example")]
    # a block that calls itself the disclaimer is quoted
    sections = [("Overview", "overview", ["Heel pain is common."]),
                ("Disclaimer", "disclaimer", ["Disclaimer: thanks for visiting our clinic's pages."])]
    assert found(tmp_path / "b", sections) == [("DSC003", "Disclaimer: thanks for visiting our clinic's pages.")]


def test_product_leaflets_and_labels_follow_their_own_format(tmp_path):
    leaflet = [("Package leaflet: information for the patient", "other",
                ["Read all of this leaflet carefully before you start using this medicine."]),
               ("What this medicine is", "overview", ["It relieves pain."])]
    assert found(tmp_path / "a", leaflet) == []
    label = [("Drug Facts", "other", ["Active ingredient (in each tablet): naproxen sodium 220 mg"])]
    assert found(tmp_path / "b", label) == []


# ------------------------------------------------------------------ section disclaimers

def test_dose_disclaimers_in_other_words(tmp_path):
    for i, note in enumerate([
            "(The amounts given are for grown-ups. Your pharmacist can tell you which suits you.)",
            "Doses are for adults; check with your GP first if you take other medicines.",
            "These doses are for people aged 12 and over. Talk to your practice nurse if you are unsure."]):
        sections = [("Painkillers", "drug-therapy", [note, DOSES]), GENERAL]
        assert found(tmp_path / str(i), sections) == [], note


def test_half_a_dose_disclaimer_names_the_missing_part(tmp_path):
    sections = [("Painkillers", "drug-therapy", ["Ask your pharmacist which one suits you.", DOSES]), GENERAL]
    assert found(tmp_path, sections) == [("DSC002", "Painkillers")]


def test_a_closing_disclaimer_speaks_for_every_dose_section(tmp_path):
    closing = ("Before you take anything", "other", [
        "This page is general information. The doses above are adult doses; ask your doctor or "
        "pharmacist before starting a new medicine."])
    sections = [("Painkillers", "drug-therapy", [DOSES]), ("Stronger options", "drug-therapy", [DOSES]), closing]
    assert found(tmp_path / "a", sections) == []


# ------------------------------------------------------------------ one caution for the page's medicines

def test_one_medicine_caution_speaks_for_the_pages_other_medicine_sections(tmp_path):
    # a handbook states it once, in the first dose section ...
    sections = [("Painkillers", "drug-therapy", ["Doses are for adults; ask your pharmacist first.", DOSES]),
                ("Stronger options", "drug-therapy", [DOSES]), GENERAL]
    assert found(tmp_path / "a", sections) == []
    # ... a blog states it after the doses, in the last one
    sections = [("Over the counter", "drug-therapy", [DOSES]),
                ("From your GP", "drug-therapy", [DOSES, "These amounts apply to grown-ups. Speak to your "
                                                         "pharmacist if you take anything else."]), GENERAL]
    assert found(tmp_path / "b", sections) == []
    # ... a condition guide states it under a lead-in heading, before the dose sections
    sections = [("Treating an attack", "other", [("disclaimer", "Treat early. The doses here are for adults. "
                                                  "Ask a pharmacist before taking them if you have asthma.")]),
                ("Painkillers", "drug-therapy", [DOSES]), ("Anti-sickness medicines", "drug-therapy", [DOSES]),
                GENERAL]
    assert found(tmp_path / "c", sections) == []
    # ... a medicine page says who should check first under "Who can take it"
    sections = [("Who can and cannot take it", "overview", ["Tell your doctor before starting it if you:",
                                                            ("bullet", ["have epilepsy"])]),
                ("Dosage", "drug-therapy", ["The usual starting dose in adults is 50 mg once a day."]), GENERAL]
    assert found(tmp_path / "d", sections) == []


def test_a_missing_page_caution_is_reported_once_at_the_first_dose_section(tmp_path):
    sections = [("Painkillers", "drug-therapy", [DOSES]), ("Stronger options", "drug-therapy", [DOSES]),
                ("Patches", "drug-therapy", [DOSES]), GENERAL]
    assert found(tmp_path / "a", sections) == [("DSC001", "Painkillers")]
    # the heading-only section that groups the medicine sections is where it goes
    folder_sections = [("Treating a flare", "other", []), ("Creams", "drug-therapy", [DOSES]),
                       ("Tablets", "drug-therapy", [DOSES]), GENERAL]
    assert found(tmp_path / "b", folder_sections, levels=[1, 2, 2, 1]) == [("DSC001", "Treating a flare")]
    # half a caution, once
    sections = [("Painkillers", "drug-therapy", ["Ask your pharmacist which one suits you.", DOSES]),
                ("Stronger options", "drug-therapy", [DOSES]), GENERAL]
    assert found(tmp_path / "c", sections) == [("DSC002", "Painkillers")]


def test_a_warning_to_one_group_is_not_the_pages_caution(tmp_path):
    # "people who X should ask a doctor" warns a group; it does not tell every reader to ask first
    sections = [("Comparison", "drug-therapy", ["Limits are for adults and children 12 and over.", DOSES]),
                ("Paracetamol", "other", [("disclaimer", "People who drink every day should ask a doctor "
                                                          "before using it.")]), GENERAL]
    assert found(tmp_path / "a", sections) == [("DSC002", "Comparison")]
    # a section that says only who may see a doctor later is no caution either
    sections = [("Painkillers", "drug-therapy", [DOSES]),
                ("When to see a doctor", "red-flags", ["See your GP if the pain lasts more than a week."]), GENERAL]
    assert found(tmp_path / "b", sections) == [("DSC001", "Painkillers")]


def test_a_closing_line_that_sends_the_reader_to_their_own_clinician_covers_the_doses(tmp_path):
    for i, closing in enumerate([
            "This article is for general information and is not a substitute for advice from your own doctor.",
            "This leaflet is general information and does not replace the advice of your own doctor.",
            "This answer is general information, not a diagnosis; speak to your pharmacist about your own situation."]):
        sections = [("Painkillers", "drug-therapy", [DOSES]), ("Closing", "other", [closing])]
        assert found(tmp_path / str(i), sections) == [], closing
    # a generic "professional medical advice" closing does not fit the doses to the reader
    sections = [("Painkillers", "drug-therapy", [DOSES]),
                ("Closing", "other", ["This article is general information and is not a substitute for "
                                      "professional medical advice."])]
    assert found(tmp_path / "generic", sections) == [("DSC001", "Painkillers")]


def test_a_footer_line_that_sends_the_reader_to_their_own_clinician_covers_the_doses(tmp_path):
    footer = "This site gives general information and is no substitute for advice from your own pharmacist."
    sections = [("Painkillers", "drug-therapy", [DOSES])]
    assert found(tmp_path / "a", sections, footer=footer) == []
    # no caution at all: one defect, named once (ruling of 2026-12-04, (d))
    assert found(tmp_path / "b", sections, footer="© 2026 Example Health. All rights reserved.") == [
        ("DSC003", "Example")]


def test_ages_said_in_other_places_and_words(tmp_path):
    ask = "Ask your pharmacist first if you take other medicines."
    cases = [
        (("Paracetamol for adults", "drug-therapy", [ask, DOSES]), None),
        (("Doses", "drug-therapy", [ask, "| 3 to 5 months | 2.5 ml | up to 4 times in 24 hours |"]), None),
        (("Doses", "drug-therapy", [ask, "From 1 to 3 years the dose is 5 ml up to 3 times in 24 hours."]), None),
        (("Doses", "drug-therapy", ["These doses are a guide for healthy children of average weight; " + ask,
                                    "Give 5 ml up to 4 times in 24 hours."]), None),
        # (a consult that is no page caution: "ask ... first" would caution the whole page)
        (("Doses", "drug-therapy", ["Take it for 3 to 6 months. Your pharmacist can advise you on other medicines.",
                                    DOSES]), "DSC002"),
    ]
    for i, (section, expected) in enumerate(cases):
        got = found(tmp_path / str(i), [section, GENERAL])
        assert got == ([(expected, section[0])] if expected else []), section


def test_a_consultation_for_a_subgroup_in_other_pronouns(tmp_path):
    note = ("These amounts apply to adults; people with kidney problems should consult their doctor before "
            "using an NSAID.")
    sections = [("Pain relief", "drug-therapy", [note, DOSES]), GENERAL]
    assert found(tmp_path / "a", sections) == []
    note = "Doses are for adults. Keep to 10 days unless a clinician advises otherwise."
    sections = [("Pain relief", "drug-therapy", [note, DOSES]), GENERAL]
    assert found(tmp_path / "b", sections) == []


# ------------------------------------------------------------------ supplements

SUPPLEMENT = ("bullet", ["Garlic powder 600 mg to 900 mg a day", "Fish oil 1 g twice daily"])


def test_a_supplement_caution_is_not_said_by_a_medicine_caution_or_a_general_line(tmp_path):
    sections = [("Medicines", "drug-therapy", ["Doses are the usual adult ranges; your doctor decides which "
                                               "suits you.", DOSES]),
                ("Supplements", "supplements", [SUPPLEMENT]),
                ("Closing", "other", ["Nothing here is personal medical advice. Your own GP or practice nurse "
                                      "can explain your readings."])]
    assert found(tmp_path, sections) == [("DSC001", "Supplements")]


def test_a_medicine_caution_that_asks_before_any_of_the_treatments_speaks_for_the_supplements(tmp_path):
    # one caution for the page's medicines and supplements (the disclaimer ruling of 2026-12-04):
    # asking before the page's treatments as a whole, not before one named medicine
    for i, words in enumerate(["Doses are adult doses. Speak to a pharmacist before trying any of these.",
                               "(Ask your GP before you start any new medicine; these are adult doses.)",
                               "Check with your doctor or pharmacist first. Doses are for adults."]):
        sections = [("Medicines", "drug-therapy", [words, DOSES]), ("Supplements", "supplements", [SUPPLEMENT]),
                    GENERAL]
        assert found(tmp_path / str(i), sections) == [], words


def test_a_closing_supplement_disclaimer_speaks_for_the_supplement_sections(tmp_path):
    closing = ("Dietary supplements are not intended to diagnose, treat, cure or prevent any disease, and they can "
               "interact with medicines. Ask your doctor or pharmacist before starting one. This article is general "
               "information.")
    sections = [("How much you need", "supplements", [SUPPLEMENT]), ("Choosing one", "supplements", [SUPPLEMENT]),
                ("Closing", "other", [closing])]
    assert found(tmp_path / "a", sections) == []
    # with no caution at all the page is told once
    sections = [("How much you need", "supplements", [SUPPLEMENT]), ("Choosing one", "supplements", [SUPPLEMENT]),
                GENERAL]
    assert found(tmp_path / "b", sections) == [("DSC001", "How much you need")]


def test_a_medicines_and_supplements_section_is_not_asked_to_call_its_medicines_unapproved(tmp_path):
    note = ("Ask your GP or pharmacist before trying any of these; they can interact with other medicines. "
            "Doses are for adults only.")
    sections = [("Medicines and supplements", "supplements", [note, SUPPLEMENT]), GENERAL]
    assert found(tmp_path / "a", sections) == []
    # the supplement statement is good practice, no longer owed (ruling of 2026-12-04)
    sections = [("Supplements", "supplements", [note, SUPPLEMENT]), GENERAL]
    assert found(tmp_path / "b", sections) == []
    # uncautioned, DSC001 names it as good practice, but not under a medicines heading
    for i, heading in enumerate(["Supplements", "Medicines and supplements"]):
        folder = tmp_path / f"c{i}"
        message = _messages(folder, [(heading, "supplements", [SUPPLEMENT]), GENERAL])
        assert len(message) == 1 and "should say ask before starting" in message[0], message
        assert ("not approved to treat disease" in message[0]) == (heading == "Supplements")
        assert "Good practice as well" in message[0] and "interactions" in message[0]


def _messages(root, sections) -> list[str]:
    folder = article_from_records(root, {}, [
        {"heading": head, "level": 1, "kind": kind, "blocks": [_block(b) for b in blocks]}
        for head, kind, blocks in sections])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"DSC001"})))
    return [f.message for f in result.findings]


def test_a_section_that_gives_no_dose_needs_no_dose_disclaimer(tmp_path):
    sections = [("Drug interactions", "drug-therapy", ["Warfarin and aspirin together raise the risk of bleeding."]),
                GENERAL]
    assert found(tmp_path, sections) == []


def test_the_disclaimer_may_sit_in_an_faq_answer(tmp_path):
    sections = [("Your questions", "drug-therapy", [("faq", [
        ("How much can I take?", "Adults can take 1 or 2 500 mg tablets up to 4 times in 24 hours. "
                                 "Check with your pharmacist if you take other medicines.")])]), GENERAL]
    assert found(tmp_path, sections) == []


def test_list_items_are_not_the_section_caution_but_may_say_whom_a_dose_suits(tmp_path):
    sections = [("Painkillers", "drug-therapy", [("bullet", [
        "Ibuprofen 200 mg three times a day - ask your doctor first if you have asthma"])]), GENERAL]
    # a treatment item is not the caution for the whole list
    assert found(tmp_path / "a", sections) == [("DSC001", "Painkillers")]
    sections = [("Painkillers", "drug-therapy", ["Ask your pharmacist first if you take other medicines.",
                                                 ("bullet", ["Adults: ibuprofen 200 mg three times a day",
                                                             "Children aged 7 to 9: see the pack"])]), GENERAL]
    assert found(tmp_path / "b", sections) == []
    sections = [("Adult doses", "drug-therapy", ["Ask your pharmacist first.", DOSES]), GENERAL]
    assert found(tmp_path / "c", sections) == []
    # a handbook's "Adult dosing" heading labels the doses other sections refer back to
    sections = [("Adult dosing", "treatment", [DOSES]),
                ("Interactions", "drug-therapy", ["With clarithromycin, halve the dose to 200 mg; ask your pharmacist."]),
                GENERAL]
    assert found(tmp_path / "d", sections) == []


# ------------------------------------------------------------------ the red-flag advice

def red_flag(root, sections):
    return [excerpt for _, excerpt in found(root, sections, {"DSC004"})]


def test_urgent_advice_outside_a_red_flag_section_serves(tmp_path):
    for i, advice in enumerate([
            "Phone 999 or go to A&E if the chest pain spreads to your arm.",
            "Seek urgent medical help if you have chest pain with breathlessness.",
            "If chest pain starts, contact your doctor straight away."]):
        sections = [("Key points", "overview", [("bullet", ["Rest the shoulder.", advice])])]
        assert red_flag(tmp_path / str(i), sections) == [], advice
    sections = [("Stop use and ask a doctor if", "other", [("bullet", ["you have chest pain or trouble breathing"])])]
    assert red_flag(tmp_path / "label", sections) == []
    sections = [("Overview", "overview", ["Tell someone if you have chest pain while walking uphill."])]
    assert red_flag(tmp_path / "none", sections) == ["Example"]


def test_a_risk_or_history_is_not_an_emergency_sign(tmp_path):
    sections = [("Warnings", "overview", [
        "High doses raise the risk of heart attack or stroke.",
        "Do not use it if you have had a stroke or have a history of stroke.",
        "It is licensed for stroke prevention in atrial fibrillation."])]
    assert red_flag(tmp_path / "a", sections) == []
    sections = [("Warnings", "overview", ["Slurred speech or a drooping face can mean a stroke."])]
    assert red_flag(tmp_path / "b", sections) == ["Example"]
