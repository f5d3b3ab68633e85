import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "unsigned_pages: the test reads pages that print no byline as the product "
                            "ships (checks/owed.yaml kind `unsigned`)")


@pytest.fixture(autouse=True)
def _pages_judged_as_the_sites_own(request, monkeypatch):
    """The checks' own tests write short pages that print no byline and declare no kind; they
    test what each check reads on a page the site publishes, which owes everything. The
    product judges such a page, imported from a publisher it does not know, as `unsigned`
    (checks/owed.yaml): the tests marked ``unsigned_pages`` (tests/test_owed_unsigned_pages.py, and
    the registry's bad and good examples in tests/test_registry.py) read it that way, and the accuracy corpus and the committed report run the product as it
    ships. In process only: a test that runs `medlint` in a subprocess runs it as shipped."""
    if request.node.get_closest_marker("unsigned_pages") is None:
        import medlint.checks.owed as owed
        monkeypatch.setattr(owed, "UNSIGNED", "(the site's own page)")
