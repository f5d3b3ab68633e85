"""Dosing recall: classes of text whose overdose the dose checks missed, each on pages of two
styles written for this file (none copied from the corpus), with the silent case beside it.

- an earlier sentence of the dose's text names the medicine as bought over the counter (its brand);
- a phrase ending on an article ("With a 1 g tablet, ...") is no medicine's name;
- a most a day offered to the reader with no dose of its own ("you can safely take up to ...");
- a list line's label names the product and its strength; its later sentence counts tablets;
- a product the page names with its strengths in brackets, counted by name later;
- a list's lead-in gives its lines their schedule ("Every evening, before bed:");
- a weekly methotrexate pen (subcutaneous, once weekly) set up daily;
- a reply in a thread answers a question about a missed dose with a doubled one.
"""

import datetime as _dt

import pytest

from support import article_from_text
from medlint.engine import Options, check_article

TODAY = _dt.date(2026, 12, 4)


def _found(text, tmp_path, markdown=False):
    folder = article_from_text(text, tmp_path, slug="page", markdown=markdown)
    result = check_article(folder, Options(today=TODAY))
    assert result.error is None, result.error
    return {(f.check, f.excerpt) for f in result.findings if f.check.startswith("DOS")}


def _checks(found, excerpt_part):
    return {c for c, e in found if excerpt_part in e}


OTC_BRAND_BLOG = """Sprains and strains: a runner's guide

Painkillers on race day
Advil (ibuprofen) is what most of our members carry in a belt pocket. On race day you can take 400 mg every 3 hours to keep going.
"""

OTC_BRAND_LEAFLET = """Back pain at home

Anti-inflammatory tablets
Nurofen is on the shelf of every supermarket here. If the ache keeps you awake you can have 600 mg every 6 hours with food.
"""


@pytest.mark.parametrize("text, excerpt", [(OTC_BRAND_BLOG, "400 mg every 3 hours"),
                                           (OTC_BRAND_LEAFLET, "600 mg every 6 hours")])
def test_a_brand_named_in_the_sentence_before_makes_the_dose_over_the_counter(text, excerpt, tmp_path):
    assert "DOS003" in _checks(_found(text, tmp_path), excerpt)


def test_a_prescription_strength_named_before_is_no_counter_dose(tmp_path):
    text = OTC_BRAND_BLOG.replace("On race day you can take 400 mg every 3 hours to keep going.",
                                  "Your doctor may prescribe 400 mg every 8 hours.")
    assert "DOS003" not in _checks(_found(text, tmp_path), "400 mg")


ARTICLE_LEAD_GP = """Paracetamol for adults

Tablets of 1 g
With a 1 g tablet, swallow one and wait. If the pain returns you can take another 1 g tablet every 4 hours.
Too much paracetamol can damage the liver.
"""

ARTICLE_LEAD_QA = """Ask the pharmacist: acetaminophen caplets

Q: How do I use the big acetaminophen caplets?
A: For the 650 mg caplets, swallow two caplets every 4 hours while the fever lasts. Acetaminophen in high doses can harm the liver.
"""


@pytest.mark.parametrize("text, excerpt", [(ARTICLE_LEAD_GP, "every 4 hours"), (ARTICLE_LEAD_QA, "every 4 hours")])
def test_a_phrase_ending_on_an_article_is_no_medicine(text, excerpt, tmp_path):
    found = _checks(_found(text, tmp_path), excerpt)
    assert {"DOS001", "DOS003"} <= found, found


PERMITTED_PORTAL = """Vitamin D in the dark months

How much to take
Most adults need 400 to 800 IU (10 to 20 micrograms) a day. People who get no sun at all can safely take up to 8 000 units a day without a blood test.
"""

PERMITTED_SHOP = """Magnesium for leg cramps

Our advice
Magnesium citrate is gentle on the stomach, so it is fine to take up to 900 mg a day when cramps are bad.
"""


@pytest.mark.parametrize("text, excerpt", [(PERMITTED_PORTAL, "up to 8 000 units a day"),
                                           (PERMITTED_SHOP, "up to 900 mg a day")])
def test_a_most_a_day_offered_to_the_reader_is_judged(text, excerpt, tmp_path):
    assert "DOS003" in _checks(_found(text, tmp_path), excerpt)


@pytest.mark.parametrize("sentence", [
    "People who get no sun at all can safely take up to 2 000 units a day.",           # within the level
    "Do not take more than 4 000 units a day.",                                        # a cap, not an offer
])
def test_a_limit_within_the_level_reported_or_a_cap_is_silent(sentence, tmp_path):
    text = PERMITTED_PORTAL.replace(
        "People who get no sun at all can safely take up to 8 000 units a day without a blood test.", sentence)
    assert not any(c == "DOS003" for c, _ in _found(text, tmp_path))


LABEL_LIST_TEXT = """Hay fever tablets from the pharmacy

Which tablet
- Loratadine 10 mg: one tablet a day. On the worst pollen days you can take one tablet in the morning and one at night.
- Nasal sprays work best when used every day.
"""

LABEL_LIST_MD = """# Ragweed season: what to take

## Antihistamines

* **Fexofenadine 180 mg**: one tablet daily. When the count is very high, some readers take one tablet twice a day.
"""


@pytest.mark.parametrize("text, markdown, excerpt", [
    (LABEL_LIST_TEXT, False, "one tablet in the morning and one at night"),
    (LABEL_LIST_MD, True, "one tablet twice a day")])
