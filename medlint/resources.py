"""Where the shipped JSON Schemas (schema/) and check data (checks/) live.

In a source checkout they are the top-level ``schema/`` and ``checks/`` folders;
in an installed wheel setuptools maps them to ``medlint/_schema`` and
``medlint/_checks`` (see ``[tool.setuptools.package-dir]`` in pyproject.toml).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def _locate(name: str, marker: str) -> Path:
    for candidate in (_HERE.parent / name, _HERE / f"_{name}"):
        if (candidate / marker).is_file():
            return candidate
    raise FileNotFoundError(f"medlint installation is missing its {name}/ folder")


def schema_dir() -> Path:
    return _locate("schema", "article.schema.json")


def checks_dir() -> Path:
    return _locate("checks", "section-kinds.yaml")
