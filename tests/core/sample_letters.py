"""Pairs of invented second-opinion letters from several specialties, for the comparison tests.

Each pair differs the way real letters do: sentences in another order, the
same finding in other words, a treatment recommended by one doctor and advised
against by the other, a shared medicine at another dose. All people are invented.
"""

CARDIOLOGY_A = """Dear Dr. Patel,

I saw Mr. Tomas Reyes, aged 58, in the arrhythmia clinic on 4 March.
He has symptomatic paroxysmal atrial fibrillation with episodes twice a week despite bisoprolol 5 mg daily.
His echocardiogram shows a normal ejection fraction of 60% and a mildly enlarged left atrium.
His CHA2DS2-VASc score is 1.
I recommend catheter ablation with pulmonary vein isolation.
The success rate is about 70% after one procedure.
Continue apixaban 5 mg twice daily for at least two months after the ablation.
I would not start flecainide, as he would prefer a lasting solution to daily tablets.
The risks include bleeding, stroke and damage to the oesophagus, each below 1 in 100.
A Holter monitor should be arranged three months after the procedure.

Yours sincerely,
Dr. Elena Marsh
Cardiac electrophysiology
"""

CARDIOLOGY_B = """Dear Dr. Patel,

Thank you for asking me to see Mr. Tomas Reyes, aged 58, for a second opinion.
His CHA2DS2-VASc score is 1.
The echocardiogram shows a normal ejection fraction of 60% with a mildly enlarged left atrium.
He has paroxysmal atrial fibrillation with episodes twice weekly while taking bisoprolol 5 mg daily.
Rather than ablation, I suggest a trial of flecainide 50 mg twice daily first.
Increase bisoprolol to 10 mg daily.
Catheter ablation is not needed at this stage and remains an option if the tablets fail.
Continue apixaban 5 mg twice daily.
A Holter monitor should be arranged in six weeks to check the response.

Kind regards,
Dr. Kwame Asante
General cardiology
"""

ONCOLOGY_A = """Dear Mr. Hughes,

Your PSA is 6.2 ng/mL and the MRI showed a PI-RADS 4 lesion.
The biopsy found Gleason 3+4=7 prostate cancer in 3 of 12 cores.
This is intermediate-risk disease confined to the prostate.
I recommend robotic-assisted radical prostatectomy within the next three months.
The main risks are urinary incontinence and erectile dysfunction.
Radiotherapy with six months of hormone therapy is a reasonable alternative.
Active surveillance is not appropriate for you because of the Gleason pattern 4 component.
Please stop aspirin 7 days before surgery.

Yours sincerely,
Miriam Cole, FRCS (Urol)
"""

ONCOLOGY_B = """Dear Mr. Hughes,

The biopsy showed Gleason 3+4=7 prostate cancer in 3 of 12 cores, with less than 10% pattern 4.
Your PSA is 6.2 ng/mL.
I recommend active surveillance rather than radical prostatectomy.
This means a PSA test every 3 months and a repeat MRI in 12 months.
A confirmatory biopsy should be done within a year.
Surgery or radiotherapy can be offered later if the cancer shows signs of growing.
I would not recommend hormone therapy.
Continue aspirin as before.

With best wishes,
Henrik Solberg, MD
"""

NEUROLOGY_A = """Dear Dr. Brooks,

Ms. Jana Novak, 34, has focal epilepsy with breakthrough seizures about twice a month.
She takes levetiracetam 500 mg b.i.d. and has missed few doses.
Her EEG showed left temporal sharp waves and the MRI was normal.
I recommend increasing levetiracetam to 1000 mg b.i.d.
She should not drive until she has been seizure-free for 12 months.
If seizures continue, lamotrigine could be added later.
Epilepsy surgery is not indicated at present.
Please check her mood at each visit, as levetiracetam can cause irritability.

Yours sincerely,
Dr. Laila Haddad
"""

NEUROLOGY_B = """Dear Dr. Brooks,

I reviewed Ms. Jana Novak, 34, who has focal epilepsy with breakthrough seizures twice monthly.
Her MRI was normal and the EEG showed left temporal sharp waves.
She is on levetiracetam 500 mg twice daily.
I would keep levetiracetam at 500 mg twice daily because of her low mood.
I suggest adding lamotrigine 25 mg daily, increased slowly over eight weeks.
A video EEG should be arranged to look at epilepsy surgery.
She should not drive until she has been seizure-free for 12 months.

Kind regards,
Dr. Owen Price
"""

OPHTHALMOLOGY_A = """Mrs. Ada Kim has primary open-angle glaucoma in both eyes with an intraocular pressure of 26 mmHg.
I recommend selective laser trabeculoplasty to both eyes.
Eye drops are not needed if the laser works.
Visual field testing should be repeated in 6 months.
"""

OPHTHALMOLOGY_B = """Mrs. Ada Kim has open-angle glaucoma with an intraocular pressure of 26 mmHg in both eyes.
I recommend latanoprost 0.005% eye drops once nightly.
Laser trabeculoplasty can be considered later if the drops are not tolerated.
Repeat visual field testing in 4 months.
"""

PAIRS = {
    "cardiology": (CARDIOLOGY_A, CARDIOLOGY_B),
    "oncology": (ONCOLOGY_A, ONCOLOGY_B),
    "neurology": (NEUROLOGY_A, NEUROLOGY_B),
    "ophthalmology": (OPHTHALMOLOGY_A, OPHTHALMOLOGY_B),
}
