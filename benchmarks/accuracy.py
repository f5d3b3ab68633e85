"""The accuracy scorecard: medlint on the labelled corpus, as a user runs it.

Imports every article of ``tests/corpus/articles/`` and the sig table
``tests/corpus/sigs.yaml`` through the ``medlint`` command (``python -m medlint``
of the interpreter running this script), checks them with the corpus's pinned date, and
scores what medlint read and raised against the gold files (the format and the scoring
rules are in tests/corpus/README.md):

    python benchmarks/accuracy.py                  # print the scorecard, write benchmarks/accuracy.json
    python benchmarks/accuracy.py --article 07     # one article, with every disagreement listed
    python benchmarks/accuracy.py --gate           # CI: findings must equal tests/corpus/expected-findings.txt
    python benchmarks/accuracy.py --write-expected # accept today's findings (commit with the change)

Exit codes: 0 done (gate passed), 1 the gate found a difference, 2 a corpus file is invalid.
"""

from __future__ import annotations

import argparse
from collections import Counter
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
MAIN_CORPUS = CORPUS  # the development corpus (its schemas serve a corpus that has none)
TODAY = "2026-12-01"  # the date the gold files were written for (tests/corpus/README.md)
DOSING_KINDS = {"drug-therapy", "supplements", "investigational"}
SIG_SLUG = "sig-table"
STRUCTURE_FIELDS = ("title", "authors", "reviewers", "review_date", "faq_entries", "headings", "dose_sections")
SIG_FIELDS = ("read", "amount", "per_day", "as_needed", "max", "bounded")


class CorpusError(Exception):
    """A corpus file is invalid: one line naming the file."""


# ---------------------------------------------------------------- the corpus

@dataclass
class CorpusArticle:
    stem: str
    source: Path
    text: str
    gold: dict


def _norm(text: str) -> str:
    return " ".join(str(text).split())


