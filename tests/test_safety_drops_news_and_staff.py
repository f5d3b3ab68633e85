"""Reader safety (SAF001-SAF002) on the kinds of page the third held-out set brought: a warning
worded with a comma between its words, eye drops of an NSAID, a news report on a safety alert,
a school letter and a ward leaflet where staff give the dose, and doses whose medicine is named
just before them or in the paragraph before. Each class is written in more than one writer's
style, with the case that must still be flagged. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records
from tests.support import findings_for


def _saf(tmp_path, text, check="SAF001"):
    return findings_for(text, check, tmp_path)


# -- a wording with a comma between its words

@pytest.mark.parametrize("warning", [
    "Do not take ibuprofen if you have heart, kidney or liver problems, or have had a stomach ulcer.",
    "Not for you if you have heart, kidney or liver disease or a bleeding stomach ulcer.",
])
def test_a_wording_with_a_comma_counts(tmp_path, warning):
    text = f"Pain relief\nIbuprofen 400 mg three times a day with food, no more than 1,200 mg a day.\n{warning}\n"
    assert _saf(tmp_path, text) == []


def test_without_the_heart_the_warning_is_still_asked(tmp_path):
    text = ("Pain relief\nIbuprofen 400 mg three times a day with food, no more than 1,200 mg a day.\n"
            "Do not take ibuprofen if you have kidney problems or have had a stomach ulcer.\n")
    got = _saf(tmp_path, text)
    assert len(got) == 1 and "heart attack and stroke" in got[0].message


# -- drops put into the eye

@pytest.mark.parametrize("text", [
    "Your drop chart\nKetorolac 0.5% (if given) 1 drop 3 times a day for 3 weeks, then stop.\n",
    "Eye drops after surgery\nUse diclofenac 0.1% eye drops: 1 drop four times a day for 2 weeks.\n",
    "After your operation\nPut 1 drop of Acular in the operated eye three times a day for a month.\n",
])
def test_nsaid_eye_drops_are_not_asked_the_oral_warnings(tmp_path, text):
    assert _saf(tmp_path, text) == []


@pytest.mark.parametrize("text", [
    "Pain after surgery\nKetorolac 10 mg every 4 to 6 hours, no more than 40 mg a day.\n",
    "Pain relief\nDiclofenac 1% gel: rub 4 g into the knee four times a day.\n",
])
def test_tablets_and_gels_are_still_asked(tmp_path, text):
    assert _saf(tmp_path, text)


# -- a news report

def _article(tmp_path, role, paragraphs):
    meta = {"authors": [{"name": "Tom Reilly", "credentials": [], "role": role}]}
    folder = article_from_records(tmp_path, meta, [{"heading": "What are the jabs?", "level": 1, "kind": "drug-therapy",
                                                     "blocks": [{"paragraph": p} for p in paragraphs]}])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"SAF001", "SAF002"})))
    assert result.error is None
    return result.findings


NEWS = ["Wegovy (semaglutide) is built up over 16 weeks to a full dose of 2.4 mg once a week.",
        "Patients on tramadol 50 mg every 6 hours were also taking sertraline 50 mg once a day, the coroner heard."]


@pytest.mark.parametrize("role", ["Health Correspondent", "Medical Reporter", "health journalist"])
def test_a_news_report_does_not_dose_its_reader(tmp_path, role):
    assert _article(tmp_path, role, NEWS) == []


def test_the_same_text_on_a_pharmacists_page_is_judged(tmp_path):
    assert _article(tmp_path, "Community pharmacist", NEWS)


# -- staff give the dose

@pytest.mark.parametrize("text", [
    ("Paracetamol in school\nWe can give a dose of liquid paracetamol during the school day if you have signed the form.\n"
     "We use paracetamol 250 mg/5 ml and give the dose on the bottle for your child's age.\n"),
    ("On the ward\nThe nurse will give you your painkillers.\nParacetamol 1 g four times a day, and ibuprofen 400 mg three times a day.\n"),
])
def test_a_dose_staff_give_is_not_the_readers(tmp_path, text):
    assert _saf(tmp_path, text) == []


def test_the_same_dose_for_parents_to_give_is_judged(tmp_path):
    text = ("Paracetamol at home\nGive liquid paracetamol 250 mg/5 ml: 10 ml up to 4 times in 24 hours.\n")
    assert _saf(tmp_path, text)


# -- where a dose's medicine is named

@pytest.mark.parametrize("text", [
    ("Your medicines\nFor the aches you can take paracetamol 1 g up to four times in 24 hours. Do not take other cold and "
     "flu remedies that contain paracetamol, as too much can harm your liver. You can also add ibuprofen 400 mg three "
     "times a day with food.\n"),
    ("Pain relief\nTake paracetamol 1 g four times a day; too much harms the liver, and other medicines may contain "
     "paracetamol too. If you need more, add naproxen 250 mg twice a day.\n"),
])
def test_the_name_just_before_a_dose_is_its_medicine(tmp_path, text):
    got = _saf(tmp_path, text)
    assert len(got) == 1 and "NSAID" in got[0].message


@pytest.mark.parametrize("intro", [
    "Use ONLY acetaminophen (paracetamol) for the fever and the pain.",
    "For fever, paracetamol is the safest choice.",
])
def test_the_paragraph_before_names_the_medicine(tmp_path, intro):
    text = f"Medicines for the fever\n{intro}\nAdults: 500 mg to 1 g every 6 hours.\n"
    got = _saf(tmp_path, text)
    assert len(got) == 1 and "liver" in got[0].message


# -- SAF003: stopping at will a medicine whose label says to taper

@pytest.mark.parametrize("text", [
    ("Stopping sertraline\nSertraline 50 mg once a day.\nOnce you feel better you can stop taking sertraline straight "
     "away. There is no need to see your doctor first.\n"),
    ("Coming off it\nTake duloxetine 60 mg once a day.\nYou can stop it any time you like; there is no need to taper.\n"),
    ("Sleep and anxiety\nDiazepam 2 mg three times a day for up to 2 weeks.\nWhen you are feeling better you may simply "
     "stop, as the tablets leave your body quickly.\n"),
])
def test_stopping_at_will_is_flagged(tmp_path, text):
    got = _saf(tmp_path, text, "SAF003")
    assert len(got) == 1 and "gradually" in got[0].message


@pytest.mark.parametrize("text", [
    ("Stopping sertraline\nSertraline 50 mg once a day.\nWhen you feel better, keep taking it for at least 6 months; "
     "your doctor will reduce the dose gradually when it is time to stop.\n"),
    ("Side effects\nSertraline 50 mg once a day.\nIf you get a rash or swelling, stop it and see your doctor straight "
     "away.\n"),
    # a short prednisolone course is stopped without tapering, and its class is not listed
    ("Your steroid\nPrednisolone 40 mg each morning for 5 days, then stop. There is no need to taper after a short "
     "course like this.\n"),
    # an antibiotic the reader may stop is another check's matter, if any
    ("Antibiotics\nAmoxicillin 500 mg three times a day for 5 days. Once you feel better you can stop.\n"),
])
def test_tapering_and_side_effect_advice_pass(tmp_path, text):
    assert _saf(tmp_path, text, "SAF003") == []


@pytest.mark.parametrize("text, shown", [
    ("Pain relief\nIbuprofen (Advil, Motrin) 400 mg every 6 hours, no more than 1,200 mg a day.\n", "Ibuprofen"),
    ("Pain relief\nAcetaminophen (Tylenol) 1,000 mg every 6 hours, no more than 3,000 mg a day.\n", "Acetaminophen"),
])
def test_a_brand_in_brackets_does_not_rename_the_medicine(tmp_path, text, shown):
    got = _saf(tmp_path, text)
    assert got and all(f.message.startswith(shown + " ") for f in got), [f.message for f in got]
