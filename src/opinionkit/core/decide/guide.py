"""The decision guide, following the structure of the Ottawa Personal Decision Guide.

O'Connor AM, Stacey D, Jacobsen MJ. Ottawa Personal Decision Guide. Ottawa
Hospital Research Institute. The structure is theirs; the wording here is ours:
the decision and the time to make it; the person's goals and how much each
matters (0-5); each option (each opinion's recommendation, and any the person
adds) with its benefits and risks and how much each matters; who else is
involved, what they would prefer and whether they press for it; four yes/no
checks after the SURE test, each "no" with a plain next step; and the
decision, recorded on the case. An opinion added after the decision is
pointed out, with the offer to think again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.decide.grid import doctor_name
from opinionkit.core.domain import (
    Case,
    CaseStatus,
    Consideration,
    DecisionGuide,
    GoalWeight,
    GuideOption,
    Opinion,
    OtherPerson,
    SureCheck,
)
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import cases, opinions

TABLE = "decision_guides"
CITATION = ("O'Connor AM, Stacey D, Jacobsen MJ. Ottawa Personal Decision Guide. "
            "Ottawa Hospital Research Institute.")
_TEXT_LIMIT = 4000

#: Each check: the question, and what to do when the answer is no.
SURE_CHECKS: dict[SureCheck, tuple[str, str]] = {
    SureCheck.SURE: (
        "Do you feel sure which choice is best for you?",
        "Not sure yet is common. Look at the other checks below; if the doctors still disagree after you "
        "have asked them about each other's views, a third opinion can help settle it.",
    ),
    SureCheck.UNDERSTAND: (
        "Do you know the benefits and risks of each option?",
        "Learn more first: ask each doctor the questions on your list, ask for the benefits and risks in "
        "numbers (out of 100 people like you), and read what they wrote.",
    ),
    SureCheck.RISK_BENEFIT: (
        "Are you clear which benefits and risks matter most to you?",
        "Clarify what matters: go back to your goals, mark how much each benefit and risk matters to you, "
        "and see which option serves the goals you weighted highest.",
    ),
    SureCheck.ENCOURAGEMENT: (
        "Do you have enough support and advice to make the choice?",
        "Get support: talk it through with someone you trust, bring them to the next appointment, or ask "
        "your primary-care doctor to help you weigh the opinions.",
    ),
}


def load(db: Database, case_id: int) -> DecisionGuide:
    """The guide as kept, with the case's goals and one option per opinion filled in where missing."""
    case = cases.get(db, case_id)
    stored = _stored(db, case_id)
    case_opinions = opinions.list_for_case(db, case_id)
    weights = {g["goal"]: g.get("weight") for g in json.loads(stored["goal_weights"])} if stored else {}
    options = [_option(o) for o in json.loads(stored["options"])] if stored else []
    live = {o.id for o in case_opinions}
    options = [o for o in options if o.opinion_id is None or o.opinion_id in live]
    have = {o.opinion_id for o in options}
    options += [_from_opinion(db, o) for o in case_opinions if o.id not in have]
    order = {o.id: n for n, o in enumerate(case_opinions)}
    options.sort(key=lambda o: order.get(o.opinion_id, len(order)))  # the doctors' in order, then the person's
    for option in options:
        found = next((o for o in case_opinions if o.id == option.opinion_id), None)
        if found is not None:
            option.label = _label(db, found)  # follows the opinion when it is edited
    sure_raw = json.loads(stored["sure"]) if stored else {}
    return DecisionGuide(
        case_id=case_id,
        decision=(stored or {}).get("decision") or case.title,
        timing=(stored or {}).get("timing", ""),
        deadline=case.decision_deadline,
        goals=[GoalWeight(goal, weights.get(goal)) for goal in case.goals],
        options=options,
        others=[OtherPerson(**p) for p in json.loads(stored["others"])] if stored else [],
        sure={check: sure_raw.get(check.value) for check in SureCheck},
        leaning=(stored or {}).get("leaning", ""),
        decided=case.status is CaseStatus.DECIDED,
        decided_decision=case.decision, decided_reason=case.decision_reason, decided_on=case.decided_on,
        new_opinion_ids=_new_since_decision(case, stored, case_opinions),
    )


def save(db: Database, guide: DecisionGuide) -> DecisionGuide:
    """Keep the guide as filled in; weights are whole numbers 0 to 5, or None when not weighed yet."""
    cases.get(db, guide.case_id)
    guide.decision, guide.timing, guide.leaning = (_text(guide.decision, "decision"),
                                                   _text(guide.timing, "timing"), _text(guide.leaning, "leaning"))
    for goal in guide.goals:
        goal.weight = _weight(goal.weight, f"How much “{goal.goal}” matters")
    for number, option in enumerate(guide.options, 1):
        option.label = _text(option.label, "options")
        if not option.label:
            raise InvalidInput("options", f"Option {number} has no name: say what the option is, or remove it.")
        for item in (*option.benefits, *option.risks):
            item.text = _text(item.text, "options")
            item.weight = _weight(item.weight, f"How much “{item.text}” matters")
        option.benefits = [b for b in option.benefits if b.text]
        option.risks = [r for r in option.risks if r.text]
    for person in guide.others:
        person.name, person.prefers = _text(person.name, "others"), _text(person.prefers, "others")
        if not person.name:
            raise InvalidInput("others", "Say who the person is (a name or how they are related), or remove them.")
    row = {
        "case_id": guide.case_id, "decision": guide.decision, "timing": guide.timing, "leaning": guide.leaning,
        "goal_weights": json.dumps([dataclasses.asdict(g) for g in guide.goals], ensure_ascii=False),
        "options": json.dumps([dataclasses.asdict(o) for o in guide.options], ensure_ascii=False),
        "others": json.dumps([dataclasses.asdict(p) for p in guide.others], ensure_ascii=False),
        "sure": json.dumps({k.value: guide.sure.get(k) for k in SureCheck}),
        "updated_at": dates.now_stamp(),
    }
    with db.atomic():
        stored = _stored(db, guide.case_id)
        if stored is None:
            db[TABLE].insert({**row, "created_at": row["updated_at"]})
        else:
            db[TABLE].update(stored["id"], row)
    return load(db, guide.case_id)


