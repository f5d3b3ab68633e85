"""Tables on a page: pipe tables, tab-separated rows and runs of "Label: value" lines.

A table becomes one ``table`` block whose rows keep their source line verbatim
(``text``) with the cells read out of it (``cells``); the rule line under a
Markdown header (``|---|---|``) is a row of its own. The header's labels give
the columns their meaning (``columns``: medicine, strength, maximum, condition,
other), read from ``checks/import.yaml`` (``table_columns``), and a table with no
medicine column takes the medicine its section heading names (from
``checks/medicine-names.yaml``). The model reads each data row as one text for
the checks (``medlint.records.model.row_reading``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medlint import policy
from medlint.records.model import split_cells

_RULE_CELL = re.compile(r"^:?-{1,200}:?$")
_TAB_ROW = re.compile(r"\S\t+\S")
_LABEL_ROW = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}:\s+\S")
_DASHES = {"", "-", "–", "—", "n/a", "N/A"}


def pipe_cells(line: str) -> list[str]:
    """'| a | b |' -> ['a', 'b'] (an escaped '\\|' stays inside its cell)."""
    return split_cells(line, "pipe")


def is_rule(line: str) -> bool:
    """The delimiter row under a Markdown table header: '|---|:--:|'."""
    s = line.strip()
    if "-" not in s or "|" not in s:
        return False
    cells = pipe_cells(s)
    return bool(cells) and all(_RULE_CELL.match(c) for c in cells)


def pipe_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def tab_row(line: str) -> bool:
    return bool(_TAB_ROW.search(line.strip()))


def label_row(line: str) -> bool:
    return bool(_LABEL_ROW.match(line.strip()))


def aligned_row(line: str) -> bool:
    """A row of a plain-text table printed in aligned columns ('Mug of tea      75 mg',
    'Face and neck ....... 2.5 FTU'): two cells or more set apart by a run of spaces or a
    dot leader, each a short phrase, no cell but the last ending a sentence or clause (two
    spaces after a full stop are prose)."""
    s = line.strip()
    if not s or len(s) > 160 or "\t" in s or s.startswith("|"):
        return False
    cells = split_cells(s, "aligned")
    if len(cells) < 2 or any(not c or len(c.split()) > 12 for c in cells):
        return False
    return not any(c[-1] in ".!?;:," for c in cells[:-1])


@dataclass(frozen=True)
class ColumnCues:
    """Header labels that say what a column holds (checks/import.yaml, table_columns)."""

    roles: tuple[tuple[str, re.Pattern], ...]
    medicine_names: re.Pattern

    @classmethod
    def load(cls) -> "ColumnCues":
        data = policy.load("import").get("table_columns") or {}
        roles = tuple((role, policy.alternation(pats, re.I))
                      for role, pats in data.items())
        return cls(roles, _medicine_pattern())

    def role(self, label: str) -> str:
        for role, rx in self.roles:
            if rx.search(label.strip().strip("*_ ")):
                return role
        return "other"

    def medicine_in(self, text: str | None) -> str | None:
        """The first medicine name (checks/medicine-names.yaml) in ``text``, as written."""
        m = self.medicine_names.search(text or "")
        return m.group(0) if m else None


def _medicine_pattern() -> re.Pattern:
    data = policy.load("medicine-names")
    names = set()
    for entry in data.get("medicines") or []:
        names.add(entry["substance"])
        names.update(n["name"] for n in entry.get("names") or [])
    words = sorted((re.escape(n) for n in names if n), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")s?(?![\w-])", re.I)


def read_table(lines: list[str], style: str, heading: str | None, cues: ColumnCues) -> dict:
    """Row lines of one table -> the ``table`` block mapping."""
    rows: list[dict] = []
    for line in lines:
        s = line.strip()
        if style == "pipe" and is_rule(s):
            rows.append({"text": s, "role": "rule"})
        else:
            rows.append({"text": s, "cells": split_cells(s, style)})
    header = _header_index(rows, style, cues)
    block: dict = {"style": style}
    if header is not None:
        rows[header]["role"] = "header"
        roles = [cues.role(c) for c in rows[header]["cells"]]
        if any(r != "other" for r in roles):
            block["columns"] = roles
    if "medicine" not in block.get("columns", ()) and style != "label":
        medicine = cues.medicine_in(heading)
        if medicine:
            block["medicine"] = medicine
    block["table"] = rows
    return block


def _header_index(rows: list[dict], style: str, cues: ColumnCues) -> int | None:
    """The header row: the row over a rule line, else (no rule) a first row of column
    labels (one names what its column holds), or without figures over rows with figures."""
    if style == "label" or len(rows) < 2:
        return None
    if rows[1].get("role") == "rule" and "cells" in rows[0]:
        return 0
    if any(r.get("role") == "rule" for r in rows):
        return None
    first = rows[0]["cells"]
    if any(cues.role(c) != "other" for c in first):
        return 0  # "Medicine | Dose | Most in 24 hours": labels that say what the columns hold
    if any(re.search(r"\d", c) for c in first):
        return None
    if any(re.search(r"\d", c) for r in rows[1:] for c in r.get("cells", ())):
        return 0
    return None


def blank(cell: str) -> bool:
    return cell.strip() in _DASHES
