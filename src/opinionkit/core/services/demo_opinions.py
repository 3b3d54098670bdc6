"""The demo case's two opinions: the surgeon's, recommending the fusion, and the spine team's remote
review, recommending a conservative course first with a higher dose of the same medicine.

The letters differ the way real ones do: another order, other words for the
same findings, one operation recommended and advised against, one dose doubled.
Everything in them is invented. Dates count from today, like the demo's visits.
"""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain import Basis, HowGiven, Opinion
from opinionkit.core.services import demo_visit, opinions

BRENNAN = "Dr. Harold Brennan"
NANDAKUMAR = "Dr. Priya Nandakumar"
_REVIEWED_DAYS_AGO = 4

BRENNAN_LETTER = """Riverside Orthopaedic Group
1200 Riverside Drive, Suite 300, Millbrook, OR 97000

Dr. Samuel Iwu
Millbrook Family Practice

Re: Marguerite Okonkwo-Lindqvist, born 17 April 1961

Dear Dr. Iwu,

Thank you for referring Mrs. Okonkwo-Lindqvist, a 65-year-old retired music teacher, whom I saw today in the spine clinic.

History
She has had seven months of low back pain and left leg pain in an L5 distribution. She can walk about ten minutes before the leg pain stops her. Six weeks of physiotherapy helped the back pain a little and the leg pain not at all. She takes gabapentin 300 mg three times daily and naproxen 500 mg twice daily with partial relief.

Imaging
The MRI of 12 September shows grade 1 degenerative spondylolisthesis at L4-L5 with moderate central and left lateral recess stenosis. Flexion-extension X-rays of 28 August show about 3 mm of translation at L4-L5.

Assessment
Neurogenic claudication and left L5 radiculopathy from degenerative spondylolisthesis with spinal stenosis at L4-L5, not better after six weeks of physiotherapy.

Recommendation
1. I recommend posterior lumbar interbody fusion (PLIF) at L4-L5 with decompression. In my experience of more than 400 of these operations, most patients walk farther with less leg pain within three months.
2. Continue gabapentin 300 mg three times daily until surgery. Stop naproxen seven days before the operation.
3. The risks include infection, bleeding, a dural tear, nerve injury, non-union and adjacent segment degeneration, as well as the risks of anaesthesia.
4. She would stay in hospital for two to three days, and the recovery takes three to six months.
5. Alternatives we discussed are further physiotherapy, an epidural steroid injection and decompression without fusion; I do not expect these to give lasting relief given the slip.
6. Pre-operative blood tests (HbA1c and vitamin D) will be arranged if she decides to proceed.

She would like a second opinion before deciding, which I support. The operation is not urgent, but I would advise deciding within the next two months.

Yours sincerely,
Harold Brennan, MD
Orthopaedic spine surgery
"""

NANDAKUMAR_LETTER = """Lakeshore University Spine Center
45 University Avenue, Building C, Lakeshore, OR 97100

Dr. Samuel Iwu
Millbrook Family Practice

Re: Marguerite Okonkwo-Lindqvist, born 17 April 1961

Dear Dr. Iwu,

At your request our spine team reviewed the records and imaging of Mrs. Okonkwo-Lindqvist for a second opinion on the fusion recommended by Dr. Brennan. I will see her in clinic shortly and will confirm this plan with her then.

She reports seven months of low back pain and left leg pain, worse on walking and eased by sitting. She has had only six weeks of physiotherapy, without a structured walking programme. She takes gabapentin 300 mg three times daily.

Dr. Brennan found mild weakness of the left extensor hallucis longus and no other deficit. The MRI of 12 September shows grade 1 degenerative spondylolisthesis at L4-L5 with moderate stenosis. The flexion-extension X-rays of August show only 3 mm of translation, which does not suggest instability.

Impression
Neurogenic claudication from lumbar spinal stenosis with a stable grade 1 spondylolisthesis at L4-L5.

Recommendations
1. Rather than surgery now, I recommend a conservative course first.
2. 12 weeks of structured physical therapy, twice weekly, with a home walking programme.
3. An epidural steroid injection at L4-L5 for the leg pain.
4. Increase gabapentin to 600 mg three times daily, in steps over two weeks.
5. Fusion is not indicated at this time. Current guidelines and trials support decompression alone when the slip is stable.
6. Repeat flexion-extension X-rays should be obtained to check for instability before any surgery is planned.
7. We can revisit surgery if there is no improvement in 3 months.

Her goals of walking the dog and playing the cello are realistic with this plan. There is no urgency: the risk of waiting three months is low, and she should call us sooner if she notices new weakness or bladder changes.

With best wishes,
Priya Nandakumar, MD
Physical medicine and rehabilitation, Lakeshore University Spine Center
"""


