"""Patterns compiled and searched only on texts that could match them.

Most of the patterns the checks and the dose reader take from ``checks/*.yaml``
are wordings, and a text uses few of them; compiling every wording costs a
check of one article more than searching them. :func:`needles` reads a
pattern's source (compiling nothing) for the literal strings its every match
holds: a few clauses, each a set of needles one of which is part of the match
("take|use" then "tablet": one of "take", "use", and "tablet"). :class:`LazyPattern`
looks for them in a text with ``in`` and compiles and searches the pattern only
when every clause has a needle there.

The reading is conservative: what it does not follow (inline flags, verbose
patterns, conditionals, back-references, an unknown escape) gives no needles,
and such a pattern is always searched. A run of literal characters is cut at
every other atom, so a needle is always a stretch of the match itself. With
``re.IGNORECASE`` the needles are in lower case (ASCII letters, and characters
that have no case), looked for in :func:`haystack` of the text, where every run of
whitespace reads as one space: so a case-insensitive pattern's whitespace that must be
there (``\\s``, ``[ ]+``, a space) joins the literals around it ("ask[ ]+your" gives
"ask your", not "ask" and "your"), and a list of phrases is ruled out by the phrase,
not by its common words.
"""

from __future__ import annotations

import re
import sys

# The non-ASCII characters that a case-insensitive pattern matches to an ASCII
# letter although their lower case is not that letter (re's own case folding;
# tests/test_prefilter.py recomputes the table from every code point), as they
# read in lower case: dotless i, long s, and the combining dot that follows "i"
# in the lower case of a dotted capital I. Replacing or dropping a non-ASCII
# character can only join ASCII needles, never part one.
_CASE_FIX = (("\u0131", "i"), ("\u017f", "s"), ("\u0307", ""))

# The tokens of a pattern, as re reads them outside verbose mode: a run of
# literal characters, an escape, a set, a group's opening (with case kept or ignored
# inside: "(?-i:", "(?i:"), a closing bracket,
# a bar, a dot or an anchor, a quantifier, a "{" that is not one.
_TOKEN = re.compile(r"[^\\\[()|*+?{.^$]+|\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)"
                    r"|\[\^?\]?(?:\\.|[^\]\\])*\]|\((?!\?)|\(\?(?::|>|=|!|<=|<!|P<\w{1,100}>|-?i:)|[)|.^$]"
                    r"|(?:[*+?]|\{(?:\d{1,9}(?:,\d{0,9})?|,\d{0,9})\})[?+]?|\{", re.S)
_LOOKAROUND = frozenset(("(?=", "(?!", "(?<=", "(?<!"))
_VERBOSE, _IGNORECASE = int(re.VERBOSE), int(re.IGNORECASE)  # as ints: a RegexFlag's "&" is slow Python
_SPACE = frozenset(" ")  # the members of "[ ]", the data's way of writing a space
# A token's kind by its first character ("{" alone is a literal brace).
_KIND = {"\\": "esc", "[": "cls", "(": "open", ")": "close", "|": "bar", "*": "quant", "+": "quant",
         "?": "quant", "{": "quant", ".": "other", "^": "other", "$": "other"}
# An escape that stands for the punctuation mark after the backslash.
_ESCAPED_LITERAL = frozenset("\\.^$*+?{}[]()|-/&~#%!,:;<=>@`'\" _")
# Escapes of a class, a position or a control or hex character: they cut a run.
_ESCAPED_OTHER = frozenset("dwsDWSbBAZntrfvxuU")


def haystack(text: str) -> str:
    """What a case-insensitive pattern's needles are looked for in: the text lowered, each
    run of whitespace one space. The answers of the texts asked lately are kept (up to
    a million characters of them: ``_HAYSTACKS``): a check asks its patterns, or its set of
    wordings, of every text of the article in turn, so the next check asks the same texts
    again (in one cold check of the seed, 8,108 answers for 1,026 texts when only the last
    text's answer was kept: ~20 ms of CPU lowering them again)."""
    low = _HAYSTACKS.get(text)
    if low is not None:
        return low
    low = text.lower()
    if not text.isascii():
        for char, ascii_letter in _CASE_FIX:
            if char in low:
                low = low.replace(char, ascii_letter)
    if _NOT_ONE_SPACE.search(low) is not None:
        low = _SPACES.sub(" ", low)
    _HAYSTACKS.put(text, low)
    return low


