"""Review and attribution family: who wrote and reviewed an article, and when.

The policy lives in ``checks/review.yaml``. :func:`review_status` is the one
place the review date and its due date are worked out, and :func:`review_summary`
the one place the page-kind rules are applied to them: REV001-REV003 judge by it,
and the engine gives it to the report (``info["review"]``), so the report's review
panel and the REV checks always agree.
"""

from __future__ import annotations

import calendar
import datetime as _dt

from medlint.checks.disclaimer import page_kinds, regulated_page
from medlint.checks.dosing import searched
from medlint.checks.owed import (body_dateline, head_writer, meta_lines, owed, reading_lines, source_numeric_order,
                                 writer_answers)
from medlint.dates import find_date, numeric_order
from medlint.findings import Hit
from medlint.policy import derived, regex
from medlint.prefilter import PatternSet
from medlint.registry import check

#: Used when ``data`` lacks a key (the report may call review_status with empty data).
DEFAULT_MAX_AGE_MONTHS = 12
DEFAULT_DUE_SOON_DAYS = 30

#: Which header/footer line roles to read a review date from, best first.
_ROLE_ORDER = ("reviewed", "updated")

_OVERVIEW = "Overview\nSciatica is pain along the sciatic nerve.\n"
_BYLINE = "The article is written by Jane Roe and reviewed by Dr. Sam Lee, MD\n"
# a record of one person's care (checks/owed.yaml one-person): no reviewer or author asked
_VISIT = ("After Visit Summary\nPatient: Jamie Morgan\nDate of birth: 4 July 1988\n"
          "Visit: video visit, 18 November 2026\nYour medicines\n"
          "Doxycycline 100 mg: take 1 capsule twice a day for 10 days.\n")
# a page for staff (checks/owed.yaml staff): its writer answers for it, no reviewer asked
_STAFF = ("Giving insulin on the ward: a guide for nursing staff\n"
          "Check the drug chart and the wristband before every dose.\n"
          "The article is written by Jane Roe\nLast Updated: May 19, 2026.\n")


