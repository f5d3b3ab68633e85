"""Attribution and disclaimer checks (REV005, REV006, DSC001, DSC004) on evidence, on sites
the corpus lacks.

The fixtures under tests/fixtures/owed-unseen/ are written for this test (every line), in
site styles the development corpus does not have: a Singapore public hospital's medication
guide, a Canadian provincial health service's HealthFile, an Indian hospital chain's drug
page, a South African pharmacy chain's question page, a US state poison centre's blog, a New
Zealand regulator's consumer safety leaflet, and a wellness site that prints only its own
copyright (which must still owe its byline and reviewer). What a medical editor asks of each
was decided before medlint was run on it:

- an institution's ownership printed at the head or the foot ("(c) 2026 Tanjong Rhu General
  Hospital", "Produced by the Department of Pharmacy", "Published by ... the New Zealand
  medicines regulator", "<X> Poison Center is a program of the State Department of Health")
  answers for the writer; a public service's or a regulator's answers for the reviewer too;
  a hospital committee's approval of the leaflet is its review;
- a reviewer printed in the site's own words ("Medically verified by Dr. Kavya Menon,
  M.Pharm", "Reviewed for accuracy by Sipho Dlamini, B.Pharm") is a credentialed reviewer;
- a page that sends its reader to emergency care in its own numbers ("call 995", "call
  9-1-1", "Phone 111") has its red-flag advice;
- a company's copyright line is no institution's ownership."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from support import HERE, article_from_fixture_page, article_from_records, checks_and_severities, fixture_page_names

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV005", "REV006", "DSC001", "DSC004"})
PAGES = os.path.join(HERE, "fixtures", "owed-unseen")
W, E = "warning", "error"

EXPECTED = {
    "sg-public-hospital-medication-guide": [],
    "ca-provincial-health-file": [],
    "in-hospital-chain-drug-page": [],
    "za-pharmacy-chain-question": [],
    "us-state-poison-center-blog": [],
    "nz-regulator-consumer-safety-leaflet": [],
    # a company's own copyright is no institution's: the byline and the reviewer are owed, and
    # its supplement dose with no caution
    "wellness-site-copyright-only": [("DSC001", E), ("REV005", W), ("REV006", W)],
}


def test_every_fixture_has_an_expectation():
    assert fixture_page_names(PAGES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unseen_site_fixture(name, tmp_path):
    got = checks_and_severities(article_from_fixture_page(PAGES, name, tmp_path), TODAY, IDS)
    assert got == EXPECTED[name]


# ---------------------------------------------------------------- the same evidence, wording by wording

PEOPLE = {"authors": [{"name": "Jo Bright"}], "reviewers": [{"name": "Dr Sam Lee", "credentials": ["MD"]}],
          "last_reviewed": "2026-10-01"}
GENERAL = "This page is general information only."


def found(root, lines, meta=None, body=()) -> list[tuple[str, str]]:
    sections = [{"heading": None, "level": 1, "kind": "overview", "blocks": [{"paragraph": t} for t in lines]}]
    sections += [{"heading": h, "level": 1, "kind": k, "blocks": [{"paragraph": t} for t in texts]}
                 for h, k, texts in body]
    meta = dict(PEOPLE, **(meta or {}))
    return checks_and_severities(article_from_records(root, meta, sections), TODAY, IDS)


SIGN = ("Bee stings", "symptoms", ["Swelling of the tongue and throat after a sting can be anaphylaxis."])


@pytest.mark.parametrize("line", [
    "Phone 111 straight away if the swelling spreads.",
    "Dial 000 for an ambulance if breathing becomes hard.",
    "Call 9-1-1 if your child's lips swell.",
    "Call 995 or go to the nearest Emergency Department if you cannot breathe easily.",
    "Go straight to your nearest A&E if the swelling spreads.",
    "Go to Accident and Emergency at the nearest hospital.",
    "If it was swallowed, call the Poisons Information Centre on 13 11 26.",
])
def test_urgent_care_in_a_country_s_own_numbers_and_words_is_the_red_flag_advice(tmp_path, line):
    assert found(tmp_path, [GENERAL, line], body=[SIGN]) == []


@pytest.mark.parametrize("line", [
    "Call our nurse line on 8-1-1 for advice about your own child.",
    "Book an appointment with your GP if stings often swell a lot.",
])
def test_advice_that_is_not_urgent_care_leaves_the_red_flag_section_asked(tmp_path, line):
    assert found(tmp_path, [GENERAL, line], body=[SIGN]) == [("DSC004", W)]


def test_a_heading_that_says_when_to_seek_help_is_a_red_flag_section(tmp_path):
    got = found(tmp_path, [GENERAL], body=[SIGN, ("When should I seek help?", "other",
                                                   ["If the swelling spreads to the face or throat."])])
    assert got == []


@pytest.mark.parametrize("text", [
    "Pantoprazole comes as 20 mg and 40 mg gastro-resistant tablets.",
    "It is available in 5 mg and 10 mg strengths, and as a 1 mg/ml liquid.",
])
def test_a_sentence_saying_what_a_medicine_comes_as_gives_no_dose(tmp_path, text):
    assert found(tmp_path, [GENERAL], body=[("Forms and strengths", "drug-therapy", [text])]) == []


@pytest.mark.parametrize("text", [
    "It comes as 20 mg tablets; take one once a day before breakfast.",
    "Pantoprazole comes as 40 mg tablets. Take one each morning.",
])
def test_a_form_beside_a_dose_to_take_still_needs_its_caution(tmp_path, text):
    assert found(tmp_path, [GENERAL], body=[("How to take it", "drug-therapy", [text])]) == [("DSC001", E)]


@pytest.mark.parametrize("line, asked", [
    ("Medically verified by Dr. Ravi Rao, M.D., Internal Medicine", []),
    ("Reviewed for accuracy by Ana Silva, R.Ph., 3 May 2026", []),
    ("Content vetted by Dr Mei Tan, consultant dermatologist", []),
    ("Clinically checked by Tom Hale, B.Pharm", []),
    ("Reviewed by pharmacist Sam Okafor on 3 May 2026", []),
    ("Checked by our clinical pharmacist Ana Ruiz", []),
    ("Reviewed by wellness coach Sam Okafor", [("REV006", W)]),
    ("Verified by Ana Silva", [("REV006", W)]),
    ("Reviewed for accuracy by the Editorial Team", [("REV006", W)]),
])
def test_a_reviewer_in_the_site_s_own_verb_is_read_with_its_credential(tmp_path, line, asked):
    assert found(tmp_path, [line, GENERAL], {"reviewers": []}) == asked


@pytest.mark.parametrize("footer, asked", [
    (["Produced by the Northvale Health Authority medicines information service.",
      "© 2026 Northvale Health Authority. All rights reserved."], []),
    (["Copyright 2026 Province of Westmarch. Last reviewed March 2026.",
      "Westmarch Poison Centre is a service of the Westmarch Ministry of Health."], []),
    (["© 2026 Brightside Wellness Ltd. All rights reserved."], [("REV005", W), ("REV006", W)]),
])
def test_an_institution_s_ownership_at_the_foot_answers_for_writer_and_reviewer(tmp_path, footer, asked):
    meta = {"authors": [], "reviewers": [], "footer": [{"role": "chrome", "text": t} for t in footer]}
    assert found(tmp_path, ["Hay fever is an allergy to pollen.", GENERAL], meta) == asked