class _Kept:
    """Answers kept by their text, up to ``most`` characters of texts, then dropped whole."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.table: dict[str, str] = {}
        self.chars = 0

    def get(self, text: str) -> str | None:
        return self.table.get(text)

    def put(self, text: str, answer: str) -> None:
        self.chars += len(text)
        if self.chars > self.most:
            self.table.clear()
            self.chars = len(text)
        self.table[text] = answer

    def __iter__(self):
        return iter(self.table)


_HAYSTACKS = _Kept(1_000_000)  # about twelve articles of the seed's size (84,000 characters of texts asked)
# Whitespace as re's \s reads it (str.isspace): a run of it, and what tells a text has a
# run other than single spaces.
_SPACES = re.compile(r"\s+")
_NOT_ONE_SPACE = re.compile(r"\s\s|[^\S ]")


def _one_space(run: str) -> str:
    """A case-insensitive needle as the haystack holds it: each run of whitespace one space."""
    if "  " in run or not run.isprintable():  # a tab, a newline, a no-break space: not printable
        return _SPACES.sub(" ", run)
    return run


def needles(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Clauses every match of ``pattern`` satisfies, the most selective first: each
    a tuple of strings one of which the match contains. None when none is known."""
    flags = int(flags)  # a RegexFlag's "&" is slow Python
    if flags & _VERBOSE:
        return None
    try:
        clauses = _Reader(pattern, bool(flags & _IGNORECASE)).whole()
    except _Unknown:
        return None
    out = []
    for clause in _best(clauses, _MOST_CLAUSES):
        # a needle holding a shorter one adds nothing: the shorter is there too
        if len(clause) == 1:
            out.append(tuple(clause))
            continue
        kept: list[str] = []
        for n in sorted(clause, key=_shortest):
            for m in kept:
                if m in n:
                    break
            else:
                kept.append(n)
        out.append(tuple(kept))
    return tuple(out) or None


class _Unknown(Exception):
    """A construct the reader does not follow: the pattern gets no needles."""


