"""The check registry: every check's ID, category, severity, rationale and examples.

A check is a small function ``(article, ctx) -> Iterable[Hit]`` registered
with :func:`check`. Its docstring is its rationale (what it does, why it
matters, the source), shown by ``medlint explain ID``. ``bad`` and ``good``
are short article texts in the site's plain-text style: the registry test
imports each one and requires every ``bad`` example to be flagged and every
``good`` one to pass.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import inspect
import pkgutil
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Iterable

from medlint.findings import CATEGORIES, SEVERITIES

#: The clock the examples are judged by (so they never depend on the real date).
EXAMPLE_TODAY = _dt.date(2026, 11, 24)


@dataclass(frozen=True)
class CheckInfo:
    """A registered check: its ID, documentation, examples and function."""

    id: str
    name: str
    category: str
    severity: str
    func: Callable
    fix: str
    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()
    #: False, or how its mechanical fix is classed: "safe" (True) — the same dose in the safe notation
    #: (µg → mcg, 5.0 → 5) — or "unsafe": a rewording that is an editorial judgement (an arrow
    #: written as words); ``check --fix`` applies only safe fixes unless ``--unsafe-fixes`` is given
    fixable: bool | str = False
    #: what the examples are: "article" text, a "section" YAML file, or a "waivers" YAML file
    examples: str = "article"
    #: why the default severity is what it is (from checks/severity.yaml)
    severity_reason: str = ""
    #: who emits the findings: "" (the check function), "engine" (schema validation while
    #: loading) or "waivers" (the waiver loader); such a function only carries the documentation
    emitted_by: str = ""

    @property
    def rationale(self) -> str:
        text = inspect.cleandoc(self.func.__doc__ or "")
        if self.severity_reason:
            text += f"\n\n**Severity.** {self.severity} by default: {self.severity_reason}"
        return text

    @property
    def module(self) -> str:
        return self.func.__module__

    @property
    def source_file(self) -> str:
        """The check's module as a path inside the package (``medlint/checks/notation.py``)."""
        return self.module.replace(".", "/") + ".py"

    @property
    def data_files(self) -> tuple[str, ...]:
        """The check data its family reads (``checks/<name>.yaml``), and checks/severity.yaml when listed there."""
        import re
        import sys

        source = inspect.getsource(sys.modules[self.module])
        names = sorted(set(re.findall(r"\bdata\(\s*[\"']([a-z][a-z0-9-]*)[\"']\s*\)", source)))
        files = [f"checks/{n}.yaml" for n in names]
        if self.severity_reason:
            files.append("checks/severity.yaml")
        return tuple(files)

    def as_dict(self) -> dict:
        """What ``medlint explain --format json`` prints for the check."""
        return {"id": self.id, "name": self.name, "category": self.category, "severity": self.severity,
                "severity_reason": self.severity_reason, "emitted_by": self.emitted_by or "check",
                "source_file": self.source_file, "data_files": list(self.data_files),
                "fix": self.fix, "fix_safety": self.fix_safety or None, "rationale": self.rationale,
                "bad": list(self.bad), "good": list(self.good)}

    @property
    def fix_safety(self) -> str:
        """"safe", "unsafe", or "" for a check without a mechanical fix."""
        if not self.fixable:
            return ""
        return "unsafe" if self.fixable == "unsafe" else "safe"


_REGISTRY: dict[str, CheckInfo] = {}


def check(id: str, *, name: str, category: str, severity: str, fix: str,
          bad: Iterable[str] = (), good: Iterable[str] = (), fixable: bool | str = False, examples: str = "article",
          emitted_by: str = ""):
    """Register a check function under ``id``."""
    if category not in CATEGORIES:
        raise ValueError(f"{id}: unknown category {category!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"{id}: unknown severity {severity!r}")
    if emitted_by not in ("", "engine", "waivers"):
        raise ValueError(f"{id}: emitted_by must be \"engine\" or \"waivers\" (got {emitted_by!r})")
    if fixable not in (False, True, "safe", "unsafe"):
        raise ValueError(f"{id}: fixable must be False, True (safe), \"safe\" or \"unsafe\" (got {fixable!r})")

    def wrap(func: Callable) -> Callable:
        if id in _REGISTRY and _REGISTRY[id].func is not func:
            raise ValueError(f"duplicate check id {id}")
        _REGISTRY[id] = CheckInfo(id=id, name=name, category=category, severity=severity, func=func,
                                  fix=fix, bad=tuple(bad), good=tuple(good), fixable=fixable,
                                  examples=examples, emitted_by=emitted_by)
        func.check_id = id
        return func

    return wrap


_sorted: MappingProxyType | None = None


def all_checks() -> MappingProxyType:
    """Every registered check by ID, sorted (read-only; the families are imported on first call)."""
    global _sorted
    if _sorted is None or len(_sorted) != len(_REGISTRY):
        import medlint.checks as pkg

        for mod in sorted(m.name for m in pkgutil.iter_modules(pkg.__path__)):
            if not mod.startswith("_"):
                importlib.import_module(f"medlint.checks.{mod}")
        _sorted = MappingProxyType({cid: _with_default_severity(info) for cid, info in sorted(_REGISTRY.items())})
    return _sorted


def _with_default_severity(info: CheckInfo) -> CheckInfo:
    """``info`` with the default severity and its reason from checks/severity.yaml, if listed there."""
    from dataclasses import replace

    from medlint import policy

    entry = policy.load("severity")["checks"].get(info.id)
    if entry is None:
        return info
    return replace(info, severity=entry["severity"], severity_reason=entry["why"])


def get(check_id: str) -> CheckInfo | None:
    return all_checks().get(check_id.upper())


@dataclass
class Context:
    """What a check may know besides the article: the clock and the check data."""

    today: _dt.date
    data: Callable[[str], dict] = field(default=None)  # name -> validated checks/<name>.yaml

    def __post_init__(self):
        if self.data is None:
            from medlint import policy

            self.data = policy.load
