"""Consistency checks (CON001-CON004) on the seed article and on realistic text."""

import os

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_text, seed_folder, findings_for

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = os.path.join(HERE, "fixtures", "articles")
IDS = frozenset({"CON001", "CON002", "CON003", "CON004"})


def _run(folder):
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=IDS))
    assert result.error is None, result.error
    return result.findings


def _fixture(name, tmp_path):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as fh:
        return _run(article_from_text(fh.read(), tmp_path, slug=name.split(".")[0]))


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    return _run(seed_folder(tmp_path_factory.mktemp("seed")))


def test_seed_four_clusters_but_three_subsections(seed):
    found = [f for f in seed if f.check == "CON001"]
    assert len(found) == 1
    f = found[0]
    assert f.excerpt == "four clinically familiar clusters" and f.section == "Non-Pharmacological Treatments"
    assert "3 subsections" in f.message
    # "30 conservative options" matches the 15 + 10 + 5 items of the subsections: not flagged.
    assert "30" not in f.excerpt


def test_seed_trailing_backslash_in_last_faq_answer(seed):
    found = [f for f in seed if f.check == "CON004"]
    assert [f.excerpt for f in found] == ["exists.\\"]


def test_seed_findings_are_exactly_these(seed):
    # Do's & Don'ts and the anatomy/diagnosis parents have no blocks but do have subsections.
    assert sorted(f.check for f in seed) == ["CON001", "CON004"]


def test_knee_fixture_count_duplicate(tmp_path):
    found = _fixture("knee-osteoarthritis-short.txt", tmp_path)
    counts = [f for f in found if f.check == "CON001"]
    assert [f.excerpt for f in counts] == ["five simple habits"] and "4 items" in counts[0].message
    dups = [f for f in found if f.check == "CON002"]
    assert [f.excerpt for f in dups] == ["Knee pain that is worse after activity and better with rest"]


def test_piriformis_fixture_backslash_and_dashes(tmp_path):
    found = [f for f in _fixture("piriformis-syndrome.txt", tmp_path) if f.check == "CON004"]
    assert any(f.excerpt.endswith("\\") for f in found)


def test_clean_fixtures_have_no_count_or_duplicate_findings(tmp_path):
    for name in ("thoracic-disc-herniation.txt", "cervical-radiculopathy-c5-c6.txt"):
        found = _fixture(name, tmp_path / name.split(".")[0])
        assert not [f for f in found if f.check in ("CON001", "CON002")], name


def test_digits_and_number_words_both_count(tmp_path):
    body = "\n-\nWalk daily.\n-\nWear good shoes.\n-\nStretch each morning."
    assert findings_for("Habits\nThese 4 habits help:" + body, "CON001", tmp_path)
    assert not findings_for("Habits\nThese three habits help:" + body, "CON001", tmp_path)
    assert not findings_for("Habits\nThese 3 habits help:" + body, "CON001", tmp_path)


def test_approximate_counts_and_other_numbers_are_not_compared(tmp_path):
    body = "\n-\nWalk daily.\n-\nWear good shoes."
    assert not findings_for("Habits\nAbout 20 habits help; try these for 10 minutes:" + body, "CON001", tmp_path)
    assert not findings_for("Habits\nFor 6–12 weeks try these habits:" + body, "CON001", tmp_path)


def test_duplicate_is_case_and_space_insensitive_but_red_flags_may_repeat(tmp_path):
    text = "Symptoms\n-\nLoss of bladder control\n-\nBack pain\nWhen to See a Doctor\n-\nloss of  bladder control"
    assert not findings_for(text, "CON002", tmp_path)
    text = "Symptoms\n-\nBack pain\n-\nLeg pain\nCauses\n-\nback  PAIN."
    found = findings_for(text, "CON002", tmp_path)
    assert len(found) == 1 and found[0].section == "Causes" and "\"Symptoms\"" in found[0].message


def test_empty_section_but_not_a_parent(tmp_path):
    text = "# Guide\n\n## Diagnosis\n\n## Treatment\n\nRest and walk.\n\n## Do's\n\n### Do\n\n- Walk.\n"
    found = findings_for(text, "CON003", tmp_path, markdown=True)
    assert [f.excerpt for f in found] == ["Diagnosis"]


def test_html_entity(tmp_path):
    found = findings_for("Overview\nRest&nbsp;for a day, then walk.", "CON004", tmp_path)
    assert len(found) == 1 and "&nbsp;" in found[0].excerpt and "HTML entity" in found[0].message