class _Reader:
    """One pattern read token by token. Each sequence and alternation gives its
    clauses: sets of needles, every match containing one needle of each set
    (an empty list when nothing is known)."""

    def __init__(self, pattern: str, fold: bool) -> None:
        self.fold = fold
        texts = _TOKEN.findall(pattern)
        if "\0" in pattern or sum(map(len, texts)) != len(pattern):
            raise _Unknown  # a character no token takes (an unclosed set, a lone "\")
        kind = _KIND.get
        self.kinds = ["brace" if t == "{" else kind(t[0], "lit") for t in texts] + ["end"]
        self.texts = texts
        self.i = 0

    def whole(self) -> list[frozenset]:
        clauses = self.alternation()
        if self.kinds[self.i] != "end":
            raise _Unknown  # an unopened ")"
        return clauses

    def alternation(self) -> list[frozenset]:
        """One branch's clauses; of several branches, up to ``_ZIPPED`` clauses: the
        needles of each branch's best clause together, then of each one's second best
        (a branch of fewer clauses gives its last again), and so on. Every match is some
        branch's, which holds a needle of each of its clauses, so of each such union;
        the second and third narrow a list of wordings a common word of one branch
        lets through (about 30 of the 410 patterns one check of the seed compiled)."""
        clauses = self.sequence()
        if self.kinds[self.i] != "bar":
            return clauses
        branches = [clauses]
        while self.kinds[self.i] == "bar":
            self.i += 1
            branches.append(self.sequence())
        if not all(branches):
            return []
        # each branch's clauses best first (a stable sort: the first of equals stays first, as max() takes it)
        ranked = [b if len(b) == 1 else sorted(b, key=_rank, reverse=True) for b in branches]
        most = max(map(len, ranked))
        return list(dict.fromkeys(frozenset().union(*(r[min(j, len(r) - 1)] for r in ranked))
                                  for j in range(min(most, _ZIPPED))))

    def sequence(self) -> list[frozenset]:
        """The clauses of one branch: its literal runs and its required groups'. A group that
        matches one of a few strings ("(your|the)") joins the literals around it: ``heads``
        are the strings the run so far may start with ("ask your", "ask the")."""
        clauses, run, heads = [], "", None
        kinds, texts, literal = self.kinds, self.texts, self._literal
        i = self.i
        while True:
            kind = kinds[i]
            if kind == "bar" or kind == "close" or kind == "end":
                self.i = i
                self._flush(clauses, heads, run)
                return clauses
            text = texts[i]
            i += 1
            quantified = kinds[i] == "quant"
            if kind == "lit" and not quantified:
                run += literal(text)
                continue
            char = found = None
            if kind == "lit":
                run += literal(text[:-1])
                char = literal(text[-1])
            elif kind == "esc":
                char = text[1]  # punctuation: its own lower case
                if char == "s" and self.fold:
                    char = " "  # whitespace: one space in the haystack
                elif char not in _ESCAPED_LITERAL:
                    char = self._escape(char)
            elif kind == "brace":
                char = "{"
            elif kind == "cls":
                members = _SPACE if text == "[ ]" else self._members(text)
                if members is not None and len(members) == 1:
                    char = next(iter(members))  # "[ ]": a space
                elif members:
                    found = [members]  # "[★☆]": one of them
            elif kind == "open":
                strings = self._exact(i) if text in _PLAIN_OPEN else None
                if strings is not None:
                    i = self.i
                    heads, run = self._join(clauses, heads, run, strings)
                    continue
                self.i = i
                found = self._group(text)
                i = self.i
                quantified = kinds[i] == "quant"
            elif kind == "quant":
                raise _Unknown  # nothing to repeat
            low = 1
            if quantified:
                low = _fewest(texts[i])
                i += 1
            if char and low >= 1:
                run += char  # cut after it when it may repeat, unless a run of spaces (one in the haystack)
                if not quantified or (char == " " and self.fold):
                    continue
            if run or heads:
                self._flush(clauses, heads, run)
                run, heads = "", None
            if found and low >= 1:
                clauses += found

    def _flush(self, clauses: list, heads, run: str) -> None:
        """A literal run ends (after ``heads``, when a group's strings began it): its clauses."""
        fold = self.fold
        if heads:
            first, cut, rest = run.partition("\0")
            clauses.append(frozenset(_one_space(h + first) if fold else h + first for h in heads))
            if not cut:
                return
            run = rest
        _cut(clauses, _one_space(run) if fold else run)

    def _join(self, clauses: list, heads, run: str, strings: tuple) -> tuple:
        """``heads`` and ``run`` followed by a group matching one of ``strings``: the new heads
        (the run's strings each followed by one of the group's), or, past ``_MOST_JOINED``,
        the run's clauses out and the group's strings the heads. Returns (heads, run)."""
        if "\0" in run:  # the run was cut (a character that may fold to others): its last piece joins
            before, _, run = run.rpartition("\0")
            self._flush(clauses, heads, before)
            heads = None
        joined = [h + run for h in heads] if heads else [run]
        if len(joined) * len(strings) <= _MOST_JOINED:
            return tuple(j + g for j in joined for g in strings), ""
        self._flush(clauses, heads, run)
        if len(strings) <= _MOST_JOINED:
            return strings, ""
        clauses.append(frozenset(_one_space(g) if self.fold else g for g in strings))
        return None, ""

    def _exact(self, i: int) -> tuple | None:
        """The strings the group whose first token is at ``i`` matches, when it matches one
        of a few literal strings and is not repeated ("(your|the)", "(?:check\\s+with|ask)");
        the reader then stands after it. None otherwise (the reader is not moved)."""
        kinds, texts, fold = self.kinds, self.texts, self.fold
        strings, current = [], ""
        while True:
            kind = kinds[i]
            text = texts[i] if kind != "end" else ""
            quantified = kinds[i + 1] == "quant" if kind != "end" else False
            if kind == "bar" or kind == "close":
                if not current or "\0" in current:
                    return None
                strings.append(current)
                current = ""
                if kind == "close":
                    break
                i += 1
                continue
            if kind == "lit" and not quantified:
                current += self._literal(text)
            elif kind == "esc" and text[1] in _ESCAPED_LITERAL and not quantified:
                current += self._literal(text[1])
            elif fold and (text == "\\s" or text == "[ ]"):
                if quantified:
                    if _fewest(texts[i + 1]) < 1:
                        return None
                    i += 1
                current += " "
            else:
                return None
            i += 1
        if kinds[i + 1] == "quant" or len(strings) > _MOST_JOINED * 4:
            return None
        self.i = i + 1
        return tuple(dict.fromkeys(strings))

    def _literal(self, text: str) -> str:
        """The characters as a needle holds them, a NUL where the run is cut: when
        case is ignored, at a non-ASCII character that has a case (it may fold to
        others: "µ" matches "μ"); one without ("©", "–", "½") matches only itself."""
        if not self.fold:
            return text
        if text.isascii():
            return text.lower()
        return "".join(c.lower() if c.isascii() else c if c.lower() == c == c.upper() else "\0" for c in text)

    def _members(self, text: str) -> frozenset | None:
        """The characters a small set ("[ ]", "[★☆⭐]") matches, as needles hold them;
        None for a negated set, a range, an escape, a character that may fold to
        others, or more than twelve."""
        body = text[1:-1]
        if not body or body[0] == "^" or "\\" in body or len(body) > 12 or "-" in body[1:-1]:
            return None
        members = frozenset(self._literal(c) for c in body)
        if self.fold and not body.isprintable():
            members = frozenset(" " if c.isspace() else c for c in members)
        return None if "\0" in members else members

    def _escape(self, c: str) -> str | None:
        if c in _ESCAPED_LITERAL:
            return self._literal(c)
        if c in _ESCAPED_OTHER:
            return None
        raise _Unknown  # back-references, octal, \N{...}

    def _group(self, opening: str) -> list[frozenset]:
        if opening == "(?i:" and not self.fold:
            raise _Unknown  # case ignored inside a pattern that keeps it: its needles would keep case
        # "(?-i:...)" inside a case-insensitive pattern: what it matches as written, its lower
        # case is in the lowered text, so its needles are read as the rest are
        clauses = self.alternation()
        if self.kinds[self.i] != "close":
            raise _Unknown
        self.i += 1
        return [] if opening in _LOOKAROUND else clauses