def sure_notes(guide: DecisionGuide) -> list[str]:
    """For each check answered no, what to do next."""
    return [SURE_CHECKS[check][1] for check in SureCheck if guide.sure.get(check) is False]


def revisit_message(db: Database, guide: DecisionGuide) -> str:
    """When an opinion came in after the decision: which, and the offer to think again; else ""."""
    if not guide.decided or not guide.new_opinion_ids:
        return ""
    who = ", ".join(opinions.label(db, opinions.get(db, i)) for i in guide.new_opinion_ids)
    return (f"A new opinion was added after you decided ({who}). Do you want to revisit the decision? "
            "Compare it with the others first; if it changes nothing, keep the decision as it is.")


def record_decision(
    db: Database, case_id: int, decision: str, reason: str = "", on_date: dt.date | str | None = None,
) -> Case:
    """Record the decision on the case (dated today unless ``on_date``); its status becomes "decided"."""
    case = cases.get(db, case_id)
    decision = (decision or "").strip()
    if not decision:
        raise InvalidInput("decision", "Write what you decided, even in a few words, then record it.")
    day = dates.parse_date(on_date, "decided_on", "The decision date") or dates.today()
    if day > dates.today():
        raise InvalidInput("decided_on", "The decision date is in the future: record the decision once it is made.")
    case.decision, case.decision_reason = decision, (reason or "").strip()
    case.decided_on, case.status = day.isoformat(), CaseStatus.DECIDED
    with db.atomic():
        cases.save(db, case)
        _remember_opinions(db, case_id)
    return case


def keep_decision(db: Database, case_id: int) -> None:
    """The new opinion changes nothing: stop pointing it out."""
    with db.atomic():
        _remember_opinions(db, case_id)


def revisit(db: Database, case_id: int) -> Case:
    """Open the decision again: the case goes back to comparing; the earlier decision stays written down."""
    case = cases.get(db, case_id)
    if case.status is not CaseStatus.DECIDED:
        return case
    case.status = CaseStatus.COMPARING
    return cases.save(db, case)


def _remember_opinions(db: Database, case_id: int) -> None:
    ids = json.dumps([o.id for o in opinions.list_for_case(db, case_id)])
    stored = _stored(db, case_id)
    if stored is None:
        save(db, load(db, case_id))
        stored = _stored(db, case_id)
    db[TABLE].update(stored["id"], {"opinions_at_decision": ids})  # type: ignore[index]


def _new_since_decision(case: Case, stored: dict[str, Any] | None, case_opinions: list[Opinion]) -> list[int]:
    if case.status is not CaseStatus.DECIDED:
        return []
    if stored and stored.get("opinions_at_decision"):
        known = set(json.loads(stored["opinions_at_decision"]))
        return [o.id or 0 for o in case_opinions if o.id not in known]
    # Decided before the guide kept track: opinions given after the decision date.
    return [o.id or 0 for o in case_opinions if o.given_on and case.decided_on and o.given_on > case.decided_on]


def _from_opinion(db: Database, opinion: Opinion) -> GuideOption:
    return GuideOption(
        label=_label(db, opinion), opinion_id=opinion.id,
        benefits=[Consideration(opinion.benefits)] if opinion.benefits else [],
        risks=[Consideration(opinion.risks)] if opinion.risks else [],
    )


def _label(db: Database, opinion: Opinion) -> str:
    what = opinion.recommended_treatment or "(no recommendation written down)"
    return f"{what}, as {doctor_name(db, opinion)} recommends"


def _option(raw: dict[str, Any]) -> GuideOption:
    return GuideOption(
        label=raw["label"], opinion_id=raw.get("opinion_id"),
        benefits=[Consideration(**b) for b in raw.get("benefits", [])],
        risks=[Consideration(**r) for r in raw.get("risks", [])],
    )


def _stored(db: Database, case_id: int) -> dict[str, Any] | None:
    found = list(db[TABLE].rows_where("case_id = ?", [case_id]))
    return found[0] if found else None


def _text(value: str | None, field: str) -> str:
    text = (value or "").strip()
    if len(text) > _TEXT_LIMIT:
        raise InvalidInput(field, f"This text is very long: keep it under {_TEXT_LIMIT} characters.")
    return text


def _weight(value: Any, label: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
        raise InvalidInput("weight", f"{label} must be a whole number from 0 (not at all) to 5 (a great deal).")
    return value

