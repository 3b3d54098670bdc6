"""Splitting a letter into sentences without breaking doses, decimals and abbreviations.

A full stop ends a sentence unless it belongs to a number ("6.2 ng/mL"), an
abbreviation ("Dr.", "b.i.d.", "e.g.", "vs.", "approx.", "No. 3"; the list is
resources/vocabulary/sentences.txt) or an initial ("J. R. Smith"). Line breaks
end a sentence where a letter is laid out in lines: after a heading ("Plan"),
before a bulleted or numbered item, at a blank line; lines wrapped in the
middle of a sentence are joined again. A letter whose line breaks were lost (as
text taken from a PDF often is) is split the same way, its headings and list
numbers found from the words themselves. List markers are left out of the
sentences, so "1. Start apixaban" and "- Start apixaban" read the same.

pysbd (rule-based, offline) was measured against this and set aside: it took
about 30 s for a 24,000-word letter, the comparison's whole budget being 0.3 s,
and split "approx. 2 tablets".
"""

from __future__ import annotations

import functools
import re
import unicodedata

from opinionkit.core.compare import vocabulary

#: Sentences longer than this many words are cut at semicolons, then commas, so that
#: a letter without punctuation still lines up piece by piece.
MAX_WORDS = 80

_BULLET = r"(?:[-–—*•▪◦·‣●○■□➢►]|\(?\d{1,2}[.)]|\(?[a-h]\)|[a-h]\.|\((?:[ivx]{1,4})\))"
_LEADING_MARKER = re.compile(rf"^\s*{_BULLET}\s+")
_TERMINAL = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|[。！？]+[」』”）]*")
_INLINE_LIST = re.compile(r"(?<=[:;])\s+(?=(?:[•▪◦·‣●■➢►]|\(?\d{1,2}[.)]|[-–*])\s+\S)|\s+(?=[•▪◦‣●■➢►]\s+\S)")
_NEXT_WORD = re.compile(r"\s*(\S+)")
_PREVIOUS_WORD = re.compile(r"(\S+)$")
_CLAUSE_BREAK = re.compile(r"(?<=;)\s+")
_COMMA_BREAK = re.compile(r"(?<=,)\s+")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in reading order, each on one line, with no list markers."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u00ad", "").replace("\t", " ").replace("\f", "\n\n")
    found: list[str] = []
    for block in _blocks(text):
        for piece in _INLINE_LIST.split(block):
            for sentence in _split_block(piece):
                found.extend(_cut_long(sentence))
    return [s for s in (_clean(s) for s in found) if s]


def in_plan(found: list[str]) -> list[bool]:
    """For each sentence, whether it stands under a plan or recommendations heading."""
    headings, plans = _heading_names()
    flags = []
    inside = False
    for sentence in found:
        name = _heading_name(sentence)
        if name in plans:
            inside = True
        elif name in headings:
            inside = False
        flags.append(inside)
    return flags


def signature_start(found: list[str]) -> int:
    """The index of the closing ("Yours sincerely,") after which only the signature follows."""
    closings = vocabulary.words("sentences.txt", "closings")
    for index in range(len(found) - 1, -1, -1):
        if _heading_name(found[index]) in closings:
            return index
    return len(found)


def _heading_name(sentence: str) -> str:
    return " ".join(sentence.casefold().rstrip(":,.!").split())


@functools.cache
def _heading_names() -> tuple[frozenset[str], frozenset[str]]:
    plans = vocabulary.words("sentences.txt", "plan headings")
    return vocabulary.words("sentences.txt", "headings") | plans, plans


def _blocks(text: str) -> list[str]:
    """Runs of lines that belong together: a paragraph, a heading, one list item."""
    lines = [line.strip() for line in text.split("\n")]
    blocks: list[list[str]] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        if not line:
            if current:
                blocks.append(current)
                current = []
            continue
        if current and _starts_new_block(current[-1], line):
            blocks.append(current)
            current = []
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _is_heading(line, following):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return [_join_lines(block) for block in blocks]


def _starts_new_block(previous: str, line: str) -> bool:
    if _LEADING_MARKER.match(line):
        return True
    if previous.endswith((":", ",")) and len(previous.split()) <= 8:  # "Dear Dr. Iwu," or "Plan:"
        return True
    return False


def _is_heading(line: str, following: str) -> bool:
    """A short line with no closing punctuation, followed by a line that starts a sentence."""
    if not following or line.endswith((".", ",", ";", "!", "?", "-", "–")):
        return False
    if len(line.split()) > 8 or len(line) > 60:
        return False
    first = following.lstrip("\"'“(")[:1]
    return bool(_LEADING_MARKER.match(following)) or first.isdigit() or first.isupper() or not first.isalpha()