def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` plus whole calendar months (the 31st becomes the month's last day)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _iso(value) -> _dt.date | None:
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _page_lines(meta: dict):
    """(field pointer, text, role) of every header and footer line, in the order to read dates from."""
    lines = []
    for where in ("header", "footer"):
        for i, line in enumerate(meta.get(where) or []):
            if isinstance(line, dict) and isinstance(line.get("text"), str):
                lines.append((f"{where}/{i}/text", line["text"], line.get("role", "")))
    rank = {role: n for n, role in enumerate(_ROLE_ORDER)}
    return sorted(lines, key=lambda ln: rank.get(ln[2], len(rank)))


def review_date(meta: dict, data: dict | None = None,
                today: _dt.date | None = None) -> tuple[_dt.date | None, str | None, tuple[str, str] | None]:
    """(review date, source, (field, excerpt) where the page printed it or None).

    The source is ``last_reviewed``, ``updated`` (the page's "Last Updated"
    line) or ``footer`` (a date read from any header or footer line). With
    ``data`` and ``today``, a date after today printed on a line that schedules
    the review ("Review date: March 2028", ``scheduled_review_labels``) is the
    next review, not the last, and is passed over.
    """
    for key in ("last_reviewed", "updated"):
        value = _iso(meta.get(key))
        if value is not None and not _scheduled(meta, value, data, today):
            return value, key, _printed(meta, value) or (key, str(meta.get(key)))
    for ptr, text, _role in _page_lines(meta):
        found = find_date(text)
        if found and not _scheduled_line(text, found[0], data, today):
            value, (a, b) = found
            return value, "footer", (ptr, text[a:b])
    return None, None, None


def _scheduled_line(text: str, value: _dt.date, data: dict | None, today: _dt.date | None) -> bool:
    """Does ``text`` schedule the next review for ``value``, a date after today?"""
    if not data or today is None or value <= today:
        return False
    return any(regex(p).search(text) for p in data.get("scheduled_review_labels") or ())


def _scheduled(meta: dict, value: _dt.date, data: dict | None, today: _dt.date | None) -> bool:
    """Is the header/footer line that printed ``value`` one that schedules the next review?"""
    for _ptr, text, _role in _page_lines(meta):
        found = find_date(text, month_year=True)
        if found and found[0] == value and _scheduled_line(text, value, data, today):
            return True
    return False


def _printed(meta: dict, value: _dt.date) -> tuple[str, str] | None:
    """The header/footer line that printed ``value``, as (field, excerpt): a written date,
    or a numeric one in either order ("14/03/2023"), or a month ("06/2025", "March
    2024") that reads as ``value``."""
    for ptr, text, _role in _page_lines(meta):
        for numeric in (None, "day-first", "month-first"):
            found = find_date(text, numeric=numeric, month_year=True)
            if found and found[0] == value:
                a, b = found[1]
                return ptr, text[a:b]
    return None


def _numeric_order(meta: dict) -> str | None:
    """How the page writes numeric dates ('day-first' or 'month-first'), when one of its
    header or footer lines prints a date only one order reads ("14/03/2023"), else None."""
    found = numeric_order(" ".join(text for _ptr, text, _role in _page_lines(meta)))
    return found[0] if found else None


def max_age_months(section_kinds: list[str], data: dict) -> int:
    """The article's limit: the strictest over its sections' kinds, else the default."""
    limits = [data.get("max_age_months", DEFAULT_MAX_AGE_MONTHS)]
    by_kind = data.get("max_age_by_kind") or {}
    limits += [by_kind[k] for k in set(section_kinds) if k in by_kind]
    return min(limits)


def review_status(meta: dict, section_kinds: list[str], today: _dt.date, data: dict) -> dict:
    """When the article was last reviewed, when it is due, and whether it is current.

    ``data`` is ``checks/review.yaml``. ``status`` is ``unknown`` (no date),
    ``future`` (dated after ``today``), ``overdue`` (``today`` is past the due
    date), ``due-soon`` (due within ``due_soon_days``) or ``current``.
    ``source`` "footer" means a date read from a header or footer line.
    """
    reviewed, source, _ = review_date(meta, data, today)
    months = max_age_months(section_kinds, data)
    if reviewed is None:
        return {"reviewed": None, "source": None, "max_age_months": months, "due": None, "status": "unknown"}
    due = add_months(reviewed, months)
    if reviewed > today:
        status = "future"
    elif today > due:
        status = "overdue"
    elif (due - today).days <= data.get("due_soon_days", DEFAULT_DUE_SOON_DAYS):
        status = "due-soon"
    else:
        status = "current"
    return {"reviewed": reviewed.isoformat(), "source": source, "max_age_months": months,
            "due": due.isoformat(), "status": status}


def _status(article, ctx):
    data = ctx.data("review")
    return review_status(article.meta, [s.kind for s in article.sections], ctx.today, data)


#: The states :func:`review_summary` adds to :func:`review_status`'s, each a page REV001-REV003 leave alone.
NO_REVIEW_CYCLE = "no review cycle"  # a letter, an email, a news story, a podcast episode (review_cycle: false)
DATED = "dated"                      # no review date, but a dateline of the body dates the page (dateline: true)
SCHEDULED = "scheduled"              # no review date, but the page prints its next review, still ahead
NOT_ASKED = "not asked"              # no date on a forum thread or a shop's product page


def review_summary(article, ctx) -> dict:
    """The article's review state as REV001-REV003 judge it, for the report's review panel.

    :func:`review_status`'s answer (``reviewed``, ``source``, ``max_age_months``, ``due``,
    ``status``) with the page-kind rules of ``checks/review.yaml`` applied, plus the
    ``page_kinds`` the page is (``checks/disclaimers.yaml``). ``status`` is ``unknown``
    exactly when REV001 fires, ``future`` when REV002 does and ``overdue`` when REV003
    does; a page they leave alone gets ``current``, ``due-soon`` or one of
    :data:`NO_REVIEW_CYCLE`, :data:`DATED`, :data:`SCHEDULED`, :data:`NOT_ASKED`.
    """
    out = dict(_status(article, ctx), page_kinds=sorted(page_kinds(article, ctx)))
    if out["status"] == "future":
        return out
    if out["status"] == "unknown":
        return _undated(article, ctx, out)
    if _no_cycle(article, ctx) or _labelling_printed(article, ctx, _review_line(article, ctx)):
        out.update(status=NO_REVIEW_CYCLE, max_age_months=None, due=None)
    elif out["status"] == "overdue" and (due := _printed_next_review(article, ctx)) is not None:
        out.update(status=SCHEDULED, due=due.isoformat())
    return out


def _printed_next_review(article, ctx) -> _dt.date | None:
    """The next review a document-controlled page schedules itself (article.yaml, a header
    or footer line, or a line of its head or foot: "Doc No. OPH-023 v4", "Approved:
    14/02/2025 | Review by: 14/02/2028"), or None. A controlled document is judged by its
    own review-by date (REV004), not by the yearly rule on its approval date: one schedule,
    named once. A web page's "Next review due" does not move the site's yearly rule."""
    if not _document_controlled(article, ctx.data("review").get("attribution") or {}):
        return None
    due = next_review_date(article.meta, ctx.data("review"), ctx.today)[0]
    if due is None and (body := body_next_review(article, ctx)) is not None:
        due = body[0]
    return due


def _review_line(article, ctx) -> str:
    """The header or footer line that prints the page's review date, or ""."""
    where = review_date(article.meta, ctx.data("review"), ctx.today)[2]
    field = where[0] if where else ""
    for ptr, text, _role in _page_lines(article.meta):
        if ptr == field:
            return text
    return ""


def _no_cycle(article, ctx) -> bool:
    """Is the page not held to a review cycle: of a kind with ``review_cycle: false`` (a
    letter, a news story), or placed by ``checks/owed.yaml`` (a periodical's column, a
    record of one person's visit)?"""
    return _kind_waives(article, ctx, "review_cycle") or owed(article, ctx).waives("review_cycle")


def _undated(article, ctx, out: dict) -> dict:
    """The state of a page with no review date: what REV001 asks of it, and why it does not."""
    data = ctx.data("review")
    if _review_scheduled_ahead(article, ctx):
        due = next_review_date(article.meta, data, ctx.today)[0] or body_next_review(article, ctx)[0]
        return dict(out, status=SCHEDULED, due=due.isoformat())
    if _not_reviewed(article, ctx):
        return dict(out, status=NOT_ASKED, max_age_months=None)
    line = dateline(article, data) if _kind_asks(article, ctx, "dateline") else None
    if line is not None:
        cycle = not _no_cycle(article, ctx)
        return dict(out, reviewed=find_date(line, month_year=True)[0].isoformat(), source="dateline",
                    status=DATED if cycle else NO_REVIEW_CYCLE,
                    max_age_months=out["max_age_months"] if cycle else None)
    found = body_dateline(article, ctx.data("owed"), data.get("next_review_cues") or ())
    if found is not None and _labelling_printed(article, ctx, found[1]):
        return dict(out, reviewed=found[0].isoformat(), source="dateline", status=NO_REVIEW_CYCLE,
                    max_age_months=None)
    if found is not None:
        dated = _dated_by_body(article, ctx, out, found[0])
        if dated["status"] == "overdue" and (due := _printed_next_review(article, ctx)) is not None:
            dated.update(status=SCHEDULED, due=due.isoformat())
        return dated
    if owed(article, ctx).waives("review_date"):
        return dict(out, status=NOT_ASKED, max_age_months=None)
    return out


def _labelling_printed(article, ctx, line: str) -> bool:
    """Is ``line`` a regulated leaflet's or label's line dating when its text was prepared or
    printed ("This leaflet was prepared on 14 March 2025"; ``checks/owed.yaml``
    ``datelines.print_labels``)? It dates the licence holder's text, revised under its
    regulator's variation process, not a review the page owes yearly."""
    labels = (ctx.data("owed").get("datelines") or {}).get("print_labels") or ()
    if owed(article, ctx).declared:
        return False  # a declared kind says whether the page owes a review cycle
    return any(regex(p).search(line) for p in labels) and regulated_page(article, ctx.data("disclaimers"))


def _dated_by_body(article, ctx, out: dict, value: _dt.date) -> dict:
    """The state of a page dated by a dateline of its head or foot ("Care Home Training
    Day, 14 May 2024"): judged as a review date, unless the page has no review cycle."""
    if _no_cycle(article, ctx):
        return dict(out, reviewed=value.isoformat(), source="dateline", status=NO_REVIEW_CYCLE, max_age_months=None)
    due = add_months(value, out["max_age_months"])
    if value > ctx.today:
        return dict(out, reviewed=value.isoformat(), source="dateline", status=DATED)
    if ctx.today > due:
        status = "overdue"
    elif (due - ctx.today).days <= ctx.data("review").get("due_soon_days", DEFAULT_DUE_SOON_DAYS):
        status = "due-soon"
    else:
        status = "current"
    return dict(out, reviewed=value.isoformat(), source="dateline", due=due.isoformat(), status=status)


def _body_date_line(article, value: _dt.date):
    """(block, excerpt) of a dated line of the body ("Last updated: April 8, 2025" kept as a
    chrome line among a page's widgets) that prints ``value``, or None."""
    for block in article.blocks():
        if block.type != "chrome" or not block.role:
            continue
        found = find_date(block.text)
        if found and found[0] == value:
            a, b = found[1]
            return block, block.text[a:b]
    return None


def printed_review_date(article, data: dict | None = None,
                        today: _dt.date | None = None) -> tuple[object, str, str] | None:
    """(record, field, excerpt) where the page prints its review date: a header or footer
    line, else a dated line of the body, else the article.yaml key it was read from
    (``data`` and ``today`` as for :func:`review_date`)."""
    value, source, where = review_date(article.meta, data, today)
    if where is None:
        return None
    field, excerpt = where
    if field == source and value is not None:  # not printed in the header or footer
        body = _body_date_line(article, value)
        if body is not None:
            return body[0], "text", body[1]
    return article, field, excerpt


def _date_hit(article, ctx, message: str, suggestion: str, severity: str | None = None) -> Hit:
    where = printed_review_date(article, ctx.data("review"), ctx.today) or _dateline_where(article, ctx)
    if where is not None:
        record, field, excerpt = where
        return Hit(record, excerpt=excerpt, field=field, message=message, suggestion=suggestion, severity=severity)
    return Hit(article, excerpt=article.title, field="title", message=message, suggestion=suggestion,
               severity=severity)


def _dateline_where(article, ctx) -> tuple[object, str, str] | None:
    """(record, field, excerpt) of the dateline of the page's head or foot that dates it
    (``checks/owed.yaml`` datelines), when no header or footer line does."""
    found = body_dateline(article, ctx.data("owed"), ctx.data("review").get("next_review_cues") or ())
    if found is None:
        return None
    _value, line, excerpt = found
    body = _line_record(article, line)
    if body is not None:
        return body[0], body[1], excerpt
    for where in ("header", "footer"):
        for i, text in enumerate(meta_lines(article.meta, where)):
            if text == line:
                return article, f"{where}/{i}/text", excerpt
    return None


def _printed_excerpt(article, ctx, status: dict) -> str:
    where = printed_review_date(article, ctx.data("review"), ctx.today) or _dateline_where(article, ctx)
    return where[2] if where else status["reviewed"]


def _source_phrase(status: dict, excerpt: str) -> str:
    if status["source"] == "updated":
        return (f"the article has no last-reviewed date, so its \"Last Updated\" date \"{excerpt}\" "
                f"is taken as the review date")
    if status["source"] == "footer":
        return f"the review date \"{excerpt}\" is read from the page's header/footer"
    if status["source"] == "dateline":
        return (f"the page prints no review date, so the date of its dateline \"{excerpt}\" "
                f"is taken as the review date")
    return f"the last review date is \"{excerpt}\""


def _review_scheduled_ahead(article, ctx) -> bool:
    """Does the page print its next review, after today ("Review date: March 2028"), on a
    header or footer line or a line of its head or foot ("Review by: 03/03/2028")?"""
    due = next_review_date(article.meta, ctx.data("review"), ctx.today)[0]
    if due is None and (body := body_next_review(article, ctx)) is not None:
        due = body[0]
    return due is not None and due >= ctx.today


@check("REV001", name="review-date-missing", category="review", severity="warning",
       fix="Add `last_reviewed: YYYY-MM-DD` to article.yaml or a footer line such as "
           "\"Last reviewed: May 19, 2026.\"",
       bad=(_OVERVIEW + _BYLINE.rstrip("\n"),),
       good=(_OVERVIEW + "Last Updated: May 19, 2026.", _OVERVIEW + "Last reviewed: 2026-05-19",
             "Laxatives: a guide for care staff\nCare Home Training Day, 14 May 2026\n"
             "Constipation is common in care homes.\n" + _BYLINE))
def review_date_missing(article, ctx):
    """An article must say when it was last reviewed.

    **What it does.** Looks for the review date in ``last_reviewed``, then in
    ``updated`` (the page's "Last Updated" line), then in any header or
    footer line (every common written form: "May 19, 2025", "19 May 2025",
    "2025-05-19"). Flags the title when there is none, unless the page prints
    its next review, still ahead ("Review date: March 2028" on a
    document-controlled leaflet): a reader can then tell the page is within
    its review cycle, and the editors have its date. A forum thread and a
    shop's product page (``not_reviewed_page_kinds``) are not asked. A
    letter, an email, a news story, a podcast episode or a newsletter
    (``page_kind_rules`` with ``dateline: true``) is dated by a dateline of
    its body as well ("12th September 2025" above the salutation, "Date:
    Tue, 17 Nov 2026", "Issue 14 - January 2026"; ``datelines``). The date findings
    (REV002, REV003) point at the line that prints the date - a header or
    footer line, or a dated line kept among the body's widgets. When none of
    those holds a date, a dateline of the page's head or foot dates it
    (``checks/owed.yaml`` ``datelines``: "Last checked: April 2026", "Visit:
    video visit, 18 November 2026", "Care Home Training Day, 14 May 2024";
    not a date in the running text, which is an event the page reports). A
    page that is a screen the reader uses - a tool's results, an app's help
    article, a checklist (``checks/owed.yaml`` ``interface``: two of its
    signs) - has no review date to print and is not asked; with one sign
    alone the page is not placed with confidence and the finding is given at
    ``unsure_severity`` (info).

    **Why it matters.** Medical advice ages: doses, guidelines and approvals
    change. Without a date a reader cannot tell a current page from one ten
    years out of date, and editors cannot schedule reviews.

    **Example.** A page ending with a byline and no "Last Updated" line.

    **Fix.** Print "Last reviewed: <date>" and set ``last_reviewed``.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    currency; HONcode principle 4 (attribution: dates of modification).
    """
    if review_summary(article, ctx)["status"] == "unknown":
        yield Hit(article, excerpt=article.title, field="title",
                  message=f"Article \"{article.title}\" has no review date (no last_reviewed, no \"Last Updated\" "
                          f"line, no date in its header or footer).{owed(article, ctx).note()}",
                  suggestion="Add a footer line \"Last reviewed: <Month D, YYYY>\" and `last_reviewed` in article.yaml.",
                  severity=owed(article, ctx).severity("review_date"))


@check("REV002", name="review-date-in-future", category="review", severity="error",
       fix="Correct the date: a review cannot have happened after today.",
       bad=(_OVERVIEW + "Last Updated: May 19, 2027.",),
       good=(_OVERVIEW + "Last Updated: May 19, 2026.",))
def review_date_in_future(article, ctx):
    """A review date after today is a typo or a placeholder.

    **What it does.** Flags the printed review date (see REV001 for where it
    is read from) when it falls after the run's ``--today`` date.

    **Why it matters.** A future date makes an article look freshly reviewed
    for a year or more and hides it from the review schedule.

    **Example.** "Last Updated: May 19, 2027." checked on 2026-11-24.

    **Fix.** Print the real date of the last medical review.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    currency; the site's editorial policy.
    """
    status = review_summary(article, ctx)
    if status["status"] == "future":
        excerpt = _printed_excerpt(article, ctx, status)
        yield _date_hit(article, ctx,
                        f"Review date \"{excerpt}\" is after today ({ctx.today.isoformat()}): "
                        f"{_source_phrase(status, excerpt)}.",
                        "Replace it with the actual date of the last medical review.")


@check("REV003", name="review-overdue", category="review", severity="warning",
       fix="Have the article medically reviewed and update its review date.",
       bad=(_OVERVIEW + "Last Updated: May 19, 2025.", _OVERVIEW + "Last reviewed: 2024-01-10",
            "Laxatives: a guide for care staff\nCare Home Training Day, 14 May 2024\n"
            "Constipation is common in care homes.\n" + _BYLINE),
       good=(_OVERVIEW + "Last Updated: May 19, 2026.",
             "Dear Doctor\nWith Dr Malcolm Ferris, our resident GP\nSaturday 6 April 2024\n"
             "Is it safe to take antihistamines every night? - Gordon, Tynemouth\n"
             "Dr Ferris cannot reply to letters personally. Write to Dear Doctor, The Echo.\n"))
def review_overdue(article, ctx):
    """The last review is older than the policy's maximum age.

    **What it does.** Works out the review date (``last_reviewed``, else the
    "Last Updated" line, else a header/footer date) and the maximum age from
    ``checks/review.yaml`` (12 months by default; the strictest limit over
    the article's section kinds). Flags the printed date when today is past
    the due date. ``review_status`` computes the same for the report.
    Correspondence and journalism (a letter, an email, a news story, a
    podcast episode: ``page_kind_rules`` with ``review_cycle: false``) are
    dated as written, not reviewed on a cycle, and are not asked; nor, from
    what the page shows (``checks/owed.yaml``), is a periodical's item (a
    columnist answering readers' letters, from an issue) or a record of one
    person's care (a visit summary, a discharge summary), dated by its
    visit. A page dated only by a dateline of its head or foot ("Care Home
    Training Day, 14 May 2024") is judged by it, and the finding points at it.
    A regulated leaflet's line dating when its text was prepared or printed
    ("This leaflet was prepared on 14 March 2025"; ``checks/owed.yaml``
    ``datelines.print_labels``) dates it without holding it to a yearly
    review, and so does its "last revised" line (the regulator's variation
    process revises it). A controlled document (a leaflet number or version,
    "Printed copies are uncontrolled") that prints its own review-by date
    ("Approved: 14/02/2025 | Review by: 14/02/2028") is judged by that date
    (REV004), not by the yearly rule on its approval date; a web page's
    "Next review due" does not move the yearly rule. A page whose kind
    (``checks/owed.yaml``, declared or inferred) owes no review cycle is not
    asked.

    **Why it matters.** Drug doses, supplement safety warnings and surgical
    evidence change; a stale page keeps advising what current guidance no
    longer does.

    **Example.** "Last Updated: May 19, 2025." on 2026-11-24: due 2026-05-19,
    six months overdue.

    **Fix.** Send the article for medical review; then update the date.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    currency; HONcode principle 4; the site's editorial policy (annual
    review).
    """
    status = review_summary(article, ctx)
    if status["status"] != "overdue":
        return
    excerpt = _printed_excerpt(article, ctx, status)
    yield _date_hit(article, ctx,
                    f"Review is overdue: {_source_phrase(status, excerpt)}; with a limit of "
                    f"{status['max_age_months']} months it was due on {status['due']}.{owed(article, ctx).note()}",
                    "Have the article medically reviewed, then set `last_reviewed` and the printed date.",
                    owed(article, ctx).severity("review_cycle"))


def next_review_date(meta: dict, data: dict,
                     today: _dt.date | None = None) -> tuple[_dt.date | None, str | None, int | None, str | None]:
    """(date, excerpt, offset, field) of the scheduled next review.

    Read from ``next_review`` in article.yaml, else from a header/footer line
    after one of ``next_review_cues`` ("Next review: May 19, 2026"), or, with
    ``today``, after one of ``scheduled_review_labels`` when its date is after
    today ("Review date: March 2028"). A numeric date ("Next review date:
    14/03/2025") is read in the order the page's own unambiguous numeric dates
    show, and not read when none does.
    """
    raw = meta.get("next_review")
    value = _iso(raw)
    if value is not None:
        return value, str(raw), None, "next_review"
    cues = list(data.get("next_review_cues") or ())
    numeric = _numeric_order(meta)
    for ptr, text, _role in _page_lines(meta):
        found = find_date(text, month_year=True)
        if found and _scheduled_line(text, found[0], data, today):
            a, b = found[1]
            return _due_day(text, found, None), text[a:b], a, ptr
        for cue in cues:
            m = regex(cue).search(text)
            if not m:
                continue
            rest = text[m.end():]
            found = find_date(rest, numeric=numeric, month_year=True)
            if found:
                a, b = found[1]
                return _due_day(rest, found, numeric), text[m.end() + a:m.end() + b], m.end() + a, ptr
    return None, None, None, None


def body_next_review(article, ctx) -> tuple[_dt.date, str, object, str] | None:
    """(due, excerpt, record, field) of the next review a line of the page's head or foot
    schedules (``next_review_cues``: a document-control table's "| Next review | September
    2026 |", a leaflet's "Next review: March 2026" kept as a text), when article.yaml and the
    header and footer lines print none; or None. The lines are those a dateline is read from
    (``checks/owed.yaml`` ``datelines``: the first and last lines of the page)."""
    return article.once(_body_next_review, ctx.data("review"), ctx.data("owed"))


def _body_next_review(article, data: dict, owed_data: dict):
    rule = owed_data.get("datelines") or {}
    cues = [regex(c) for c in data.get("next_review_cues") or ()]
    lines = reading_lines(article)
    head, foot = rule.get("head_lines", 0), rule.get("foot_lines", 0)
    numeric = _numeric_order(article.meta) or source_numeric_order(article.meta)
    for text in lines[:head] + lines[max(head, len(lines) - foot):]:
        for cue in cues:
            m = cue.search(text)
            found = _one_reading(text[m.end():], numeric) if m else None
            if found:
                a, b = found[1]
                where = _line_record(article, text)
                if where is not None:
                    return _due_day(text[m.end():], found, numeric), text[m.end() + a:m.end() + b], *where
    return None


def _one_reading(text: str, numeric: str | None):
    """The first date of ``text`` (a month alone too) in the page's numeric order, or, when
    the page shows none, a numeric date only one order reads ("14/02/2028")."""
    found = find_date(text, numeric=numeric, month_year=True)
    if found is not None or numeric is not None:
        return found
    readings = [f for f in (find_date(text, numeric=o, month_year=True) for o in ("day-first", "month-first")) if f]
    return readings[0] if readings and all(f[0] == readings[0][0] for f in readings) else None


def _line_record(article, line: str) -> tuple[object, str] | None:
    """(record, field) of the heading, text, list item or FAQ line of the body that prints ``line``."""
    for section in article.sections:
        if section.heading == line:
            return section, "heading"
        for block in section.blocks:
            if block.type in ("paragraph", "disclaimer", "chrome") and block.text == line:
                return block, "text"
            for record in list(block.items) + list(block.entries):
                if record.text == line:
                    return record, "text"
    return None


def _due_day(text: str, found: tuple[_dt.date, tuple[int, int]], numeric: str | None) -> _dt.date:
    """The day a printed next review falls due: the date itself, or for a month alone
    ("Next review: March 2026") the month's last day - the review is due within it."""
    value, (a, b) = found
    full = find_date(text[a:b], numeric=numeric)
    if full is not None and full[0] == value:
        return value
    return value.replace(day=calendar.monthrange(value.year, value.month)[1])


@check("REV004", name="next-review-overdue", category="review", severity="warning",
       fix="Review the article and set a new `next_review` date.",
       bad=(_OVERVIEW + "Last Updated: May 19, 2025. Next review: May 19, 2026.",),
       good=(_OVERVIEW + "Last Updated: November 1, 2026. Next review: May 1, 2027.",
             _OVERVIEW + "Last Updated: November 1, 2026."))
def next_review_overdue(article, ctx):
    """The article's own scheduled review date has passed.

    **What it does.** Reads the scheduled review from ``next_review`` in
    article.yaml, else from a header/footer line such as "Next review: May
    19, 2026." (cues in ``checks/review.yaml``), else from a line of the
    page's head or foot that schedules it (a document-control table kept in
    the body: "| Next review | September 2026 |"), and flags it when it is
    before the run's ``--today`` date. A month alone ("Next review: March
    2026") is due by the month's last day. A letter, a news story or a
    podcast episode (``review_cycle: false``) is not asked, nor is a page
    ``checks/owed.yaml`` places as a periodical's item or a record of one
    person's care (given at info on a page with one sign of them alone).

    **Why it matters.** The editors promised readers a review by that date;
    missing it means the page is past its own shelf life, whatever the
    general policy says.

    **Example.** "Next review: May 19, 2026." checked on 2026-11-24.

    **Fix.** Review the article and move the next review date forward.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    currency; the site's editorial policy.
    """
    due, excerpt, start, field = next_review_date(article.meta, ctx.data("review"), ctx.today)
    record = article
    if due is None and (body := body_next_review(article, ctx)) is not None:
        (due, excerpt, record, field), start = body, None
    if due is None or due >= ctx.today or _no_cycle(article, ctx):
        return
    yield Hit(record, excerpt=excerpt, field=field, start=start,
              message=f"Next review \"{excerpt}\" was due before today ({ctx.today.isoformat()})."
                      f"{owed(article, ctx).note()}",
              suggestion="Review the article, then set a new `next_review` date and print it.",
              severity=owed(article, ctx).severity("review_cycle"))


def is_team(name: str, data: dict) -> bool:
    return any(regex(p).search(name) for p in data["team_names"])


def _credentialed_reviewer(meta: dict, data: dict) -> bool:
    return any(credentialed(p, data) for p in meta.get("reviewers") or [] if isinstance(p, dict))


def printed_reviewer(article, data: dict) -> str | None:
    """The line of the page that names a credentialed reviewer article.yaml does not hold
    ("Reviewed by Dr Aaron Whitely, FRACGP" in a byline of several parts;
    ``printed_reviewer``), or None. Worked out once per article."""
    return article.once(_printed_reviewer, data)


def _printed_reviewer(article, data: dict) -> str | None:
    rule = data.get("printed_reviewer") or {}
    patterns = [regex(p) for p in rule.get("lines") or ()]
    if not patterns:
        return None
    for text in reading_lines(article):
        if " by" not in text:  # the cheap question first: every wording names its reviewer "... by"
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                found = m.groupdict()
                if found.get("role") and credentialed({"name": found["name"], "role": found["role"]}, data):
                    return text  # "Reviewed by pharmacist Sam Okafor": the role before the name
                if found.get("credential") and _credentialed_printed(found["name"].strip(), found["credential"],
                                                                     rule, data):
                    return text
    return None


def _credentialed_printed(name: str, after: str, rule: dict, data: dict) -> bool:
    """Is the person printed as ``name``, with ``after`` following, a credentialed reviewer?
    Letters glued to the name ("Ana Lopez MD, 2 May 2026") are its credential too."""
    letters = regex(rule["credential_letters"])
    person = {"name": name, "role": after}
    if letters.search(after):
        person["credentials"] = [after.split(",")[0].strip()]
    words = name.split()
    if len(words) > 2 and letters.search(words[-1]):
        person = {"name": " ".join(words[:-1]), "credentials": [words[-1]]}
    return credentialed(person, data)


def credentialed(person: dict, data: dict) -> bool:
    """Is ``person`` a named person (no team) with a credential: letters ("MD", "RPh"), or
    a role naming a regulated profession or specialist post ("consultant neurologist",
    ``credential_roles``)?"""
    name = person.get("name")
    if not name or is_team(name, data):
        return False
    if person.get("credentials"):
        return True
    role = person.get("role")
    return isinstance(role, str) and any(regex(p).search(role) for p in data.get("credential_roles") or ())


def _credentialed_writer_answers(article, ctx) -> bool:
    """Is the page of a kind whose credentialed writer answers for it (``writer_answers``:
    a newsletter's item by a named clinician, "By Sister Nomvula Dlamini, Occupational Health
    Nurse Practitioner"), and is one of its authors such a writer?"""
    if not _kind_asks(article, ctx, "writer_answers"):
        return False
    data = ctx.data("review")
    return any(credentialed(p, data) for p in article.meta.get("authors") or [] if isinstance(p, dict))


def _names_a_person(meta: dict, data: dict) -> bool:
    """Does the page name a person (not a team or department) as its author or reviewer?"""
    people = (meta.get("authors") or []) + (meta.get("reviewers") or [])
    return any(isinstance(p, dict) and p.get("name") and not is_team(p["name"], data) for p in people)


def _not_reviewed(article, ctx) -> bool:
    """Is the page of a kind no editor reviews (``not_reviewed_page_kinds``: a forum thread,
    a shop's product page)?"""
    if owed(article, ctx).declared:
        return False  # a declared kind wins over what the page is read to be
    kinds = ctx.data("review").get("not_reviewed_page_kinds") or ()
    return bool(kinds) and bool(page_kinds(article, ctx) & set(kinds))


def _kind_rules(article, ctx) -> list[dict]:
    """The ``page_kind_rules`` of the kinds the article is (a letter, a news story); none
    on a page whose kind is declared (``checks/owed.yaml``: the declared kind wins)."""
    if owed(article, ctx).declared:
        return []
    rules = ctx.data("review").get("page_kind_rules") or {}
    return [rules[k] for k in sorted(page_kinds(article, ctx)) if k in rules]


def _kind_waives(article, ctx, what: str) -> bool:
    """Is the page of a kind not asked ``what`` (``reviewer``, ``review_cycle`` or ``author``: false)?"""
    return any(rule.get(what) is False for rule in _kind_rules(article, ctx))


def _kind_asks(article, ctx, what: str) -> bool:
    """Is the page of a kind read with ``what`` (``dateline`` or ``signature``: true)? A
    page whose kind is declared is read with both: what it prints is no evidence of kind."""
    if owed(article, ctx).declared:
        return what in ("dateline", "signature")
    return any(rule.get(what) is True for rule in _kind_rules(article, ctx))


def dateline(article, data: dict) -> str | None:
    """The text of the first dateline of the body (``datelines``: "12th September 2025",
    "Date: Tue, 17 Nov 2026", "Issue 14 - January 2026") that prints a date, or None."""
    cues = data.get("datelines") or ()
    for text in reading_lines(article):
        if any(regex(c).search(text) for c in cues) and find_date(text, month_year=True):
            return text
    return None


def signed_by(article, data: dict) -> str | None:
    """The name signed under the page's sign-off (``signature``: "Yours faithfully," then
    "Mrs J. Whitfield", or "Kind regards, Dr Sunil Patel"), or None; a team's name is none."""
    rule = data.get("signature") or {}
    if not rule:
        return None
    lines = [t.strip() for t in reading_lines(article) if t.strip()]
    within = rule.get("within", 3)
    for i, text in enumerate(lines):
        if not any(regex(p).search(text) for p in rule["sign_offs"]):
            continue
        after = [text.split(",", 1)[1].strip()] if "," in text else []  # "Kind regards, Dr Sunil Patel"
        for name in after + lines[i + 1:i + 1 + within]:
            if regex(rule["name"]).search(name):
                return None if is_team(name, data) else name
    return None


def _organisation_page(article, ctx) -> bool:
    """Is the page's attribution an organisation's (``attribution`` in checks/review.yaml):
    a regulated leaflet or label, or a page that names no person - no one, or only a team
    or department ("Children's Emergency Department") - and prints its review cycle or its
    document control with a date?"""
    data = ctx.data("review")
    rules = data.get("attribution") or {}
    if owed(article, ctx).declared:
        return False  # the declared kind says whether the page owes a writer and a reviewer
    if rules.get("regulated_pages_exempt") and regulated_page(article, ctx.data("disclaimers")):
        return True
    meta = article.meta
    if _names_a_person(meta, data):
        return False
    reviewed = review_date(meta, data, ctx.today)[0] is not None
    scheduled = next_review_date(meta, data, ctx.today)[0] is not None
    if rules.get("organisation_review_cycle") and reviewed and scheduled:
        return True
    # a document-control block kept in the body ("| Next review | September 2026 |")
    scheduled = scheduled or body_next_review(article, ctx) is not None
    return (reviewed or scheduled) and _document_controlled(article, rules)


def _document_controlled(article, rules: dict) -> bool:
    """Does the page print its organisation's document control ("Leaflet number: RHE-045",
    "Version 3", "Date of publication", ``attribution.document_control_cues``) on a header
    or footer line or in any of its texts? Asked once per article (REV005 and REV006 both
    ask it, each cue of every text)."""
    return article.once(_controlled, rules)


def _controlled(article, rules: dict) -> bool:
    cues = rules.get("document_control_cues") or ()
    if not cues:
        return False
    texts = [text for _ptr, text, _role in _page_lines(article.meta)]
    texts += [b.text for b in article.blocks() if b.type == "chrome"] + [r.text for r in article.texts()]
    wordings = derived(_wordings, cues)  # each text asked once (searched): an edit asks the texts it changed
    return any(searched(wordings, t) for t in texts)


def _wordings(cues) -> PatternSet:
    return PatternSet(map(regex, cues))


def _committee_approved(article, ctx) -> bool:
    """Is the page approved by its organisation's clinical committee ("Approved by: Drugs
    and Therapeutics Committee"; ``attribution.clinical_committee_cues``, in the reviewers'
    names and every line of the page) under its document control, with a date?"""
    data = ctx.data("review")
    rules = data.get("attribution") or {}
    cues = rules.get("clinical_committee_cues") or ()
    meta = article.meta
    texts = [p.get("name") or "" for p in meta.get("reviewers") or [] if isinstance(p, dict)]
    texts += reading_lines(article)
    if not any(regex(c).search(t) for t in texts for c in cues):
        return False
    dated = review_date(meta, data, ctx.today)[0] is not None or next_review_date(meta, data, ctx.today)[0] is not None
    return dated and _document_controlled(article, rules)


def _organisation_reviewed(meta: dict, data: dict) -> bool:
    """Does a header or footer line print the organisation's review of the page ("Page last
    reviewed: ...", ``attribution.organisation_review_lines``)?"""
    cues = (data.get("attribution") or {}).get("organisation_review_lines") or ()
    return any(regex(c).search(text) for _ptr, text, _role in _page_lines(meta) for c in cues)


def _clinical_team_wrote_it(meta: dict, names: list[str], data: dict) -> bool:
    """Is a clinical team named as the writer (an author's name, or a byline line such as
    "Prepared by the clinic pharmacy team"; ``attribution.clinical_team_cues``)?"""
    cues = (data.get("attribution") or {}).get("clinical_team_cues") or ()
    texts = names + [text for _ptr, text, _role in _page_lines(meta)]
    return any(regex(c).search(t) for t in texts for c in cues)


def _own_patients_page(article, data: dict) -> bool:
    """Does a text of the page say it is the practice's handout for its own patients
    ("This chart is for our patients and their families"; ``attribution.own_patients_cues``)?"""
    cues = (data.get("attribution") or {}).get("own_patients_cues") or ()
    return bool(cues) and any(regex(c).search(r.text) for r in article.texts() for c in cues)


def _person_hit(article, names: list[str], message: str, suggestion: str, other_role: str,
                severity: str | None = None) -> Hit:
    """Locate at the byline line printing one of ``names``, else at a byline line that
    prints none of the people of ``other_role`` ("authors", "reviewers"), else at the
    title: the byline of the one person the page names in the other role ("By Callum
    Reid, MCSP" for a missing reviewer) is not where the missing one is."""
    for ptr, text, _role in _page_lines(article.meta):
        for name in names:
            if name and name in text:
                return Hit(article, excerpt=name, field=ptr, message=message, suggestion=suggestion,
                           severity=severity)
    others = [p["name"] for p in article.meta.get(other_role) or [] if isinstance(p, dict) and p.get("name")]
    for ptr, text, role in _page_lines(article.meta):
        if role == "byline" and not any(name in text for name in others):
            return Hit(article, excerpt=text, field=ptr, message=message, suggestion=suggestion,
                       severity=severity)
    return Hit(article, excerpt=article.title, field="title", message=message, suggestion=suggestion,
               severity=severity)


@check("REV005", name="author-not-named", category="review", severity="warning",
       fix="Name the author(s) in the byline, e.g. \"The article is written by Jane Roe\".",
       bad=(_OVERVIEW + "The article is written by Team Rxharun and reviewed by Dr. Sam Lee, MD",
            _OVERVIEW + "Medically reviewed by Dr. Sam Lee, MD\nLast Updated: May 19, 2026."),
       good=(_OVERVIEW + _BYLINE, _VISIT,
             "Ask Dr Amara\nOur resident GP, Dr Amara Osei, answers your health questions\n"
             "Migraine can run in families.\nLast Updated: May 19, 2026.\n"))
def author_not_named(article, ctx):
    """An article must name the person who wrote it.

    **What it does.** Flags the article when ``authors`` is empty or every
    author is a team or board (a name matching ``team_names`` in
    ``checks/review.yaml``, e.g. "Team Rxharun"). Not flagged
    (``attribution``): a clinical team named as the writer ("Prepared by the
    Bone Health Clinic pharmacy team") with a named, credentialed reviewer,
    or a health-service page that prints its organisation's review of the
    page ("Page last reviewed: ...") with one; a page that names no person
    (no one, or only a team or department: "Children's Emergency
    Department") but prints its organisation's review cycle ("Page last
    reviewed" and "Next review due") or its document control with a date (a
    leaflet number or version, "Date of publication", "Review date",
    "Information correct at time of publication"); a regulated package
    leaflet or Drug Facts label, which names its licence holder instead; a
    forum thread or a shop's product page (``not_reviewed_page_kinds``),
    which have no editorial byline; a letter or an email signed by a person
    (``page_kind_rules`` with ``signature: true``: "Yours faithfully," then
    "Mrs J. Whitfield"; a team's sign-off is no name); a press release, a safety
    notice, a study's participant information, a page for professionals or a personal
    story (``page_kind_rules`` with ``author: false``), answered for by its issuer,
    committee, listed authors or teller. Who owes a named author is also read from
    what the page shows about itself, whatever its kind (``checks/owed.yaml``, two
    signs of a dimension): a screen the reader uses (a tool's results, an app's
    help article, a checklist), a record of one person's care (signed by their
    clinician), a group's own page for its members, and an organisation's page that
    names no person ("Page owner: Student Health Centre", "From: Northshire Public
    Health Agency", its ownership printed at the head or the foot: "© 2026 Province
    of Nova Tern", "Developed by the Nova Tern Health Authority", "... Poison Center
    is a program of the State Department of Health", a health service's nurse line
    and service finder; a hospital's "© 2026 Tanjong Rhu General Hospital" for the
    writer alone; a company's copyright is none) are not asked; with one sign alone
    the finding is given at info. An institution the importer read as the author
    ("Published by Te Rongoā Safety Authority") is no named person (``team_names``). A writer the page names in its head, in a line the importer kept as text
    ("Our resident GP, Dr Amara Osei, answers your health questions", "Sam Okafor
    MPharm, Community Pharmacist"; ``head_writer``), is its author, and so is
    one in a labelled or posted byline at its head or foot ("Words: Jane
    Doe", "Posted by Dr. Alan Moss on 3 May 2026"). Nor are asked, from the
    same dimensions: a pharmacy's printout for one patient (its dispensing
    label), a search tool's results or an AI assistant's chat export, a
    reference for prescribers (a drug reference's monograph, answered for
    by its reviewer) and a care provider's own health library that names no
    writer ("Find a Doctor | MyChart Login", "By Lakeshore Clinic Staff").

    **Why it matters.** Readers judge medical information partly by who
    wrote it; a team label hides whether the writer had relevant training
    and leaves no one accountable for the text.

    **Example.** "The article is written by Team Rxharun".

    **Fix.** Name the author(s): "The article is written by Jane Roe".

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    authorship - authors and contributors, their affiliations and relevant
    credentials; HONcode principle 1 (authoritative).
    """
    if not _owes_named_author(article, ctx):
        return
    names = [p.get("name", "") for p in article.meta.get("authors") or []]
    team, owes = article.writer_team, owed(article, ctx)
    if names:
        message = (f"Author \"{names[0]}\" is a team, not a named person; the article names no author.")
    elif team:
        nobody = "" if article.meta.get("reviewers") else " and no reviewer"
        message = (f"The byline credits a team (\"{team}\"), not a named person; the article names no "
                   f"author{nobody}.")
        names = [team]
    else:
        message = f"Article \"{article.title}\" names no author."
    yield _person_hit(article, names, f"{message}{owes.note()}",
                      "Name the person who wrote it: \"The article is written by <Full Name>\".", "reviewers",
                      owes.severity("author"))


def _owes_named_author(article, ctx) -> bool:
    """Does the page owe a named author it does not name (REV005 fires)?"""
    data = ctx.data("review")
    names = [p.get("name", "") for p in article.meta.get("authors") or []]
    if any(n and not is_team(n, data) for n in names) or _organisation_page(article, ctx) \
            or _not_reviewed(article, ctx) or _kind_waives(article, ctx, "author") \
            or owed(article, ctx).waives("author") \
            or (_kind_asks(article, ctx, "signature") and signed_by(article, data)) \
            or head_writer(article, ctx.data("owed"), lambda name: is_team(name, data)):
        return False
    if owed(article, ctx).decided("author"):
        return True  # declared: an organisation's reviewer does not answer for its writer
    return not (_credentialed_reviewer(article.meta, data) and (
        _clinical_team_wrote_it(article.meta, names + [article.writer_team or ""], data)
        or _organisation_reviewed(article.meta, data) or _own_patients_page(article, data)))


@check("REV006", name="reviewer-credentials-missing", category="review", severity="warning",
       fix="Name a medical reviewer with their credentials, e.g. \"reviewed by Dr. Sam Lee, MD\".",
       bad=(_OVERVIEW + "The article is written by Jane Roe and reviewed by the Rx Editorial Board Members",
            _OVERVIEW + "The article is written by Jane Roe and reviewed by Sam Lee",
            _OVERVIEW + "The article is written by Jane Roe"),
       good=(_OVERVIEW + _BYLINE, _STAFF, _VISIT,
             _OVERVIEW + "By Jane Roe  |  Reviewed by Dr Sam Lee, FRACGP  |  3 May 2026\n",
             "Knee pain\nArticle by Dr Ines Varga, Senior Consultant, Department of Orthopaedics\n"
             "Last updated on 02 Nov 2026\nKnee pain is common after sport.\n"))
def reviewer_credentials_missing(article, ctx):
    """An article must name a medical reviewer and their credentials.

    **What it does.** Passes when at least one entry in ``reviewers`` is a
    named person (not a team, see ``team_names``) with at least one
    credential: letters (MD, PharmD, ...) or a role that names a regulated
    profession or specialist post in words ("consultant neurologist",
    "Consultant in Pain Medicine"; ``credential_roles``). Otherwise flags the
    byline that names the reviewers, or the title when there is none. "Rx
    Editorial Board Members" with no credentials does not count, nor does a
    title alone ("Dr Sam Lee"). A page that names no person (no one, or only
    a team or department) under its organisation's printed review cycle or
    document control (a leaflet number or version with a publication or
    review date), and a regulated leaflet or label, are not asked
    (``attribution`` in ``checks/review.yaml``), nor are a forum thread and a
    shop's product page (``not_reviewed_page_kinds``), nor correspondence and
    journalism (a letter, an email, a news story, a podcast episode:
    ``page_kind_rules`` with ``reviewer: false``); on a document-controlled
    page with a date, approval by the organisation's clinical committee ("Drugs
    and Therapeutics Committee", ``clinical_committee_cues``) is the review.
    From what the page shows about itself (``checks/owed.yaml``, two signs of
    a dimension), a medical reviewer is not asked of a screen the reader uses,
    a record of one person's care, a group's own page, a page for staff (a
    ward's guide, a training handout: its reader is the professional), a
    periodical's item (a columnist answering readers' letters) or an
    organisation's page that names no person; with one sign alone the finding
    is given at info. A reviewer the page prints with a credential in a line
    article.yaml holds no reviewer from ("By Jess Nguyen | Reviewed by Dr
    Aaron Whitely, FRACGP | 21 October 2026", "Medically verified by Dr. Kavya
    Menon, M.Pharm", "Reviewed for accuracy by ...", "Reviewed by pharmacist Sam
    Okafor"; ``printed_reviewer``: letters or a role of ``credential_roles`` after
    the name, or the role before it) is its credentialed
    reviewer, and a leaflet's own approval line ("This leaflet was approved by the
    Pharmacy and Therapeutics Committee") is its document control. A named
    medical practitioner writing under the medical post they hold ("Dr Tan Wei
    Ling, Senior Consultant, Department of Orthopaedic Surgery", "Dr. Tom
    Reilly, DO, sports medicine physician"; ``checks/owed.yaml``
    ``writer_answers``) answers for the page as its clinical check, and so
    does a writer of a medicines profession (a pharmacist, a doctor, a
    dentist) on a page through which their own practice offers its care in
    its furniture or its foot ("| Book Online |", "Questions? WhatsApp us";
    ``own_practice``, the kind ``own-practice``); otherwise a pharmacist's or
    physiotherapist's byline, or a doctor named by letters alone, still owes
    the reviewer. A page whose one attribution is a team
    byline ("By the Chemist Corner Health Team", ``writer_team``, no reviewer
    line) lacks two roles, its named writer (REV005) and its named,
    credentialed reviewer (REV006): both are raised (the corpus ruling of
    2026-12-04, tests/corpus/README.md).

    **Why it matters.** Medical review is what makes a consumer page safe to
    act on; readers can only trust it if they can see who reviewed it and
    whether that person is qualified.

    **Example.** "... reviewed by the Rx Editorial Board Members".

    **Fix.** "... reviewed by Dr. Sam Lee, MD" (and ``reviewers`` with
    ``credentials: [MD]`` in article.yaml).

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    authorship and credentials; HONcode principle 1 (authoritative: the
    qualifications of the authors).
    """
    data = ctx.data("review")
    reviewers = article.meta.get("reviewers") or []
    owes = owed(article, ctx)
    if _credentialed_reviewer(article.meta, data) or _organisation_page(article, ctx) \
            or _not_reviewed(article, ctx) or _committee_approved(article, ctx) \
            or _kind_waives(article, ctx, "reviewer") or owes.waives("reviewer") \
            or printed_reviewer(article, data) or _credentialed_writer_answers(article, ctx) \
            or writer_answers(article.meta, ctx.data("owed")):
        return
    names = [p.get("name", "") for p in reviewers]
    if not names:
        message = f"Article \"{article.title}\" names no medical reviewer."
    elif all(is_team(n, data) for n in names):
        message = f"Reviewer \"{names[0]}\" is a team with no credentials, not a named, credentialed reviewer."
    else:
        message = f"Reviewer \"{names[0]}\" is named without credentials (e.g. MD, PharmD)."
    yield _person_hit(article, names, f"{message}{owes.note()}",
                      "Name a qualified reviewer with credentials: \"reviewed by Dr. <Name>, MD\".", "authors",
                      owes.severity("reviewer"))
