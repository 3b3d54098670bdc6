"""Medication names, offline: suggestions while typing and "is this the same drug?".

The names come from the drug dictionary shipped by the PyPI package
``drug-named-entity-recognition`` (DrugBank open data, CC0, with MeSH,
MedlinePlus, NHS and Wikipedia names; see NOTICE). Only its data file is read:
importing the package itself would load its network helpers and a cache file
from the home folder, and nothing here may reach the network.

The file is a pickle of plain dicts, lists and strings. It is read with an
unpickler that refuses every class, so it can only ever give back data.
The dictionary is loaded once, on first use (about half a second); ``load``
may be called early from a worker thread to have it ready.
"""

from __future__ import annotations

import bisect
import bz2
import importlib.util
import pickle
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_PACKAGE = "drug_named_entity_recognition"
_DATA_FILE = "drug_ner_dictionary.pkl.bz2"
# A structural class must be this deep in the MeSH tree to count ("Penicillins"
# is 5 levels deep, "Amides" 2): shallower classes would match half the pharmacy.
_MIN_CLASS_DEPTH = 4


@dataclass(frozen=True)
class DrugDictionary:
    #: Sorted search keys (casefolded) and, at the same index, the name to show.
    keys: tuple[list[str], ...]
    shown: tuple[list[str], ...]
    #: Any known spelling (casefolded) -> canonical key.
    canonical: dict[str, str]
    #: Canonical key -> the name to show for it.
    canonical_shown: dict[str, str]
    #: Canonical key -> MeSH tree numbers (the drug's place among chemical classes).
    tree_numbers: dict[str, tuple[str, ...]]


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        raise pickle.UnpicklingError(f"the drug dictionary holds an unexpected object ({module}.{name})")


_EMPTY = DrugDictionary(([],), ([],), {}, {}, {})
_lock = threading.Lock()
_loaded: DrugDictionary | None = None


def data_file() -> Path | None:
    """Where the dictionary file is installed, found without importing the package."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / _DATA_FILE
    return path if path.is_file() else None


def load() -> DrugDictionary:
    """The dictionary, read on first call; an empty one when the package is missing or unreadable."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = _read(data_file())
        return _loaded


def suggest(prefix: str, limit: int = 20) -> list[str]:
    """Up to ``limit`` names starting with ``prefix`` (any case): common medicines first, then brand
    and other names, each group in alphabetical order."""
    key = normalise(prefix)
    if not key or limit <= 0:
        return []
    dictionary = load()
    found: list[str] = []
    seen: set[str] = set()
    for keys, shown in zip(dictionary.keys, dictionary.shown):
        index = bisect.bisect_left(keys, key)
        while index < len(keys) and keys[index].startswith(key) and len(found) < limit:
            if keys[index] not in seen:
                seen.add(keys[index])
                found.append(shown[index])
            index += 1
        if len(found) >= limit:
            break
    return found


def canonical_name(name: str) -> str | None:
    """The dictionary's name for the drug ``name`` stands for ("Tylenol" -> "Acetaminophen"), if known.

    A name followed by more words ("Vitamin D3 2000 IU") is tried ever shorter.
    """
    key = _resolve(name)
    return load().canonical_shown.get(key) if key else None


def same_drug(a: str, b: str) -> bool:
    """True when two names are the same drug: same words, or synonyms in the dictionary."""
    if normalise(a) == normalise(b):
        return bool(normalise(a))
    key_a, key_b = _resolve(a), _resolve(b)
    return key_a is not None and key_a == key_b


def drug_class_match(drug: str, substance: str) -> str | None:
    """When ``drug`` belongs to the chemical class ``substance`` names (amoxicillin to "penicillin"),
    or is the same drug, the name to show for that class or drug; otherwise None."""
    drug_key, substance_key = _resolve(drug), _resolve(substance)
    if drug_key is None or substance_key is None:
        return None
    dictionary = load()
    if drug_key == substance_key:
        return dictionary.canonical_shown.get(substance_key)
    classes = [t for t in dictionary.tree_numbers.get(substance_key, ()) if t.count(".") + 1 >= _MIN_CLASS_DEPTH]
    for number in dictionary.tree_numbers.get(drug_key, ()):
        if any(number.startswith(c + ".") for c in classes):
            return dictionary.canonical_shown.get(substance_key)
    return None


def normalise(text: str) -> str:
    """The form names are compared in: one spacing, case and Unicode form ignored."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _resolve(name: str) -> str | None:
    canonical = load().canonical
    words = normalise(name).split(" ")
    for length in range(len(words), 0, -1):
        found = canonical.get(" ".join(words[:length]))
        if found:
            return found
    return None


def _read(path: Path | None) -> DrugDictionary:
    if path is None:
        return _EMPTY
    try:
        with bz2.open(path, "rb") as stream:
            data = _Unpickler(stream).load()
        variants: dict[str, list[str]] = data["drug_variant_to_canonical"]
        drugs: dict[str, dict] = data["drug_canonical_to_data"]
    except (OSError, EOFError, KeyError, TypeError, ValueError, pickle.UnpicklingError):
        return _EMPTY

    canonical = {normalise(v): normalise(c[0]) for v, c in variants.items() if c}
    canonical_shown = {normalise(k): str(d.get("name") or _capitalise(k)) for k, d in drugs.items()}
    tree_numbers = {normalise(k): tuple(d["mesh_tree"]) for k, d in drugs.items() if d.get("mesh_tree")}

    # Medicines, not the enzymes and receptors MeSH lists beside them: keep what has a
    # DrugBank, MedlinePlus, NHS or Wikipedia entry.
    medicines = {
        normalise(k) for k, d in drugs.items()
        if any(d.get(source) for source in ("drugbank_id", "medline_plus_id", "nhs_url", "wikipedia_url"))
    }
    common = {normalise(k) for k, d in drugs.items() if d.get("medline_plus_id") or d.get("nhs_url")}
    # Suggested first: common medicines, then their other names (brands such as Tylenol),
    # then other medicines, then their other names.
    tiers: tuple[dict[str, str], ...] = ({}, {}, {}, {})
    for key in medicines:
        tiers[0 if key in common else 2][key] = canonical_shown[key]
    for variant, key in canonical.items():
        if key in medicines and variant not in tiers[0] and variant not in tiers[2]:
            tiers[1 if key in common else 3][variant] = _capitalise(variant)
    keys = tuple(sorted(tier) for tier in tiers)
    shown = tuple([tier[k] for k in ordered] for tier, ordered in zip(tiers, keys))
    return DrugDictionary(keys, shown, canonical, canonical_shown, tree_numbers)


def _capitalise(name: str) -> str:
    """"vitamin b12" -> "Vitamin B12", "tylenol" -> "Tylenol": the dictionary keeps spellings lower case."""
    words = name.split(" ")
    words = [w.upper() if len(w.rstrip(",;:").rstrip("0123456789")) == 1 and w[0].isalpha() else w for w in words]
    first = words[0]
    if len(first) > 1 and first[0].isalpha():
        words[0] = first[0].upper() + first[1:]
    return " ".join(words)