def _fewest(quantifier: str) -> int:
    """The fewest repeats a quantifier allows."""
    if quantifier[0] == "{":
        return int(quantifier[1:].split(",", 1)[0].rstrip("}?+") or 0)
    return 1 if quantifier[0] == "+" else 0


def _cut(clauses: list[frozenset], run: str) -> None:
    """A literal run ends: each of its pieces (cut at NULs) is a clause of one needle."""
    if "\0" not in run:
        if run:
            clauses.append(frozenset((run,)))
        return
    for piece in run.split("\0"):
        if piece:
            clauses.append(frozenset((piece,)))


def _rank(clause) -> tuple[int, int]:
    """How selective a clause is: the longer its shortest needle, then the fewer needles."""
    return min(map(len, clause)), -len(clause)


def _order(clause) -> tuple:
    """:func:`_rank`, ties broken by the needles (the same order in every process)."""
    return _rank(clause), sorted(clause)


def _best(clauses, most: int) -> list:
    """The ``most`` best of ``clauses`` by :func:`_order`, best first. (Ranked by
    :func:`_rank` first: only the clauses that tie at the cut are ordered by their
    needles, which is most of the cost of ordering a long pattern's clauses.)"""
    unique = set(clauses)
    if len(unique) <= 1:
        return list(unique)
    ranked = sorted(unique, key=_rank, reverse=True)
    if len(ranked) > most:
        last = _rank(ranked[most - 1])
        ranked = [c for c in ranked if _rank(c) >= last]
    return sorted(ranked, key=_order, reverse=True)[:most]


def _shortest(needle: str) -> tuple:
    return len(needle), needle


_MOST_CLAUSES = 5
_MOST_JOINED = 32  # strings a literal run joined with groups' strings may stand for (then cut)
_PLAIN_OPEN = frozenset(("(", "(?:"))  # groups whose strings join the run: neither lookaround nor flags
_ZIPPED = 3  # clauses an alternation gives: its branches' best together, then their second best, third best


_UNREAD = object()
_SPAN_READ = 2000
# (pattern, flags) -> its needles: read once per process, or given by the cache folder's
# entry (medlint.datacache), which stores them for the next run. The data and the modules
# hold about a thousand patterns; a process that makes patterns of its own without end
# (a test's random ones) starts the table again past _KNOWN_MOST.
_known: dict = {}
_KNOWN_MOST = 20_000


def needles_of(pattern: str, flags: int = 0):
    """:func:`needles` of ``pattern``, read once per process."""
    key = (pattern, flags)
    clauses = _known.get(key, _UNREAD)
    if clauses is _UNREAD:
        if len(_known) >= _KNOWN_MOST:
            _known.clear()
        clauses = _known[key] = needles(pattern, flags)
    return clauses


def known_needles() -> dict:
    """(pattern, flags) -> needles of every pattern read or remembered in this process."""
    return _known


def remember(held: dict) -> None:
    """Take needles read by an earlier run of the same code (``needles_of`` answers them)."""
    for key, clauses in held.items():
        _known.setdefault(key, clauses)


