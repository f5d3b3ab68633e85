"""Reader-safety checks (SAF001-SAF002): the seed, the seed with its warnings written in,
medicine names as readers meet them, the places a warning counts, and the report panel."""

import datetime as _dt
import os

import pytest

from medlint.engine import Options, check_article
from support import article_from_text, findings_for

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")  # tests/data (source noted there)
WARNED = os.path.join(HERE, "fixtures", "safety", "seed-with-warnings.txt")
IDS = frozenset({"SAF001", "SAF002"})
DRUGS = "Medicines\n-\n"


def run(folder):
    result = check_article(folder, Options(today=_dt.date(2026, 11, 24), select=IDS))
    assert result.error is None
    return result


def check_text(text, tmp_path):
    return run(article_from_text(text, tmp_path)).findings


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    with open(SEED, encoding="utf-8") as fh:
        return run(article_from_text(fh.read(), tmp_path_factory.mktemp("seed"), slug="seed"))


def _missing(f):
    return f.message.split("nearby about ", 1)[1].split(" (", 1)[0]


def test_seed_class_warnings(seed):
    got = {f.message.split(" ", 1)[0]: _missing(f) for f in seed.findings if f.check == "SAF001"}
    assert got == {
        "Acetaminophen": "'other products that contain it'",
        "Ibuprofen": "'stomach bleeding' and 'heart attack and stroke'",
        "Naproxen": "'stomach bleeding' and 'heart attack and stroke'",
        "Diclofenac": "'stomach bleeding' and 'heart attack and stroke'",
        # "check blood pressure" is no heart attack and stroke warning (per-risk rule)
        "Celecoxib": "'heart attack and stroke'",
        "Ketorolac": "'heart attack and stroke'",   # "strong GI and renal warnings" names the stomach
        "Gabapentin": "'breathing with opioids or sedatives'",   # "can cause dizziness" is there
        "Pregabalin": "'breathing with opioids or sedatives' and 'dizziness and drowsiness'",
        "Duloxetine": "'suicidal thoughts in young people'",
        "Amitriptyline": "'suicidal thoughts in young people'",
        "Tramadol": "'addiction', 'breathing' and 'sedatives and alcohol'",
        "Tapentadol": "'addiction', 'breathing' and 'sedatives and alcohol'",
        "Epidural": "'rare serious neurologic events'",
        "Zoledronic": "'kidneys and fluids' and 'low calcium'",
        "Alendronate": "'how to take it' and 'jaw and thigh-bone problems'",
    }
    # quiet where the seed names the risk: celecoxib's stomach ("friendlier to stomach"),
    # cyclobenzaprine ("grogginess"), acetaminophen's liver ("monitor liver")
    from medlint import policy

    data = policy.load("safety")
    sources = [c["source"] for c in data["classes"] + data["combinations"]]
    for f in seed.findings:
        assert f.severity == "warning"
        assert any(f"({src})" in f.message for src in sources), f.message


def test_seed_combinations(seed):
    got = sorted(f.message.split(", and nothing")[0] for f in seed.findings if f.check == "SAF002")
    assert got == sorted([
        "Ibuprofen is dosed here with Naproxen, Diclofenac, Celecoxib and Ketorolac",
        "Ibuprofen is dosed here with Prednisone, Methylprednisolone and Duloxetine",
        "Naproxen is dosed here with Prednisone, Methylprednisolone and Duloxetine",
        "Diclofenac is dosed here with Prednisone, Methylprednisolone and Duloxetine",
        "Celecoxib is dosed here with Prednisone, Methylprednisolone and Duloxetine",
        "Ketorolac is dosed here with Prednisone, Methylprednisolone and Duloxetine",
        "Cyclobenzaprine is dosed here with Duloxetine and Amitriptyline",
        "Tramadol is dosed here with Duloxetine and Amitriptyline",
        "Tapentadol is dosed here with Duloxetine and Amitriptyline",
        "Tramadol is dosed here with Gabapentin, Pregabalin, Amitriptyline, Cyclobenzaprine and Baclofen",
        "Tapentadol is dosed here with Gabapentin, Pregabalin, Amitriptyline, Cyclobenzaprine and Baclofen",
    ])
    risks = {f.message.split("together: ", 1)[1].split(" (", 1)[0] for f in seed.findings if f.check == "SAF002"}
    assert risks == {"serotonin syndrome", "slowed breathing and deep sedation", "bleeding",
                     "stomach bleeding from two NSAIDs at once"}
    # tramadol's item says "lowers seizure threshold": the seizure wording the data accepts


