"""Stage 2, numbers: numbers as written ("1,000", ".5", "1 x 10^6", "1 1/2", "half") and their values."""

from __future__ import annotations

import re

from .text import _lazy, normalize


_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_MAP = {c: str(i) for i, c in enumerate(_SUP)}
_SUP_MAP["⁻"] = "-"

# a decimal comma, as much of Europe and Latin America writes it ("2,5 mL", "0,5 mg"): one or two
# digits after the comma, right before a metric symbol (a thousands comma has three digits)
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=[ ]?(?:mg|mL|ml|g|mcg|µg|kg)(?![A-Za-z]))"
_NUM = rf"(?:{_DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})+(?![\d])|\d{{1,3}}(?:[ ]\d{{3}})+(?![\d.,])|\d+)(?:\.\d+)?|\.\d+"
# "1 1/2", "1/2", "½", "1½": halves, thirds and quarters (never "8/500", a combination's strengths)
_FRACTION = r"(?:\d{1,2}[ ])?[1-3]/[2-4](?![\d/])|(?:\d{1,2}[ ]?)?[½¼¾⅓⅔]"
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_VALUE = (
    rf"(?:{_FRACTION}|(?:{_NUM})[ ]?x[ ]?10(?:\^[ ]?-?\d+|\*\*-?\d+|⁻?[{_SUP}]+)"
    rf"|10(?:\^-?\d+|⁻?[{_SUP}]+)"
    rf"|(?:\d+(?:\.\d+)?)e[-+]?\d+(?![\w])"
    rf"|{_NUM})"
)
# a number may not be glued to a preceding word ("BPC-157", "L3", "Omega-3")
_VALUE_RE = _lazy(rf"(?<![\w.,^])(?<![A-Za-z]-)(?<!\d-)(?:{_VALUE})", re.I)
_VALUE_AT = _lazy(rf"(?:{_VALUE})", re.I)
_PLAIN_NUM_AT = _lazy(r"\d+(?:\.\d+)?(?![\d.,])")

_WORD_NUM = {
    "once": 1, "one": 1, "twice": 2, "two": 2, "thrice": 3, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8,
}
_N = r"(?:\d{1,6}(?:\.\d{1,6})?|one|two|three|four|five|six|seven|eight)"
_H = r"h(?:ours?|rs?|r)?(?![A-Za-z])"


def _num_word(s: str) -> float:
    s = s.strip().lower()
    if s in _WORD_NUM:
        return float(_WORD_NUM[s])
    if "/" in s or any(c in s for c in _VULGAR):
        return _parse_value(s)  # "1 1/2", "1½"
    return float(s)


# a number of hours with a half: "every 1 1/2 to 3 hours", "every 1½ hours"
_N_HALF = rf"(?:{_N}(?:[ ]1/2|[ ]?½)?)"


def _parse_value(raw: str) -> float:
    """Numeric value of a number as written ("1,000", ".5", "1 × 10⁶", "1 1/2", "½")."""
    frac = re.fullmatch(r"(?:(\d{1,2})[ ]?)?(?:([1-3])/([2-4])|([½¼¾⅓⅔]))", raw.strip())
    if frac:
        whole = float(frac.group(1) or 0)
        part = _VULGAR[frac.group(4)] if frac.group(4) else int(frac.group(2)) / int(frac.group(3))
        return whole + part
    s = normalize(raw).replace(" ", "").lower()
    s = s.replace(",", ".") if re.fullmatch(r"\d{1,3},\d{1,2}", s) else s.replace(",", "")  # "2,5": a decimal comma
    s = "".join(_SUP_MAP.get(c, c) for c in s)
    m = re.fullmatch(r"(?:(?P<m>[\d.]+)x)?10(?:\^|\*\*)?(?P<e>-?\d+)", s)
    if m and ("x" in s or "^" in s or "**" in s or any(c in raw for c in _SUP)):
        mant = float(m.group("m")) if m.group("m") else 1.0
        return mant * 10.0 ** int(m.group("e"))  # a float power: "10^99999999" overflows at once, never a huge int
    return float(s)