def _join_lines(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        if re.search(r"\w-$", joined) and line[:1].isalnum():
            joined += line  # a word broken at the end of a line: "L4-" + "L5"
        else:
            joined += " " + line
    return joined


def _split_block(block: str) -> list[str]:
    block = _LEADING_MARKER.sub("", block, count=1)
    pieces: list[str] = []
    start = 0
    for match in _TERMINAL.finditer(block):
        if _ends_sentence(block, match, start):
            pieces.append(block[start:match.end()])
            start = match.end()
    pieces.append(block[start:])
    found = []
    for piece in pieces:
        found.extend(_heading_apart(_LEADING_MARKER.sub("", piece.strip(), count=1)))
    return found


def _ends_sentence(block: str, match: re.Match[str], start: int) -> bool:
    mark = match.group()
    if mark[0] in "。！？":
        return True
    following = _NEXT_WORD.match(block, match.end())
    if following is None:
        return True
    next_word = following.group(1).lstrip("\"'“‘([")
    first = next_word[:1]
    if first.islower():
        return False  # "b.i.d. and", "approx. two", "Dr. said" never start a sentence
    if mark[0] != ".":
        return True
    previous = _PREVIOUS_WORD.search(block, 0, match.start())
    word = previous.group(1).lstrip("\"'“‘([").casefold() if previous else ""
    rules = _abbreviations()
    if word in rules["never end"]:
        return False
    if previous and word.isdigit() and len(word) <= 2 and not block[start:previous.start()].strip():
        return False  # the number of a list item: "2. Risks discussed"
    if first.isdigit():
        return word not in rules["before a number"]
    if word in rules["before a number"] and next_word[:1].isdigit():
        return False
    if _is_initial(previous.group(1) if previous else "", block, previous.start() if previous else 0):
        return next_word.casefold().strip(",.;:") in _stopwords()  # "Hepatitis B. The", not "J. R. Smith"
    return True


def _is_initial(word: str, block: str, at: int) -> bool:
    """A single capital ("J" of "J. R. Smith") standing where a name is."""
    if not (len(word) == 1 and word.isupper()):
        return False
    before = _PREVIOUS_WORD.search(block, 0, max(0, at - 1)) if at else None
    if before is None:
        return True
    prior = before.group(1)
    if prior.endswith((".", ",")) and len(prior.rstrip(".,")) == 1:
        return True  # another initial
    if prior.rstrip(".").casefold() in _abbreviations()["never end"]:
        return True  # "Dr. J. Smith"
    return prior[:1].isupper() and not prior.endswith((".", "!", "?", ":", ";"))


def _heading_apart(sentence: str) -> list[str]:
    """"Plan Start apixaban ..." from a letter that lost its line breaks: the heading stands alone."""
    match = _heading_pattern().match(sentence)
    if not match:
        return [sentence]
    rest = sentence[match.end():].lstrip()
    marker = _LEADING_MARKER.match(rest)
    if marker:
        rest = rest[marker.end():]
    return [match.group(1), rest] if rest else [sentence]


def _cut_long(sentence: str) -> list[str]:
    if len(sentence.split()) <= MAX_WORDS:
        return [sentence]
    for breaker in (_CLAUSE_BREAK, _COMMA_BREAK):
        parts = breaker.split(sentence)
        if len(parts) > 1:
            return [cut for part in _regroup(parts) for cut in _cut_long(part)]
    words = sentence.split()
    return [" ".join(words[i:i + MAX_WORDS]) for i in range(0, len(words), MAX_WORDS)]


def _regroup(parts: list[str]) -> list[str]:
    """Join neighbouring short parts again so that each piece stays near MAX_WORDS."""
    groups: list[str] = []
    for part in parts:
        if groups and len(groups[-1].split()) + len(part.split()) <= MAX_WORDS:
            groups[-1] += " " + part
        else:
            groups.append(part)
    return groups


def _clean(sentence: str) -> str:
    return " ".join(sentence.split())


@functools.cache
def _abbreviations() -> dict[str, frozenset[str]]:
    return {name: vocabulary.words("sentences.txt", name) for name in ("never end", "before a number", "may end")}


@functools.cache
def _stopwords() -> frozenset[str]:
    return vocabulary.words("stopwords.txt", "words")


@functools.cache
def _heading_pattern() -> re.Pattern[str]:
    """A known heading, capitalised as headings are, then a capitalised word or a list marker."""
    headings = sorted(vocabulary.sections("sentences.txt").get("headings", []), key=len, reverse=True)
    names = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in headings)
    return re.compile(rf"((?i:{names})\s*:?)\s+(?=[A-Z0-9]|{_BULLET}\s)")
