"""Bylines, titles and dates the owed checks depend on, as classes (sentences written for
this test, two page styles each where the class allows):

- a title before a name that is no "Dr": "Pharm." (a Nigerian pharmacist), "Dra." (a
  Filipino or Latin American doctor) stays on the name, never a name of its own;
- a bilingual page's date label, the other language first ("Mise à jour / Updated:");
- a document-controlled leaflet's approval date ("Approved: 14 May 2026") is its review;
- a labelling revision printed as ISO year and month ("Revised: 2026-04") dates the page;
- a signature in the body (a dash sign-off, a messaging app's sender line) names the writer
  where no byline does; a quoted expert's line does not."""

from __future__ import annotations

import datetime as dt

from medlint.dates import find_date
from support import names, read


def _meta(text: str, markdown: bool = False) -> dict:
    return read(text, markdown)[0]


def test_pharm_and_dra_are_titles_before_the_name():
    pharm = _meta("Fever in children\nBy Pharm. Adaeze Okonkwo, B.Pharm\n\nWhat to do\nGive fluids.\n")
    dra = _meta("# Sunscreen basics\n\nBy Dra. Lucia Fernandez, FPDS\n\n## Why\n\nSun burns skin.\n", markdown=True)
    assert names(pharm["authors"]) == ["Pharm. Adaeze Okonkwo"]
    assert names(dra["authors"]) == ["Dra. Lucia Fernandez"]
    assert dra["authors"][0]["credentials"] == ["FPDS"]


def test_a_bilingual_date_label_dates_the_page():
    fr = _meta("Quitting smoking\nBy Anne Roy, pharmacist\nMise à jour / Updated: 2025-09-30\n\nAids\nPatches help.\n")
    de = _meta("Hay fever\nBy Jonas Weber, pharmacist\nZuletzt geprüft / Last reviewed: 12 March 2026\n\n"
               "Tablets\nThey help.\n")
    assert fr.get("updated") == "2025-09-30"
    assert de.get("last_reviewed") == "2026-03-12"


def test_an_approval_date_under_document_control_is_the_review():
    page = ("Sore throat\nLeaflet PF-09  ·  Version 2\nWritten by: Sam Cole MRPharmS, pharmacist\n"
            "Approved: 14 May 2026  ·  Next review: May 2027\n\nWhat we found\nMost are viral.\n")
    meta = _meta(page)
    assert meta.get("last_reviewed") == "2026-05-14"
    by = _meta("Ear wax\nVersion 1\nApproved by: Medicines Committee\n\nWhat to do\nUse olive oil drops.\n")
    assert by.get("last_reviewed") is None


def test_an_iso_year_and_month_is_a_month_date():
    assert find_date("Revised: 2026-04  |  Printed copy valid", month_year=True)[0] == dt.date(2026, 4, 1)
    assert find_date("Data for 2024-2026 show", month_year=True) is None
    assert find_date("Revised 2026-04-12", month_year=True)[0] == dt.date(2026, 4, 12)


def test_a_signature_in_the_body_names_the_writer():
    post = ("Clinic news\n3 May 2026 at 6:00 PM · Public\n\nUse your inhaler before exercise.\n\n"
            "— Dr. Aisha Noor, MD\nChest physician\n\n12 comments\n")
    chat = ("Chat with Hill Clinic\n[02/11/2026, 8:01 am] Hill Clinic: Flu jabs are in stock.\n"
            "[02/11/2026, 8:02 am] Hill Clinic: Dr. Omar Latif\nMBBS, FCPS (Medicine)\n")
    assert names(_meta(post)["authors"]) == ["Dr. Aisha Noor"]
    assert _meta(post)["authors"][0]["role"] == "Chest physician"
    assert names(_meta(chat)["authors"]) == ["Dr. Omar Latif"]


def test_a_quoted_name_without_title_or_credentials_is_no_signature():
    page = ("Knee pain\nBy the Clinic Team\n\nWhy it hurts\n\"Rest helps most people,\" says our physio.\n"
            "— Sam Lee\n")
    assert not _meta(page).get("authors")


def test_revised_by_names_the_reviewer_and_last_revised_by_an_editor():
    fr = _meta("Cold sores\nBy Julie Caron, pharmacist\nRevised by Luc Bernard, pharmacist, clinical services\n"
               "Updated: 2026-02-01\n\nTreatment\nA cream helps.\n")
    es = _meta("# Gripe\n\nPor Ana Ruiz, farmacéutica\n\nRevisado por: Dr. Pablo Gil, MD\n\n## Qué hacer\n\nDescansa.\n",
               markdown=True)
    assert names(fr["reviewers"]) == ["Luc Bernard"] and names(fr["authors"]) == ["Julie Caron"]
    assert names(es.get("reviewers") or []) == ["Dr. Pablo Gil"]
    edited = _meta("Cold sores\nLast revised by Julie Caron on 3 May 2026\n\nTreatment\nA cream helps.\n")
    assert not edited.get("reviewers")
