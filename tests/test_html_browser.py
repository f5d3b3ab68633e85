"""Open the HTML report in real headless Chromium at a phone's width and look at it."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from medlint.registry import all_checks
from medlint.render import html
from medlint.report import build_report
from medlint.waivers import apply_waivers, expired_waivers
from report_fixtures import EVIL, TODAY, findings, info, waivers

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=390,844"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed but CI is set (apt-get install -y chromium)")
        pytest.skip("chromium is not installed (apt-get install -y chromium); CI runs this test")
    return CHROMIUM


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    ws = waivers()
    open_, waived, problems = apply_waivers(findings(), ws, TODAY)
    r = build_report([info(title="Lumbar Disc " + EVIL)], open_ + problems, waived, all_checks(), TODAY,
                     expired=expired_waivers(ws, TODAY))
    folder = tmp_path_factory.mktemp("html")
    path = folder / "report.html"
    path.write_text(html.render(r), encoding="utf-8")
    return folder, path


def run(browser, folder, *args):
    profile = folder / "profile"
    proc = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120)
    return proc


def test_what_a_reviewer_sees(browser, page):
    folder, path = page
    proc = run(browser, folder, "--dump-dom", path.as_uri())
    dom = proc.stdout
    assert proc.returncode == 0 and "</html>" in dom, proc.stderr[-2000:]
    assert "Lumbar Disc" in dom and "&lt;script&gt;alert" in dom
    assert not re.search(r"<script\b", dom, re.I), "article text became a script element"
    counts = dict((label, int(n)) for n, label in
                  re.findall(r'<span class="n">(\d+)</span><span class="l">(\w+)</span>', dom))
    assert counts == {"errors": 1, "warnings": 2, "info": 1}
    assert "works in 90 % of cases" in dom  # an excerpt
    assert "Decision" in dom and dom.count('type="radio"') == 12 and 'type="checkbox"' not in dom
    assert "Quoted from the cited trial." in dom  # the waiver's reason


def test_fits_a_phone_without_horizontal_scroll(browser, page):
    folder, path = page
    # The report has no script; measure a copy that reports its own width.
    probe = folder / "probe.html"
    probe.write_text(path.read_text(encoding="utf-8").replace(
        "</body>", '<script>document.body.setAttribute("data-w",'
                   'document.documentElement.scrollWidth+"/"+window.innerWidth)</script></body>'), encoding="utf-8")
    proc = run(browser, folder, "--dump-dom", probe.as_uri())
    m = re.search(r'data-w="(\d+)/(\d+)"', proc.stdout)
    assert m, proc.stderr[-2000:]
    scroll, width = int(m.group(1)), int(m.group(2))
    assert scroll <= width, f"page is {scroll}px wide in a {width}px viewport"


def test_screenshot_at_phone_width(browser, page):
    folder, path = page
    shot = folder / "phone.png"
    proc = run(browser, folder, f"--screenshot={shot}", path.as_uri())
    assert shot.is_file() and shot.stat().st_size > 5000, proc.stderr[-2000:]
    with open(shot, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(head[16:20], "big") == 390
    if os.environ.get("MEDLINT_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["MEDLINT_KEEP_SCREENSHOT"])


# --- the seed's real report: phone and desktop widths, and print ---------------------

SEED_PAGES_MAX = 7  # A4 pages for the one seed article when printed: 29 before the print layout, 10 with 81 findings (80 since) (reader safety added 25 and a panel); 6 at a print size of 8.5 pt since print folds repeated fixes and sources, runs each card as one paragraph and hides the passed sections behind their count (one page of headroom)


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    """reports/review-report.html of content/ as `medlint report` writes it (links relative to reports/)."""
    from medlint.cli import main

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    folder = tmp_path_factory.mktemp("seed")
    out = folder / "reports" / "review-report.html"
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        assert main(["report", "content", "--today", "2026-11-25", "--no-cache", "--output", str(out)]) == 0
    finally:
        os.chdir(cwd)
    return folder, out


@pytest.mark.parametrize("width", [390, 1280])
def test_seed_report_fits_phone_and_desktop(browser, seed_page, width):
    folder, path = seed_page
    # Headless Chromium lays --dump-dom out at least 500 px wide, so the page is held to the width
    # (the phone rules apply below 600 px either way) and the widest box is measured.
    probe = folder / "reports" / f"probe-{width}.html"
    probe.write_text(path.read_text(encoding="utf-8").replace(
        "</body>", f"<style>html{{width:{width}px}}</style>"
                   '<script>document.body.setAttribute("data-w",Math.ceil(Math.max(...Array.from('
                   'document.querySelectorAll("body *"),e=>e.getBoundingClientRect().right)))+"/"+'
                   'document.documentElement.getBoundingClientRect().width+"/"+window.innerWidth)</script></body>'),
        encoding="utf-8")
    proc = run(browser, folder, f"--window-size={width},900", "--dump-dom", probe.as_uri())
    m = re.search(r'data-w="(\d+)/(\d+)/(\d+)"', proc.stdout)
    assert m, proc.stderr[-2000:]
    right, page, viewport = (int(g) for g in m.groups())
    assert page == width and viewport >= width and right <= width, m.group(0)


def test_seed_report_prints_on_a_few_pages(browser, seed_page):
    folder, path = seed_page
    pdf = folder / "report.pdf"
    proc = run(browser, folder, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", path.as_uri())
    assert pdf.is_file(), proc.stderr[-2000:]
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
    assert 1 <= pages <= SEED_PAGES_MAX, f"the seed's report prints on {pages} pages"


def seed_finding_count() -> int:
    """How many findings `medlint check` gives on the seed for the report's date (every one is a card)."""
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.run([sys.executable, "-m", "medlint", "check", "content", "--today", "2026-11-25",
                           "--no-cache", "--format", "json"], cwd=repo, capture_output=True, text=True)
    return len(json.loads(proc.stdout)["findings"])


