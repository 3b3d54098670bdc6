"""Write the demo's invented documents into resources/demo/ (run again after changing them).

    .venv/bin/python scripts/make_demo_documents.py

The demo loader (opinionkit.core.services.demo_documents) imports these files
into the demo person's library. They are made here, once, because the core
may not use Qt, and opinionkit.render is how this app turns pages into PDF.
Every name, number and finding in them is invented.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from opinionkit.render import ensure_gui_app, html_to_pdf, page_footer  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "demo"
PATIENT = "Marguerite Okonkwo-Lindqvist, born 1961-04-17"

_STYLE = """
<style>
  h1 { font-size: 15pt; margin: 0; }
  h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }
  p, td, th, li { font-size: 9.5pt; }
  .small { font-size: 8pt; color: #555; }
  th { text-align: left; background: #e8ecef; }
</style>
"""


def _letterhead(name: str, lines: str) -> str:
    return (f"<table width='100%'><tr><td><h1>{name}</h1><p class='small'>{lines}</p></td></tr></table>"
            "<hr>")


MRI = _STYLE + _letterhead(
    "Cedar Valley Imaging", "17 Cedar Valley Road, Millbrook, OR 97003 · Tel (555) 455-9000 · Fax (555) 455-9010",
) + """
<h2>MRI LUMBAR SPINE WITHOUT CONTRAST</h2>
<table cellpadding="2">
<tr><td><b>Patient:</b></td><td>OKONKWO-LINDQVIST, MARGUERITE</td><td><b>DOB:</b></td><td>1961-04-17</td></tr>
<tr><td><b>Exam date:</b></td><td>2026-09-12</td><td><b>Accession:</b></td><td>CVI-26-0912-4471</td></tr>
<tr><td><b>Referring:</b></td><td>Harold Brennan, MD</td><td><b>Radiologist:</b></td><td>Evelyn Marsh-Adeyemi, MD</td></tr>
</table>
<h2>Clinical history</h2>
<p>Low back pain radiating to the left leg for seven months, worse with walking. Six weeks of physiotherapy
without lasting relief. Evaluate for stenosis.</p>
<h2>Technique</h2>
<p>Sagittal T1, T2 and STIR; axial T2 from L2 to S1. No contrast given. Comparison: radiographs of 2026-08-28.</p>
<h2>Findings</h2>
<p>Alignment: grade 1 anterolisthesis of L4 on L5, about 5 mm, unchanged from the standing radiographs.
Vertebral body heights are preserved. No fracture or marrow oedema. The conus ends at L1.</p>
<p><b>L2-L3:</b> mild disc bulge without stenosis.</p>
<p><b>L3-L4:</b> mild facet arthropathy; canal and foramina patent.</p>
<p><b>L4-L5:</b> degenerative spondylolisthesis with uncovering of the disc and a broad-based bulge.
Facet arthropathy with small joint effusions and ligamentum flavum thickening. Moderate central canal
stenosis (AP dimension about 7 mm). Moderate left and mild right foraminal narrowing. The left lateral
recess is narrowed and the traversing left L5 nerve root appears contacted.</p>
<p><b>L5-S1:</b> disc desiccation with mild height loss; no stenosis.</p>
<h2>Impression</h2>
<ol>
<li>Grade 1 degenerative spondylolisthesis at L4-L5 with moderate central canal stenosis and left lateral
recess narrowing contacting the left L5 nerve root, which may explain the left leg symptoms.</li>
<li>Mild degenerative change at L2-L3, L3-L4 and L5-S1 without stenosis.</li>
</ol>
<p class="small">Electronically signed by Evelyn Marsh-Adeyemi, MD, 2026-09-12 16:42. Images are kept by the
Cedar Valley film library; request a disc from the front desk.</p>
"""

BRENNAN = _STYLE + _letterhead(
    "Riverside Orthopaedic Group",
    "1200 Riverside Drive, Suite 300, Millbrook, OR 97000 · Tel (555) 201-4410 · Fax (555) 201-4499",
) + """
<h2>Spine clinic note: follow-up visit</h2>
<table cellpadding="2">
<tr><td><b>Patient:</b></td><td>Marguerite Okonkwo-Lindqvist</td><td><b>DOB:</b></td><td>1961-04-17</td></tr>
<tr><td><b>Date of visit:</b></td><td>2026-10-02</td><td><b>Provider:</b></td><td>Harold Brennan, MD, orthopaedic spine surgery</td></tr>
</table>
<h2>History</h2>
<p>Sixty-five-year-old retired music teacher with seven months of low back pain and left leg pain in an L5
pattern. She can walk about ten minutes before the leg pain makes her stop; sitting relieves it. Six weeks of
physiotherapy (core strengthening, flexion-based exercises) helped the back pain a little and the leg pain not
at all. Naproxen 500 mg twice daily with partial relief. No bladder or bowel change. No weakness noticed.</p>
<h2>Examination</h2>
<p>Walks without an aid. Lumbar extension reproduces left buttock and calf pain. Strength 5/5 throughout except
left extensor hallucis longus 4+/5. Reflexes symmetric. Straight-leg raise negative both sides.</p>
<h2>Imaging</h2>
<p>MRI of 2026-09-12 (Cedar Valley Imaging) reviewed with the patient: grade 1 degenerative
spondylolisthesis at L4-L5 with moderate central and left lateral recess stenosis. Flexion-extension radiographs
of 2026-08-28 show about 3 mm of translation at L4-L5.</p>
<h2>Assessment</h2>
<p>Neurogenic claudication and left L5 radiculopathy from degenerative spondylolisthesis with stenosis at
L4-L5, not better after six weeks of physiotherapy.</p>
<h2>Plan</h2>
<ol>
<li>I recommend posterior lumbar interbody fusion (PLIF) at L4-L5 with decompression. We discussed the
expected benefit for leg pain and walking distance, the hospital stay of two to three days, and the recovery of
three to six months.</li>
<li>Risks discussed: infection, bleeding, dural tear, nerve injury, non-union, adjacent-segment degeneration,
and the risks of anaesthesia.</li>
<li>Alternatives discussed: continued physiotherapy, an epidural steroid injection, and decompression
without fusion. The patient would like a second opinion before deciding; I support that and will send
records on request.</li>
<li>Pre-operative labs (HbA1c, vitamin D) if she proceeds. Follow-up in four weeks.</li>
</ol>
<p class="small">Harold Brennan, MD · electronically signed 2026-10-02</p>
"""

LABS = _STYLE + _letterhead(
    "Northgate Clinical Laboratories",
    "300 Northgate Parkway, Millbrook, OR 97002 · Tel (555) 640-1200 · Fax (555) 640-1299 · CLIA 38D0000000",
) + """
<h2>Laboratory report</h2>
<table cellpadding="2">
<tr><td><b>Patient:</b></td><td>OKONKWO-LINDQVIST, MARGUERITE</td><td><b>DOB:</b></td><td>1961-04-17</td></tr>
<tr><td><b>Collected:</b></td><td>2026-07-14 08:05</td><td><b>Reported:</b></td><td>2026-07-15 11:30</td></tr>
<tr><td><b>Ordered by:</b></td><td>Samuel Iwu, MD, Millbrook Family Practice</td><td><b>Specimen:</b></td><td>NCL-7730291</td></tr>
</table>
<h2>Complete blood count</h2>
<table width="100%" cellpadding="3">
<tr><th>Test</th><th>Result</th><th>Flag</th><th>Reference range</th><th>Units</th></tr>
<tr><td>White blood cells</td><td>6.8</td><td></td><td>4.0 - 11.0</td><td>10^3/uL</td></tr>
<tr><td>Haemoglobin</td><td>12.9</td><td></td><td>12.0 - 15.5</td><td>g/dL</td></tr>
<tr><td>Haematocrit</td><td>38.7</td><td></td><td>35.0 - 45.0</td><td>%</td></tr>
<tr><td>Platelets</td><td>241</td><td></td><td>150 - 400</td><td>10^3/uL</td></tr>
</table>
<h2>Chemistry</h2>
<table width="100%" cellpadding="3">
<tr><th>Test</th><th>Result</th><th>Flag</th><th>Reference range</th><th>Units</th></tr>
<tr><td>Glucose, fasting</td><td>104</td><td>H</td><td>70 - 99</td><td>mg/dL</td></tr>
<tr><td>Haemoglobin A1c</td><td>5.9</td><td>H</td><td>4.0 - 5.6</td><td>%</td></tr>
<tr><td>Creatinine</td><td>0.82</td><td></td><td>0.50 - 1.10</td><td>mg/dL</td></tr>
<tr><td>eGFR</td><td>79</td><td></td><td>&gt; 60</td><td>mL/min/1.73m2</td></tr>
<tr><td>Vitamin D, 25-hydroxy</td><td>22</td><td>L</td><td>30 - 100</td><td>ng/mL</td></tr>
</table>
<p class="small">H = above the reference range; L = below it. Results reviewed and released by
Lauren Whitcombe, MT(ASCP), laboratory supervisor.</p>
"""

DOCUMENTS = {
    "mri-lumbar-spine-report-2026-09-12.pdf": ("MRI lumbar spine report", MRI),
    "spine-clinic-note-dr-brennan-2026-10-02.pdf": ("Spine clinic note, Dr. Harold Brennan", BRENNAN),
    "northgate-lab-results-2026-07-14.pdf": ("Laboratory report, Northgate Clinical Laboratories", LABS),
}


def write_scan(path: Path) -> None:
    """A phone photo of a printed letter: an image, so the library shows it has no text."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(900, 1160, QImage.Format.Format_RGB32)
    image.fill(QColor(236, 232, 222))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(450, 580)
    painter.rotate(-1.6)  # held a little crooked, as photos of paper are
    painter.translate(-450, -580)
    painter.fillRect(QRectF(60, 50, 780, 1060), QColor(252, 251, 247))
    painter.setPen(QColor(40, 40, 48))
    painter.setFont(QFont("DejaVu Sans", 22, QFont.Weight.Bold))
    painter.drawText(QRectF(100, 90, 700, 50), Qt.AlignmentFlag.AlignLeft, "Harborline Health Plan")
    painter.setFont(QFont("DejaVu Sans", 13))
    lines = [
        "Prior authorisation: APPROVED", "", "Member: Marguerite Okonkwo-Lindqvist",
        "Member ID: HHP-5529-0147-03", "Reference: AUTH-2291-775", "",
        "Service: outpatient second-opinion consultation,", "spine surgery (one visit)",
        "Provider: Lakeshore University Spine Center", "Valid: 90 days from approval", "",
        "Questions: member services (555) 800-4321, option 3",
    ]
    for row, text in enumerate(lines):
        painter.drawText(QRectF(100, 180 + row * 34, 700, 30), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    image.save(str(path), "PNG")


def main() -> None:
    ensure_gui_app()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (title, html) in DOCUMENTS.items():
        (OUT / name).write_bytes(html_to_pdf(html, title=title, footer=page_footer(PATIENT)))
        print(OUT / name)
    scan = OUT / "harborline-authorisation-photo.png"
    write_scan(scan)
    print(scan)


if __name__ == "__main__":
    main()