class LazyPattern:
    """A pattern compiled on first need, and searched only in a text holding one of
    its needles. ``compile`` makes the pattern (by default ``re.compile``). It answers
    the ``re.Pattern`` methods the checks use; a text it rules out gets the answer
    of a search that found nothing, with nothing compiled."""

    __slots__ = ("pattern", "flags", "_fold", "_compile", "_rx", "_needles")

    def __init__(self, pattern: str, flags: int = 0, compile=None) -> None:
        self.pattern = pattern
        self.flags = flags
        self._fold = bool(int(flags) & _IGNORECASE)  # once: a RegexFlag's "&" is slow Python
        self._compile = compile
        self._rx = None
        self._needles = _UNREAD

    def compiled(self) -> re.Pattern:
        if self._rx is None:
            self._rx = self._compile() if self._compile is not None else re.compile(self.pattern, self.flags)
        return self._rx

    def could_match(self, text: str, low: str | None = None) -> bool:
        """May the pattern match somewhere in ``text``? (``low``: its :func:`haystack`, if known.)"""
        clauses = self._needles
        if clauses is _UNREAD:
            clauses = self._needles = needles_of(self.pattern, self.flags)
        if clauses is None:
            return True
        if self._fold:
            text = haystack(text) if low is None else low
        for clause in clauses:
            for needle in clause:
                if needle in text:
                    break
            else:
                return False
        return True

    def clauses(self):
        """The pattern's needles (:func:`needles`), read on first need; None when none are known."""
        if self._needles is _UNREAD:
            self._needles = needles_of(self.pattern, self.flags)
        return self._needles

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self):
        return self.compiled().groupindex

    def _may_match(self, string: str, args: tuple) -> bool:
        """Could the pattern match ``string`` (between ``pos`` and ``endpos``, when given)?
        A match lies inside those bounds, so its needles do; a span longer than
        ``_SPAN_READ`` characters is not read (a text read at many positions would be
        lowered again for each)."""
        if not args:
            return self.could_match(string)
        pos = max(0, args[0])
        end = min(len(string), args[1]) if len(args) > 1 else len(string)
        return end - pos > _SPAN_READ or self.could_match(string[pos:end])

    def search(self, string: str, *args):
        return self.compiled().search(string, *args) if self._may_match(string, args) else None

    def match(self, string: str, *args):
        return self.compiled().match(string, *args) if self._may_match(string, args) else None

    def fullmatch(self, string: str, *args):
        return self.compiled().fullmatch(string, *args) if self._may_match(string, args) else None

    def finditer(self, string: str, *args):
        return self.compiled().finditer(string, *args) if self._may_match(string, args) else iter(())

    def findall(self, string: str, *args):
        return self.compiled().findall(string, *args) if self._may_match(string, args) else []

    def sub(self, repl, string: str, count: int = 0):
        return self.compiled().sub(repl, string, count) if self.could_match(string) else string

    def split(self, string: str, maxsplit: int = 0):
        return self.compiled().split(string, maxsplit) if self.could_match(string) else [string]

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


class AnyOf:
    """Patterns asked in turn as their alternation would be: ``fullmatch``, ``match`` and
    ``search`` find what ``(?:a|b|...)`` would (of the matches starting leftmost, the first
    listed pattern's), ``finditer`` asks ``whole``, the alternation itself, when given. Each
    pattern is compiled only for a string that holds its literals, so a long list of
    wordings costs a string the few it could match, not one large alternation compiled
    whole."""

    __slots__ = ("patterns", "whole")

    def __init__(self, patterns, whole=None) -> None:
        self.patterns = tuple(patterns)  # LazyPatterns
        self.whole = whole  # the alternation as one LazyPattern (for finditer), if any

    def fullmatch(self, string: str):
        low = haystack(string)
        for rx in self.patterns:
            if rx.could_match(string, low):
                m = rx.compiled().fullmatch(string)
                if m is not None:
                    return m
        return None

    def _could(self, string: str, pos: int, endpos: int):
        """The patterns that may match ``string`` between ``pos`` and ``endpos``."""
        if endpos - pos > _SPAN_READ:
            return self.patterns
        part = string if pos == 0 and endpos >= len(string) else string[pos:endpos]
        low = haystack(part)
        return [rx for rx in self.patterns if rx.could_match(part, low)]

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        pos, endpos = max(0, pos), min(len(string), endpos)
        for rx in self._could(string, pos, endpos):
            m = rx.compiled().match(string, pos, endpos)
            if m is not None:
                return m
        return None

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        pos, endpos = max(0, pos), min(len(string), endpos)
        best = None
        for rx in self._could(string, pos, endpos):
            m = rx.compiled().search(string, pos, endpos)
            # a later pattern wins only by starting earlier: at one start the alternation takes the first
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, string: str, *args):
        return self.whole.finditer(string, *args)


