"""The dose parser's editor-tunable vocabulary: ``checks/dose-lexicon.yaml``.

Frequency abbreviations and wordings (bd, tds, om, nocte, "morning and evening"),
the words that make a number of hours an interval ("4 hourly") and counts written
as words ("take two") are data; this module turns them into linear patterns
(alternations of literal words, no nested unbounded quantifiers)."""

from __future__ import annotations

import re

from medlint import policy
from medlint.prefilter import LazyPattern

_N = r"(?:\d{1,6}(?:\.\d{1,6})?|one|two|three|four|five|six|seven|eight)"


def _words_rx(words) -> str:
    alts = sorted({re.escape(w).replace(r"\ ", "[ ]+") for w in words}, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(alts) + ")"


class Lexicon:
    """Compiled vocabulary (each pattern compiled when a text first holds one of its
    words, :mod:`medlint.prefilter`): ``frequencies`` is a tuple of (kind, pattern, per_day,
    after_amount); ``hourly`` the "N hourly" pattern; ``numbers`` word -> value and
    ``number_rx`` their pattern."""

    def __init__(self, data: dict) -> None:
        self._read_frequencies(data)
        self._read_numbers(data)
        self._read_weekdays(data)
        self._read_numerals_and_grids(data)
        self._read_names_and_languages(data)
        self._read_steps_and_limits(data)
        self._read_directions(data)

    def _read_frequencies(self, data: dict) -> None:
        """How often: the frequency wordings, "N hourly", and the words that follow a number
        without being its unit."""
        self.frequencies = tuple(
            (f["kind"], LazyPattern(rf"(?<![A-Za-z.]){_words_rx(f['words'])}(?![A-Za-z\d])", re.I),
             float(f["per_day"]), bool(f.get("after_amount", False)),
             LazyPattern(rf"\b{_words_rx(f['not_after'])}\b", re.I) if f.get("not_after") else None,
             float(f["fewest_per_day"]) if "fewest_per_day" in f else None)
            for f in data["frequencies"])
        # frequencies that, in a clause of their own, are the dose before's ("; may repeat once")
        self.of_the_dose_before = LazyPattern(
            rf"(?:{'|'.join(_words_rx(f['words']) for f in data['frequencies'] if f.get('of_the_dose_before'))})$",
            re.I) if any(f.get("of_the_dose_before") for f in data["frequencies"]) else None
        self.hourly = LazyPattern(
            rf"\b(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?-?{_words_rx(data['hourly_words'])}(?![A-Za-z])",
            re.I)
        # words that follow a number without being its unit ("2 mane", "6 hrly")
        self.stop_words = frozenset(
            [w.split(" ")[0].lower() for f in data["frequencies"] for w in f["words"]]
            + [w.lower() for w in data["hourly_words"]] + [w.lower() for w in data["number_words"]]
            + [w.lower() for w in data["roman_numerals"]]
            + [w.lower() for w in data["directions_words"] if " " not in w]  # "1 mdu"
            + [w.lower() for w in data.get("not_units") or ()]  # "1 PR q6h"
            + [w.lower() for w in data.get("clause_words") or ()])  # "1 or 2 when the pain is bad"

    def _read_numbers(self, data: dict) -> None:
        """Numbers in words and their multipliers ("60K", "1 lakh"), frequencies that count no
        doses, and the verbs a medicine's name follows ("I take naproxen")."""
        self.numbers = {k.lower(): float(v) for k, v in data["number_words"].items()}
        # "60K", "1 lakh": a multiplier after a number (its suffix glued, its word after a space)
        mult = data.get("number_multipliers") or {"suffixes": {}, "words": {}}
        self.suffixes = {k: float(v) for k, v in mult["suffixes"].items()}
        self.suffix_rx = LazyPattern(rf"(?P<s>{_words_rx(self.suffixes)})(?![A-Za-z\d])") if self.suffixes \
            else LazyPattern(r"(?!)")
        self.multiplier_words = {k.lower(): float(v) for k, v in mult["words"].items()}
        self.multiplier_word_rx = LazyPattern(rf"[ ]{{1,2}}(?P<s>{_words_rx(self.multiplier_words)})(?![A-Za-z\d])",
                                              re.I) if self.multiplier_words else LazyPattern(r"(?!)")
        self.suffix_unit = mult.get("suffix_unit_before_forms")
        self.uncounted = _phrase_rx(data["uncounted_frequencies"])
        self.substance_after_verbs = _phrase_rx(data["substance_after_verbs"])

    def _read_weekdays(self, data: dict) -> None:
        """Named days ("on Mondays and Thursdays", "Sunday only"), minimum intervals ("at least
        6 hours apart"), the amount before a frequency word and what may end a sig."""
        self.weekday_of = {w.lower(): day for day, words in data["weekdays"].items() for w in words}
        # "on Mondays, Wednesdays and Fridays", "every Sunday": a list of at most seven days
        day = _words_rx(self.weekday_of)
        self.weekdays = LazyPattern(
            rf"(?<![A-Za-z])(?:on|every|each)[ ]{{1,3}}(?P<days>{day}(?:[ ]{{0,2}}(?:,|&|and|,[ ]{{0,2}}and)[ ]{{1,3}}{day}){{0,6}})"
            r"(?![A-Za-z])", re.I)
        self.weekday_word = LazyPattern(rf"(?<![A-Za-z]){day}(?![A-Za-z])", re.I)
        # "Sunday only", "MON only": a named day (or days) that is the only one of the week
        only = data.get("weekday_only_words") or ()
        self.weekdays_only = LazyPattern(
            rf"(?<![A-Za-z])(?P<days>{day}(?:[ ]{{0,2}}(?:,|&|and|,[ ]{{0,2}}and)[ ]{{1,3}}{day}){{0,6}})[ ]{{1,3}}"
            rf"{_words_rx(only)}(?![A-Za-z])", re.I) if only else LazyPattern(r"(?!)")
        skip = data.get("weekday_exception_words") or ()
        self.weekday_exception = LazyPattern(rf"(?<![A-Za-z]){_words_rx(skip)}[ ]{{1,3}}$", re.I) \
            if skip else LazyPattern(r"(?!)")
        # "leaving at least 6 hours between doses", "at least 4 hours apart"
        mi = data["minimum_interval"]
        self.minimum_interval = LazyPattern(
            rf"(?<![A-Za-z]){_words_rx(mi['before'])}[ ]{{1,3}}(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?"
            rf"(?:h|hrs?|hours?)[ ]{{1,3}}{_words_rx(mi['after'])}(?![A-Za-z])", re.I)
        # an amount right before a word, its number in digits or words ("2 with the evening meal",
        # "two with the evening meal"), then at most two short words (unit, form)
        self.after_amount = LazyPattern(
            rf"(?:\d|(?<![A-Za-z]){_words_rx(self.numbers)})(?:[ ]?[A-Za-zµ]{{1,12}}){{0,1}}(?:[ ]+[A-Za-z]{{1,12}}){{0,1}}[ ]+$",
            re.I)
        # what may follow a word that is only a frequency after an amount ("20mg on", "1 od prn",
        # "1 cap od ac"): the end, a mark, or one of ``sig_followers``
        self.ends_sig = LazyPattern(rf"[ ]*(?:$|[,;.()/-]|{_words_rx(data['sig_followers'])}(?![A-Za-z]))", re.I)
        self.number_rx = LazyPattern(rf"(?<![A-Za-z\d.-]){_words_rx(self.numbers)}(?![A-Za-z\d-])", re.I)

    def _read_numerals_and_grids(self, data: dict) -> None:
        """Roman numerals ("i-ii tabs") and day-pattern grids ("1-0-1")."""
        self.roman = {k: float(v) for k, v in data["roman_numerals"].items()}
        self.roman_rx = LazyPattern(rf"(?<![A-Za-z\d.-]){_words_rx(self.roman)}(?![A-Za-z\d-])")  # lower case only
        # "i-ii tabs", "i to ii caps": a range of two numerals (read with a count form after it)
        self.roman_range_rx = LazyPattern(
            rf"(?<![A-Za-z\d.-])(?P<a>{_words_rx(self.roman)})(?P<sep>-|[ ]to[ ])(?P<b>{_words_rx(self.roman)})(?![A-Za-z\d-])")
        # "1-0-1", "½-0-½", "1-1-1-1": three or four slots joined by hyphens (medlint/doses/grids.py)
        grids = data.get("dose_grids") or {"slots": {}, "form_prefixes": {}}
        self.grid_slots = {str(k): float(v) for k, v in grids["slots"].items()}
        slot = _words_rx(self.grid_slots) if self.grid_slots else "(?!)"
        self.grid_rx = LazyPattern(rf"(?<![\w.,/-]){slot}(?:-{slot}){{2,3}}(?![\w/-]|[.,]\d)")
        self.grid_prefixes = {k.lower(): v for k, v in grids["form_prefixes"].items()}
        prefix = _words_rx(self.grid_prefixes) if self.grid_prefixes else "(?!)"
        self.grid_prefix_rx = LazyPattern(rf"[ ]{{0,3}}(?P<f>{prefix})\.?[ ]", re.I)
        self.grid_suffix_rx = LazyPattern(rf"[ ]{{1,2}}(?P<f>{prefix})\.?(?![A-Za-z])", re.I)

    def _read_names_and_languages(self, data: dict) -> None:
        """Spoon words, the classes of quantities that are not doses, what is no medicine's name,
        and the sig wordings of other languages (``sig_languages``)."""
        # "5ml spoonfuls": a spoon word right after a volume
        self.spoon = LazyPattern(rf"[ ]{{0,2}}-?{_words_rx(data['spoon_words'])}(?![A-Za-z])", re.I)
        self.not_doses = NotDoses(data["not_doses"], data["table_headers"])
        self.product_identities = ProductIdentities(data["product_identities"])
        self.not_substances = frozenset(w.lower() for w in data["not_substances"])
        self.not_substance_endings = frozenset(w.lower() for w in data["not_substance_endings"])
        self.not_substance_words = frozenset(w.lower() for w in data.get("not_substance_words") or ())
        langs = data.get("sig_languages") or ()
        self.as_needed = LazyPattern(rf"(?<![A-Za-z]){_words_rx([*data['as_needed_words'], *(w for lg in langs for w in lg['as_needed'])])}(?![A-Za-z])", re.I)
        # "cada 4 a 6 horas": another language's "every 4 to 6 hours" (``sig_languages``)
        self.other_intervals = tuple(LazyPattern(
            rf"(?<![A-Za-z]){_words_rx(lg['every'])}[ ]+(?P<a>{_N})(?:[ ]?{_words_rx(lg['range_joins'])}[ ]?(?P<b>{_N}))?"
            rf"[ ]?{_words_rx(lg['hours'])}(?![A-Za-z])", re.I) for lg in langs)
        # "5 dosis en 24 horas": a count of doses a limit names, and its day, in those languages
        self.dose_count_words = tuple(w for lg in langs for w in lg["dose_words"])
        self.per_day_words = tuple(w for lg in langs for w in lg["per_day"])
        # a clause opening that is only a product's form ("liquid", "oral suspension", "líquido"):
        # no medicine's name
        self.form_words = frozenset(w.lower() for f in [*data["not_doses"]["label_forms"],
                                                        *(w for lg in langs for w in lg.get("forms", ()))]
                                    for w in f.split())

    def _read_steps_and_limits(self, data: dict) -> None:
        """Schedule steps, increases, limit wordings and restated maxima."""
        langs = data.get("sig_languages") or ()
        self.as_needed_condition = _condition_rx(data["as_needed_conditions"])
        self.step_markers = _phrase_rx(data["step_markers"])
        joins = data.get("elliptical_joins") or ()
        self.elliptical_join = LazyPattern(rf"(?<![A-Za-z]){_words_rx(joins)}[ ]{{1,2}}$", re.I) if joins \
            else LazyPattern(r"(?!)")
        each = data.get("each_time_wordings") or ()
        self.each_time = LazyPattern(rf"[ ]{{1,2}}{_words_rx(each)}(?![A-Za-z])", re.I) if each \
            else LazyPattern(r"(?!)")
        self.increase_before = LazyPattern(rf"(?<![A-Za-z]){_words_rx(data['increase_words'])}[ ]{{1,3}}$", re.I)
        self.limit_words = tuple([*data["limit_words"], *(w for lg in langs for w in lg["limits"])])
        self.daily_limit_abbreviations = tuple(data.get("daily_limit_abbreviations") or ())
        # the same maximum again in brackets, before its period: "2 tablets (1,100 mg) in a day",
        # "4 g (about 8 tablets) in 24 hours", "(= 3 g)"
        self.restated_aside = LazyPattern(
            rf"[ ]{{0,2}}\([ ]?(?:{_words_rx(data['restated_aside_leads'])}[ ]?)?\d[\d.,]{{0,8}}[ ]?[A-Za-zµ]{{1,12}}[ ]?\)",
            re.I)
        size = data["step_size_words"]
        self.step_size_endings = frozenset(w.lower() for w in size["endings"])
        self.step_size_not_after = frozenset(w.lower() for w in size["not_after"])

    def _read_directions(self, data: dict) -> None:
        """Directions ("as directed"), their fillers and subjects, and what a text without a digit
        needs to hold a dose."""
        self.directions = _phrase_rx(data["directions_words"])
        self.directions_max_words = int(data["directions_max_words"])
        langs = data.get("sig_languages") or ()
        self.directions_filler = frozenset(w.lower() for w in data["directions_filler"]) \
            | frozenset(w.lower() for w in data["not_doses"]["dose_verbs"]) \
            | frozenset(w.lower() for lg in langs for key in ("filler", "dose_verbs") for w in lg.get(key, ()))
        # the words that open an instruction before its verb ("You can give a dose ...", "Puede darle
        # una dosis ..."), and the dose verbs of other languages
        subjects = [*data["product_identities"]["instruction_subjects"], *(w for lg in langs for w in lg.get("subjects", ()))]
        self.directions_subject = LazyPattern(rf"{_words_rx(subjects)}[ ]+", re.I)
        self.other_dose_verbs = frozenset(w.lower() for lg in langs for w in lg.get("dose_verbs", ()))
        # what a text without a digit needs to hold a dose: a count in words ("Take one when
        # needed"), an as-needed or directions wording ("take as needed", "TAKE AS DIRECTED"),
        # or a dose word anywhere in a word ("dose", "overdose", "Dose-Pack", "blister pack")
        self.topical = _phrase_rx(data["topical_amounts"])
        self.repeat_again = _phrase_rx(data["repeat_wordings"])
        self.wordy_dose = re.compile(
            rf"(?<![A-Za-z])(?:{_words_rx(data['number_words'])}|{_words_rx(data['as_needed_words'])}"
            rf"|{_words_rx(data['topical_amounts'])}"
            rf"|{_words_rx(data['directions_words'])})(?![A-Za-z])|{_words_rx(data['dose_words_without_digits'])}", re.I)
        self.times_of_day = frozenset(" ".join(w.lower().split()) for w in data["times_of_day"])  # limits.py puts them before its own
        # a ceiling word right before a frequency: "up to four times a day" is one to four times
        self.frequency_ceiling = LazyPattern(rf"(?<![A-Za-z]){_words_rx(data['frequency_ceiling_words'])}[ ]{{1,3}}$", re.I)

    def step_size(self, marker: str) -> bool:
        """Does a step's marker make the amount after it the size of a change ("increase by",
        "raised by": ``step_size_words``), not a target ("followed by" joins steps)?"""
        words = marker.lower().split()
        return bool(words) and words[-1] in self.step_size_endings \
            and not (len(words) > 1 and words[-2] in self.step_size_not_after)

    def frequency_matches(self, norm: str):
        """(kind, match, per_day, fewest per day or None) for every lexicon frequency in ``norm``."""
        for kind, rx, per_day, after_amount, not_after, fewest in self.frequencies:
            for m in rx.finditer(norm):
                before = norm[max(0, m.start() - 30):m.start()]
                if after_amount and not (self.after_amount.search(before) and self.ends_sig.match(norm, m.end())):
                    continue
                if not_after is not None and not_after.search(before):
                    continue  # "1 drop od": the right eye, not once daily
                yield kind, m, per_day, fewest


def _condition_rx(parts: dict) -> LazyPattern:
    """A condition the reader judges ("when the itch is troublesome", "if symptoms return"):
    a lead, an optional determiner, a symptom and a state (``as_needed_conditions``)."""
    det = rf"(?:{_words_rx(parts['determiners'])}[ ]+)?" if parts["determiners"] else ""
    return LazyPattern(rf"(?<![A-Za-z]){_words_rx(parts['leads'])}[ ]+{det}{_words_rx(parts['symptoms'])}[ ]+"
                       rf"{_words_rx(parts['states'])}(?![A-Za-z])", re.I)


def _phrase_rx(words) -> LazyPattern:
    return LazyPattern(rf"(?<![A-Za-z]){_words_rx(words)}(?![A-Za-z])", re.I)


class NotDoses:
    """The classes of quantities that are not doses (``not_doses`` and ``table_headers``
    of the lexicon), compiled: each attribute answers one question about a quantity."""

    def __init__(self, data: dict, headers: dict) -> None:
        # "30 mL/min", "126 mg/dL", "30 mL/min/1.73 m²": read right after the unit
        self.rate = LazyPattern(
            rf"[ ]?/[ ]?(?:\d{{1,4}}(?:\.\d{{1,3}})?[ ]?)?{_words_rx(data['rate_denominators'])}(?![A-Za-z])", re.I)
        self.body_weight_units = frozenset(w.lower() for w in data["body_weight_units"])
        self.measure_words = frozenset(w.lower() for w in data["measure_words"])
        self.clock_units = frozenset(w.lower() for w in data["clock_units"])
        self.repetition_lead = LazyPattern(rf"(?<![A-Za-z]){_words_rx(data['repetition_leads'])}[ ]{{1,2}}$", re.I)
        self.alcohol = _phrase_rx(data["alcohol_words"])
        # a cue ends at most a few words before the quantity: the last 40 characters
        # (a decimal point is no sentence end: "come in 12.5, 25, 50, 75 and 100 microgram")
        self.content = LazyPattern(
            rf"(?<![A-Za-z]){_words_rx(data['content_cues'])}(?![A-Za-z])(?:[^.;]|(?<=\d)\.(?=\d)){{0,60}}$", re.I)
        # "A 1,250 mg tablet of calcium carbonate provides 500 mg": a quantity the clause then describes
        self.content_after = LazyPattern(
            rf"^(?:[^.;:]|(?<=\d)\.(?=\d)){{0,60}}?(?<![A-Za-z]){_words_rx(data['content_after_cues'])}(?![A-Za-z])", re.I)
        self.serving = _phrase_rx(data["serving_words"])
        self.container = LazyPattern(rf"[ ]{{1,3}}{_words_rx(data['container_words'])}(?![A-Za-z])", re.I)
        self.excess = LazyPattern(rf"[ ]{{1,3}}{_words_rx(data['excess_words'])}(?![A-Za-z])", re.I)
        self.label = LazyPattern(
            rf"(?<![A-Za-z]){_words_rx(data['label_forms'])}(?![A-Za-z])[^.;:]{{0,60}}:[ ]{{0,3}}$", re.I)
        # after a strength, its product's form and a colon: "18 microgram inhalation powder: inhale ..."
        self.form_colon = LazyPattern(
            rf"[ ]{{1,2}}(?:[A-Za-z-]{{2,20}}[ ]{{1,2}}){{0,2}}{_words_rx(data['label_forms'])}"
            rf"(?:[ ]{{1,2}}\([^()\n]{{1,40}}\))?[ ]{{0,2}}(?:\*\*)?:", re.I)  # "capsules (OxyNorm):", "**...:**"
        self.dose_verb = _phrase_rx(data["dose_verbs"])
        # a dose verb right before a position ("apply up to 3 patches", "use up to 2 sprays")
        self.verb_before = LazyPattern(rf"(?<![A-Za-z]){_words_rx(data['dose_verbs'])}[ ]{{1,2}}$", re.I)
        self.population = _phrase_rx(data["population_words"])
        # "One to be taken each day": the words between a count and its schedule
        self.taken = LazyPattern(rf"(?:to[ ]be[ ])?{_words_rx(data['dose_verbs'])}(?![A-Za-z])", re.I)
        self.header_limit = _phrase_rx(headers["limit"])
        self.header_per_day = _phrase_rx(headers["per_day"])
        self.header_not_dose = _phrase_rx(headers["not_dose"])

    def content_cue(self, lead: str) -> bool:
        """Does ``lead`` (the clause before a quantity) end with a content cue and no dose verb after it?"""
        m = self.content.search(lead)
        return m is not None and not self.dose_verb.search(lead, m.end())

    def label_line(self, lead: str) -> bool:
        """Is ``lead`` the opening of a strength line ("Chewable tablets:", "Tablets (")?"""
        m = self.label.search(lead)
        return m is not None and not self.dose_verb.search(lead)


class ProductIdentities:
    """The wordings that show a quantity names a product (``product_identities``), compiled."""

    def __init__(self, data: dict) -> None:
        symbols = "|".join(re.escape(w) for w in sorted(data["price_symbols"], key=len, reverse=True))
        # "$148", "Rs. 30", "INR 250": a currency before digits; or a price word anywhere
        self.price = LazyPattern(rf"(?:(?<![A-Za-z])(?:{symbols})[ ]?\d|(?<![A-Za-z]){_words_rx(data['price_words'])}"
                                 r"(?![A-Za-z]))", re.I)
        self.determiner = LazyPattern(rf"(?<![A-Za-z]){_words_rx(data['determiners'])}[ ]{{1,2}}$", re.I)
        self.part_of = LazyPattern(rf"(?<![A-Za-z]){_words_rx(data['part_of'])}[ ]{{1,2}}{_words_rx(data['determiners'])}"
                                   r"[ ]{1,2}$", re.I)
        # right after the form, an optional bracketed aside: "tablet (MW-NAPROXEN SODIUM DS) is also used"
        self.subject_verb = LazyPattern(rf"[ ]{{1,2}}(?:\([^()]{{0,60}}\)[ ]{{1,2}})?{_words_rx(data['subject_verbs'])}"
                                        r"(?![A-Za-z])", re.I)
        self.defining = LazyPattern(rf"[ ]{{1,2}}{_words_rx(data['defining_verbs'])}(?![A-Za-z])", re.I)
        self.dose_noun = LazyPattern(rf"(?<![A-Za-z]){_words_rx(data['dose_nouns'])}(?![A-Za-z])", re.I)
        # after the quantity, a clause opening with an instruction: ": take one", ", so just swallow one"
        marks = "".join(re.escape(w) for w in data["instruction_openers"] if not w[0].isalpha())
        words = [w for w in data["instruction_openers"] if w[0].isalpha()]
        self.instruction = LazyPattern(
            rf"(?:(?<![ ])[{marks}]|[ ]-|(?<![A-Za-z]){_words_rx(words)})[ ]{{1,3}}"
            rf"(?:{_words_rx(data['instruction_subjects'])}[ ]{{1,3}})?{_words_rx(data['instruction_verbs'])}(?![A-Za-z])",
            re.I)


def lexicon() -> Lexicon:
    """The lexicon of the check data in use (``--checks DIR`` included)."""
    doc = policy.load("dose-lexicon")
    return policy.derived(Lexicon, doc)