def test_seed_messages_say_what_to_write(seed):
    for f in seed.findings:
        assert f.excerpt and f.excerpt in f.context
        assert f.suggestion.startswith(("Write beside", "Add beside"))
        assert f.excerpt not in f.suggestion  # the dose is not repeated as the fix


def test_seed_with_warnings_written_in_is_quiet(tmp_path):
    with open(WARNED, encoding="utf-8") as fh:
        result = run(article_from_text(fh.read(), tmp_path, slug="warned"))
    assert [f.message for f in result.findings] == []
    panel = result.info["safety"]
    assert all(w["present"] for m in panel["medicines"] for w in m["warnings"])
    assert panel["combinations"] and all(c["warned"] for c in panel["combinations"])


def test_seed_panel(seed):
    panel = seed.info["safety"]
    meds = {m["substance"]: m for m in panel["medicines"]}
    assert meds["tramadol"]["classes"] == ["opioid"]
    assert {w["risk"]: w["present"] for w in meds["acetaminophen"]["warnings"]} == {
        "liver": True, "other products that contain it": False}
    assert {w["risk"]: w["present"] for w in meds["celecoxib"]["warnings"]} == {
        "stomach bleeding": True, "heart attack and stroke": False}
    assert "prednisone" in meds and meds["prednisone"]["classes"] == []   # dosed, in a combination only
    combos = {(c["combination"], *c["medicines"]): c["warned"] for c in panel["combinations"]}
    assert combos[("serotonin-syndrome", "Tramadol", "Duloxetine")] is False
    assert combos[("tramadol-seizures", "Tramadol", "Duloxetine")] is True
    assert combos[("opioid-sedatives", "Tramadol", "Methocarbamol")] is True   # "Fewer sedative effects"


@pytest.mark.parametrize("name,substance", [
    ("Tylenol", "acetaminophen"), ("Paracetamol", "acetaminophen"), ("Calpol", "acetaminophen"),
    ("Advil", "ibuprofen"), ("Nurofen", "ibuprofen"), ("Aleve", "naproxen"),
    ("Fosamax", "alendronate"), ("Alendronic acid", "alendronate"),
])
def test_names_as_readers_meet_them(name, substance, tmp_path):
    result = run(article_from_text(DRUGS + f"{name} 200 mg once daily – Everyday use.", tmp_path))
    meds = result.info["safety"]["medicines"]
    assert [(m["medicine"], m["substance"]) for m in meds] == [(name, substance)]
    assert [f.check for f in result.findings] == ["SAF001"]
    assert name in result.findings[0].message


def test_combination_product_names_both_substances(tmp_path):
    result = run(article_from_text(DRUGS + "Co-codamol 30/500, 2 tablets every 6 hours, no more than 8 in "
                                   "24 hours – Strong pain.", tmp_path))
    assert sorted(m["substance"] for m in result.info["safety"]["medicines"]) == ["acetaminophen", "codeine"]


@pytest.mark.parametrize("warning", [
    "It can be addictive; it can slow your breathing; never mix it with alcohol.",
    "Risk of dependence and of respiratory depression, worse with a benzodiazepine.",
    "It is habit-forming. An overdose can kill. No sleeping pills with it.",
])
def test_quiet_in_other_wordings_in_the_item(warning, tmp_path):
    text = DRUGS + f"Tramadol 50 mg every 6 hours, no more than 400 mg a day – Pain reliever. {warning}"
    assert check_text(text, tmp_path) == []


def test_quiet_when_a_safety_section_carries_it(tmp_path):
    text = (DRUGS + "Naproxen 250 mg twice daily – Pain reliever.\n"
            "Who Should Not Take It\nPeople with a stomach ulcer or heart disease.")
    assert check_text(text, tmp_path) == []


def test_quiet_when_a_record_elsewhere_names_the_class(tmp_path):
    text = (DRUGS + "Naproxen 250 mg twice daily – Pain reliever.\n"
            "Frequently Asked Questions\nAre painkillers safe?\n"
            "NSAIDs can cause stomach ulcers and raise the risk of a heart attack.")
    assert check_text(text, tmp_path) == []


