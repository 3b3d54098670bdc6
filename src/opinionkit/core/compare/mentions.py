"""The medications, procedures, tests, conditions and amounts one sentence names.

- Medications: any run of up to five words that the offline drug dictionary
  knows (brand and generic names, through ``services.medication_names``).
- Procedures, tests and conditions: a name listed in resources/vocabulary, or a
  word with a listed head ("fusion", "biopsy", "stenosis") or suffix ("-ectomy",
  "-scopy", "-itis"), together with the describing words just before it:
  "robotic-assisted radical prostatectomy", "flexion-extension X-rays".
- Amounts go with the term they belong to: a dose after a medication
  ("gabapentin 300 mg three times daily"), a result after a test ("PSA 6.2
  ng/mL", "MRI in 6 months"), a course with a treatment ("12 weeks of physical
  therapy"). An amount that belongs to none is a term of its own, named by its
  score ("Gleason 3+4=7") or by the words before it ("recovery of three to six
  months").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from opinionkit.core.compare import quantities, stance, vocabulary, words
from opinionkit.core.compare.quantities import Dimension, Quantity
from opinionkit.core.compare.stance import Stance
from opinionkit.core.compare.words import Concept, Token
from opinionkit.core.services import medication_names


class TermKind(StrEnum):
    MEDICATION = "medication"
    PROCEDURE = "procedure"
    TEST = "test"
    DIAGNOSIS = "diagnosis"
    QUANTITY = "quantity"


@dataclass(frozen=True)
class Mention:
    """One term named once in one sentence."""

    kind: TermKind
    key: tuple[str, ...]  # comparable words; the last is the head the name is built on
    text: str  # as written
    sentence: int
    value: str | None
    stance: Stance
    shown: str = ""  # a better name to show, when one is known ("MRI", the dictionary's drug name)


@dataclass
class _Found:
    kind: TermKind
    first: int  # concept indexes, last exclusive
    last: int
    shown: str = ""
    drug: str = ""  # the drug dictionary's key


_LISTS = {TermKind.PROCEDURE: "procedures.txt", TermKind.TEST: "tests.txt", TermKind.DIAGNOSIS: "diagnoses.txt"}
_SYNONYM_SECTIONS = {"imaging and tests": TermKind.TEST, "treatments and procedures": TermKind.PROCEDURE,
                     "conditions": TermKind.DIAGNOSIS}
_MAX_PHRASE = 6
_MAX_DRUG_WORDS = 5
_MAX_MODIFIERS = 3
_MODIFIER_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_WITH_STANCE = (TermKind.MEDICATION, TermKind.PROCEDURE, TermKind.TEST)
# Words that may stand between a term and its amount: "gabapentin to 600 mg", "PSA has risen to 6.2".
_BRIDGE = frozenset(
    "to at of from by dose dosage a an the up increased reduced decreased raised lowered oral orally "
    "was is has had now been risen rose fell measured level levels value result recently about approximately "
    "around in every after within for over x × weekly daily total tablet tablets capsule capsules eye drops drop "
    "cream gel ointment patch inhaler spray solution".split()
)
_BRIDGE_WORDS = 4
# Words skipped to find what a loose amount measures: "recovery of three to six months".
_CONNECTORS = frozenset(
    "of in for about approximately around roughly nearly at least to is was are were within after over up by "
    "the a an last only another further takes take lasts last".split()
)


def find(sentence: str, index: int, default: Stance = Stance.MENTIONED) -> list[Mention]:
    """Every term ``sentence`` (number ``index`` of its letter) names, in order.

    ``default`` is the stance of a treatment or test no phrase of the sentence speaks of.
    """
    found_tokens, concepts = words.analyse(sentence)
    if not found_tokens:
        return []
    amounts = quantities.find(sentence)
    blocked = [_inside_amount(found_tokens, c, amounts) or c.stop for c in concepts]
    found: list[_Found] = []
    _listed_names(concepts, blocked, found)
    _medications(found_tokens, concepts, blocked, found)
    _built_names(found_tokens, concepts, blocked, found)
    for item in found:
        if item.kind is not TermKind.MEDICATION:
            _add_modifiers(sentence, found_tokens, concepts, blocked, item)
    found = [f for f in found if f.last - f.first > 1 or not _needs_modifier(found_tokens, concepts, f)]
    found.sort(key=lambda f: f.first)

    spans = [(concepts[f.first].first, concepts[f.last - 1].last) for f in found]
    chars = [(found_tokens[first].start, found_tokens[last - 1].end) for first, last in spans]
    used: set[Quantity] = set()
    values = [_value(sentence, f.kind, start, end, amounts, used) for f, (start, end) in zip(found, chars)]
    stances = stance.stances(sentence, found_tokens, spans, default)
    mentions = [
        Mention(f.kind, _key(concepts, f), _as_written(sentence, start, end), index, value,
                stances[n] if f.kind in _WITH_STANCE else Stance.MENTIONED, f.shown)
        for n, (f, (start, end), value) in enumerate(zip(found, chars, values))
    ]
    taken = chars + [(q.start, q.end) for q in amounts]
    mentions += _loose_amounts(sentence, found_tokens, index, [q for q in amounts if q not in used], taken)
    return mentions


def _listed_names(concepts: Sequence[Concept], blocked: list[bool], found: list[_Found]) -> None:
    table = _phrase_table()
    index = 0
    starts = _phrase_starts()
    while index < len(concepts):
        if concepts[index].base not in starts:
            index += 1
            continue
        for length in range(min(_MAX_PHRASE, len(concepts) - index), 0, -1):
            if any(blocked[index:index + length]):
                continue
            kind_and_name = table.get(tuple(c.base for c in concepts[index:index + length]))
            if kind_and_name:
                kind, shown = kind_and_name
                found.append(_Found(kind, index, index + length, shown))
                _block(blocked, index, index + length)
                index += length
                break
        else:
            index += 1


def _medications(found_tokens: Sequence[Token], concepts: Sequence[Concept], blocked: list[bool],
                 found: list[_Found]) -> None:
    dictionary = medication_names.load()
    not_drugs = _not_drug_words()
    index = 0
    starts = _drug_starts()
    while index < len(concepts):
        if found_tokens[concepts[index].first].fold not in starts:
            index += 1
            continue
        for length in range(min(_MAX_DRUG_WORDS, len(concepts) - index), 0, -1):
            if any(blocked[index:index + length]):
                continue
            phrase = " ".join(t.fold for t in found_tokens[concepts[index].first:concepts[index + length - 1].last])
            drug = dictionary.canonical.get(phrase)
            if drug and phrase not in not_drugs and len(phrase) > 2 and any(ch.isalpha() for ch in phrase):
                shown = dictionary.canonical_shown.get(drug, "")
                found.append(_Found(TermKind.MEDICATION, index, index + length,
                                    shown if shown.casefold() == phrase else "", drug))
                _block(blocked, index, index + length)
                index += length
                break
        else:
            index += 1


def _built_names(found_tokens: Sequence[Token], concepts: Sequence[Concept], blocked: list[bool],
                 found: list[_Found]) -> None:
    for index, concept in enumerate(concepts):
        if blocked[index]:
            continue
        kind = _head_kind(found_tokens[concept.last - 1].fold)
        if kind is not None:
            found.append(_Found(kind, index, index + 1))
            blocked[index] = True


@functools.lru_cache(maxsize=16384)
def _head_kind(fold: str) -> TermKind | None:
    singular = _singular(fold)
    for kind, name in _LISTS.items():
        lexicon = vocabulary.kind_lexicon(name)
        if fold in lexicon.not_terms or singular in lexicon.not_terms:
            continue
        if fold in lexicon.heads or singular in lexicon.heads:
            return kind
        if fold.endswith(("ed", "ing")):
            continue  # "reviewed", "stenting" as a verb: only listed heads end so
        if any(form.endswith(suffix) and len(form) > len(suffix) + 2
               for suffix in lexicon.suffixes for form in (fold, singular)):
            return kind
    return None


def _add_modifiers(sentence: str, found_tokens: Sequence[Token], concepts: Sequence[Concept], blocked: list[bool],
                   item: _Found) -> None:
    """Take in the describing words just before a name: "robotic-assisted radical" prostatectomy."""
    refused = _not_modifiers()
    while item.first > 0:
        before = item.first - 1
        concept = concepts[before]
        gap = sentence[found_tokens[concept.last - 1].end:found_tokens[concepts[item.first].first].start]
        fold = " ".join(t.fold for t in found_tokens[concept.first:concept.last])
        if blocked[before] or gap.strip() or fold in refused or fold.endswith("'s") or not _MODIFIER_WORD.fullmatch(
                fold.replace(" ", "-")):
            return
        if fold.endswith("ing") and "-" not in fold and not found_tokens[concept.first].text.isupper():
            return  # "continuing", "performing": what is done, not a kind of it
        if item.last - item.first > _MAX_MODIFIERS:
            return
        item.first = before
        blocked[before] = True


def _needs_modifier(found_tokens: Sequence[Token], concepts: Sequence[Concept], item: _Found) -> bool:
    if item.kind is TermKind.MEDICATION or item.shown:
        return False
    fold = found_tokens[concepts[item.last - 1].last - 1].fold
    lexicon = vocabulary.kind_lexicon(_LISTS[item.kind])
    return fold in lexicon.heads_needing_modifier or _singular(fold) in lexicon.heads_needing_modifier


def _key(concepts: Sequence[Concept], item: _Found) -> tuple[str, ...]:
    if item.drug:
        return (item.drug,)
    return tuple(part for c in concepts[item.first:item.last] for part in c.base.split("_"))


def _value(sentence: str, kind: TermKind, start: int, end: int, amounts: list[Quantity],
           used: set[Quantity]) -> str | None:
    """The amount a term is given with, as written: "300 mg three times daily", "in 6 months"."""
    if kind is TermKind.DIAGNOSIS:
        return None
    fits = {
        TermKind.MEDICATION: (Dimension.DOSE, Dimension.FREQUENCY, Dimension.MEASURE),
        TermKind.TEST: (Dimension.MEASURE, Dimension.SCORE, Dimension.DURATION, Dimension.FREQUENCY),
        TermKind.PROCEDURE: (Dimension.TREATMENT, Dimension.DURATION, Dimension.FREQUENCY),
    }[kind]
    chain: list[Quantity] = []
    cursor = end
    for amount in (q for q in amounts if q.start >= end and q not in used):
        gap = sentence[cursor:amount.start]
        if chain and re.search(r"\w\.\w$", chain[-1].text):
            gap = gap.removeprefix(".")  # the full stop of "b.i.d."
        strength = amount.dimension is not Dimension.MEASURE or amount.text.endswith("%")
        if amount.dimension not in fits or not _bridged(gap) or (kind is TermKind.MEDICATION and not strength):
            break  # a medicine's strength may be a percentage ("latanoprost 0.005%"), not a test result
        if amount.dimension is Dimension.DOSE and any(q.dimension is Dimension.DOSE for q in chain):
            chain = []  # "from 300 mg b.i.d. to 600 mg b.i.d.": the dose it goes to
        chain.append(amount)
        cursor = amount.end
    before = [q for q in amounts if q.end <= start and q not in used and q.dimension in fits
              and re.fullmatch(r"\s*(?:of\s+)?", sentence[q.end:start])]  # "12 weeks of physical therapy"
    parts = [sentence[q.start:q.end] for q in before[-1:]]
    if chain:
        parts.append(sentence[chain[0].start:chain[-1].end])
    used.update(before[-1:] + chain)
    return ", ".join(parts) or None


def _bridged(gap: str) -> bool:
    if re.search(r"[;.:!?()]", gap):
        return False
    between = re.findall(r"[\w'-]+", gap.casefold())
    return len(between) <= _BRIDGE_WORDS and all(w in _BRIDGE for w in between)


def _loose_amounts(sentence: str, found_tokens: Sequence[Token], index: int, amounts: list[Quantity],
                   names: list[tuple[int, int]]) -> list[Mention]:
    mentions = []
    for amount in amounts:
        if amount.dimension is Dimension.FREQUENCY:
            continue
        name = amount.name or _measured(sentence, found_tokens, amount, names)
        if not name:
            continue
        key = (*words.phrase_key(name), amount.dimension.value)
        mentions.append(Mention(TermKind.QUANTITY, key, name, index, amount.text, Stance.MENTIONED))
    return mentions


def _measured(sentence: str, found_tokens: Sequence[Token], amount: Quantity, names: list[tuple[int, int]]) -> str:
    """What a loose amount is of: the one or two content words before it, past "of", "in", "for"...:
    "a recovery of three to six months", "improvement in 3 months", "a hospital stay of two days"."""
    before = [t for t in found_tokens if t.end <= amount.start]
    connectors = 0
    while before and before[-1].fold in _CONNECTORS:
        before.pop()
        connectors += 1
    if not connectors and amount.dimension in (Dimension.DURATION, Dimension.TREATMENT):
        return ""  # "she reports seven months of pain": no word says what the months measure
    picked: Sequence[Token] = []
    while before and len(picked) < 2:
        token = before[-1]
        gap = sentence[token.end:(picked[0].start if picked else amount.start)]
        if picked and gap.strip():
            break
        if (words.is_stopword(token.fold) or token.fold in _not_modifiers() or token.fold.endswith(("ing", "ly"))
                or not _MODIFIER_WORD.fullmatch(token.fold)
                or any(start < token.end and token.start < end for start, end in names)):
            break
        picked.insert(0, before.pop())
    if not picked:
        return ""
    return sentence[picked[0].start:picked[-1].end]


def _as_written(sentence: str, start: int, end: int) -> str:
    """The name as written; "Fusion is ..." at the start of a sentence gives "fusion"."""
    text = sentence[start:end]
    first = text.split(" ", 1)[0]
    if not sentence[:start].strip() and first.isalpha() and first[:1].isupper() and first[1:].islower():
        return first.lower() + text[len(first):]
    return text


def _inside_amount(found_tokens: Sequence[Token], concept: Concept, amounts: list[Quantity]) -> bool:
    start, end = found_tokens[concept.first].start, found_tokens[concept.last - 1].end
    return any(q.start < end and start < q.end for q in amounts)


def _block(blocked: list[bool], first: int, last: int) -> None:
    for k in range(first, last):
        blocked[k] = True


def _singular(fold: str) -> str:
    if fold.endswith("ies") and len(fold) > 4:
        return fold[:-3] + "y"
    if fold.endswith("s") and not fold.endswith(("ss", "is", "us")) and len(fold) > 3:
        return fold[:-1]
    return fold


@functools.cache
def _phrase_starts() -> frozenset[str]:
    return frozenset(key[0] for key in _phrase_table())


@functools.cache
def _drug_starts() -> frozenset[str]:
    """First words of every name the drug dictionary knows ("vitamin" of "vitamin d")."""
    return frozenset(name.split(" ", 1)[0] for name in medication_names.load().canonical)


@functools.cache
def _phrase_table() -> dict[tuple[str, ...], tuple[TermKind, str]]:
    """Listed names in comparable form, to their kind and (for a synonym) the name to show."""
    table: dict[tuple[str, ...], tuple[TermKind, str]] = {}
    synonyms = vocabulary.sections("synonyms.txt")
    for section, kind in _SYNONYM_SECTIONS.items():
        for line in synonyms.get(section, []):
            first = line.split("|")[0].strip()
            table.setdefault(words.phrase_key(first), (kind, first))
    for kind, name in _LISTS.items():
        for phrase in vocabulary.kind_lexicon(name).phrases:
            key = words.phrase_key(phrase)
            shown = phrase if len(key) == 1 and "_" in key[0] else ""
            table.setdefault(key, (kind, shown))
    return table


@functools.cache
def _not_modifiers() -> frozenset[str]:
    return vocabulary.words("modifiers.txt", "words") | _stance_words()


@functools.cache
def _stance_words() -> frozenset[str]:
    sections = vocabulary.sections("stance.txt")
    return frozenset(entry.casefold() for entries in sections.values() for entry in entries if " " not in entry)


@functools.cache
def _not_drug_words() -> frozenset[str]:
    """Words the drug dictionary knows that letters use otherwise (stance words, units, listed tests)."""
    units = {e.casefold() for entries in vocabulary.sections("quantities.txt").values() for e in entries}
    return _stance_words() | units | vocabulary.words("stopwords.txt", "words")