def test_seed_report_in_print_hides_no_finding(browser, seed_page):
    """The print rules applied on screen: every card, its sentence, message, fix and decision still shown."""
    folder, path = seed_page
    page = path.read_text(encoding="utf-8")
    css = html.CSS
    rules = css[css.index("@media print{") + len("@media print{"):css.rindex("}")]
    rules = rules.replace("@page{size:A4;margin:7mm 8mm}", "")
    cards = page.count('<div class="finding ')
    probe = folder / "reports" / "probe-print.html"
    probe.write_text(page.replace("</head>", f"<style>{rules}</style></head>").replace(
        "</body>", '<script>const seen=e=>e&&e.getClientRects().length>0&&getComputedStyle(e).visibility!="hidden";'
                   'const c=[...document.querySelectorAll(".finding")];'
                   'document.body.setAttribute("data-p",[c.filter(seen).length,'
                   'c.filter(f=>seen(f.querySelector(".msg"))&&seen(f.querySelector(".fix:not(.shared)")||'
                   'f.querySelector(".fix"))&&seen(f.querySelector("blockquote"))&&'
                   'f.querySelectorAll("input").length==3&&[...f.querySelectorAll("label")].every(seen)).length,'
                   '[...document.querySelectorAll(".checks dt,.notes-list li")].filter(seen).length,'
                   'document.querySelectorAll(".checks dt,.notes-list li").length].join("/"))</script></body>'),
        encoding="utf-8")
    proc = run(browser, folder, "--window-size=794,1123", "--dump-dom", probe.as_uri())
    m = re.search(r'data-p="(\d+)/(\d+)/(\d+)/(\d+)"', proc.stdout)
    assert m, proc.stderr[-2000:]
    shown, whole, notes, all_notes = (int(g) for g in m.groups())
    assert cards == seed_finding_count() and shown == cards and whole == cards, m.group(0)
    assert notes == all_notes > 20  # every rationale and every folded source note printed