class _Loader(yaml.SafeLoader):
    """Safe YAML whose dates stay the strings the gold files wrote."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{_rel(path)}: {str(exc).splitlines()[0]}") from None


def _validate(data, schema_name: str, path: Path) -> None:
    # a corpus without its own schemas (the held-out set) uses the main corpus's
    found = CORPUS / schema_name
    schema = json.loads((found if found.is_file() else MAIN_CORPUS / schema_name).read_text(encoding="utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise CorpusError(f"{_rel(path)}: {where}: {error.message}")


def load_articles(only: str | None = None) -> list[CorpusArticle]:
    out = []
    for source in sorted((CORPUS / "articles").iterdir()):
        if source.suffix not in (".txt", ".md") or (only and not source.name.startswith(only)):
            continue
        gold_path = source.with_suffix(".gold.yaml")
        if not gold_path.is_file():
            raise CorpusError(f"{_rel(source)}: no gold file {gold_path.name} beside it")
        gold = _load_yaml(gold_path)
        _validate(gold, "gold.schema.json", gold_path)
        text = source.read_text(encoding="utf-8")
        flat = _norm(text)
        for kind in ("findings", "silent"):
            for n, entry in enumerate(gold[kind]):
                if entry["anchor"] is not None and _norm(entry["anchor"]) not in flat:
                    raise CorpusError(f"{_rel(gold_path)}: {kind}/{n}: anchor {entry['anchor']!r} is not in {source.name}")
        out.append(CorpusArticle(source.stem, source, text, gold))
    return out


def load_sigs() -> list[dict]:
    path = CORPUS / "sigs.yaml"
    if not path.is_file():
        return []
    rows = _load_yaml(path) or []
    schema = CORPUS / "sigs.schema.json"
    if schema.is_file():
        _validate(rows, "sigs.schema.json", path)
    return rows


def sig_line(row: dict) -> str:
    """The list item a sig becomes: the medicine and strength first, as a page names them."""
    sig, lead = row["sig"], []
    for part in (row.get("medicine"), row.get("strength")):
        if part and _norm(part).lower() not in sig.lower():
            lead.append(str(part))
    lead_text = " ".join(lead)
    if lead_text:
        lead_text = lead_text[0].upper() + lead_text[1:] + ": "
    return lead_text + sig


def sig_article(rows: list[dict]) -> str:
    lines = ["Medicines", "(Doses are for adults; ask your pharmacist before taking any medicine.)"]
    lines += ["• " + _norm(sig_line(row)) for row in rows]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- running medlint

def medlint(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "medlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8")


def import_all(articles: list[CorpusArticle], sig_text: str | None, work: Path) -> dict[str, str]:
    """Import each article (and the sig article) into work/content; {stem: error line} for failures."""
    jobs = [(a.stem, a.source) for a in articles]
    if sig_text is not None:
        sig_file = work / f"{SIG_SLUG}.txt"
        sig_file.write_text(sig_text, encoding="utf-8")
        jobs.append((SIG_SLUG, sig_file))

    def one(job):
        stem, source = job
        extra = ["--title", "Sig table"] if stem == SIG_SLUG else []
        done = medlint(["import", str(source), "--out", "content", "--slug", stem, *extra], work)
        return stem, None if done.returncode == 0 else (done.stderr.strip().splitlines() or ["exit %d" % done.returncode])[-1]

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return {stem: err for stem, err in pool.map(one, jobs) if err}


def check_all(work: Path, stems: list[str]) -> dict:
    """One `medlint check --format json` over every imported article (article by article if that fails)."""
    done = medlint(["check", "content", "--format", "json", "--today", TODAY, "--no-cache"], work)
    if done.returncode in (0, 1):
        return json.loads(done.stdout)
    merged = {"findings": [], "articles": [], "errors": []}
    for stem in stems:
        one = medlint(["check", f"content/{stem}", "--format", "json", "--today", TODAY, "--no-cache"], work)
        if one.returncode in (0, 1):
            data = json.loads(one.stdout)
            merged["findings"] += data["findings"]
            merged["articles"] += data["articles"]
        else:
            merged["errors"].append(f"{stem}: {(one.stderr.strip().splitlines() or ['exit %d' % one.returncode])[-1]}")
    return merged


# ---------------------------------------------------------------- records

def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for key, value in node.items() if key != "doses" for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


class Records:
    """The imported YAML records of one run, read back for scoring."""

    def __init__(self, content: Path):
        self.content = content
        self._files: dict[Path, object] = {}

    def data(self, path: Path):
        if path not in self._files:
            self._files[path] = yaml.safe_load(path.read_text(encoding="utf-8"))
        return self._files[path]

    def node(self, slug: str, record: str):
        name, _, pointer = record.partition("#")
        node = self.data(self.content / slug / name)
        for token in filter(None, pointer.split("/")):
            token = token.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def text(self, slug: str, record: str) -> str:
        try:
            return _norm(" ".join(_strings(self.node(slug, record))))
        except (OSError, KeyError, IndexError, ValueError, TypeError):
            return ""

    def sections(self, slug: str) -> list[dict]:
        folder = self.content / slug
        return [self.data(p) for p in sorted(folder.glob("[0-9]*.yaml"))]


# ---------------------------------------------------------------- scoring findings

@dataclass
class Tally:
    findings: int = 0
    tp: int = 0
    fp: int = 0
    gold: int = 0
    matched: int = 0

    @property
    def misses(self) -> int:
        return self.gold - self.matched

    def as_dict(self) -> dict:
        return {"findings": self.findings, "tp": self.tp, "fp": self.fp, "misses": self.misses,
                "precision": _ratio(self.tp, self.findings), "recall": _ratio(self.matched, self.gold)}


def _ratio(a: int, b: int):
    return round(a / b, 3) if b else None


def gold_matches(entry: dict, finding: dict, record_text: str) -> bool:
    """The scoring rule of tests/corpus/README.md."""
    if "check" in entry and entry["check"] != finding["check"]:
        return False
    if "category" in entry and entry["category"] != finding["category"]:
        return False
    anchor = entry["anchor"]
    if anchor is None:
        return True
    anchor, excerpt = _norm(anchor), _norm(finding.get("excerpt") or "")
    return anchor in record_text or (bool(excerpt) and excerpt in anchor)


def breaks_silence(entry: dict, finding: dict, record_text: str | None = None) -> bool:
    """Does the finding stand in the silent text? Its excerpt overlaps the anchor, and (given
    the finding's ``record_text``) it is where the anchor is: its record holds the anchor, or
    its excerpt covers it. A short excerpt ("IU", "U") found in another record is not in the
    silent text because the anchor happens to contain the same letters."""
    if entry.get("categories") and finding["category"] not in entry["categories"]:
        return False
    anchor, excerpt = _norm(entry["anchor"]), _norm(finding.get("excerpt") or "")
    if not excerpt or not (excerpt in anchor or anchor in excerpt):
        return False
    return record_text is None or anchor in excerpt or anchor in record_text


@dataclass
class ArticleScore:
    stem: str
    false_positives: list = field(default_factory=list)   # findings no gold entry explains
    misses: list = field(default_factory=list)            # gold entries no finding matched
    broken_silences: list = field(default_factory=list)   # (silent entry, finding)
    structure: dict = field(default_factory=dict)         # field -> (right?, expected, got)


def score_findings(article: CorpusArticle, findings: list[dict], records: Records,
                   by_check: dict, by_category: dict, score: ArticleScore) -> None:
    golds = article.gold["findings"]
    matched = [False] * len(golds)
    for finding in findings:
        text = records.text(article.stem, finding["record"])
        hits = [i for i, g in enumerate(golds) if gold_matches(g, finding, text)]
        for i in hits:
            matched[i] = True
        for tally in (by_check.setdefault(finding["check"], Tally()), by_category.setdefault(finding["category"], Tally())):
            tally.findings += 1
            tally.tp += bool(hits)
            tally.fp += not hits
        if not hits:
            score.false_positives.append(finding)
        score.broken_silences += [(s, finding) for s in article.gold["silent"] if breaks_silence(s, finding, text)]
    for entry, hit in zip(golds, matched):
        category = entry.get("category") or CATEGORY.get(entry["check"])
        for name, table in ((entry.get("check"), by_check), (category, by_category)):
            if name:
                table.setdefault(name, Tally()).gold += 1
                table[name].matched += hit
        if not hit:
            score.misses.append(entry)


CATEGORY: dict[str, str] = {}  # check ID -> category, read from `medlint explain`


def learn_categories(work: Path) -> None:
    done = medlint(["explain"], work)
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and re.fullmatch(r"[A-Z]{3}\d{3}", parts[0]):
            CATEGORY[parts[0]] = parts[1]


# ---------------------------------------------------------------- scoring structure

# A title before a name ("Dr.", "Mrs", "Lic."): the gold files of different rounds write
# reviewers both with it ("Dr. Owen Hartley") and without it ("Claire Bennett"), so names are
# compared without it on both sides.
_HONORIFIC = re.compile(r"^(?:op\.?\s+)?(?:dr|dra|mr|mrs|ms|mx|miss|prof|professor|lic|licda|sr|sra|srta|sister|pharm|qfb)\.?"
                        r"(?:\s+(?:med|pharm|rer|nat|phil|dent|vet)\.)*\s+", re.I)  # 'Dr. pharm.', 'Sister' (set 8's README), 'Pharm.' (set 10's), 'Op. Dr.' and 'QFB' (set 13's)


def _person_name(name: str) -> str:
    return _HONORIFIC.sub("", _norm(name)).lower()


def _names(people) -> list[str]:
    return [_person_name(p.get("name", "")) for p in people or []]


def read_structure(records: Records, slug: str) -> dict:
    meta = records.data(records.content / slug / "article.yaml")
    sections = records.sections(slug)
    blocks = [b for s in sections for b in s.get("blocks", [])]
    return {
        "title": _norm(meta.get("title", "")).lower(),
        "authors": _names(meta.get("authors")),
        "reviewers": _names(meta.get("reviewers")),
        "review_date": str(meta.get("last_reviewed") or meta.get("updated") or "") or None,
        "faq_entries": sum(len(b.get("faq", [])) for b in blocks),
        "headings": [_norm(s["heading"]).lower() for s in sections if s.get("heading")],
        "dose_sections": dose_headings(sections),
    }


def dose_headings(sections: list[dict]) -> list[str]:
    """The headings of the sections that dose, as a set (the gold names a heading once): a
    heading a page prints twice ('Adult dosing' under each of two medicines) is listed when
    every section under it doses, and as 'not all dosing: <heading>' when only some do."""
    kinds: dict[str, set[bool]] = {}
    for s in sections:
        if s.get("heading"):
            kinds.setdefault(_norm(s["heading"]).lower(), set()).add(s.get("kind") in DOSING_KINDS)
    return sorted(h if seen == {True} else f"not all dosing: {h}" for h, seen in kinds.items() if True in seen)


def expected_structure(gold: dict) -> dict:
    want = dict(gold)
    for key in ("title",):
        if key in want:
            want[key] = _norm(want[key]).lower()
    for key in ("authors", "reviewers"):
        if key in want:
            want[key] = [_person_name(x) for x in want[key]]
    if "headings" in want:
        want["headings"] = [_norm(x).lower() for x in want["headings"]]
    if "dose_sections" in want:
        want["dose_sections"] = sorted({_norm(x).lower() for x in want["dose_sections"]})
    if want.get("review_date") is not None:
        want["review_date"] = str(want["review_date"])
    return want


def heading_lines(scores) -> dict:
    """Heading lines right across the articles whose gold lists headings: a heading read that the
    gold lists (each counted as often as printed) is right. An article's heading list is right
    only when every line is, so this says how near the misses are."""
    read = expected = right = 0
    for score in scores:
        mark = score.structure.get("headings")
        if mark is None:
            continue
        _, want, got = mark
        read, expected = read + len(got), expected + len(want)
        right += sum((Counter(got) & Counter(want)).values())
    return {"read": read, "expected": expected, "precision": _ratio(right, read), "recall": _ratio(right, expected)}


def score_structure(article: CorpusArticle, records: Records, score: ArticleScore) -> None:
    got = read_structure(records, article.stem)
    for key, value in expected_structure(article.gold["structure"]).items():
        score.structure[key] = (got[key] == value, value, got[key])


# ---------------------------------------------------------------- scoring sigs

_UNIT = {"milligram": "mg", "gram": "g", "microgram": "mcg", "milliliter": "mL", "millilitre": "mL",
         "international_unit": "units", "enzyme_unit": "units", "unit": "units", "units": "units", "nanogram": "ng",
         "tablets": "tablet", "capsules": "capsule", "puffs": "puff", "drops": "drop", "patches": "patch",
         "tab": "tablet", "tabs": "tablet", "cap": "capsule", "caps": "capsule", "doses": "dose",
         "fingertip_unit": "fingertip unit",
         # one item under two names: a caplet is a tablet's shape, a teaspoon written "tsp",
         # an applicatorful one application (the reader keeps the label's word, the table a plain one)
         "caplet": "tablet", "caplets": "tablet", "teaspoon": "tsp", "teaspoons": "tsp", "teaspoonful": "tsp",
         "applicatorful": "application", "applicatorfuls": "application"}
_MASS_MG = {"mg": 1.0, "g": 1000.0, "mcg": 0.001, "ng": 0.000001}
# "each" in the sig table: a count of an item the sig does not name ("take two qds")
_UNNAMED_COUNT = {"each", None, "tablet", "capsule", "caplet", "dose"}


def _unit(name) -> str | None:
    if name is None:
        return None
    name = str(name)
    return _UNIT.get(name, _UNIT.get(name.lower(), name))


def _same_unit(want, got) -> bool:
    want, got = _unit(want), _unit(got)
    return want == got or (want == "each" and got in _UNNAMED_COUNT)


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 0.01 * max(1.0, abs(float(b)))


def _mg(value, unit):
    unit = _unit(unit)
    return float(value) * _MASS_MG[unit] if unit in _MASS_MG and value is not None else None


def _limit(dose: dict) -> dict | None:
    """The dose's stated limit, per 24 hours where it has one, else per dose."""
    for key, per_hours in (("max_per_day", 24), ("max_doses_per_day", 24), ("max_per_dose", None)):
        limit = dose.get(key)
        if limit:
            unit = "dose" if key == "max_doses_per_day" else _unit(limit.get("unit") or limit.get("unit_raw"))
            if limit.get("weight_based") and unit:
                unit += "/kg"
            return {"value": limit.get("value"), "unit": unit, "per_hours": per_hours}
    return None


def read_sig(dose: dict | None) -> dict:
    """What medlint read of a sig, in the sig table's terms (one place to change with the dose model)."""
    if dose is None:
        return {"read": False}
    amount = dose.get("amount") or {}
    freq = dose.get("frequency") or {}
    per_day_max = freq.get("administrations_per_day")
    interval = freq.get("interval_hours")
    per_day_min = freq.get("fewest_per_day", round(24 / interval[1], 3) if interval else per_day_max)
    if per_day_max is not None and per_day_max < 1 - 1e-9:
        per_day_max = None  # less often than daily: the table gives every_days, per_day null
    unit = _unit(amount.get("unit") or amount.get("unit_raw"))
    envelope = dose.get("envelope")
    if envelope:  # the whole schedule: every step, a range across two units, the form counted
        amount = {"low": envelope["low"], "high": envelope["high"]}
        unit = _unit(envelope.get("unit"))
        span = envelope.get("per_day")
        per_day_min, per_day_max = span if span else (None, None)
        if per_day_max is not None and per_day_max < 1 - 1e-9:
            per_day_max = None
    if dose.get("weight_based") and unit:
        unit += "/kg"
    return {
        "read": True,
        "amount": {"low": amount.get("low"), "high": amount.get("high", amount.get("low")),
                   "unit": unit} if amount else None,
        "per_day": {"min": per_day_min, "max": per_day_max} if per_day_max else None,
        "as_needed": bool(dose.get("as_needed") or (envelope or {}).get("as_needed")),
        "max": _limit(dose),
    }


def _same_limit(want, got) -> bool:
    if want is None or got is None:
        return want is None and got is None
    if want.get("per_hours") != got["per_hours"]:
        return False
    wmg, gmg = _mg(want["value"], want["unit"]), _mg(got["value"], got["unit"])
    if wmg is not None and gmg is not None:
        return _close(wmg, gmg)
    return _same_unit(want["unit"], got["unit"]) and _close(want["value"], got["value"])


def expects_no_maximum_finding(row: dict) -> bool:
    """An unbounded sig expects DOS001, unless its label says a pharmacist would not raise it
    (`raised: false`: an event-driven fluid such as rehydration solution after each stool)."""
    return not row["bounded"] and row.get("raised", True)


def sig_fields_right(row: dict, got: dict, findings: list[dict]) -> dict[str, bool]:
    flagged = any(f["check"] == "DOS001" for f in findings)
    bounded_ok = not flagged if not expects_no_maximum_finding(row) else flagged
    if not got["read"]:
        return {"read": False, "amount": False, "per_day": False, "as_needed": False,
                "max": False, "bounded": bounded_ok}
    want_amount, got_amount = row.get("amount"), got["amount"]
    amount_ok = (want_amount is None and got_amount is None) or (
        want_amount is not None and got_amount is not None
        and _close(want_amount.get("low"), got_amount["low"])
        and _close(want_amount.get("high", want_amount.get("low")), got_amount["high"])
        and _same_unit(want_amount.get("unit"), got_amount["unit"]))
    want_day, got_day = row.get("per_day"), got["per_day"]
    day_ok = (want_day is None and got_day is None) or (
        want_day is not None and got_day is not None
        and _close(want_day.get("min"), got_day["min"]) and _close(want_day.get("max"), got_day["max"]))
    return {"read": True, "amount": amount_ok, "per_day": day_ok,
            "as_needed": got["as_needed"] == bool(row.get("as_needed")),
            "max": _same_limit(row.get("max"), got["max"]), "bounded": bounded_ok}


def score_sigs(rows: list[dict], records: Records, findings: list[dict]) -> tuple[dict, list]:
    sections = records.sections(SIG_SLUG) if (records.content / SIG_SLUG).is_dir() else []
    items = [it for s in sections for b in s.get("blocks", []) for it in b.get("list", [])]
    by_item: dict[int, list] = {}
    for f in findings:
        m = re.search(r"/list/(\d+)", f["record"])
        if f["article"] == SIG_SLUG and m:
            by_item.setdefault(int(m.group(1)), []).append(f)
    right = {k: 0 for k in SIG_FIELDS}
    quiet_bounded = flagged_unbounded = n_bounded = n_unbounded = 0
    wrong = []
    for i, row in enumerate(rows):
        item = items[i] if i < len(items) and _norm(row["sig"]) in _norm(items[i].get("text", "")) else None
        doses = (item or {}).get("doses") or []
        got = read_sig(doses[0] if doses else None)
        item_findings = by_item.get(i, []) if item else []
        ok = sig_fields_right(row, got, item_findings)
        for key, value in ok.items():
            right[key] += value
        dose_findings = [f for f in item_findings if f["category"] in ("dosing", "units")]
        if row["bounded"]:
            n_bounded += 1
            quiet_bounded += not dose_findings
        elif expects_no_maximum_finding(row):
            n_unbounded += 1
            flagged_unbounded += any(f["check"] == "DOS001" for f in item_findings)
        if not all(ok.values()):
            wrong.append((row, got, [k for k, v in ok.items() if not v], item_findings))
    n = len(rows)
    summary = {key: _ratio(value, n) for key, value in right.items()}
    summary.update({"sigs": n, "bounded_without_dosing_or_units_finding": _ratio(quiet_bounded, n_bounded),
                    "unbounded_with_no_maximum_finding": _ratio(flagged_unbounded, n_unbounded)})
    return summary, wrong


# ---------------------------------------------------------------- the gate

def expected_lines(findings: list[dict]) -> list[str]:
    """One stable line per finding: where, which check, what it says (paths relative to the corpus)."""
    lines = []
    for f in findings:
        path = f["path"].replace("\\", "/").removeprefix("content/")
        lines.append(f"{path}:{f['line']}:{f['column']}: {f['check']} {_norm(f['message'])}")
    return sorted(lines)


def gate(lines: list[str], expected_file: Path) -> int:
    if not expected_file.is_file():
        print(f"accuracy gate: {_rel(expected_file)} is missing; run benchmarks/accuracy.py --write-expected")
        return 1
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    removed = sorted(set(expected) - set(lines))
    added = sorted(set(lines) - set(expected))
    if not removed and not added:
        print(f"accuracy gate: ok ({len(lines)} findings on the corpus, as committed)")
        return 0
    print(f"accuracy gate: the findings on the corpus moved ({len(added)} added, {len(removed)} removed).")
    for line in added:
        print(f"+ {line}")
    for line in removed:
        print(f"- {line}")
    print("If the change is intended, run `python benchmarks/accuracy.py --write-expected` and commit "
          f"{_rel(expected_file)} with it, saying in the message why the findings moved.")
    return 1


# ---------------------------------------------------------------- output

def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _pct(value) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def print_table(title: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{title:<14}{'findings':>9}{'TP':>6}{'FP':>6}{'miss':>6}{'precision':>11}{'recall':>9}")
    total = Tally()
    for name in sorted(tallies):
        t = tallies[name]
        for attr in ("findings", "tp", "fp", "gold", "matched"):
            setattr(total, attr, getattr(total, attr) + getattr(t, attr))
        print(f"{name:<14}{t.findings:>9}{t.tp:>6}{t.fp:>6}{t.misses:>6}{_pct(_ratio(t.tp, t.findings)):>11}{_pct(_ratio(t.matched, t.gold)):>9}")
    print(f"{'all':<14}{total.findings:>9}{total.tp:>6}{total.fp:>6}{total.misses:>6}{_pct(_ratio(total.tp, total.findings)):>11}{_pct(_ratio(total.matched, total.gold)):>9}")


def print_article_detail(score: ArticleScore) -> None:
    print(f"\n== {score.stem}")
    for key, (ok, want, got) in score.structure.items():
        if not ok:
            print(f"  structure {key}: expected {want!r}, read {got!r}")
    for f in score.false_positives:
        print(f"  false positive {f['check']} at {f['path']}:{f['line']}: {_norm(f['excerpt'] or '')[:70]!r}")
    for g in score.misses:
        print(f"  miss {g.get('check') or g.get('category')} ({g['level']}): {str(g['anchor'])[:70]!r} — {g['why'][:80]}")
    for s, f in score.broken_silences:
        print(f"  broken silence {f['check']}: {s['anchor'][:60]!r} — {s['why'][:70]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", help="score only the articles whose file name starts with this")
    parser.add_argument("--gate", action="store_true", help="compare the findings with expected-findings.txt")
    parser.add_argument("--write-expected", action="store_true", help="write expected-findings.txt from this run")
    parser.add_argument("--json", help="where the figures go (default benchmarks/accuracy.json, for the "
                        "development corpus only: a run on another corpus writes figures only where --json says)")
    parser.add_argument("--sigs-detail", action="store_true", help="list every sig read wrong")
    parser.add_argument("--corpus", help="another corpus folder of the same layout (the held-out set, tests/corpus-holdout3; the scorer's own tests)")
    args = parser.parse_args(argv)
    if args.corpus:
        global CORPUS
        CORPUS = Path(args.corpus).resolve()
    try:
        articles = load_articles(args.article)
        rows = [] if args.article else load_sigs()
    except CorpusError as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="medlint-accuracy-") as tmp:
        work = Path(tmp)
        learn_categories(work)
        failed = import_all(articles, sig_article(rows) if rows else None, work)
        stems = [a.stem for a in articles if a.stem not in failed] + ([SIG_SLUG] if rows and SIG_SLUG not in failed else [])
        result = check_all(work, stems) if stems else {"findings": [], "articles": []}
        records = Records(work / "content")
        return report(args, articles, rows, failed, result, records)


def report(args, articles, rows, failed, result, records) -> int:
    by_article: dict[str, list] = {}
    for f in result["findings"]:
        by_article.setdefault(f["article"], []).append(f)
    by_check: dict[str, Tally] = {}
    by_category: dict[str, Tally] = {}
    scores = []
    for article in articles:
        score = ArticleScore(article.stem)
        if article.stem in failed:
            score.structure = {k: (False, "imported", failed[article.stem]) for k in article.gold["structure"]}
            score.misses = list(article.gold["findings"])
        else:
            score_findings(article, by_article.get(article.stem, []), records, by_check, by_category, score)
            score_structure(article, records, score)
        scores.append(score)
    sig_summary, sig_wrong = score_sigs(rows, records, by_article.get(SIG_SLUG, [])) if rows else ({}, [])
    corpus_findings = [f for f in result["findings"]]
    if args.write_expected:
        (CORPUS / "expected-findings.txt").write_text("\n".join(expected_lines(corpus_findings)) + "\n", encoding="utf-8")
    if args.gate:
        return gate(expected_lines(corpus_findings), CORPUS / "expected-findings.txt")
    figures = scorecard(scores, by_check, by_category, sig_summary, failed, result)
    if args.article or args.sigs_detail:
        for score in scores:
            print_article_detail(score)
        for row, got, fields, fs in sig_wrong if args.sigs_detail else []:
            print(f"  sig {row['id']} wrong {','.join(fields)}: {row['sig']!r} read {got} {[f['check'] for f in fs]}")
    target = args.json or (None if args.corpus else ROOT / "benchmarks" / "accuracy.json")
    if not args.article and target:
        Path(target).write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def scorecard(scores, by_check, by_category, sig_summary, failed, result) -> dict:
    shown = CORPUS.relative_to(ROOT) if CORPUS.is_relative_to(ROOT) else CORPUS
    print(f"medlint accuracy on {shown.as_posix()} ({len(scores)} articles, {sig_summary.get('sigs', 0)} sigs, today {TODAY})")
    if failed:
        print(f"import failed on {len(failed)}: " + "; ".join(f"{k}: {v}" for k, v in sorted(failed.items())))
    for err in result.get("errors", []):
        print(f"check failed: {err}")
    print_table("check", by_check)
    print_table("category", by_category)
    structure = {}
    for key in STRUCTURE_FIELDS:
        marks = [s.structure[key][0] for s in scores if key in s.structure]
        structure[key] = _ratio(sum(marks), len(marks))
    print("\nstructure (articles right): " + ", ".join(f"{k} {_pct(v).strip()}" for k, v in structure.items()))
    lines = heading_lines(scores)
    print(f"heading lines: precision {_pct(lines['precision']).strip()}, recall {_pct(lines['recall']).strip()} "
          f"(of {lines['read']} read and {lines['expected']} expected)")
    if sig_summary:
        print("doses (sigs right): " + ", ".join(f"{k} {_pct(sig_summary[k]).strip()}" for k in SIG_FIELDS))
        print(f"bounded sigs with no dosing/units finding {_pct(sig_summary['bounded_without_dosing_or_units_finding']).strip()}, "
              f"unbounded sigs with a no-maximum finding {_pct(sig_summary['unbounded_with_no_maximum_finding']).strip()}")
    total = Tally()
    for t in by_category.values():
        total.findings += t.findings
        total.tp += t.tp
        total.gold += t.gold
        total.matched += t.matched
    must = [g for s in scores for g in s.misses if g["level"] == "must"]
    print(f"overall: precision {_pct(_ratio(total.tp, total.findings)).strip()}, recall {_pct(_ratio(total.matched, total.gold)).strip()}, "
          f"must-level misses {len(must)}, broken silences {sum(len(s.broken_silences) for s in scores)}")
    return {"today": TODAY, "articles": len(scores), "by_check": {k: v.as_dict() for k, v in sorted(by_check.items())},
            "by_category": {k: v.as_dict() for k, v in sorted(by_category.items())}, "structure": structure,
            "heading_lines": lines,
            "sigs": sig_summary, "overall": {"precision": _ratio(total.tp, total.findings),
                                             "recall": _ratio(total.matched, total.gold), "must_misses": len(must)},
            "import_failures": sorted(failed)}


if __name__ == "__main__":
    sys.exit(main())
