"""The report model arranges findings; it never decides what is wrong."""

import json

from medlint.findings import CATEGORIES
from medlint.registry import all_checks
from medlint.report import build_report, dumps, first_paragraph, review_info
from medlint.waivers import apply_waivers, expired_waivers
from report_fixtures import TODAY, findings, info, waivers

REG = all_checks()


def report_for(infos, fs, ws=None, **kw):
    ws = ws or {}
    open_, waived, problems = apply_waivers(fs, ws, TODAY)
    return build_report(infos, open_ + problems, waived, REG, TODAY, expired=expired_waivers(ws, TODAY), **kw)


def test_single_article_has_no_corpus_summary_and_counts_by_category():
    r = report_for([info()], findings())
    assert r["summary"] is None and r["today"] == "2026-11-24"
    card = r["articles"][0]["scorecard"]
    assert card["counts"] == {"error": 2, "warning": 2, "info": 1, "total": 5}
    assert list(card["by_category"]) == list(CATEGORIES)
    assert card["by_category"]["claims"] == {"error": 2, "warning": 0, "info": 0}


def test_groups_follow_reading_order_article_level_first():
    r = report_for([info()], findings())
    groups = r["articles"][0]["groups"]
    assert [g["heading"] for g in groups] == [None, "Overview", "Drugs", "FAQ"]
    drugs = groups[2]["findings"]
    assert [f["line"] for f in drugs] == [4, 9]  # in file order within the section
    item = drugs[1]
    assert item["excerpt"] == ">90 %" and item["fix"] and item["rationale"]
    assert "\n" not in item["rationale"]
    assert item["decision"] == {"choice": None, "options": ["accept", "fix", "waive"], "notes": ""}


def test_benchmarks_follow_open_findings_only():
    r = report_for([info()], findings())
    status = {b["id"]: b["status"] for b in r["articles"][0]["scorecard"]["benchmarks"]}
    assert status == {"authorship": "not met", "attribution": "not met", "disclosure": "not met",
                      "currency": "met"}
    clean = report_for([info()], [])
    assert {b["status"] for b in clean["articles"][0]["scorecard"]["benchmarks"]} == {"met"}


def test_benchmarks_without_known_checks_are_not_assessed():
    config = {"benchmarks": [{"id": "x", "label": "X", "checks": ["ZZZ999"], "categories": []}]}
    r = build_report([info()], [], [], REG, TODAY, config=config)
    assert r["articles"][0]["scorecard"]["benchmarks"][0]["status"] == "not assessed"


def test_waived_and_expired_are_listed_separately():
    r = report_for([info()], findings(), waivers())
    a = r["articles"][0]
    assert a["scorecard"]["counts"]["total"] == 4  # one waived, the expired one counts again
    assert [(w["check"], w["waiver"]["reason"], w["waiver"]["accepted_by"], w["waiver"]["expires"])
            for w in a["waived"]] == [("CLM001", "Quoted from the cited trial.", "Dr A. Rivera", "2026-12-31")]
    assert [w["check"] for w in a["expired_waivers"]] == ["DSC001"]
    assert all(f["check"] != "CLM001" or f["excerpt"] != ">90 %" for g in a["groups"] for f in g["findings"])


def test_corpus_summary_first_when_several_articles():
    fs = findings("lumbar") + findings("neck")[:1]
    r = report_for([info("neck", "Neck"), info()], fs)
    s = r["summary"]
    assert s["articles"] == 2 and s["counts"]["total"] == 6
    assert [row["slug"] for row in s["table"]] == ["lumbar", "neck"]
    assert [a["slug"] for a in r["articles"]] == ["lumbar", "neck"]
    assert {b["id"]: b["not met"] for b in s["benchmarks"]}["attribution"] == 2


def test_findings_for_an_article_without_info_still_appear():
    r = report_for([], findings("ghost"))
    assert r["articles"][0]["slug"] == "ghost" and r["articles"][0]["scorecard"]["counts"]["total"] == 5


def test_review_status_from_the_info_the_engine_gave_else_from_metadata():
    plain = review_info(info())
    assert plain == {"reviewed": "2025-05-19", "source": "updated", "max_age_months": None, "due": None,
                     "status": None, "page_kinds": []}
    judged = {"reviewed": "2025-05-19", "source": "updated", "max_age_months": 12, "due": "2026-05-19",
              "status": "overdue", "page_kinds": []}
    assert review_info(dict(info(), review=judged)) == judged
    # the report arranges what it is given: it works out no status of its own
    r = report_for([dict(info(), review=dict(judged, status="current"))], findings())
    assert r["articles"][0]["scorecard"]["review"]["status"] == "current"


def test_deterministic_bytes():
    a = dumps(report_for([info("neck", "Neck"), info()], findings() + findings("neck"), waivers()))
    b = dumps(report_for([info(), info("neck", "Neck")], list(reversed(findings("neck") + findings())), waivers()))
    assert a == b
    json.loads(a)


def test_first_paragraph():
    assert first_paragraph("One\nline.\n\nSecond.") == "One line."


def test_fix_first_sections_checks_and_signoff():
    r = report_for([info()], findings(), waivers())
    a = r["articles"][0]
    by_id = {i["id"]: i for g in a["groups"] for i in g["findings"]}
    first = [by_id[i] for i in a["fix_first"]]
    assert [(i["check"], i["fix_first"]) for i in first] == [("CLM001", 1)]  # the one open error; no dose finding
    assert [(s["heading"], s["status"], s["counts"]["total"], s["waived"]) for s in a["sections"]] == [
        ("Overview", "findings", 1, 0), ("Drugs", "findings", 1, 1), ("FAQ", "findings", 1, 0)]
    assert a["article_level"] == 1
    assert a["checks"]["CLM001"]["findings"] == 1 and a["checks"]["CLM001"]["rationale"]
    s = a["signoff"]
    assert s["ready"] is False and s["open"] == {"error": 1, "warning": 2, "info": 1}
    assert [(d["check"], d["accepted_by"], d["decision"]) for d in s["decisions"]] == [("CLM001", "Dr A. Rivera", "waive")]


def test_fix_first_follows_its_data_and_signoff_its_blocking_severities():
    config = {"benchmarks": [], "fix_first": {"severities": ["error"], "categories": ["consistency"]},
              "signoff_blocking": ["error"]}
    fs = [f for f in findings() if f.severity != "error"]
    r = build_report([info()], fs, [], REG, TODAY, config=config)
    a = r["articles"][0]
    by_id = {i["id"]: i for g in a["groups"] for i in g["findings"]}
    assert [by_id[i]["check"] for i in a["fix_first"]] == ["CON004"]
    assert a["signoff"]["ready"] is True and a["signoff"]["open_total"] == 3
    assert [s["status"] for s in a["sections"]] == ["findings", "findings", "passed"]
