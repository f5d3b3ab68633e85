"""The importer's data, read from checks/section-kinds.yaml and checks/import.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medlint import policy


@dataclass(frozen=True)
class KindTable:
    rules: tuple[tuple[str, tuple[re.Pattern, ...]], ...]

    @classmethod
    def load(cls) -> "KindTable":
        data = policy.load("section-kinds")
        return cls(tuple((r["kind"], tuple(policy.compile_pattern(p, re.I) for p in r["patterns"])) for r in data["kinds"]))

    def kind_of(self, heading: str | None) -> str | None:
        if not heading:
            return None
        h = heading.strip()
        for kind, patterns in self.rules:
            if any(p.search(h) for p in patterns):
                return kind
        return None


def _any(patterns: list[str]) -> re.Pattern:
    return policy.compile_pattern("|".join(f"(?:{p})" for p in patterns), re.I, patterns)


@dataclass(frozen=True)
class ImportCues:
    byline_rx: re.Pattern
    updated_rx: re.Pattern
    reviewed_rx: re.Pattern
    next_review_rx: re.Pattern
    closing_rx: re.Pattern
    section_disclaimer_rx: re.Pattern
    credentials: frozenset[str]

    @classmethod
    def load(cls) -> "ImportCues":
        d = policy.load("import")
        return cls(
            byline_rx=_any(d["byline"]),
            updated_rx=_any(d["dates"]["updated"]),
            reviewed_rx=_any(d["dates"]["reviewed"]),
            next_review_rx=_any(d["dates"].get("next_review") or [r"(?!)"]),
            closing_rx=_any(d["closing_disclaimer"]),
            section_disclaimer_rx=_any(d["section_disclaimer"]),
            credentials=frozenset(c.lower().rstrip(".") for c in d["credentials"]),
        )

    def meta_role(self, line: str) -> str | None:
        """'byline', 'updated' or 'reviewed' for a metadata line, else None."""
        if len(line) > 240:
            return None
        from medlint.dates import find_date

        if self.next_review_rx.match(line) and find_date(line):
            return "next-review"
        if self.reviewed_rx.match(line) and find_date(line):
            return "reviewed"
        if self.updated_rx.match(line) and find_date(line):
            return "updated"
        if self.byline_rx.match(line) and not line.rstrip().endswith("?"):
            return "byline"
        return None

    def closing_disclaimer(self, text: str) -> bool:
        return bool(self.closing_rx.match(text.lstrip("*_ ")))

    def section_disclaimer(self, text: str) -> bool:
        return len(text) < 400 and bool(self.section_disclaimer_rx.search(text))

    def people(self, line: str) -> tuple[list[dict], list[dict]]:
        """Authors and reviewers named in a byline."""
        text = line.strip().strip("*_").strip()
        authors: list[dict] = []
        reviewers: list[dict] = []
        m = re.search(r"\b(?:written|authored)\s+by\s+(.+?)(?=\s+and\s+(?:medically\s+)?reviewed\s+by\b|$)", text, re.I)
        if m:
            authors += [self._person(p) for p in _split_names(m.group(1))]
        m = re.search(r"\breviewed\s+by\s+(.+)$", text, re.I)
        if m:
            reviewers += [self._person(p) for p in _split_names(m.group(1))]
        if not authors and not reviewers:
            m = re.match(r"by\s+(.+)$", text, re.I)
            if m:
                authors += [self._person(p) for p in _split_names(m.group(1))]
        return authors, reviewers

    def _person(self, text: str) -> dict:
        parts = [p.strip() for p in re.split(r",\s*", text.strip().rstrip("."))]
        name = parts[0]
        name = re.sub(r"^the\s+", "", name, flags=re.I) if name.lower().startswith("the ") else name
        creds = []
        for p in parts[1:]:
            token = p.split()[0].rstrip(".") if p else ""
            if token.lower() in self.credentials:
                creds.append(p)
            else:
                name = f"{name}, {p}"
        return {"name": name, "credentials": creds}


def _split_names(text: str) -> list[str]:
    # "A, MD and B, PhD" -> two people; commas inside a person's credentials stay.
    return [p for p in re.split(r"\s+and\s+|\s*;\s*", text.strip().rstrip(".")) if p]
