"""Schema family: records that do not match their JSON Schema.

These findings are produced by the loader (validation happens before the
model exists), not by a function over the model; the entry here gives them an
ID, a rationale and examples like every other check.
"""

from __future__ import annotations

from medlint.registry import check

SCHEMA_CHECK = "SCH001"


@check(SCHEMA_CHECK, emitted_by="engine", name="record-violates-schema", category="schema", severity="error",
       fix="Correct the key or value named in the message; `schema/*.schema.json` documents every key.",
       # Schema examples are section files (YAML), not article text.
       examples="section",
       bad=("heading: Causes\nkind: causes\nblocks:\n  - paragraf: Smoking weakens the annulus.\n",
            "heading: Causes\nkind: reasons\nblocks: []\n"),
       good=("heading: Causes\nkind: causes\nblocks:\n  - paragraph: Smoking weakens the annulus.\n",))
def record_violates_schema(article, ctx):
    """Records must match their JSON Schema.

    **What it does.** Validates every record file (article.yaml and each
    section file) against its JSON Schema in ``schema/`` and reports each
    violation at the offending YAML node.

    **Why.** Every other check, the report and the site's build read these
    records; a mistyped key that was silently ignored would hide content
    from every check (a dose under ``dose:`` instead of ``doses:`` would
    never be dose-checked). The schemas reject unknown keys for this reason.

    **Source.** JSON Schema draft 2020-12; the medlint record model.
    """
    return ()
