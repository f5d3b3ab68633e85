"""Waiver family: problems with an article's waivers.yaml.

These findings come from :func:`medlint.waivers.apply_waivers`, which reads
waivers.yaml beside the article's records; the functions registered here never
see a waiver (they are called with the article model and return nothing). The
entries give the findings an ID, a rationale and examples for ``medlint
explain``. Their ``bad``/``good`` examples are waivers.yaml texts, not article
text, so the registry's example runner must skip IDs starting with ``WAI``;
``tests/test_waivers.py`` runs them for real.
"""

from __future__ import annotations

from medlint.registry import check

INVALID = "WAI001"  # used by medlint.waivers, which writes these findings
STALE = "WAI002"

_GOOD = ("waivers:\n"
         "  - check: CLM001\n"
         "    record: 230-mainstream-drug-therapies.yaml#/blocks/1/list/0\n"
         "    reason: The figure is quoted from the cited trial's abstract.\n"
         "    accepted_by: Dr A. Rivera, medical reviewer\n"
         "    expires: 2026-12-31\n")


@check(INVALID, emitted_by="waivers", name="waiver-invalid", category="review", severity="error", examples="waivers",
       fix="Give every waiver a check ID, the finding's record and/or excerpt, a non-empty reason, "
           "accepted_by and an expires date (YYYY-MM-DD).",
       bad=("waivers:\n"
            "  - check: CLM001\n"
            "    record: 230-mainstream-drug-therapies.yaml#/blocks/1/list/0\n"
            "    reason: ''\n"
            "    accepted_by: Dr A. Rivera, medical reviewer\n"
            "    expires: 2026-12-31\n",
            "waivers:\n"
            "  - check: CLM001\n"
            "    record: 230-mainstream-drug-therapies.yaml#/blocks/1/list/0\n"
            "    reason: Quoted from the trial.\n"
            "    accepted_by: Dr A. Rivera\n"
            "    expires: end of year\n"),
       good=(_GOOD,))
def waiver_invalid(article, ctx):
    """A waiver must say why, who accepted it and until when.

    **What it does.** Validates the article's ``waivers.yaml`` against
    ``schema/waivers.schema.json`` and reports every entry that lacks a check
    ID, the finding's record and/or excerpt, a non-blank ``reason``, an
    ``accepted_by`` or a valid ``expires`` date, at the entry's line. An
    invalid waiver silences nothing.

    **Why.** A waiver turns a finding off in every report and CI run. Without
    a recorded reason and a named person the decision cannot be reviewed,
    and without an expiry date a temporary exception quietly becomes
    permanent, so evidence that changes later is never looked at again.

    **Source.** medlint review policy; the JAMA benchmarks (Silberg et al.,
    1997) ask that content be attributable and current, which applies to
    editorial decisions as much as to the text.
    """
    return ()


@check(STALE, emitted_by="waivers", name="waiver-matches-nothing", category="review", severity="warning", examples="waivers",
       fix="Delete the waiver if the finding is gone, or correct its check, record or excerpt to the "
           "finding's current values (`medlint check --format json`).",
       bad=("waivers:\n"
            "  - check: CLM001\n"
            "    record: 999-no-such-section.yaml#/blocks/0\n"
            "    reason: Quoted from the trial.\n"
            "    accepted_by: Dr A. Rivera, medical reviewer\n"
            "    expires: 2026-12-31\n",),
       good=(_GOOD,))
def waiver_matches_nothing(article, ctx):
    """A waiver that silences no finding is stale.

    **What it does.** After the battery has run, reports every valid waiver
    in ``waivers.yaml`` (expired or not) that matches no finding of the
    article: same check, same record and, when given, the same excerpt.

    **Why.** Records move and text gets edited. A waiver left behind after
    its finding was fixed, or one whose record pointer no longer fits
    after sections were reordered, gives reviewers the false impression that
    an exception is in force, and it could silently match an unrelated
    finding later. Removing or correcting it keeps the waiver list honest.

    **Source.** medlint review policy (waivers are reviewed like code).
    """
    return ()
