"""Stage 8, substance: the medicine a dose's clause names."""

from __future__ import annotations

import bisect
import re

from . import lexicon as _lexicon
from .model import Piece
from .text import SENTENCE_END_BEFORE_CAPITAL, _lazy, normalize


_SUBSTANCE_STRIP_LEAD = _lazy(
    r"^(?:(?:oral|epidural|intravenous|iv|topical|intradiscal|subcutaneous|transdermal|inhaled"
    r"|intramuscular|im)\b[ ]*)+", re.I)
_SUBSTANCE_STRIP_TAIL = _lazy(
    r"(?<![ ])(?:[ ]+(?:burst|taper|sr|er|xr|xl|cr|dr|ir|la|mr|cream|gel|patch|ointment|injection|infusion"
    r"|dose[- ]?pack|tablets?|capsules?|extended-release|sustained-release|oral|iv)){1,8}$", re.I)
_SUBSTANCE_STRIP_VERB = _lazy(
    r"(?<![ ])[ ]+(?:start(?:ing)?(?:[ ]+(?:at|with))?|begin(?:ning)?[ ]+(?:at|with)|initially|take)[ ]*$", re.I)
_SUBSTANCE_VERBS = {"take", "give", "use", "apply", "inject", "start", "begin", "try", "consider",
                    "add", "then", "increase", "titrate", "max", "maximum", "up", "do", "not", "at", "the"}


def _substance(text: str, norm: str, clause: tuple[int, int], anchor_start: int,
               cut_starts: list[int] = ()) -> Piece | None:
    a = clause[0]
    seg = norm[a:anchor_start]
    # cut at the first "(" that is still open before the anchor
    colon = seg.find(":")
    if colon >= 0 and seg[:colon].strip()[:1].isdigit() and "(" not in seg[:colon]:
        a, seg = a + colon + 1, seg[colon + 1:]  # "300 mg: Gabapentin 300mg 1 tds": the name follows the strength
    for ch in "(:":
        cut = seg.find(ch)
        if cut >= 0:
            seg = seg[:cut]
    i = bisect.bisect_right(cut_starts, a)  # the first modifier starting after the clause does (sorted)
    if i < len(cut_starts) and cut_starts[i] < a + len(seg):
        seg = seg[:cut_starts[i] - a]
    seg = _SUBSTANCE_STRIP_VERB.sub("", seg)
    a, seg = _after_dose_verb(a, seg)
    # leading route words
    lead = _SUBSTANCE_STRIP_LEAD.match(seg)
    off = lead.end() if lead else 0
    body = seg[off:]
    body = body.rstrip(" ,:-")
    tail = _SUBSTANCE_STRIP_TAIL.search(body)
    if tail and tail.start() > 0:
        body = body[:tail.start()]
    body = body.rstrip(" ,:-")
    if "|" in body:  # a table row: the medicine is the first cell's text
        cells = body.split("|")
        lead = next((c for c in cells if c.strip()), "")
        off += body.find(lead) if lead else 0
        body = lead
    stripped_left = len(body) - len(body.lstrip())
    body = body.strip()
    if not body:
        return None
    words = body.split()
    if len(words) > 6 or words[0].lower().strip(",") in _SUBSTANCE_VERBS or not _names_a_medicine(body):
        return None
    if not re.search(r"[A-Za-z]", body):
        return None
    s = a + off + stripped_left
    if _writers_sentence(body, text[s + len(body):max(anchor_start, s + len(body) + 4)]):
        return None
    return Piece(text[s:s + len(body)], (s, s + len(body)))




def _writers_sentence(body: str, between: str) -> bool:
    """Is the clause opening a sentence of the writer's before the dose's own sentence ("Bro I did
    exactly this." before "Just take one 60K sachet daily"): a sentence end between it and the
    dose, and a personal pronoun in it (``not_substance_words``)? A name is no sentence."""
    if not SENTENCE_END_BEFORE_CAPITAL.search(between):
        return False
    words = {w.strip(".,;:!?'’").lower() for w in body.split()}
    return bool(_lexicon.lexicon().not_substance_words & words)


def _after_dose_verb(a: int, seg: str) -> tuple[int, str]:
    """The words after the clause's last verb of taking, when a name follows it: "Many of our
    patients take metformin" names metformin, "When it flares I take naproxen" naproxen (the
    lexicon's ``substance_after_verbs``); (start, segment) unchanged otherwise, and when
    what follows opens on a filler word ("take the", "take it with")."""
    lex = _lexicon.lexicon()
    last = None
    for m in lex.substance_after_verbs.finditer(seg):
        last = m
    if last is None or last.start() == 0:
        return a, seg
    rest = seg[last.end():].split()
    if not rest or not re.search(r"[A-Za-z]", rest[0]) or rest[0].lower() in lex.directions_filler \
            or len(rest) > 4:
        return a, seg
    return a + last.end(), seg[last.end():]


def _names_a_medicine(body: str) -> bool:
    """False for a clause opening that names a population, a measure or a schedule
    ("Adults and teenagers can", "CrCl 30 mL/min", "0 to 12 months"): ``not_substances``."""
    if body[0].isdigit() or any(w.replace(",", "").replace(".", "").isdigit() for w in body.split()):
        return False  # "0 to 12 months", "under 30 kg"
    low = body.lower()
    lex = _lexicon.lexicon()
    stop = lex.not_substances
    words = [w.strip(",:*_") for w in low.split()]  # "**Nurse Kelly": a label in bold is still a label
    if all(w in lex.form_words for w in words):
        return False  # "Children's ibuprofen (Advil) - liquid, 100 mg": the form, the name is before it
    return words[0] not in stop and " ".join(words[:2]) not in stop and words[-1] not in lex.not_substance_endings


def _substance_key(raw: str) -> str:
    s = normalize(raw).lower()
    s = re.sub(r"[®™©]", "", s)
    return " ".join(s.split())
