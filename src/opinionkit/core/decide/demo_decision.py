"""The demo case's comparison, half done: verdicts on most rows and a decision guide part filled in,
with one check answered no. No decision yet.

Three drafted questions join the case's list: each doctor asked about the other's view of
the fusion, and the X-rays only one of them suggests.
"""

from __future__ import annotations

from sqlite_utils import Database

from opinionkit.core.decide import grid, guide, question_drafts
from opinionkit.core.domain import Consideration, GuideOption, OtherPerson, SureCheck, Verdict

_VERDICTS = {
    "diagnosis": (Verdict.AGREE,
                  "Both see stenosis with a grade 1 slip at L4-L5; they differ on whether it is stable."),
    "recommended_treatment": (Verdict.DIFFER, "Fusion now, or three months of conservative care first."),
    "alternatives": (Verdict.DIFFER, ""),
    "reasoning": (Verdict.DIFFER, "The X-rays: 3 mm of slip is 'unstable' for one and 'stable' for the other."),
    "basis": (Verdict.DIFFER, "His experience; her team cites the guidelines and trials."),
    "benefits": (Verdict.AGREE, "Both expect her to walk farther."),
    "risks": (Verdict.DIFFER, ""),
    "urgency": (Verdict.AGREE, "Neither thinks it is urgent."),
    "further_tests": (Verdict.ONLY_ONE, "Ask Dr. Brennan about repeating the flexion-extension X-rays."),
    "financial_interest": (Verdict.DIFFER, "He would do the operation himself."),
}


def load(db: Database, case_id: int) -> None:
    """Fill in the demo's comparison and guide, unless the guide was started already."""
    if db[guide.TABLE].count_where("case_id = ?", [case_id]):
        return
    found = grid.grid(db, case_id)
    if not found.comparable:
        return
    for key, (verdict, note) in _VERDICTS.items():
        grid.set_verdict(db, case_id, found.opinion_ids, key, verdict, note)
    filled = guide.load(db, case_id)
    filled.timing = "Within about five weeks, before the deadline; neither doctor thinks it is urgent."
    for goal, weight in zip(filled.goals, (5, 4, 4, 3)):
        goal.weight = weight
    surgery, conservative = filled.options[0], filled.options[1]
    surgery.benefits[0].weight = 4
    surgery.risks[0].weight = 5
    surgery.risks.append(Consideration("Three to six months of recovery, possibly over the wedding", 4))
    conservative.benefits[0].weight = 5
    conservative.risks.append(Consideration("The leg pain may not ease, and surgery would come later", 3))
    filled.options.append(GuideOption("Wait and see, with the walking programme only"))
    filled.others = [
        OtherPerson("Tobias (husband)", "Trying the conservative course first", presses=False),
        OtherPerson("Ada (daughter)", "Having the pain fixed before the wedding", presses=True),
    ]
    filled.sure = {SureCheck.SURE: None, SureCheck.UNDERSTAND: False, SureCheck.RISK_BENEFIT: True,
                   SureCheck.ENCOURAGEMENT: None}
    guide.save(db, filled)
    question_drafts.add_drafts(db, case_id, _chosen_drafts(db, case_id, found.opinion_ids))


def _chosen_drafts(db: Database, case_id: int, opinion_ids: list[int]) -> list[question_drafts.Draft]:
    drafts = question_drafts.draft(db, case_id, opinion_ids)
    about_fusion = [d for d in drafts if d.row_key == "recommended_treatment" and "fusion" in d.text][:2]
    about_tests = [d for d in drafts if d.row_key == "further_tests"][:1]
    return about_fusion + about_tests
