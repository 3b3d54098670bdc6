"""Amounts in a sentence: doses, measurements, durations, courses, frequencies and named scores.

Units, written numbers and the names of scores are listed in
resources/vocabulary/quantities.txt; frequencies ("three times daily",
"b.i.d.") come from the frequency synonyms in synonyms.txt. A number needs its
unit or its name to count: "300 mg", "6.2 ng/mL", "12 weeks", "6 cycles",
"60 Gy", "35%", "Gleason 3+4=7", "grade 1", "stage II". Ages ("65-year-old")
are not amounts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from opinionkit.core.compare import vocabulary


class Dimension(StrEnum):
    DOSE = "dose"
    MEASURE = "measure"
    TREATMENT = "treatment"
    DURATION = "duration"
    FREQUENCY = "frequency"
    SCORE = "score"


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str  # the amount as written: "300 mg", "three to six months", "3+4=7"
    dimension: Dimension
    name: str = ""  # for a score, its name as written: "Gleason", "ejection fraction"


_UNIT_SECTIONS = {"dose units": Dimension.DOSE, "measure units": Dimension.MEASURE,
                  "treatment units": Dimension.TREATMENT, "duration units": Dimension.DURATION}
_AGE = re.compile(r"\s*-?\s*(?:old\b|of\s+age\b)", re.I)
_EXTRA_FREQUENCIES = [
    r"every\s+(?:other\s+)?(?:\d+|one|two|three|four|six|eight|twelve)?\s*(?:hours?|hrs?|h|days?|weeks?|months?)",
    r"q\d{1,2}h", r"\d+\s*(?:x|times)\s+(?:a|per|each)\s+(?:day|week|month)", r"twice\s+weekly",
    r"three\s+times\s+(?:a|per)\s+week", r"(?:in\s+the\s+)?(?:morning|evening)",
]


def find(sentence: str) -> list[Quantity]:
    """The amounts in ``sentence``, in order, none overlapping (a named score wins over its bare number)."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for candidates in (_scores(sentence), _frequencies(sentence), _amounts(sentence)):
        for quantity in candidates:
            if not any(quantity.start < end and start < quantity.end for start, end in taken):
                found.append(quantity)
                taken.append((quantity.start, quantity.end))
    return sorted(found, key=lambda q: q.start)


def same_amount(a: str | None, b: str | None) -> bool:
    """Two values written alike, spacing, case and written numbers aside ("twelve weeks", "12 weeks")."""
    if a is None or b is None:
        return a is b
    return _plain(a) == _plain(b)


def _scores(sentence: str) -> list[Quantity]:
    return [Quantity(m.start("value"), m.end("value"), m.group("value"), Dimension.SCORE, m.group("name"))
            for m in _patterns()["score"].finditer(sentence)]


def _frequencies(sentence: str) -> list[Quantity]:
    return [Quantity(m.start(), m.end(), m.group(), Dimension.FREQUENCY)
            for m in _patterns()["frequency"].finditer(sentence)]


def _amounts(sentence: str) -> list[Quantity]:
    found = []
    for match in _patterns()["amount"].finditer(sentence):
        if _AGE.match(sentence, match.end()):
            continue
        dimension = next(Dimension(_UNIT_SECTIONS[k.replace("_", " ")]) for k, v in match.groupdict().items() if v)
        found.append(Quantity(match.start(), match.end(), match.group(), dimension))
    return found


def _plain(text: str) -> str:
    numbers = vocabulary.number_words()
    words = []
    for word in re.findall(r"[\w.+=/%-]+", text.casefold()):
        value = numbers.get(word)
        words.append(str(int(value)) if value is not None and value == int(value) else word)
    return " ".join(words)


def _alternation(entries: list[str]) -> str:
    ordered = sorted({e.strip() for e in entries if e.strip()}, key=len, reverse=True)
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ordered)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    sections = vocabulary.sections("quantities.txt")
    number_words = _alternation(list(vocabulary.number_words()))
    number = rf"(?:\d+(?:[.,]\d+)?|(?:{number_words})(?![\w-]))"
    span = rf"{number}(?:\s*(?:-|–|to|or)\s*{number})?"
    units = "|".join(
        rf"(?P<{name.replace(' ', '_')}>{_alternation(sections.get(name, []))})" for name in _UNIT_SECTIONS
    )
    amount = re.compile(rf"(?<![\w.]){span}[\s-]?(?:{units})(?![\w/])", re.I)

    frequencies = [name for group in vocabulary.sections("synonyms.txt").get("frequencies", [])
                   for name in group.split("|")]
    frequency = re.compile(
        rf"(?<![\w.])(?:{_alternation(frequencies)}|{'|'.join(_EXTRA_FREQUENCIES)})(?![\w])", re.I)

    measure_units = _alternation(sections.get("measure units", []) + sections.get("dose units", []))
    value = (rf"\d\s*\+\s*\d(?:\s*=\s*\d{{1,2}})?|\d+/\d+|\d+(?:[.,]\d+)?(?:\s*(?:{measure_units}))?(?!\w|[.,]\d)"
             r"|(?-i:[IV]{1,4}[A-Ca-c]?|T[0-4][a-c]?|[0-4][A-Ca-c])(?!\w)")
    names = _alternation(sections.get("measures", []))
    joiners = r"(?:\s+(?:score|class|grade|group|level|of|is|was|were|at|now|today|about|approximately))*"
    score = re.compile(rf"(?<![\w-])(?P<name>{names})(?![\w-]){joiners}\s*[=:]?\s*(?P<value>{value})", re.I)
    return {"amount": amount, "frequency": frequency, "score": score}
