"""Helpers for the disclaimer tests: the surgery rule switched on, as an editor would."""

from __future__ import annotations

import contextlib
import os

from medlint import policy
from medlint.resources import checks_dir


@contextlib.contextmanager
def surgery_asked(root):
    """checks/disclaimers.yaml with the surgery rule's ``asked: false`` set to true (the switch
    its comment names), read from a folder of ``root`` while the block runs."""
    with open(os.path.join(str(checks_dir()), "disclaimers.yaml"), encoding="utf-8") as fh:
        text = fh.read()
    assert text.count("    asked: false\n") == 1, "the surgery rule's switch moved"
    folder = os.path.join(str(root), "checks-surgery-on")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "disclaimers.yaml"), "w", encoding="utf-8") as fh:
        fh.write(text.replace("    asked: false\n", "    asked: true\n"))
    policy.use_checks_dir(folder)
    try:
        yield
    finally:
        policy.use_checks_dir(None)
