from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Person:
    """A patient whose care the user manages (themselves or a family member)."""

    name: str
    date_of_birth: str | None = None
    sex: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    insurance_plan: str = ""
    member_id: str = ""
    insurer_phone: str = ""
    emergency_contact: str = ""
    notes: str = ""
    id: int | None = None
