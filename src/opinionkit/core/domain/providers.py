from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ProviderKind(StrEnum):
    DOCTOR = "doctor"
    CLINIC = "clinic"
    LAB = "lab"
    IMAGING_CENTRE = "imaging centre"
    HOSPITAL = "hospital"
    INSURER = "insurer"
    OTHER = "other"


@dataclass
class Provider:
    """An entry of the directory shared by every person: a doctor, clinic, lab, insurer..."""

    name: str
    kind: ProviderKind = ProviderKind.DOCTOR
    specialty: str = ""
    institution: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    address: str = ""
    portal: str = ""
    notes: str = ""
    id: int | None = None