def test_a_sibling_item_about_another_medicine_does_not_count(tmp_path):
    text = (DRUGS + "Naproxen 250 mg twice daily – Pain reliever.\n"
            "-\nAcetaminophen 500 mg every 6 hours, no more than 4 g a day – Gentler on the stomach and heart; "
            "too much harms the liver; avoid other products containing it.")
    found = check_text(text, tmp_path)
    assert [(f.check, f.excerpt) for f in found] == [("SAF001", "250 mg twice daily")]


def test_short_wordings_are_whole_words(tmp_path):
    # "GI" names the stomach; "give" and "gingko" do not
    text = DRUGS + "Ibuprofen 200 mg three times a day – Give with food; heart attack risk rises with dose."
    found = check_text(text, tmp_path)
    assert [_missing(f) for f in found] == ["'stomach bleeding'"]
    text = DRUGS + "Ibuprofen 200 mg three times a day – GI upset possible; heart attack risk rises with dose."
    assert check_text(text, tmp_path) == []


def test_two_nsaids_one_finding_for_the_group(tmp_path):
    text = (DRUGS + "Ibuprofen 200 mg three times a day – Stomach bleeding and heart attack are possible.\n"
            "-\nNaproxen 250 mg twice daily – Stomach bleeding and heart attack are possible.\n"
            "-\nDiclofenac 50 mg twice daily – Stomach bleeding and heart attack are possible.")
    found = check_text(text, tmp_path)
    assert [(f.check, f.excerpt) for f in found] == [("SAF002", "200 mg three times a day")]
    assert "Naproxen and Diclofenac" in found[0].message


def test_medicines_named_but_not_dosed_are_not_judged(tmp_path):
    text = ("Overview\nTramadol and sertraline are sometimes prescribed together.\n"
            + DRUGS + "Ice packs for 20 minutes – Soothes the back.")
    assert check_text(text, tmp_path) == []


def test_severity_is_data(tmp_path):
    from medlint import policy

    data = policy.load("safety")
    assert data["default_severity"] == "warning"
    assert all("source" in c and c["source"] for c in data["classes"] + data["combinations"])
    names = policy.load("medicine-names")
    assert all(n["source"] for m in names["medicines"] for n in m["names"])


def test_registry_examples_run_through_findings_for(tmp_path):
    from medlint.registry import get

    info = get("SAF001")
    assert findings_for(info.bad[0], "SAF001", tmp_path / "a")
    assert not findings_for(info.good[0], "SAF001", tmp_path / "b")


def test_a_page_about_the_medicine_carries_its_warnings_anywhere(tmp_path):
    text = ("Alendronic Acid 70 mg Tablets\nHow to take it\nThe dose is one 70 mg tablet once a week.\n"
            "Possible problems\nSwallow it whole with a full glass of water and do not lie down for 30 minutes.\n"
            "Rarely, the jaw bone heals badly after dental work.")
    assert check_text(text, tmp_path) == []


def test_a_section_heading_names_the_medicine_for_its_records(tmp_path):
    text = (DRUGS + "Naproxen 250 mg twice daily – Pain reliever.\n"
            "About naproxen\nIt can cause stomach ulcers and, rarely, a heart attack.")
    assert check_text(text, tmp_path) == []


def test_the_readers_own_medicine_mentioned_in_passing_is_not_judged(tmp_path):
    text = ("Calcium supplements\nIf you take alendronate (Fosamax) 70 mg once a week, take your calcium "
            "later in the day.\nCalcium carbonate 500 mg twice a day with meals.")
    result = run(article_from_text(text, tmp_path))
    assert result.findings == [] and result.info["safety"]["medicines"] == []


def test_a_body_weight_is_not_where_the_finding_goes(tmp_path):
    text = ("How much Calpol can I give?\nMy son weighs about 12 kg.\n"
            "The answer\nThe pack dose is 5 ml every 4 to 6 hours, no more than 4 doses in 24 hours.")
    found = check_text(text, tmp_path)
    assert [f.excerpt for f in found] == ["5 ml every 4 to 6 hours, no more than 4 doses in 24 hours"]
    assert found[0].message.startswith("Calpol")


# -- the word lookup against a plain regular expression, on many texts

import re as _re

from hypothesis import given, settings, strategies as st

from medlint.checks.safety import Phrases

_VOCAB = ["nsaid", "nsaids", "bleed", "bleeding", "gi", "give", "heart", "heart attack", "attack", "co-codamol",
          "codeine", "stop", "stopping", "full glass of water", "glass", "water", "x", "anti-inflammatory"]


