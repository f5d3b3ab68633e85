"""``medlint report --merge``: one report from the JSON outputs of sharded runs."""

from __future__ import annotations

import json

from medlint.errors import InputError
from medlint.findings import Finding
from medlint.records.yamlio import read_text
from medlint.waivers import Waiver


def merge_outputs(paths: list[str]) -> tuple[list[dict], list[Finding], list[tuple[Finding, Waiver]]]:
    """Article infos, open findings and waived pairs from ``check --format json`` files."""
    infos: dict[str, dict] = {}
    findings: list[Finding] = []
    waived: list[tuple[Finding, Waiver]] = []
    for path in paths:
        try:
            doc = json.loads(read_text(path))
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
        if not isinstance(doc, dict) or doc.get("version") != 1 or "articles" not in doc:
            raise InputError("not a `medlint check --format json` output (version 1 with articles)", path)
        for info in doc["articles"]:
            if info.get("slug") in infos:
                raise InputError(f"article {info.get('slug')} appears in two shards", path)
            infos[info.get("slug")] = info
        findings += [Finding.from_json(f) for f in doc["findings"]]
        for item in doc.get("waived", []):
            w = item.pop("waiver")
            f = Finding.from_json(item)
            waived.append((f, Waiver.from_json(w, f.article)))
    findings.sort(key=Finding.sort_key)
    waived.sort(key=lambda p: p[0].sort_key())
    return [infos[k] for k in sorted(infos)], findings, waived
