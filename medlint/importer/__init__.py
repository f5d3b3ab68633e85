"""``medlint import``: a plain-text or Markdown article -> a folder of records."""

from __future__ import annotations

import os

from medlint.errors import InputError
from medlint.records.yamlio import read_text


def import_file(source: str, out_dir: str = "content", slug: str | None = None, force: bool = False,
                title: str | None = None, notes: list[str] | None = None, page_kind: str | None = None) -> str:
    """Import ``source`` into ``out_dir/<slug>/``; returns the folder written.

    ``page_kind`` is the kind of page the editor declares (a kind of ``checks/owed.yaml``):
    written to article.yaml as ``page_kind``, it decides what the page owes. What was set
    right of an earlier, interrupted import is appended to ``notes``.
    """
    from medlint.importer.decompose import _default_dose_parser, decompose
    from medlint.records.store import _slugify, article_files, write_article
    from medlint.records.validate import validate
    from medlint.records.yamlio import load_yaml

    if page_kind is not None:
        check_page_kind(page_kind)
    if not os.path.exists(source):
        raise InputError("no such file", source)
    if os.path.isdir(source):
        raise InputError("is a directory, expected an article file", source)
    text = read_text(source)
    if not text.strip():
        raise InputError("empty article: nothing to import", source, 1)
    base = os.path.basename(source)
    stem, ext = os.path.splitext(base)
    slug = slug or _slugify(stem)
    if not slug or _slugify(slug) != slug:
        raise InputError(f"slug {slug!r} must be lower-case letters, digits and hyphens (use --slug)", source)
    markdown = ext.lower() in (".md", ".markdown")
    meta, sections = decompose(text, slug=slug, markdown=markdown, title=title, source_name=base,
                               parse_doses=_default_dose_parser())
    if not sections:
        raise InputError("no article body found", source, 1)
    if page_kind is not None:
        meta = _with_page_kind(meta, page_kind)
    files = article_files(meta, sections)
    # Never write records that would not load back.
    for name, body in files.items():
        doc = load_yaml(os.path.join(out_dir, slug, name), body)
        problems = validate(doc, "article" if name == "article.yaml" else "section")
        if problems:
            v = problems[0]
            raise InputError(f"internal error: imported record {name} is invalid: {v.message}", source)
    return write_article(out_dir, slug, files, force=force, notes=notes)


def check_page_kind(kind: str) -> None:
    """Refuse a page kind that is no kind of ``checks/owed.yaml``, naming the kinds."""
    from medlint import policy

    kinds = policy.load("owed").get("kinds") or {}
    if kind not in kinds:
        raise InputError(f"unknown page kind {kind!r}: one of {', '.join(kinds)} (`medlint explain kinds`)")


def _with_page_kind(meta: dict, kind: str) -> dict:
    """``meta`` with ``page_kind`` after its slug (article.yaml's keys in their usual order)."""
    out = {}
    for key, value in meta.items():
        out[key] = value
        if key == "slug":
            out["page_kind"] = kind
    out.setdefault("page_kind", kind)
    return out
