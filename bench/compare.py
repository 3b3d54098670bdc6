"""Comparing two 10,000-word letters: sentence pairing and word differences, then the whole comparison.

Letter A is generated from clinical sentences of several specialties, with
drug names, doses, levels and durations varied. Letter B is letter A as a
second doctor would write it: about a fifth of the sentences reworded (other
words, other doses, a negation added), a tenth left out, a tenth new, and the
sections in another order. The figures are the median over the runs, after
one warm-up run (which also loads the offline drug dictionary once, as the
window does when it starts). No sentence is remembered from one run to the
next; what each word stems to is.

- "align and diff": ``sentences.split_sentences`` on both letters, ``align.align``
  and ``worddiff.word_diff`` on every pair; target <= 300 ms.
- "whole comparison": ``compare_letters``, key terms and stances included.
"""

from __future__ import annotations

import random
import statistics
import time

from bench import Row
from opinionkit.core.compare import align, compare_letters, sentences, worddiff, words
from opinionkit.core.services import medication_names

WORDS = 10_000
TARGET_MS = 300.0

_DRUGS = ["gabapentin", "apixaban", "levetiracetam", "metoprolol", "methotrexate", "amiodarone", "sertraline",
          "lamotrigine", "prednisolone", "atorvastatin", "tamsulosin", "adalimumab"]
_PROCEDURES = ["posterior lumbar interbody fusion", "catheter ablation", "radical prostatectomy",
               "total knee replacement", "epidural steroid injection", "cataract surgery", "coronary angioplasty",
               "laparoscopic cholecystectomy", "vagus nerve stimulation", "external beam radiotherapy"]
_TESTS = ["MRI of the lumbar spine", "echocardiogram", "video EEG", "PSA test", "CT of the chest", "Holter monitor",
          "nerve conduction study", "bone density scan", "repeat biopsy", "flexion-extension X-rays"]
_CONDITIONS = ["atrial fibrillation", "focal epilepsy", "prostate cancer", "rheumatoid arthritis",
               "lumbar spinal stenosis", "heart failure", "osteoarthritis of the knee", "glaucoma"]
_TEMPLATES = [
    "I recommend {procedure} after discussing the risks and benefits with the patient and her family.",
    "Continue {drug} {dose} mg twice daily and review the dose at the next visit in {n} weeks.",
    "The {test} performed last month showed findings consistent with {condition} of moderate severity.",
    "She reports that her symptoms have worsened over the past {n} months despite regular treatment.",
    "I would not recommend {procedure} at this time because the expected benefit is small.",
    "A {test} should be arranged before any decision on {procedure} is made.",
    "Her {condition} has been stable on {drug} {dose} mg once daily for {n} years.",
    "The main risks are infection, bleeding and a small chance of nerve injury, about {n} in a hundred.",
    "Rather than {procedure}, I suggest {n} weeks of structured physical therapy twice weekly.",
    "We discussed her goals, which are to walk without pain and to keep working part time.",
    "Her blood pressure was {n}0/80 mmHg and her heart rate was regular at {n}2 beats per minute.",
    "The PSA level rose from {n}.1 ng/mL to {n}.9 ng/mL over the last year.",
    "Increase {drug} to {dose} mg three times daily in steps over two weeks and watch for drowsiness.",
    "There is no urgency, and a decision within the next {n} months would be reasonable.",
]
_REWORDINGS = [("recommend", "advise"), ("discussed", "talked about"), ("arranged", "booked"),
               ("moderate", "mild"), ("twice daily", "three times daily"), ("weeks", "months"),
               ("I would not recommend", "I would recommend"), ("should", "must")]


def measure(runs: int) -> list[Row]:
    rng = random.Random(6)
    a_text, b_text = _letters(rng)
    medication_names.load()
    compare_letters(a_text, b_text)  # warm-up: word lists, stemmer cache

    align_times, whole_times = [], []
    for _ in range(max(runs, 3)):
        words.analyse.cache_clear()  # no sentence seen before: only word-level caches stay warm
        start = time.perf_counter()
        a, b = sentences.split_sentences(a_text), sentences.split_sentences(b_text)
        for pair in align.align(a, b):
            if pair.a is not None and pair.b is not None:
                worddiff.word_diff(a[pair.a], b[pair.b])
        align_times.append((time.perf_counter() - start) * 1000)
        words.analyse.cache_clear()
        start = time.perf_counter()
        comparison = compare_letters(a_text, b_text)
        whole_times.append((time.perf_counter() - start) * 1000)
    assert comparison.pairs and comparison.terms
    size = f"{len(a_text.split()):,} + {len(b_text.split()):,} words"
    return [
        Row(f"compare two letters ({size}): align and diff, median", statistics.median(align_times), "ms",
            TARGET_MS),
        Row(f"compare two letters ({size}): with key terms, median", statistics.median(whole_times), "ms"),
    ]


def _letters(rng: random.Random) -> tuple[str, str]:
    """Letter A of about WORDS words, and letter B, its rewrite by another doctor."""
    sentences_a: list[str] = []
    count = 0
    while count < WORDS:
        sentence = rng.choice(_TEMPLATES).format(
            procedure=rng.choice(_PROCEDURES), drug=rng.choice(_DRUGS), test=rng.choice(_TESTS),
            condition=rng.choice(_CONDITIONS), dose=rng.choice([5, 25, 50, 100, 300, 500, 600, 1000]),
            n=rng.randint(2, 9),
        )
        sentences_a.append(sentence)
        count += len(sentence.split())
    sentences_b = []
    for sentence in sentences_a:
        roll = rng.random()
        if roll < 0.1:
            continue  # left out
        if roll < 0.3:
            old, new = rng.choice(_REWORDINGS)
            sentence = sentence.replace(old, new)
        sentences_b.append(sentence)
        if rng.random() < 0.1:
            sentences_b.append(rng.choice(_TEMPLATES).format(
                procedure=rng.choice(_PROCEDURES), drug=rng.choice(_DRUGS), test=rng.choice(_TESTS),
                condition=rng.choice(_CONDITIONS), dose=rng.choice([10, 20, 200]), n=rng.randint(2, 9)))
    sections_b = [sentences_b[i:i + 40] for i in range(0, len(sentences_b), 40)]
    rng.shuffle(sections_b)
    return _paragraphs(sentences_a), _paragraphs([s for section in sections_b for s in section])


def _paragraphs(found: list[str]) -> str:
    return "\n\n".join(" ".join(found[i:i + 6]) for i in range(0, len(found), 6))


if __name__ == "__main__":
    from opinionkit.cli.table import print_table

    print_table(["FIGURE", "VALUE"], [[r.figure, r.show(r.value)] for r in measure(7)], empty="")
