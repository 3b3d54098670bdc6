"""Comparing two doctors' letters: sentences paired by meaning, word differences, key terms and stances.

Qt-free and offline. ``compare_letters(a_text, b_text)`` returns a ``Comparison``;
``page.comparison_html`` turns one into a self-contained page; ``letter_files.read_letter``
reads a letter from a .txt or .pdf file.
"""

from opinionkit.core.compare.mentions import TermKind
from opinionkit.core.compare.report import Comparison, SentencePair, compare_letters
from opinionkit.core.compare.stance import Stance
from opinionkit.core.compare.terms import KeyTerm
from opinionkit.core.compare.worddiff import Change, DiffSpan

__all__ = ["Change", "Comparison", "DiffSpan", "KeyTerm", "SentencePair", "Stance", "TermKind", "compare_letters"]
