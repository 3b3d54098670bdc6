"""The health summary HTML: every heading, the date printed, readable tables, escaped text."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from opinionkit.core.domain import Allergy, Medication, Person
from opinionkit.core.services import background, demo, health_summary, people


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.text: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3"):
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3"):
            self._in_heading = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_heading:
            self.headings[-1] += data


def _parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def test_demo_summary_has_every_heading_in_order_and_the_date(db):
    loaded = demo.load(db)
    html = health_summary.build_html(db, loaded.person_id, printed_on=dt.date(2026, 3, 14))
    parsed = _parse(html)
    expected = list(health_summary.HEADINGS)
    found = [h for h in parsed.headings if h in expected]
    assert found == expected
    assert "Stopped medications" in parsed.headings
    text = " ".join(parsed.text)
    assert "printed 2026-03-14" in text
    assert "Marguerite Okonkwo-Lindqvist" in text and "HHP-5529-0147-03" in text
    assert "Gabapentin 300 mg capsule" in text and "Dr. Harold Brennan" in text
    assert "Cyclobenzaprine" in text and "Penicillin" in text and "Colon cancer" in text
    assert "<thead>" in html  # header rows repeat on every printed page


def test_active_and_stopped_medications_are_apart(db):
    person = people.save(db, Person(name="Ada Test"))
    background.save(db, Medication(person_id=person.id, name="Still taken"))
    background.save(db, Medication(person_id=person.id, name="Given up", start="2020", stop="2021"))
    html = health_summary.build_html(db, person.id)
    active, _, stopped = html.partition("Stopped medications")
    assert "Still taken" in active and "Given up" not in active
    assert "Given up" in stopped and "2021" in stopped


def test_an_empty_background_still_has_every_heading_and_says_none(db):
    person = people.save(db, Person(name="Bo Empty"))
    parsed = _parse(health_summary.build_html(db, person.id))
    assert [h for h in parsed.headings if h in health_summary.HEADINGS] == list(health_summary.HEADINGS)
    assert " ".join(parsed.text).count("None recorded.") == 7


def test_text_is_escaped_and_notes_keep_their_lines(db):
    person = people.save(db, Person(name="<b>Eve</b> & Co", date_of_birth="1980-01-31"))
    background.save(db, Allergy(person_id=person.id, substance="<script>x</script>", notes="line one\nline two"))
    html = health_summary.build_html(db, person.id)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;Eve&lt;/b&gt; &amp; Co" in html
    assert "line one<br>line two" in html


def test_title_and_footer_name_the_person():
    person = Person(name="Ada Test", date_of_birth="1960-05-01")
    assert health_summary.title(person) == "Health summary: Ada Test"
    assert health_summary.footer_label(person) == "Ada Test · born 1960-05-01"
    assert health_summary.footer_label(Person(name="No Birthday")) == "No Birthday"


def test_age_is_shown_beside_the_date_of_birth(db):
    person = people.save(db, Person(name="Ada Test", date_of_birth="1961-04-17"))
    html = health_summary.build_html(db, person.id, printed_on=dt.date(2026, 4, 16))
    assert re.search(r"1961-04-17 \(age 64\)", html)
