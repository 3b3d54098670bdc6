"""The shipped word lists (resources/vocabulary), read once and kept.

Each list is a plain text file of ``[section]`` headings and one entry per line
(see resources/vocabulary/README.md for their sources and format). This module
only reads them; what the words mean is up to the modules that use them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class KindLexicon:
    """How one kind of term (procedure, test, diagnosis) is recognised."""

    phrases: tuple[str, ...]
    heads: frozenset[str]
    heads_needing_modifier: frozenset[str]
    suffixes: tuple[str, ...]
    not_terms: frozenset[str]


def sections(name: str) -> dict[str, list[str]]:
    """The entries of ``resources/vocabulary/<name>`` by section, in file order."""
    return dict(_sections(name))


@functools.cache
def _sections(name: str) -> tuple[tuple[str, list[str]], ...]:
    text = resources.files("opinionkit.resources").joinpath("vocabulary", name).read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    current = found.setdefault("", [])
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1].strip(), [])
        else:
            current.append(line)
    return tuple(found.items())


def words(name: str, section: str) -> frozenset[str]:
    """One section as a set of casefolded entries."""
    return frozenset(entry.casefold() for entry in sections(name).get(section, []))


@functools.cache
def kind_lexicon(name: str) -> KindLexicon:
    found = sections(name)
    folded = {key: [entry.casefold() for entry in entries] for key, entries in found.items()}
    return KindLexicon(
        phrases=tuple(found.get("phrases", [])),
        heads=frozenset(folded.get("heads", [])),
        heads_needing_modifier=frozenset(folded.get("heads needing a modifier", [])),
        suffixes=tuple(sorted(folded.get("suffixes", []), key=len, reverse=True)),
        not_terms=frozenset(folded.get("not terms", [])),
    )


@functools.cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Each concept's names, the one to show first."""
    groups = []
    for entries in sections("synonyms.txt").values():
        for line in entries:
            names = tuple(name.strip() for name in line.split("|") if name.strip())
            if names:
                groups.append(names)
    return tuple(groups)


@functools.cache
def number_words() -> dict[str, float]:
    """Written numbers ("twelve", "a few") and their value."""
    found = {}
    for entry in sections("quantities.txt").get("number words", []):
        words_, _, value = entry.partition("=")
        found[words_.strip().casefold()] = float(value)
    return found
