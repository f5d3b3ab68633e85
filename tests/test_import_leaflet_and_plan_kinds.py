"""A consumer medicine leaflet's question headings and the dose-section kinds of plans,
insulin guides and deprescribing guides.

Every page is written for these tests in the manner of one kind of writer (an
Australian CMI, a New Zealand CMI, an asthma plan, an insulin starter sheet, a
deprescribing column); each keeps its words on a round trip.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text, headings, read

DOSING = {"drug-therapy", "supplements"}


def dosing(sections) -> list[str]:
    return [s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING]


AU_CMI = """\
Consumer Medicine Information
NAPROGESIC TABLETS
naproxen 250 mg tablets
What is in this leaflet
This leaflet answers some common questions about Naprogesic.
Before you take Naprogesic
When you must not take it
Do not take Naprogesic if you have a stomach ulcer.
Before you start to take it
Tell your doctor if you have kidney problems.
How to take Naprogesic
Follow all directions given to you by your pharmacist.
How much to take
The usual dose is one tablet twice a day with food.
How long to take it
Do not take it for more than 5 days without asking your doctor.
Side effects
Tell your pharmacist if you notice any of these:
indigestion or heartburn
feeling sick
After taking Naprogesic
Storage
Keep the tablets in the pack below 25°C.
Supplier
Harbourline Pharma Pty Ltd, 12 Quay Road, Brisbane QLD 4000
This leaflet was revised in March 2026.
"""

NZ_CMI = """\
Consumer Medicine Information
ZOLTRIN CAPSULES
fluoxetine 20 mg capsules
Before you use Zoltrin
When you must not use it
Do not use Zoltrin if you take an MAOI.
How to use Zoltrin
Your doctor will tell you how many capsules to take.
How much to use
Adults usually take one capsule once a day in the morning.
When to use it
Take it at about the same time each day.
Things you must not do
Do not stop taking it suddenly.
Possible side effects
Tell your doctor if you notice:
headache
trouble sleeping
After using Zoltrin
Storage
Keep the capsules in a cool dry place.
Sponsor
Tasman Medicines Ltd, PO Box 4411, Auckland 1140
Date of preparation: 4 June 2026
"""

CMIS = {
    "au": (AU_CMI, ["What is in this leaflet", "Before you take Naprogesic", "When you must not take it",
                    "Before you start to take it", "How to take Naprogesic", "How much to take", "How long to take it",
                    "Side effects", "After taking Naprogesic", "Storage", "Supplier"], ["How much to take"]),
    "nz": (NZ_CMI, ["Before you use Zoltrin", "When you must not use it", "How to use Zoltrin", "How much to use",
                    "When to use it", "Things you must not do", "Possible side effects", "After using Zoltrin", "Storage",
                    "Sponsor"], ["How much to use"]),
}


@pytest.mark.parametrize("name", sorted(CMIS))
def test_cmi_headings_and_the_dose_section(name):
    text, heads, doses = CMIS[name]
    _, sections = read(text)
    assert headings(sections) == heads
    assert dosing(sections) == doses


ASTHMA_PLAN = """\
My asthma action plan
About my plan
My inhaler is Fostair 100/6 (beclometasone 100 micrograms and formoterol 6 micrograms per puff). I use it every day and whenever I need relief.
Every day
I take 1 puff in the morning and 1 puff at night.
Looking after my inhaler
I order a new inhaler when the counter shows 20 puffs left.
When my asthma is worse
I take 2 puffs every 4 hours when I need them, up to 8 puffs in a day.
"""

INSULIN_SHEET = """\
Starting insulin: your first weeks
Your starting dose
Start with 10 units of glargine once a day at the same time each day.
Mealtime insulin
If your sugars stay high after meals, we may add aspart 4 units before your main meal.
Storing insulin
Keep spare pens in the fridge.
"""

DEPRESCRIBING = """\
# Fewer pills, fewer falls

Many older people take medicines they no longer need.

## Medicines to review with your GP

### Sleeping tablets

Zopiclone 7.5 mg at night is often carried on for years; a slow taper, such as 3.75 mg at night for two weeks, then stopping, is usually advised.

### Acid tablets

Omeprazole 20 mg once a day can often be reduced to 10 mg once a day.

## Talking to your doctor

Bring every medicine you take to the appointment.
"""


@pytest.mark.parametrize("text, markdown, doses", [
    (ASTHMA_PLAN, False, ["Every day", "When my asthma is worse"]),
    (INSULIN_SHEET, False, ["Your starting dose", "Mealtime insulin"]),
    (DEPRESCRIBING, True, ["Sleeping tablets", "Acid tablets"]),
])
def test_which_sections_dose(text, markdown, doses):
    _, sections = read(text, markdown)
    assert dosing(sections) == doses


@pytest.mark.parametrize("text", [AU_CMI, NZ_CMI, ASTHMA_PLAN, INSULIN_SHEET])
def test_leaflets_and_plans_round_trip_word_for_word(text, tmp_path):
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations, loaded.violations[:2]
    assert words(export_article(loaded.article, "text")) == words(text)


TRUST_WEEKLY = """\
Alendronic acid: information for patients
What is alendronic acid?
Alendronic acid strengthens bones and lowers the chance of a fracture.
Taking alendronic acid ONCE A WEEK
Alendronic acid is taken once a week, on the same day each week. The usual dose is one 70 mg tablet once a week.
Side effects
Tell us if you have heartburn or pain on swallowing.
"""

PHARMACY_TWICE = """\
Your new inhalers
What they do
A preventer calms the airways over weeks.
Using your preventer twice a day
Your preventer is used every morning and every night: take 2 puffs each time.
Apply twice a day
"""


def test_a_heading_that_names_a_schedule_is_a_heading_and_a_bare_instruction_is_not():
    _, sections = read(TRUST_WEEKLY)
    assert headings(sections) == ["What is alendronic acid?", "Taking alendronic acid ONCE A WEEK", "Side effects"]
    assert dosing(sections) == ["Taking alendronic acid ONCE A WEEK"]
    _, sections = read(PHARMACY_TWICE)
    assert headings(sections) == ["What they do", "Using your preventer twice a day"]