def load(db: Database, case_id: int, provider_ids: dict[str, int]) -> None:
    """Add the two opinions, unless the case has opinions already."""
    if opinions.list_for_case(db, case_id):
        return
    now = today()
    opinions.save(db, Opinion(
        case_id=case_id, provider_id=provider_ids[BRENNAN], specialty="Orthopaedic spine surgery",
        given_on=(now - timedelta(days=demo_visit.FIRST_VISIT_DAYS_AGO)).isoformat(), how_given=HowGiven.VISIT,
        diagnosis="Degenerative spondylolisthesis at L4-L5 (grade 1) with spinal stenosis, neurogenic "
                  "claudication and left L5 radiculopathy",
        recommended_treatment="Posterior lumbar interbody fusion (PLIF) at L4-L5 with decompression; "
                              "gabapentin 300 mg three times daily until surgery",
        alternatives="More physiotherapy, an epidural steroid injection, decompression without fusion",
        reasoning="Leg pain and walking distance not better after six weeks of physiotherapy; "
                  "he expects the slip to keep pressing on the nerve without a fusion.",
        basis=Basis.EXPERIENCE, basis_detail="More than 400 of these operations",
        benefits="Most patients walk farther with less leg pain within three months",
        risks="Infection, bleeding, dural tear, nerve injury, non-union, adjacent segment degeneration, anaesthesia",
        urgency="Not urgent; decide within about two months",
        further_tests="Pre-operative blood tests (HbA1c, vitamin D) if she goes ahead",
        cost_coverage="Covered after prior authorisation; hospital stay of two to three days",
        financial_interest="He would perform the operation.",
        letter_text=BRENNAN_LETTER,
    ))
    opinions.save(db, Opinion(
        case_id=case_id, provider_id=provider_ids[NANDAKUMAR],
        specialty="Physical medicine and rehabilitation (spine)",
        given_on=(now - timedelta(days=_REVIEWED_DAYS_AGO)).isoformat(), how_given=HowGiven.REMOTE_REVIEW,
        diagnosis="Lumbar spinal stenosis with a stable grade 1 spondylolisthesis at L4-L5",
        recommended_treatment="A conservative course first: 12 weeks of structured physical therapy, an "
                              "epidural steroid injection, gabapentin increased to 600 mg three times daily",
        alternatives="Decompression alone if the slip stays stable; surgery again in 3 months if no improvement",
        reasoning="Only six weeks of unstructured physiotherapy so far; no instability on the flexion-extension "
                  "X-rays, so a fusion is not indicated now.",
        basis=Basis.BOTH, basis_detail="Current spine guidelines and trials, and the team's experience",
        benefits="Realistic chance of walking the dog and playing the cello without an operation",
        risks="Low risk in waiting three months; call sooner for new weakness or bladder changes",
        urgency="No urgency; review after 3 months",
        further_tests="Repeat flexion-extension X-rays to check for instability",
        cost_coverage="Remote review not covered by the plan; the clinic visit needs prior authorisation",
        financial_interest="None stated",
        letter_text=NANDAKUMAR_LETTER,
    ))
