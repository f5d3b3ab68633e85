"""Bylines and dates read by their shape, in styles the corpus lacks.

The fourth held-out set (articles 85-96) printed its writers and dates in shapes the
importer had not met; the pages here are written for these tests in other writers'
styles:

- a columnist's byline, the name in apposition before the column's verb ('Our resident
  GP, Dr Amara Osei, answers ...');
- a date label with what it dates before it ('Interaction data last updated: ...'),
  'Last checked: April 2026', a visit's or appointment's date;
- a byline wrapped at the printed line's end ('... Medically reviewed by' / 'Dr X');
- what the writers are before their names ('group members A and B'), what was checked
  before 'checked by' ('Medical content checked by Dr C');
- a help article's team or writer straight over its date ('PillPal Support' / 'Updated
  3 months ago');
- where and when a talk was given, on its title slide ('Care Home Training Day, 14 May
  2024');
- a 'More from ...' box of links along one line, a helpline with its opening hours.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text, headings, names, read


def round_trip(text: str, tmp_path, markdown: bool = False) -> None:
    loaded = load_article(article_from_text(text, tmp_path, slug="page", markdown=markdown))
    assert not loaded.violations, loaded.violations[:3]
    assert words(export_article(loaded.article, "md" if markdown else "text")) == words(text)


BODY = "\nQ. Is it safe to take my tablets with grapefruit juice?\n\nA. For most tablets, yes; ask your pharmacist about yours.\n"

# ---------------------------------------------------------------- columnists

AGONY_AUNT = "Can I stop my statin for the summer?\n\nOur agony aunt, Dr Sue Marr, replies to your letters\n2 June 2026" + BODY
PHARMACIST_COLUMN = "\"Why does my inhaler make me shaky?\"\n\nPharmacist Jo Bell MRPharmS answers your medicine questions\n9 May 2026" + BODY
GP_COLUMN = "Sleeping tablets and getting older\n\nGP Dr Tom Reyes writes for Living Well every fortnight\n1 April 2026" + BODY


@pytest.mark.parametrize("text, author, date", [
    (AGONY_AUNT, "Dr Sue Marr", "2026-06-02"),
    (PHARMACIST_COLUMN, "Jo Bell", "2026-05-09"),
    (GP_COLUMN, "Dr Tom Reyes", "2026-04-01"),
])
def test_a_columnists_byline_names_the_author_and_the_issue_date_follows(text, author, date, tmp_path):
    meta, sections = read(text)
    assert names(meta.get("authors")) == [author]
    assert meta["updated"] == date
    assert headings(sections) == []
    round_trip(text, tmp_path)


def test_a_sentence_with_a_verb_after_a_name_in_the_body_is_no_byline():
    text = "Hay fever\n\nCauses\n\nDr Sue Marr explains that pollen counts peak in June.\n"
    meta, _ = read(text)
    assert not meta.get("authors")


# ---------------------------------------------------------------- date labels

@pytest.mark.parametrize("line, key, date", [
    ("Stock information last updated: 4 March 2026.", "updated", "2026-03-04"),
    ("Last checked: April 2026", "last_reviewed", "2026-04-01"),
    ("Dosing tables last reviewed on 12 January 2026", "last_reviewed", "2026-01-12"),
    ("Compiled by the Wayfarer Clinic nurses. Last checked: 3 February 2026.", "last_reviewed", "2026-02-03"),
    ("Visit: phone call, 7 October 2026, 14:20", "updated", "2026-10-07"),
    ("Date of appointment: 21 September 2026", "updated", "2026-09-21"),
])
def test_a_date_label_with_what_it_dates_before_it(line, key, date, tmp_path):
    text = f"Packing a travel medicine kit\n\nWhat to pack\n\nPlasters, a thermometer and oral rehydration salts.\n\n{line}\n"
    meta, sections = read(text)
    assert meta[key] == date
    assert headings(sections) == ["What to pack"]
    round_trip(text, tmp_path)


# ---------------------------------------------------------------- wrapped bylines, descriptors

WRAPPED_CHARITY = """\
Living with an ostomy: medicines
Written by the StomaCare nurses' team. Reviewed by
Mr Alan Pryce, Consultant Colorectal Surgeon.

Tablets and capsules
Some coated tablets pass through without being absorbed.
"""

WRAPPED_PHARMACY = """\
Storing insulin
Authors: Dana Kessler PharmD and
Luis Ortega RN

Before opening
Keep spare pens in the fridge.
"""

WRAPPED_LEAFLET = """\
Your child's asthma plan
Prepared by the children's respiratory team; clinically checked by
Dr Mina Osei, Consultant Paediatrician