def test_number_pattern_equals_the_plain_alternation_of_number_words():
    """The compact number pattern matches exactly what an alternation of every
    number word, longest first, matches (the same spans, the same groups)."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from medlint.checks import consistency

    plain = (r"(?P<num>\d{1,3}|" + "|".join(sorted(map(re.escape, consistency.NUMBER_WORDS), key=len, reverse=True))
             + ")")
    tail = r"(?![\w-])\s*(?P<rest>\w*)"
    ours, theirs = (re.compile(r"(?<![\w.,–-])" + n + tail, re.I) for n in (consistency._NUMBER, plain))
    assert {w for w in consistency.NUMBER_WORDS if ours.fullmatch(w)} == set(consistency.NUMBER_WORDS)

    def same(text):
        assert [(m.span(), m.groupdict()) for m in ours.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in theirs.finditer(text)]

    for word in consistency.NUMBER_WORDS:
        for text in (word, word.upper(), f"{word}-three pills", f"{word}teen", f"a {word}s", f"{word}-", f"x{word}"):
            same(text)
    pieces = st.sampled_from(sorted(consistency.NUMBER_WORDS) + ["-", " ", "teen", "ty", "s", "7", "x", "Six", "."])

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.lists(pieces, max_size=8).map("".join))
    def prop(text):
        same(text)

    prop()


def test_a_rating_line_kept_as_a_heading_is_no_empty_section(tmp_path):
    for i, line in enumerate(["★★★★★ 4.8 from 12,000+ member reviews", "Rated 4.7/5 by 3,200 customers",
                              "4.9 out of 5 stars", "⭐⭐⭐⭐ 4.6 based on 980 patient reviews"]):
        text = f"# Guide\n\n## {line}\n\n## Treatment\n\nRest and walk.\n\n## Diagnosis\n\n## Outlook\n\nGood.\n"
        found = findings_for(text, "CON003", tmp_path / str(i), markdown=True)
        assert [f.excerpt for f in found] == ["Diagnosis"], line
    # a heading that only mentions reviews is still a heading
    text = "# Guide\n\n## Reviews of the evidence\n\n## Treatment\n\nRest and walk.\n"
    assert [f.excerpt for f in findings_for(text, "CON003", tmp_path / "x", markdown=True)] == [
        "Reviews of the evidence"]


# --------------------------------------------------------------- counts named in their sentence; sign-offs

@pytest.mark.parametrize("text", [
    "Supplements\nThere are two supplements that every pregnant woman is advised to take, folic acid and vitamin D, "
    "and a few that only some women need.\n+ Folic acid\n",
    "Tests\nYou will have three tests: a blood test, a urine test and a scan.\n-\nBlood test.\n",
    "Medicines\nTwo medicines (ibuprofen or naproxen) are used for the pain.\n-\nIbuprofen.\n-\nNaproxen.\n-\nAspirin.\n",
])
def test_a_count_named_in_its_sentence_is_satisfied(text, tmp_path):
    assert not findings_for(text, "CON001", tmp_path)


def test_a_count_of_forms_is_compared_with_its_list(tmp_path):
    text = ("Forms\nPlease complete and return the three forms enclosed with this letter:\n-\n"
            "Parental agreement.\n-\nInhaler consent.\n")
    assert findings_for(text, "CON001", tmp_path)


@pytest.mark.parametrize("sign_off", ["Yours faithfully,", "Yours sincerely,", "Best wishes,", "Kind regards,"])
def test_a_letters_sign_off_is_not_cut_off(tmp_path, sign_off):
    text = f"Questions\nIf you have any questions, please ring the office.\n\n{sign_off}\n"
    assert not findings_for(text, "CON005", tmp_path)
    assert findings_for("Questions\nIf you have any questions, please ring the office and\n", "CON005", tmp_path / "b")


@pytest.mark.parametrize("sign_off", ["Warmly,", "Stay well,", "All the best,", "Many thanks,", "Sincerely yours,",
                                      "With gratitude,", "Respectfully,", "Speak soon,"])
def test_an_emails_or_a_newsletters_sign_off_is_not_cut_off(tmp_path, sign_off):
    email = (f"Your next delivery\nYour refill ships on Monday; reply STOP to cancel.\n\n{sign_off}\n"
             "Priya Natarajan, RN\nCare Coordinator\n")
    assert not findings_for(email, "CON005", tmp_path)
    newsletter = f"# Sleep notes\n\nThat is all for this week. Try the wind-down routine tonight.\n\n{sign_off}\n\nMarta\n"
    assert not findings_for(newsletter, "CON005", tmp_path / "n", markdown=True)


def test_a_word_of_a_sign_off_inside_a_sentence_is_still_cut_off(tmp_path):
    text = "Aftercare\nKeep the dressing dry, stay well rested and\n"
    assert findings_for(text, "CON005", tmp_path)


def test_duplicate_of_an_item_before_the_first_heading_names_no_heading(tmp_path):
    text = "# Hay fever tablets\n\n- Once a day\n- Drowsy in some people\n\n## Side effects\n\n- Drowsy in some people\n"
    found = findings_for(text, "CON002", tmp_path, markdown=True)
    assert len(found) == 1
    assert "None" not in found[0].message and "before the first heading" in found[0].message