def test_a_count_under_its_lines_label_is_a_count_of_that_product(text, markdown, excerpt, tmp_path):
    assert "DOS003" in _checks(_found(text, tmp_path, markdown), excerpt)


def test_one_tablet_a_day_under_its_label_is_silent(tmp_path):
    text = LABEL_LIST_TEXT.replace(" On the worst pollen days you can take one tablet in the morning and one at night.", "")
    assert not any(c == "DOS003" for c, _ in _found(text, tmp_path))


DEFINED_TABLE = """Discharge medicines

MEDICINES
No. | Medicine (strength) | Dose | How to take
1 | Zaldiar tab (tramadol 37.5 mg / paracetamol 325 mg) | 1 tab | 3 times a day

PHARMACIST'S NOTES
- On a bad night you may take 2 Zaldiar tablets every 4 hours instead.
- Zaldiar can make you drowsy and can slow your breathing; it contains paracetamol, so take no other paracetamol, which can harm the liver.
"""

DEFINED_LETTER = """Letter from the pain clinic

Dear Mr Lewin,
We have started Ultram (tramadol 50 mg) capsules for your knee. If the pain is very bad you can take 2 Ultram capsules every 4 hours. Tramadol can cause drowsiness and can slow breathing, especially with alcohol.
"""


@pytest.mark.parametrize("text, excerpt", [(DEFINED_TABLE, "2 Zaldiar tablets every 4 hours"),
                                           (DEFINED_LETTER, "2 Ultram capsules every 4 hours")])
def test_a_count_of_a_product_the_page_defines_in_brackets(text, excerpt, tmp_path):
    found = _checks(_found(text, tmp_path), excerpt)
    assert {"DOS001", "DOS003"} <= found, found


def test_one_a_day_of_a_defined_product_is_silent(tmp_path):
    text = DEFINED_LETTER.replace("you can take 2 Ultram capsules every 4 hours", "take 1 Ultram capsule once a day")
    assert not any(c == "DOS003" for c, _ in _found(text, tmp_path))


LEAD_NEWSLETTER = """# My night routine

Every night, about an hour before bed:

1. **Magnesium citrate**: 500 mg with water.
2. **Glycine**: 3 g in tea.
"""

LEAD_BLOG = """What I take for winter

Every morning, with breakfast:
- Vitamin D3: 10,000 IU
- Omega-3: 1 g of fish oil
"""


@pytest.mark.parametrize("text, markdown, excerpt", [(LEAD_NEWSLETTER, True, "500 mg"),
                                                     (LEAD_BLOG, False, "10,000 IU")])
def test_a_lists_lead_in_gives_its_lines_their_schedule(text, markdown, excerpt, tmp_path):
    assert "DOS003" in _checks(_found(text, tmp_path, markdown), excerpt)


def test_a_line_within_the_level_under_a_timed_lead_is_silent(tmp_path):
    assert not any(c == "DOS003" for c, _ in _found(LEAD_BLOG.replace("10,000 IU", "1,000 IU"), tmp_path))


PEN_EMAIL = """Your methotrexate pen: getting started

YOUR REMINDERS
  Reminder: methotrexate 15 mg pen - every day at 9:00 AM
  Reminder: folic acid 5 mg - every day at 9:00 AM
"""

PEN_CLINIC = """Rheumatology clinic: injecting at home

How to inject
Inject methotrexate 20 mg under the skin daily, in the thigh or the belly.
"""


@pytest.mark.parametrize("text", [PEN_EMAIL, PEN_CLINIC])
def test_a_weekly_methotrexate_pen_set_daily(text, tmp_path):
    assert any(c == "DOS010" for c, _ in _found(text, tmp_path))


@pytest.mark.parametrize("text", [
    PEN_EMAIL.replace("15 mg pen - every day", "15 mg pen - once a week"),
    PEN_CLINIC.replace("Inject methotrexate 20 mg under the skin daily", "Methotrexate injection 20 mg daily"),  # a bare injection
])
def test_a_weekly_pen_or_a_bare_injection_is_silent(text, tmp_path):
    assert not any(c == "DOS010" for c, _ in _found(text, tmp_path))


REPLY_SMS = """Text messages with Brook Pharmacy

Brook Pharmacy 08:00
Time for your weekly risedronate 35 mg tablet.

R. Patel 20:10
I forgot this morning's tablet and only remembered now. What should I do?

Brook Pharmacy 20:30
Not to worry: tomorrow take 2 tablets together with water to catch up.
"""

REPLY_FORUM = """Bone health forum: weekly tablets

Posted by ann_g
Skipped yesterday's alendronate dose by mistake. Is that a problem?

Reply from dave_k
Happens to me too. Just have two tablets at once next morning and carry on.
"""


@pytest.mark.parametrize("text", [REPLY_SMS, REPLY_FORUM])
def test_a_reply_to_a_missed_dose_question_that_doubles_it(text, tmp_path):
    assert any(c == "DOS012" for c, _ in _found(text, tmp_path))


def test_a_reply_that_refuses_the_double_is_silent(tmp_path):
    text = REPLY_SMS.replace("tomorrow take 2 tablets together with water to catch up",
                             "take it tomorrow morning instead, and do not take two tablets together")
    assert not any(c == "DOS012" for c, _ in _found(text, tmp_path))
