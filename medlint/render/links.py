"""Links from a report to the record files it names, relative to where the report is written.

A finding's ``path`` is relative to the working directory of the run; a
report written to ``reports/`` reaches it through ``..``. The link is the
path percent-encoded (every byte but letters, digits, ``/``, ``-``, ``.``,
``_`` and ``~``), so no scheme (``javascript:``), query, fragment, space or
markup can come from a file name; an absolute path gets no link.
"""

from __future__ import annotations

import os
import posixpath
from urllib.parse import quote


def links_from(output: str | None) -> str:
    """How a report written to ``output`` (None or "-": standard output) reaches the working directory."""
    if not output or output == "-":
        return "."
    folder = os.path.dirname(os.path.abspath(output))
    return os.path.relpath(os.getcwd(), folder).replace(os.sep, "/")


def file_url(path, root: str | None, line=None) -> str | None:
    """The relative URL of ``path`` (``#L<line>`` appended when ``line`` is a positive int), or None."""
    if not path or root is None or not isinstance(path, str):
        return None
    path = path.replace(os.sep, "/")
    if path.startswith("/") or os.path.isabs(path):
        return None
    target = posixpath.normpath(posixpath.join(root, path))
    if target.startswith("/"):
        return None
    url = quote(target, safe="/")
    if isinstance(line, int) and not isinstance(line, bool) and line > 0:
        url += f"#L{line}"
    return url