Every day
Use the brown preventer inhaler morning and night.
"""


@pytest.mark.parametrize("text, authors, reviewers, first", [
    (WRAPPED_CHARITY, [], ["Mr Alan Pryce"], "Tablets and capsules"),
    (WRAPPED_PHARMACY, ["Dana Kessler", "Luis Ortega"], [], "Before opening"),
    (WRAPPED_LEAFLET, [], ["Dr Mina Osei"], "Every day"),
])
def test_a_byline_wrapped_at_the_line_end_is_read_whole(text, authors, reviewers, first, tmp_path):
    meta, sections = read(text)
    assert names(meta.get("authors")) == authors
    assert names(meta.get("reviewers")) == reviewers
    assert headings(sections) == [first]
    round_trip(text, tmp_path)


@pytest.mark.parametrize("line, authors, reviewers", [
    ("Written by volunteer editors Maya Lund and Olu Ade. Medical content checked by Dr Ben Hart, GP.",
     ["Maya Lund", "Olu Ade"], ["Dr Ben Hart"]),
    ("Words by patient representative Carys Bevan | Clinical information reviewed by Prof. Ian Moss",
     ["Carys Bevan"], ["Prof. Ian Moss"]),
    ("Compiled by parent volunteers Sita Rao and Tom Ellis. Dosing advice checked by Hana Kim, MPharm.",
     ["Sita Rao", "Tom Ellis"], ["Hana Kim"]),
])
def test_what_the_writers_are_before_their_names(line, authors, reviewers, tmp_path):
    text = f"# Our group's guide to migraine medicines\n\nA guide written by members for members.\n\n{line}\n\n## Triptans\n\nTake one at the start of the headache.\n"
    meta, sections = read(text, markdown=True)
    assert names(meta.get("authors")) == authors
    assert names(meta.get("reviewers")) == reviewers
    assert headings(sections) == ["Triptans"]
    round_trip(text, tmp_path, markdown=True)


# ---------------------------------------------------------------- a help article's team over its date

@pytest.mark.parametrize("who, when, authors", [
    ("Dosewise Support", "Updated 2 weeks ago", []),
    ("Carelink Help", "Updated 14 May 2026", []),
    ("Amira Haddad", "Last updated: 3 June 2026", ["Amira Haddad"]),
])
def test_a_team_or_writer_over_the_date_is_the_byline(who, when, authors, tmp_path):
    text = f"How do I pause a reminder?\n\n{who}\n{when}\n\nYou can pause a reminder for up to 30 days.\n\nPausing one medicine\n\nOpen the medicine and tap Pause.\n"
    meta, sections = read(text)
    assert headings(sections) == ["Pausing one medicine"]
    assert names(meta.get("authors")) == authors
    round_trip(text, tmp_path)


# ---------------------------------------------------------------- where and when a talk was given

@pytest.mark.parametrize("line, date", [
    ("Care Home Training Day, 14 May 2024", "2024-05-14"),
    ("Northfield Practice Nurses Forum, 3 March 2026", "2026-03-03"),
    ("Ward 7 teaching, 12 March 2026", "2026-03-12"),
])
def test_a_title_slide_dates_the_talk(line, date, tmp_path):
    text = f"--- Slide 1 ---\nOpioid patches\nKit Moss RGN, Palliative Care Nurse\n{line}\n\n--- Slide 2 ---\nChanging a patch\n• Take the old one off first\n"
    meta, sections = read(text)
    assert meta["updated"] == date
    assert names(meta.get("authors")) == ["Kit Moss"]
    assert headings(sections) == ["Changing a patch"]
    round_trip(text, tmp_path)


def test_a_sentence_ending_in_a_date_is_no_dateline():
    meta, _ = read("Hay fever\n\nThe pollen season started early this year, in March 2026\n\nCauses\n\nPollen.\n")
    assert "updated" not in meta


# ---------------------------------------------------------------- link boxes and helplines

@pytest.mark.parametrize("heading, row", [
    ("MORE FROM HEALTH", "Five easy swaps for a healthier heart | Is your mattress ruining your back?"),
    ("More from Wellbeing", "Walking for your joints | Sleep: how much is enough? | Reader offer: 10% off pedometers"),
    ("More from the clinic", "Flu jabs this autumn | Our new evening hours"),
])
def test_a_more_from_box_of_links_is_chrome(heading, row, tmp_path):
    text = f"Eczema in winter\n\nWhy it flares\n\nCold air dries the skin.\n\n{heading}\n{row}\n"
    _, sections = read(text)
    assert headings(sections) == ["Why it flares"]
    round_trip(text, tmp_path)


@pytest.mark.parametrize("line", [
    "Helpline 0808 800 5050 (Monday to Friday, 9am to 4pm)",
    "Call us on 0300 123 4567 (lines open 8am to 8pm)",
    "Telephone 01632 960 000 (Monday to Saturday)",
])
def test_a_helpline_with_its_hours_is_no_heading(line, tmp_path):
    text = f"Epilepsy and driving\n\nThe rules\n\nTell the licensing agency after a seizure.\n\n{line}\n\nThis sheet is general information.\n"
    _, sections = read(text)
    assert headings(sections) == ["The rules"]
    round_trip(text, tmp_path)


def test_a_patients_own_test_checked_on_a_date_is_no_review_date():
    text = ("Your visit summary\n\nResults\n\nBlood pressure checked on 3 May 2026: 128/80, which is fine.\n\n"
            "Plan\n\nCarry on with your tablets.\n")
    meta, _ = read(text)
    assert "last_reviewed" not in meta


def test_a_letters_next_appointment_does_not_date_the_letter():
    text = ("Your clinic letter\n\nAppointment: Tuesday 9 February 2027 at 10am\n\nWhat to bring\n\n"
            "Bring your medicines in their boxes.\n")
    meta, _ = read(text)
    assert meta.get("updated") != "2027-02-09"