class PatternSet:
    """Which of many patterns find something in a text, the text read once per needle.

    Each pattern is indexed by the needles of its first (most selective) clause: a
    text is looked at with ``in`` once for each needle, and only a pattern one of whose
    needles it holds, or one without needles, is asked as :class:`LazyPattern` asks it
    (``could_match``, then compiled and searched). The answer is the set of patterns
    whose ``search`` finds something, as asking each of them in turn would give; a long
    list of wordings asked of many texts costs each text its needles, not a call per
    wording."""

    __slots__ = ("patterns", "_index")

    def __init__(self, patterns) -> None:
        self.patterns = tuple(patterns)  # LazyPatterns
        self._index = None  # (folded needles, plain needles, patterns without needles), on first need

    def _build(self) -> tuple:
        folded: dict[str, list[int]] = {}
        plain: dict[str, list[int]] = {}
        always = []
        for i, rx in enumerate(self.patterns):
            clauses = rx.clauses()
            if clauses is None:
                always.append(i)
                continue
            table = folded if int(rx.flags) & _IGNORECASE else plain
            for needle in clauses[0]:
                table.setdefault(needle, []).append(i)
        return _Needles(folded), _Needles(plain), tuple(always)

    def could_match(self, text: str) -> list:
        """The patterns of the set that may match somewhere in ``text``, in the set's order
        (each one's :meth:`LazyPattern.could_match`; nothing compiled)."""
        if self._index is None:
            self._index = self._build()
        folded, plain, always = self._index
        low = haystack(text) if folded.count else text
        asked = set(always)
        folded.held(low, asked)
        plain.held(text, asked)
        patterns = self.patterns
        return [rx for rx in (patterns[i] for i in sorted(asked)) if rx.could_match(text, low)]

    def matching(self, text: str) -> frozenset:
        """The patterns of the set that find something in ``text``."""
        return frozenset(rx for rx in self.could_match(text) if rx.compiled().search(text) is not None)

    def search(self, text: str) -> bool:
        """Does any pattern of the set find something in ``text``?"""
        return bool(self.matching(text))


class _Needles:
    """A :class:`PatternSet`'s needles (needle -> the patterns it stands for), looked for
    in a text. A few are each looked for with ``in``; of many, each needle of three
    characters or more is filed under its first three characters, and a text is looked at
    only for the needles filed under a three-character piece it holds: a text of 100
    characters has at most 98 pieces, the largest sets of wordings 400-700 needles under
    about 150 pieces. (On the seed's cold check, in process, the 2,743 texts asked of sets
    cost 80 ms of CPU one needle at a time, 66 ms so, the compiling included. Filing each
    needle under the piece fewest other needles hold instead, as before 2026-12-03, made the
    seed's lookups no faster, and working the pieces out cost ~16 ms of each process.)"""

    __slots__ = ("count", "_short", "_filed", "_pieces")

    def __init__(self, table: dict) -> None:
        self.count = len(table)
        items = tuple((needle, tuple(ids)) for needle, ids in table.items())
        if len(items) <= _FEW_NEEDLES:
            self._short, self._filed, self._pieces = items, {}, frozenset()
            return
        short, filed = [], {}
        for needle, ids in items:
            if len(needle) < 3:
                short.append((needle, ids))
            else:
                filed.setdefault(needle[:3], []).append((needle, ids))
        self._short = tuple(short)
        self._filed = {piece: tuple(rows) for piece, rows in filed.items()}
        self._pieces = frozenset(self._filed)

    def held(self, text: str, asked: set) -> None:
        """Add to ``asked`` the patterns of every needle ``text`` holds."""
        for needle, ids in self._short:
            if needle in text:
                asked.update(ids)
        if not self._filed:
            return
        filed = self._filed
        for piece in self._pieces.intersection(_pieces(text)):
            for needle, ids in filed[piece]:
                if needle in text:
                    asked.update(ids)


def _pieces(text: str) -> set:
    """The three-character pieces of ``text``."""
    return {text[i:i + 3] for i in range(len(text) - 2)}


_FEW_NEEDLES = 100  # a set of this many needles or fewer looks for each in turn (a text's ~100 pieces cost more)
