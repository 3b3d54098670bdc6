"""Questions a person takes to the doctors, and what each doctor answered."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class QuestionSource(StrEnum):
    """Where a question came from: the starter set, the person, or the comparison of opinions."""

    STARTER = "starter"
    USER = "user"
    COMPARISON = "comparison"


class AnswerState(StrEnum):
    ASKED = "asked"
    ANSWERED = "answered"


@dataclass
class Question:
    """One question of a case; ``for_provider_id`` None means it is for every doctor."""

    case_id: int
    text: str
    position: int = 0
    for_provider_id: int | None = None
    source: QuestionSource = QuestionSource.USER
    starter_key: str | None = None
    id: int | None = None


@dataclass
class QuestionAnswer:
    """Whether one doctor was asked one question, and their answer once given."""

    question_id: int
    provider_id: int
    state: AnswerState = AnswerState.ASKED
    answer: str = ""
    on_date: str | None = None
    id: int | None = None


@dataclass
class QuestionRow:
    """A question with its answers by doctor, for lists and the printed sheet."""

    question: Question
    answers: dict[int, QuestionAnswer] = field(default_factory=dict)

    def answered_by(self, provider_id: int) -> bool:
        found = self.answers.get(provider_id)
        return found is not None and found.state is AnswerState.ANSWERED
