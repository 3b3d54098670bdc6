"""Key terms: one entry per concept across both letters, with what each letter says of it.

Mentions of one kind are one concept when one name's words are all in the
other's and both end on the same word: "radical prostatectomy" and
"robotic-assisted radical prostatectomy", "fusion" and "posterior lumbar
interbody fusion" (PLIF). Synonyms already share their words ("MRI", "magnetic
resonance imaging"); medications meet through the drug dictionary ("Tylenol",
"acetaminophen"). Two longer names that disagree ("cervical fusion", "lumbar
fusion") stay apart; a bare "fusion" joins the one named most.

A letter's stance on a term is the one its sentences take most often
("mentioned" counting only when nothing stronger is said), the later one on a
tie, since letters end on their conclusion. Its value is the one given where it
takes that stance, else the first one given.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from opinionkit.core.compare import quantities
from opinionkit.core.compare.mentions import Mention, TermKind
from opinionkit.core.compare.stance import Stance

_KIND_ORDER = [TermKind.PROCEDURE, TermKind.MEDICATION, TermKind.TEST, TermKind.DIAGNOSIS, TermKind.QUANTITY]


@dataclass
class KeyTerm:
    term: str
    kind: TermKind
    in_a: bool
    in_b: bool
    a_value: str | None
    b_value: str | None
    stance_a: Stance | None
    stance_b: Stance | None
    a_sentences: list[int] = field(default_factory=list)  # indexes into Comparison.a_sentences
    b_sentences: list[int] = field(default_factory=list)
    a_forms: list[str] = field(default_factory=list)  # the term as each letter writes it
    b_forms: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        """Both letters name it, take the same stance and give the same value (or none)."""
        return (self.in_a and self.in_b and self.stance_a == self.stance_b
                and quantities.same_amount(self.a_value, self.b_value))


def key_terms(a: list[Mention], b: list[Mention]) -> list[KeyTerm]:
    """Merge the mentions of letter A and letter B into one list of terms, treatments first."""
    tagged = [("a", m) for m in a] + [("b", m) for m in b]
    terms = []
    for kind in _KIND_ORDER:
        for group in _concepts([item for item in tagged if item[1].kind is kind]):
            terms.append(_term(kind, group))
    order = {kind: n for n, kind in enumerate(_KIND_ORDER)}
    terms.sort(key=lambda t: (order[t.kind], _first_place(t)))
    return terms


def _concepts(tagged: list[tuple[str, Mention]]) -> list[list[tuple[str, Mention]]]:
    """Group mentions whose names are longer and shorter forms of one another."""
    by_key: dict[tuple[str, ...], list[tuple[str, Mention]]] = {}
    for item in tagged:
        by_key.setdefault(item[1].key, []).append(item)
    clusters: list[list[tuple[str, ...]]] = []
    for key in sorted(by_key, key=lambda k: (-len(k), k)):
        fitting = [c for c in clusters if all(_compatible(key, other) for other in c)]
        if fitting:
            max(fitting, key=lambda c: sum(len(by_key[k]) for k in c)).append(key)
        else:
            clusters.append([key])
    return [[item for key in cluster for item in by_key[key]] for cluster in clusters]


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a[-1] != b[-1]:
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def _term(kind: TermKind, group: list[tuple[str, Mention]]) -> KeyTerm:
    in_a = [m for letter, m in group if letter == "a"]
    in_b = [m for letter, m in group if letter == "b"]
    stance_a, stance_b = _stance(in_a), _stance(in_b)
    return KeyTerm(
        term=_name(in_a, in_b), kind=kind, in_a=bool(in_a), in_b=bool(in_b),
        a_value=_value(in_a, stance_a), b_value=_value(in_b, stance_b),
        stance_a=stance_a, stance_b=stance_b,
        a_sentences=sorted({m.sentence for m in in_a}), b_sentences=sorted({m.sentence for m in in_b}),
        a_forms=_forms(in_a), b_forms=_forms(in_b),
    )


def _stance(mentions: list[Mention]) -> Stance | None:
    if not mentions:
        return None
    strong = [m for m in mentions if m.stance is not Stance.MENTIONED]
    if not strong:
        return Stance.MENTIONED
    counts = Counter(m.stance for m in strong)
    best = max(counts.values())
    return next(m.stance for m in reversed(strong) if counts[m.stance] == best)


def _value(mentions: list[Mention], stance: Stance | None) -> str | None:
    valued = [m for m in mentions if m.value]
    taking_stance = [m for m in valued if m.stance is stance]
    chosen = taking_stance or valued
    return chosen[0].value if chosen else None


def _name(in_a: list[Mention], in_b: list[Mention]) -> str:
    """The most specific name both letters use, else the one used most; a known name where there is one."""
    shared = {m.key for m in in_a} & {m.key for m in in_b}
    pool = [m for m in in_a + in_b if m.key in shared] if shared else in_a + in_b
    longest = max(len(m.key) for m in pool)
    candidates = [m for m in pool if len(m.key) == longest] if shared else pool
    shown = [m.shown for m in candidates if m.shown]
    if shown:
        return Counter(shown).most_common(1)[0][0]
    written = Counter(m.text for m in candidates)
    return max(written, key=lambda text: (written[text], -len(text)))


def _forms(mentions: list[Mention]) -> list[str]:
    seen: dict[str, None] = {}
    for mention in mentions:
        seen.setdefault(mention.text, None)
    return list(seen)


def _first_place(term: KeyTerm) -> tuple[int, int]:
    if term.a_sentences:
        return (0, term.a_sentences[0])
    return (1, term.b_sentences[0])