def _reference(phrases, text, stems):
    found = set()
    for p in phrases:
        body = r"\s+".join(_re.escape(w) for w in p.split())
        if stems:
            tail = r"(?![\w])" if len(p) <= 3 else r""
        else:
            tail = r"(?:e?s)?(?![\w-])"
        for m in _re.finditer(r"(?<![\w-])" + body + tail, text.lower()):
            found.add(p)
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB + [" ", ", ", ". ", "-", "/", "\n"]), max_size=30))
def test_wordings_are_found_where_a_regex_finds_them(parts):
    text = " ".join(parts)
    terms = ["bleed", "gi", "heart attack", "stop", "full glass of water", "nsaid"]
    got = {p for p, _, _ in Phrases(terms, stems=True).find(text)}
    assert got == _reference(terms, text, stems=True)


def test_names_take_the_longest_phrase_and_a_plural():
    names = Phrases(["epidural steroid", "epidural injection", "nsaid", "co-codamol"], stems=False)
    text = "Epidural steroid injections, NSAIDs and co-codamol; not nsaidx or pre-nsaid."
    assert [(p, text[a:b]) for p, a, b in names.find(text)] == [
        ("epidural steroid", "Epidural steroid"), ("nsaid", "NSAIDs"), ("co-codamol", "co-codamol")]


def test_the_panel_is_rendered_from_the_report(seed):
    from medlint.render import html, markdown
    from medlint.report import build_report, infos_from_run
    from medlint.engine import RunResult
    from medlint.registry import all_checks

    run_result = RunResult([seed])
    report = build_report(infos_from_run(run_result), run_result.findings, registry=all_checks(),
                          today=_dt.date(2026, 11, 24))
    panel = report["articles"][0]["safety"]
    tramadol = next(m for m in panel["medicines"] if m["substance"] == "tramadol")
    assert tramadol["missing"] == ["addiction", "breathing", "sedatives and alcohol"]
    assert {c["risk"] for c in panel["combinations_flagged"]} >= {"serotonin syndrome", "bleeding"}
    page = html.render(report)
    assert "Reader safety" in page and "Tramadol + Duloxetine" in page
    md = markdown.render(report)
    assert "**Reader safety**" in md and "| Tramadol (opioid) |" in md


# -- the word lookup against the word-by-word walk it replaced (same places, same order)

def _walk(phrases: Phrases, text: str):
    """The lookup as first written: every word in turn, a name found skips the words it covers;
    between two words of a phrase the text has white space and the phrase's own marks ("heart,
    kidney")."""
    lower = text.lower() if len(text.lower()) == len(text) else text
    words = [(m.group(0), m.start(), m.end()) for m in _re.finditer(r"\w[\w-]*", lower)]
    i = 0
    while i < len(words):
        used = 1
        for phrase_words, phrase, gaps in phrases.start.get(words[i][0][:3] if phrases.stems else words[i][0], ()):
            n = len(phrase_words)
            if i + n > len(words):
                continue
            ok = True
            for j, want in enumerate(phrase_words):
                got = words[i + j][0]
                between = lower[words[i + j - 1][2]:words[i + j][1]] if j else ""
                if j and (between.strip() == between or between.strip() != gaps[j - 1]):
                    ok = False
                elif j < n - 1 or (phrases.stems and len(phrase) <= 3):
                    ok = got == want
                elif phrases.stems:
                    ok = got.startswith(want)
                else:
                    ok = got in (want, want + "s", want + "es")
                if not ok:
                    break
            if ok:
                yield phrase, words[i][1], words[i + n - 1][2]
                if not phrases.stems:
                    used = n
                    break
        i += used


_NAMES = ["epidural steroid", "epidural steroid injection", "epidural", "nsaid", "co-codamol", "tramadol",
          "aspirin", "low dose aspirin", "dose"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAMES + _VOCAB + ["NSAIDs", "Tramadol", "heart", "kidney", "İ", " ", ", ", "-", "\n", "es", "s"]),
                max_size=30), st.booleans())
def test_the_lookup_finds_what_the_word_walk_found(parts, stems):
    text = " ".join(parts) if len(parts) % 2 else "".join(parts)
    phrases = Phrases(_NAMES + ["bleed", "gi", "heart attack", "heart, kidney"], stems=stems)
    assert list(phrases.find(text)) == list(_walk(phrases, text))
