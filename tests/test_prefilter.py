"""The literal prefilter (medlint/prefilter.py): a pattern is compiled and searched
only in a text holding one of its needles, so a needle must be part of every
match the pattern can make, for every pattern the checks and the dose reader use,
case folding included. A wrong needle would silently hide findings."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint import policy, prefilter
from medlint.errors import InputError
from medlint.prefilter import AnyOf, LazyPattern, PatternSet, haystack, needles

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _holds_needle(rx: re.Pattern, clauses, matched: str) -> bool:
    """Does the matched text hold a needle of every clause?"""
    text = haystack(matched) if rx.flags & re.IGNORECASE else matched
    return all(any(n in text for n in clause) for clause in clauses)


# ---------------------------------------------------------------- shapes


@pytest.mark.parametrize("pattern,flags,expected", [
    (r"\bfoo\s+barbaz\b", 0, [["barbaz"], ["foo"]]),
    (r"colou?r", 0, [["colo"], ["r"]]),
    (r"ab+c", 0, [["ab"], ["c"]]),
    (r"a{2}bc", 0, [["bc"], ["a"]]),
    (r"(?:x)?yz", 0, [["yz"]]),
    (r"cat|dog", 0, [["cat", "dog"]]),
    (r"(?:take|use)[ ]+\d+[ ]+tablets?", 0, [["tablet"], ["use ", "take "], [" "]]),  # a group's strings join the run
    (r"(?:a[ ]b|c\sdd)e", 0, [["a b", "dd"], ["e"], ["a b", "c"]]),  # of several branches, each one's best
    # clause, then each one's next best (a branch of fewer clauses gives its last again)
    (r"(?:take|use)[ ]+one|(?:have|use)[ ]+two", 0, [["use ", "take ", "have "], ["one", "two"]]),
    (r"(?:xy[ ]+tablets|zz[ ]+tabs|caps)", 0, [["caps", "tabs", "tablets"], ["zz ", "xy ", "caps"]]),
    (r"Tablets", re.I, [["tablets"]]),
    (r"b\.d\.|b\.d|bd", re.I, [["bd", "b.d"]]),          # "b.d." holds "b.d"
    (r"(?<=take )dose", 0, [["dose"]]),                  # a lookaround's words are not in the match
    (r"µg|mcg", re.I, [["g"]]),                          # "µ" folds to "μ" too: it cuts the run
    (r"µg|mcg", 0, [["µg", "mcg"]]),                     # case kept: any character is a needle
    (r"©.*|½[ ]tabs", re.I, [["©", "½ tabs"]]),         # a character with no case matches only itself
    (r"a1b2c3d4", 0, [["a1b2c3d4"]]),
    (r"a.b.c.d.e.f", 0, [["f"], ["e"], ["d"], ["c"], ["b"]]),  # at most five clauses
    (r"5\s?%", 0, [["5"], ["%"]]),
    (r"a{,3}", 0, None),
    (r"x{}y", 0, [["x{}y"]]),                            # "{}" is literal to re
    (r"[abc]+", 0, [["a", "b", "c"]]),                   # a small set: one of its characters
    (r"to[ ]be[ ]+taken", 0, [["to be "], ["taken"]]),   # "[ ]" is a space
    (r"[a-z]+|[^a]", 0, None),                           # a range, a negated set: not read
    (r"[Ss]tep", re.I, [["step"]]),
    (r"(?i)dose", 0, None),                              # inline flags: not read
    (r"(?-i:Post|Times)\b", re.I, [["post", "times"]]),  # case kept inside: its lower case is in the lowered text
    (r"(?i:dose)s", 0, None),                            # case ignored inside a pattern that keeps it: not read
    (r"(?i:dose)s", re.I, [["dose"], ["s"]]),
    (r"(?s:a.b)", re.I, None),                           # other scoped flags: not read
    # case ignored: required whitespace is one space in the haystack, so it joins the literals
    (r"when[ ]+you\s{1,3}feel", re.I, [["when you feel"]]),
    (r"when[ ]+you\s{1,3}feel", 0, [["when "], ["feel"], ["you"]]),   # case kept: "\s" cuts the run
    (r"a\s*b[ ]?c", re.I, [["c"], ["b"], ["a"]]),         # whitespace that may be absent cuts it
    ("x\t\t y\u00a0z", re.I, [["x y z"]]),                 # a literal tab or no-break space: a space
    (r"[\u00a0x]y", re.I, [["y"]]),                       # (an escape in a set: not read)
    ("[\u00a0x]y", re.I, [["y"], [" ", "x"]]),             # a no-break space in a set: a space
    # a group matching one of a few strings joins the literals around it
    (r"\b(ask|tell)\s+(your|the)\s+doctor\b", re.I,
     [["ask your doctor", "ask the doctor", "tell your doctor", "tell the doctor"]]),
    (r"\b(ask|tell)\s+(your|the)\s+doctor\b", 0, [["doctor"], ["the", "your"], ["ask", "tell"]]),
    (r"(?:check\s+with|ask)\s+your", re.I, [["check with your", "ask your"]]),
    (r"ab(?:c|d)+e", 0, [["ab"], ["e"], ["c", "d"]]),      # a repeated group does not join
    (r"a(?:b|c)?d", 0, [["d"], ["a"]]),
    (r"x(?:İa|b)y", re.I, [["y"], ["x"], ["a", "b"]]),     # a string cut by a folding character does not
    (r"x(?:İa|b)y", 0, [["xby", "xİay"]]),
    # past 32 strings the run is cut, and the group's strings start the next
    (r"(?:a|b|c|d|e|f)(?:g|h|i|j|k|l)(?:m|n)", 0,
     [[x + y for x in "ghijkl" for y in "mn"], ["a", "b", "c", "d", "e", "f"]]),
    (r"(a)\1", 0, None),                                 # back-reference: not read
    (r"(?P<n>a)(?P=n)", 0, None),
    (r"dose", re.VERBOSE, None),
    (r"(?:dose|)", 0, None),                             # an empty branch matches anywhere
    (r"a(", 0, None),                                    # not a pattern
])
def test_needles_of_shapes(pattern, flags, expected):
    found = needles(pattern, flags)
    assert (found if found is None else [sorted(c) for c in found]) == (
        expected if expected is None else [sorted(c) for c in expected])


def test_case_fix_covers_every_code_point_re_folds_to_ascii():
    """haystack() must hold, for every character re.IGNORECASE matches to an ASCII
    character, that ASCII character (the lowered text of "İ", "ı", "ſ", "K")."""
    every = "".join(map(chr, range(128, 0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    folding = set(re.compile(r"[\x20-\x7e]", re.I).findall(every))  # the few that match some ASCII character
    assert 0 < len(folding) < 20
    for other in folding:
        for c in map(chr, range(32, 127)):
            if re.fullmatch(re.escape(c), other, re.I):
                assert c.lower() in haystack(other), (c, hex(ord(other)))
    assert haystack("İNG") == "ing" and haystack("ſAFE") == "safe" and haystack("KİT") == "kit"


# ------------------------------------------------------- random patterns

_ATOMS = st.sampled_from(["a", "b", "ab", "ba", "A", "B", "K", "s", "S", "i", "I", "ı", "İ", "ſ", "µ", "©", "–", "ß", " ", "-",
                          r"\.", ".", r"\d", r"\w", r"\b", "[ab]", "[^a]", "[ ]", "[Kk]", "[µ1]", "[a-b]", r"\s", "1", "%", "^", "$",
                          "(?<=a)", "(?<!b)", "{", "x{}"])
_QUANTS = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,3}", "{,2}", "??", "+?"])
# A group repeats a bounded number of times: an unbounded repeat of a group that itself repeats
# or holds overlapping alternatives ("(a+)+", "(a|a)*") backtracks exponentially in re itself,
# and one such draw on a 24-character text can run for minutes (seen on a loaded machine).
_GROUP_QUANTS = st.sampled_from(["", "", "", "?", "{2}", "{0,2}", "{1,3}", "{,2}", "??"])


@st.composite
def _patterns(draw, depth=0, atoms=_ATOMS):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.integers(0, 4)) == 0:
            inner = "|".join(draw(_patterns(depth + 1, atoms)) for _ in range(draw(st.integers(1, 3))))
            opening = draw(st.sampled_from(["(?:", "(", "(?=", "(?!", "(?>", "(?-i:", "(?i:", "(?P<g%d>" % draw(st.integers(0, 99))]))
            parts.append(f"{opening}{inner})" + draw(_GROUP_QUANTS))
        else:
            parts.append(draw(atoms) + draw(_QUANTS))
    return "".join(parts)



def _assert_needles_sound(pattern, flags, texts, spans):
    """Every match of ``pattern`` holds a needle of every clause, and the lazy pattern finds
    what the compiled one finds (and, with ``spans``, at the same places)."""
    try:
        rx = re.compile(pattern, flags)
    except re.error:
        return
    found = needles(pattern, flags)
    lazy = LazyPattern(pattern, flags)
    for text in texts:
        if found is not None:
            for m in rx.finditer(text):
                assert _holds_needle(rx, found, m.group()), (pattern, found, m.group())
        assert (lazy.search(text) is None) == (rx.search(text) is None)
        if spans:
            assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in rx.finditer(text)]

_TEXT = st.text(alphabet="abABKsSiIıİſµμΜ©–ßẞ .-1%x\u212a", max_size=24)


@settings(max_examples=200, deadline=None)
@given(pattern=_patterns(), flags=st.sampled_from([0, re.I]), texts=st.lists(_TEXT, min_size=1, max_size=6))
def test_every_match_holds_a_needle(pattern, flags, texts):
    _assert_needles_sound(pattern, flags, texts, spans=True)


# Whitespace as the data writes it, and as pages hold it: runs, tabs, line ends, no-break and thin spaces.
_SPACED_ATOMS = st.sampled_from(["a", "b", "ab", "İ", "K", r"\s", "[ ]", " ", "\t", "\u00a0", r"\ ", r"\S", "[ a]",
                                 "[\u2009b]", "-", r"\b"])
_SPACED_TEXT = st.text(alphabet="abABKİı \t\n\u00a0\u2009\u3000-", max_size=24)


@settings(max_examples=300, deadline=None)
@given(pattern=_patterns(atoms=_SPACED_ATOMS), flags=st.sampled_from([0, re.I]),
       texts=st.lists(_SPACED_TEXT, min_size=1, max_size=6))
def test_every_match_holds_a_needle_whitespace_joined(pattern, flags, texts):
    """Required whitespace joins a case-insensitive pattern's literals ("ask[ ]+your":
    "ask your"), and a group of a few strings joins the literals around it: every match,
    whatever whitespace it holds, still holds a needle of every clause in the haystack."""
    _assert_needles_sound(pattern, flags, texts, spans=False)


@settings(max_examples=150, deadline=None)
@given(patterns=st.lists(_patterns(), min_size=1, max_size=4), texts=st.lists(_TEXT, min_size=1, max_size=6))
def test_any_of_fullmatches_as_the_alternation_does(patterns, texts):
    try:
        joined = re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*", re.I)
        each = AnyOf([LazyPattern(f"(?:{p})\\s*", re.I) for p in patterns])
        for p in patterns:
            re.compile(p, re.I)
    except re.error:
        return
    for text in texts:
        assert (joined.fullmatch(text) is None) == (each.fullmatch(text) is None), (patterns, text)


@settings(max_examples=200, deadline=None)
@given(patterns=st.lists(_patterns(), min_size=1, max_size=5), texts=st.lists(_TEXT, min_size=1, max_size=6),
       bounds=st.tuples(st.integers(0, 6), st.integers(0, 30)))
def test_any_of_searches_and_matches_as_the_alternation_does(patterns, texts, bounds):
    """search and match, with and without bounds, give the alternation's own match: the
    leftmost start, and of the patterns matching there the first listed."""
    try:
        joined = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
        for p in patterns:
            re.compile(p, re.I)
    except re.error:
        return
    each = AnyOf([LazyPattern(p, re.I) for p in patterns], LazyPattern(joined.pattern, re.I))
    pos, endpos = bounds
    for text in texts:
        for args in ((), (pos,), (pos, endpos)):
            for name in ("search", "match"):
                want, got = getattr(joined, name)(text, *args), getattr(each, name)(text, *args)
                assert (want and want.span()) == (got and got.span()), (patterns, text, args, name)
        assert [m.span() for m in each.finditer(text)] == [m.span() for m in joined.finditer(text)]


def test_a_wording_list_compiles_only_what_a_text_could_match():
    words = policy.any_of([r"\btake (?:two|three)\b", r"\bmissed doses?\b", r"\bdouble up\b"], re.I)
    assert words.search("If you have missed a dose") is None
    assert words.search("after missed doses, carry on").span() == (6, 18)
    assert [rx._rx is not None for rx in words.patterns] == [False, True, False]
    assert words.whole._rx is None  # the joined alternation: only for finditer


@settings(max_examples=150, deadline=None)
@given(patterns=st.lists(st.tuples(_patterns(), st.sampled_from([0, re.I])), min_size=1, max_size=6),
       texts=st.lists(_TEXT, min_size=1, max_size=6))
def test_pattern_set_finds_what_each_pattern_finds(patterns, texts):
    """PatternSet.matching answers as searching every pattern in turn would, case-folded
    and case-sensitive patterns mixed, patterns without needles included."""
    _set_answers_as_each_pattern(patterns, texts)


def _set_answers_as_each_pattern(patterns, texts) -> None:
    try:
        compiled = [re.compile(p, f) for p, f in patterns]
    except re.error:
        return
    lazy = [LazyPattern(p, f) for p, f in patterns]
    wordings = PatternSet(lazy)
    for text in texts:
        expected = {rx for rx, plain in zip(lazy, compiled) if plain.search(text) is not None}
        assert wordings.matching(text) == expected, (patterns, text)


@settings(deadline=None)
@given(patterns=st.lists(st.tuples(_patterns(), st.sampled_from([0, re.I])), min_size=1, max_size=8),
       texts=st.lists(_TEXT, min_size=1, max_size=6))
def test_pattern_set_filed_by_pieces_finds_what_each_pattern_finds(patterns, texts):
    """The same answer when every set's needles are filed under three-character pieces
    (the way of a set of many needles), needles shorter than a piece included."""
    few = prefilter._FEW_NEEDLES
    prefilter._FEW_NEEDLES = 0
    try:
        _set_answers_as_each_pattern(patterns, texts)
    finally:
        prefilter._FEW_NEEDLES = few


def test_a_large_set_of_real_wordings_finds_what_each_wording_finds():
    """The disclaimer and claims cue lists of checks/ as one set (hundreds of needles, filed
    by pieces), asked of lines of the fixture articles as written, lowered and upper-cased."""
    data = [policy.load("disclaimers"), policy.load("claims")]
    wordings = sorted({w for d in data for w in _strings(d) if _compiles(w)})
    assert len(wordings) > 300
    lazy = [LazyPattern(w, re.I) for w in wordings]
    plain = [re.compile(w, re.I) for w in wordings]
    big = PatternSet(lazy)
    lines = [line for path in sorted(FIXTURES.iterdir()) if path.suffix in (".txt", ".md")
             for line in path.read_text(encoding="utf-8").splitlines()[::3] if line.strip()]
    lines += [line.upper() for line in lines[::4]] + ["", "ab", "Ask your doctor"]
    found = 0
    for line in lines:
        expected = {rx for rx, full in zip(lazy, plain) if full.search(line) is not None}
        assert big.matching(line) == expected, line
        found += len(expected)
    assert big._index[0]._filed and found > 50, found


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern, re.I)
    except re.error:
        return False
    return True


def test_pattern_set_compiles_only_what_a_text_could_match():
    wordings = PatternSet([LazyPattern(r"not a substitute for (?:medical )?advice", re.I),
                           LazyPattern(r"ask (?:your )?pharmacist", re.I), LazyPattern(r"\d+ ?mg")])
    assert wordings.matching("Ask your Pharmacist first.") == {wordings.patterns[1]}
    assert [rx._rx is not None for rx in wordings.patterns] == [False, True, False]
    assert wordings.matching("Nothing of the kind.") == frozenset()


# ------------------------------------------------------ the real patterns


def _real_patterns() -> list[tuple[str, re.Pattern]]:
    sys.path.insert(0, str(Path(__file__).parent))
    from test_linear_time import data_patterns, module_patterns

    from medlint.doses.lexicon import lexicon
    from medlint.doses.schedule import reader

    out = [(w, re.compile(p, f)) for w, p, f in data_patterns()] + module_patterns()
    lex = lexicon()
    for holder in (lex, lex.not_doses):
        out += [(name, rx.compiled()) for name, rx in vars(holder).items() if isinstance(rx, LazyPattern)]
    out += [(kind, rx.compiled()) for kind, rx, *_ in lex.frequencies]
    out += [("schedule", rx) for rx in reader().patterns()]
    return out


def test_every_match_of_the_real_patterns_holds_a_needle():
    """Every pattern of checks/*.yaml, the dose lexicon, the schedule reader and the
    dose reader's modules, on lines of the fixture articles (as written and folded)."""
    from medlint.doses.text import normalize

    lines = [line for path in sorted(FIXTURES.iterdir()) if path.suffix in (".txt", ".md")
             for line in path.read_text(encoding="utf-8").splitlines()[::5] if line.strip()]
    lines += [normalize(line) for line in lines if normalize(line) != line] + [line.upper() for line in lines[::5]]
    patterns = _real_patterns()
    assert len(patterns) > 500
    matched = read = 0
    for where, rx in patterns:
        found = needles(rx.pattern, rx.flags)
        if found is None:
            continue
        read += 1
        for line in lines:
            for m in rx.finditer(line):
                matched += 1
                assert _holds_needle(rx, found, m.group()), (where, rx.pattern, found, m.group())
    assert read > 0.9 * len(patterns) and matched > 500, (read, matched)


# ------------------------------------------------------------ the wrapper


def test_haystack_keeps_a_bounded_number_of_answers(monkeypatch):
    """The kept answers are dropped whole once the texts they hold pass the bound (a server
    or a corpus run asks texts without end); each answer stays the text's own."""
    monkeypatch.setattr(prefilter, "_HAYSTACKS", prefilter._Kept(100))
    texts = [f"Text  NUMBER\t{i}" for i in range(40)]
    for text in texts + texts[::-1]:
        assert haystack(text) == " ".join(text.lower().split())
        assert sum(map(len, prefilter._HAYSTACKS)) <= 100


def test_lazy_pattern_compiles_only_for_a_text_that_could_match():
    rx = LazyPattern(r"\bnocte\b", re.I)
    assert rx.search("one tablet in the morning") is None
    assert list(rx.finditer("twice daily")) == [] and rx.findall("bd") == []
    assert rx.sub("x", "daily") == "daily" and rx.split("a b") == ["a b"]
    assert rx._rx is None  # nothing compiled yet
    assert rx.search("One tablet NOCTE").span() == (11, 16)
    assert rx.match("nocte then", 0) and rx.fullmatch("x nocte", 2) and not rx.match("a nocte", 0, 4)
    assert rx.groups == 0 and rx.pattern == r"\bnocte\b"


def test_a_bad_data_pattern_still_stops_the_run_located():
    with pytest.raises(InputError, match="not a valid regular expression"):
        policy.compile_pattern("studies (show", re.I).search("studies show")


@settings(deadline=None)  # timing is not the point; a loaded machine misses hypothesis's default
@given(st.lists(st.text(alphabet="aBİıſK\u0307 é\t\n\xa0", max_size=8), min_size=1, max_size=6), st.data())
def test_haystack_answers_each_text_as_if_asked_first(texts, data):
    """haystack keeps the last text's answer: asked of texts in any order, repeats and
    equal strings that are other objects included, every answer is that text's own."""
    def fresh(text):
        low = text.lower()
        for char, letter in (("\u0131", "i"), ("\u017f", "s"), ("\u0307", "")):
            low = low.replace(char, letter)
        return re.sub(r"\s+", " ", low)

    order = data.draw(st.lists(st.sampled_from(texts), max_size=12))
    for text in order + [("" + t + ".")[:-1] for t in order]:
        assert haystack(text) == fresh(text)
