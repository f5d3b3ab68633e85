"""Synthetic findings and article info shared by the report and renderer tests."""

import datetime as dt

from medlint.findings import Finding
from medlint.waivers import parse_waivers

TODAY = dt.date(2026, 11, 24)
EVIL = '<script>alert("x")</script> *bold* [link](http://e.x) | pipe @team'


def F(check, category, severity, file, line, record, excerpt, section=None, article="lumbar", message=None):
    return Finding(check=check, category=category, severity=severity, path=f"content/{article}/{file}", line=line,
                   column=3, article=article, record=f"{file}#{record}", section=section, excerpt=excerpt,
                   context=excerpt, message=message or f'"{excerpt}" needs attention.', suggestion="Rewrite it.")


def info(slug="lumbar", title="Lumbar Disc Sequestration", **extra):
    out = {
        "slug": slug, "title": title, "path": f"content/{slug}", "authors": ["Team Rx"],
        "reviewers": [{"name": "Dr B", "credentials": ["MD"]}],
        "last_reviewed": None, "updated": "2025-05-19", "next_review": None,
        "sections": [
            {"heading": "Overview", "kind": "overview", "level": 1, "path": f"content/{slug}/010-overview.yaml"},
            {"heading": "Drugs", "kind": "drug-therapy", "level": 1, "path": f"content/{slug}/020-drugs.yaml"},
            {"heading": "FAQ", "kind": "faq", "level": 1, "path": f"content/{slug}/030-faq.yaml"},
        ],
    }
    out.update(extra)
    return out


def findings(article="lumbar"):
    return [
        F("CLM001", "claims", "error", "030-faq.yaml", 5, "/blocks/0/faq/0", "works in 90 % of cases", "FAQ", article),
        F("CLM001", "claims", "error", "020-drugs.yaml", 9, "/blocks/1/list/0", ">90 %", "Drugs", article),
        F("DSC001", "disclaimer", "warning", "020-drugs.yaml", 4, "/heading", "Drugs", "Drugs", article),
        F("REV005", "review", "warning", "article.yaml", 18, "/authors/0/name", "Team Rx", None, article),
        F("CON004", "consistency", "info", "010-overview.yaml", 2, "/blocks/0", EVIL, "Overview", article),
    ]


WAIVERS = ("waivers:\n"
           "  - check: CLM001\n"
           "    record: 020-drugs.yaml#/blocks/1/list/0\n"
           "    reason: Quoted from the cited trial.\n"
           "    accepted_by: Dr A. Rivera\n"
           "    expires: 2026-12-31\n"
           "  - check: DSC001\n"
           "    excerpt: Drugs\n"
           "    reason: Disclaimer lives in the footer.\n"
           "    accepted_by: Dr A. Rivera\n"
           "    expires: 2026-01-31\n")


def waivers(article="lumbar"):
    return {article: parse_waivers(WAIVERS, f"content/{article}/waivers.yaml", article)}
