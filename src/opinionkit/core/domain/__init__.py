"""Domain types: plain dataclasses the services read and write."""

from opinionkit.core.domain.cases import Case, CaseStatus
from opinionkit.core.domain.people import Person
from opinionkit.core.domain.providers import Provider, ProviderKind

__all__ = ["Case", "CaseStatus", "Person", "Provider", "ProviderKind"]
