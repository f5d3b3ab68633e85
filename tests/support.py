"""Helpers the tests share: turn a short article text into records on disk and check it."""

from __future__ import annotations

import datetime as _dt
import os

from medlint.engine import Options, check_article
from medlint.importer.decompose import _default_dose_parser, decompose
from medlint.records.store import article_files, write_article
from medlint.registry import EXAMPLE_TODAY

MINIMAL_META = "title: Example\nslug: example\nlanguage: en\n"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SEED_TEXT = os.path.join(HERE, "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
SEED_SLUG = "lumbar-disc-sequestration-l3-l4"
SEED_RECORDS = os.path.join(REPO, "content", SEED_SLUG)


def seed_folder(root) -> str:
    """The seed article imported from tests/data/articles into ``root``."""
    with open(SEED_TEXT, encoding="utf-8") as fh:
        return article_from_text(fh.read(), root, slug=SEED_SLUG)


def copy_article(dst, slug: str, src: str = SEED_RECORDS) -> str:
    """A copy of an article's records (default: content/'s seed) under another slug."""
    import shutil

    shutil.copytree(src, dst)
    meta = os.path.join(str(dst), "article.yaml")
    with open(meta, encoding="utf-8") as fh:
        text = fh.read()
    with open(meta, "w", encoding="utf-8") as fh:
        fh.write(text.replace(f"slug: {os.path.basename(src)}", f"slug: {slug}"))
    return str(dst)


def read(text: str, markdown: bool = False):
    """(meta, sections) the importer makes of a page, with the dose reader (the importer tests)."""
    return decompose(text, slug="page", markdown=markdown, parse_doses=_default_dose_parser())


def headings(sections) -> list[str]:
    """The headings of imported sections, in order (an untitled opening section left out)."""
    return [s["heading"] for s in sections if s["heading"]]


def names(people) -> list[str]:
    """The names of imported authors or reviewers."""
    return [p["name"] for p in people or []]


def article_from_text(text: str, root, slug: str = "example", markdown: bool = False) -> str:
    """Import ``text`` as an article under ``root``; returns the article folder."""
    meta, sections = decompose(text, slug=slug, markdown=markdown, parse_doses=_default_dose_parser())
    return write_article(str(root), slug, article_files(meta, sections), force=True)


def article_from_yaml_section(section_yaml: str, root, slug: str = "example") -> str:
    folder = os.path.join(str(root), slug)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "article.yaml"), "w", encoding="utf-8") as fh:
        fh.write(MINIMAL_META.replace("example", slug))
    with open(os.path.join(folder, "010-section.yaml"), "w", encoding="utf-8") as fh:
        fh.write(section_yaml)
    return folder


def article_from_records(root, meta: dict | None = None, sections=(), slug: str = "example") -> str:
    """An article written straight as records (no import): ``article.yaml`` from ``meta``
    (title, slug and language by default) and one section file per dict of ``sections``,
    as JSON (which is YAML). The tests that pin a check and its data, not the importer's
    reading of a page, build their articles this way."""
    import json

    folder = os.path.join(str(root), slug)
    os.makedirs(folder, exist_ok=True)
    record = {"title": "Example", "slug": slug, "language": "en", **(meta or {})}
    with open(os.path.join(folder, "article.yaml"), "w", encoding="utf-8") as fh:
        json.dump(record, fh, ensure_ascii=False)
    for n, section in enumerate(sections, start=1):
        with open(os.path.join(folder, f"{n * 10:03d}-s.yaml"), "w", encoding="utf-8") as fh:
            json.dump(section, fh, ensure_ascii=False)
    return folder


def findings_for(text: str, check_id: str, root, today: _dt.date = EXAMPLE_TODAY, markdown: bool = False,
                 schema_example: bool = False):
    """Findings of one check on an article written as text (or, for schema examples, a section YAML)."""
    folder = article_from_yaml_section(text, root) if schema_example else article_from_text(text, root, markdown=markdown)
    result = check_article(folder, Options(today=today, select=frozenset({check_id})))
    assert result.error is None, result.error
    return [f for f in result.findings if f.check == check_id]


def checks_and_severities(folder, today: _dt.date, select: frozenset) -> list[tuple[str, str]]:
    """(check, severity) of every finding of the ``select``ed checks on an article folder, sorted."""
    result = check_article(folder, Options(today=today, select=select))
    assert result.error is None, result.error
    return sorted((f.check, f.severity) for f in result.findings)


def fixture_page_names(pages: str) -> list[str]:
    """The fixture pages of a folder, by name without the extension."""
    return sorted(n.rsplit(".", 1)[0] for n in os.listdir(pages))


def article_from_fixture_page(pages: str, name: str, root) -> str:
    """The article folder imported from the fixture page ``name`` (``.txt`` or ``.md``) of ``pages``."""
    for ext in (".txt", ".md"):
        path = os.path.join(pages, name + ext)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                return article_from_text(fh.read(), root, slug=name, markdown=ext == ".md")
    raise FileNotFoundError(name)


def roundtrip_words(text: str, root) -> tuple[list[str], list[str]]:
    """The words of ``text`` imported into ``root`` and exported again, beside its own words."""
    from medlint.exporter import export_article, words
    from medlint.records.store import load_article

    loaded = load_article(article_from_text(text, root))
    assert not loaded.violations
    return words(export_article(loaded.article, "text")), words(text)
