"""Words the opinion screens show for stored values: how an opinion was given, its basis, stances, kinds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from opinionkit.core.compare import KeyTerm, Stance, TermKind
from opinionkit.core.domain import Basis, HowGiven, Opinion

#: How a term stands between the two letters (see ``agreement``).
SAME, DIFFERENT_STANCE, DIFFERENT_AMOUNT, ONLY_A, ONLY_B = "same", "stance", "amount", "only a", "only b"


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def how_given_label(value: HowGiven | str) -> str:
    return {
        HowGiven.VISIT: _tr("At a visit"),
        HowGiven.REMOTE_REVIEW: _tr("Remote record review"),
        HowGiven.LETTER: _tr("By letter"),
    }[HowGiven(value)]


def basis_label(value: Basis | str) -> str:
    return {
        Basis.GUIDELINES: _tr("Guidelines or trials"),
        Basis.EXPERIENCE: _tr("Personal experience"),
        Basis.BOTH: _tr("Both guidelines and experience"),
        Basis.NOT_STATED: _tr("Not stated"),
    }[Basis(value)]


def stance_label(stance: Stance | str | None) -> str:
    if stance is None:
        return _tr("Not mentioned")
    return {
        Stance.RECOMMENDED: _tr("Recommended"),
        Stance.ADVISED_AGAINST: _tr("Advised against"),
        Stance.MENTIONED: _tr("Mentioned"),
    }[Stance(stance)]


def kind_label(kind: TermKind | str) -> str:
    return {
        TermKind.MEDICATION: _tr("Medication"),
        TermKind.PROCEDURE: _tr("Treatment"),  # procedures too: a fusion, physiotherapy, a course of care
        TermKind.TEST: _tr("Test"),
        TermKind.DIAGNOSIS: _tr("Diagnosis"),
        TermKind.QUANTITY: _tr("Amount"),
    }[TermKind(kind)]


def agreement(term: KeyTerm) -> str:
    """SAME, DIFFERENT_STANCE, DIFFERENT_AMOUNT, ONLY_A or ONLY_B."""
    if not term.in_b:
        return ONLY_A
    if not term.in_a:
        return ONLY_B
    if term.agrees:
        return SAME
    return DIFFERENT_STANCE if term.stance_a != term.stance_b else DIFFERENT_AMOUNT


def agreement_label(key: str) -> str:
    return {
        SAME: _tr("Same in both"),
        DIFFERENT_STANCE: _tr("Different advice"),
        DIFFERENT_AMOUNT: _tr("Different amount"),
        ONLY_A: _tr("Only in letter A"),
        ONLY_B: _tr("Only in letter B"),
    }[key]


def said(term: KeyTerm, letter: str) -> str:
    """What one letter says of a term: "Recommended · 600 mg three times daily", or "Not mentioned"."""
    present, stance, value = ((term.in_a, term.stance_a, term.a_value) if letter == "a"
                              else (term.in_b, term.stance_b, term.b_value))
    if not present:
        return stance_label(None)
    return f"{stance_label(stance)} · {value}" if value else stance_label(stance)


def doctor_name(opinion: Opinion, provider_names: dict[int, str]) -> str:
    """Who gave the opinion: the doctor, else the specialty, else a plain stand-in."""
    if opinion.provider_id is not None and provider_names.get(opinion.provider_id):
        return provider_names[opinion.provider_id]
    return opinion.specialty or _tr("Unnamed doctor")
