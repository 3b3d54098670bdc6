"""Search: any typed text is a valid query; prefixes, ranking, snippets, pages from 1, record items."""

from __future__ import annotations

import pytest

from opinionkit.core.dates import now_stamp
from opinionkit.core.domain import Case, Person, Provider, RecordItem, RecordKind
from opinionkit.core.services import cases, people, providers, record_items, search
from opinionkit.core.services.search import HitKind


@pytest.fixture
def person(db):
    return people.save(db, Person(name="Ada Test"))


def indexed(db, person_id: int, title: str, pages: list[str], kind: str = "") -> int:
    """A document row and its pages written straight to the index (search reads nothing else)."""
    stamp = now_stamp()
    document_id = db["documents"].insert({
        "person_id": person_id, "sha256": f"{abs(hash((person_id, title))):064x}"[:64], "filename": f"{title}.pdf",
        "stored_path": f"documents/xx/{title}.pdf", "media_type": "application/pdf", "title": title, "kind": kind,
        "page_count": len(pages), "has_text": True, "size_bytes": 1, "imported_at": stamp,
        "created_at": stamp, "updated_at": stamp,
    }).last_pk
    db["document_pages"].insert_all(
        {"document_id": document_id, "page": number, "text": text, "person_id": person_id}
        for number, text in enumerate(pages, 1)
    )
    return document_id


ODD_QUERIES = [
    "", "   ", "L4-L5", "3+4=7", '"', '"unbalanced', 'half"', '""', '"two words"', "AND", "OR", "NOT", "a AND",
    "NEAR", "NEAR(a b)", "near/3", "text:stenosis", "title:x", "*", "st*", "^start", "-", "--", "-stenosis", "+",
    "(((", ")", "a'b", "'", "\\", "{}", "[x]", "💊", "疼痛", "a" * 500, "é", "\x00", "\x02bold\x03", "%", "_",
    " ".join(["word"] * 100), "<b>", "&amp;",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_any_typed_text_is_a_valid_query(db, person, query):
    indexed(db, person.id, "MRI", ["Stenosis at L4-L5; 3+4=7 is arithmetic; near the root."])
    record_items.create(db, RecordItem(case_id=cases.save(db, Case(person_id=person.id, title="c")).id,
                                       description="Word AND more"))
    hits = search.search(db, query)
    assert isinstance(hits, list)


def test_an_empty_query_finds_nothing(db, person):
    indexed(db, person.id, "MRI", ["anything"])
    assert search.search(db, "") == [] and search.search(db, " \t ") == [] and search.search(db, "--") == []
    assert search.match_expression("-- ") is None


def test_words_match_by_their_beginning_and_all_words_must_match(db, person):
    document = indexed(db, person.id, "MRI", ["Moderate central canal stenosis with foraminal narrowing."])
    indexed(db, person.id, "Other", ["Central line placed."])
    assert [h.document_id for h in search.search(db, "sten")] == [document]
    assert [h.document_id for h in search.search(db, "centr foram")] == [document]
    assert search.search(db, "stenosis absent") == []


def test_a_hyphenated_term_matches_as_adjacent_words(db, person):
    together = indexed(db, person.id, "Together", ["Spondylolisthesis at L4-L5 with stenosis."])
    apart = indexed(db, person.id, "Apart", ["The L4 body is fine; the L5 root is pinched."])
    assert [h.document_id for h in search.search(db, "L4-L5")] == [together]
    assert {h.document_id for h in search.search(db, "L4 L5")} == {together, apart}
    assert [h.document_id for h in search.search(db, "spondylolisth l4-l5")] == [together]


def test_a_single_letter_or_digit_is_meant_as_it_is(db, person):
    vitamin_d = indexed(db, person.id, "Labs", ["Vitamin D low at 22 ng/mL; type 2 diabetes."])
    indexed(db, person.id, "Diet", ["Vitamin deficiency unlikely; type 21 form."])
    assert [h.document_id for h in search.search(db, "vitamin D")] == [vitamin_d]
    assert [h.document_id for h in search.search(db, "type 2")] == [vitamin_d]
    assert search.match_expression("vitamin D") == '"vitamin"* "D"'


def test_operators_and_symbols_are_plain_words(db, person):
    arithmetic = indexed(db, person.id, "Sums", ["We noted that 3+4=7 in the margin."])
    near = indexed(db, person.id, "Near", ["Lesion NEAR the cortex, AND nothing else."])
    assert [h.document_id for h in search.search(db, "3+4=7")] == [arithmetic]
    assert [h.document_id for h in search.search(db, "NEAR")] == [near]
    assert [h.document_id for h in search.search(db, "and nothing")] == [near]
    assert [h.document_id for h in search.search(db, '"cortex')] == [near]


def test_quoted_words_are_one_phrase(db, person):
    phrase = indexed(db, person.id, "Phrase", ["Left leg pain after walking."])
    indexed(db, person.id, "Scattered", ["Pain in the left shoulder; the leg is fine."])
    assert [h.document_id for h in search.search(db, '"left leg pain"')] == [phrase]


def test_accents_and_case_do_not_matter_and_any_script_is_found(db, person):
    french = indexed(db, person.id, "Résumé", ["Compte rendu: sténose lombaire, Dr Zoë Lefèvre."])
    russian = indexed(db, person.id, "МРТ", ["Стеноз позвоночного канала на уровне L4-L5."])
    assert [h.document_id for h in search.search(db, "stenose LEFEVRE")] == [french]
    assert [h.document_id for h in search.search(db, "стеноз")] == [russian]
    assert [h.document_id for h in search.search(db, "ПОЗВОНОЧ")] == [russian]


def test_hits_are_ranked_by_relevance(db, person):
    once = indexed(db, person.id, "Once", ["Fusion was mentioned. " + "Other words here. " * 30])
    often = indexed(db, person.id, "Often", ["Fusion, fusion and fusion: the fusion plan."])
    hits = search.search(db, "fusion")
    assert [h.document_id for h in hits] == [often, once]
    assert hits[0].rank < hits[1].rank


def test_hits_name_the_page_counted_from_one_and_mark_the_words(db, person):
    document = indexed(db, person.id, "Report", ["Cover page.", "Findings: <canal> stenosis & narrowing."])
    (hit,) = search.search(db, "stenosis")
    assert (hit.kind, hit.document_id, hit.page, hit.title) == (HitKind.PAGE, document, 2, "Report")
    assert "<b>stenosis</b>" in hit.snippet
    assert "&lt;canal&gt;" in hit.snippet and "&amp;" in hit.snippet  # HTML-safe around the marks
    assert hit.as_dict()["kind"] == "page" and hit.as_dict()["page"] == 2


def test_long_pages_give_short_snippets_with_an_ellipsis(db, person):
    indexed(db, person.id, "Long", [" ".join(["filler"] * 200) + " spondylolisthesis " + " ".join(["tail"] * 200)])
    (hit,) = search.search(db, "spondylo")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "<b>spondylolisthesis</b>" in hit.snippet and len(hit.snippet) < 200


def test_search_can_keep_to_one_person(db, person):
    other = people.save(db, Person(name="Ben Test"))
    mine = indexed(db, person.id, "Mine", ["biopsy result"])
    theirs = indexed(db, other.id, "Theirs", ["biopsy result"])
    assert {h.document_id for h in search.search(db, "biopsy")} == {mine, theirs}
    assert [h.document_id for h in search.search(db, "biopsy", person_id=person.id)] == [mine]
    assert [h.person_id for h in search.search(db, "biopsy", person_id=other.id)] == [other.id]


def test_titles_find_documents_without_text(db, person):
    scan = indexed(db, person.id, "Prior authorisation letter", [""])
    hits = search.search(db, "authoris")
    assert [(h.kind, h.document_id, h.page) for h in hits] == [(HitKind.DOCUMENT, scan, 1)]
    assert "<b>authorisation</b>" in hits[0].snippet


def test_a_document_found_in_its_pages_is_not_listed_again_for_its_title(db, person):
    document = indexed(db, person.id, "Stenosis report", ["Stenosis at L4-L5."])
    assert [(h.kind, h.document_id) for h in search.search(db, "stenosis")] == [(HitKind.PAGE, document)]


def test_record_items_are_found_by_description_notes_kind_and_holder(db, person):
    case = cases.save(db, Case(person_id=person.id, title="Back"))
    lab = providers.save(db, Provider(name="Northgate Clinical Laboratories"))
    item = record_items.create(db, RecordItem(
        case_id=case.id, kind=RecordKind.PATHOLOGY_SLIDES, description="Biopsy slides from March",
        holder_id=lab.id, notes="Ship straight to the second office",
    ))
    for query in ("biopsy", "straight office", "slides", "northgate", "pathology"):
        hits = search.search(db, query, person_id=person.id)
        assert [(h.kind, h.item_id, h.case_id) for h in hits] == [(HitKind.RECORD_ITEM, item.id, case.id)], query
    assert search.search(db, "biopsy")[0].title == "Biopsy slides from March"
    assert "<b>Biopsy</b>" in search.search(db, "biopsy")[0].snippet

    providers.save(db, Provider(id=lab.id, name="Eastgate Pathology"))  # a renamed holder is found by its new name
    assert [h.item_id for h in search.search(db, "eastgate")] == [item.id]
    assert search.search(db, "northgate") == []
    item.description = "Tissue blocks"
    record_items.update(db, item)
    assert search.search(db, "biopsy") == [] and [h.item_id for h in search.search(db, "tissue")] == [item.id]
    record_items.move_to_trash(db, item.id)
    assert search.search(db, "tissue") == []
    assert search.search(db, "tissue", person_id=person.id) == []


def test_the_limit_is_kept(db, person):
    for n in range(30):
        indexed(db, person.id, f"Note {n}", ["routine follow-up visit"])
    assert len(search.search(db, "routine", limit=7)) == 7
    assert search.search(db, "routine", limit=0) == []


def test_a_word_on_very_many_pages_is_ranked_among_its_newest_pages_of_that_person(db, person, monkeypatch):
    monkeypatch.setattr(search, "_RANK_WINDOW", 3)
    other = people.save(db, Person(name="Ben Test"))
    oldest = indexed(db, person.id, "Old and best", ["pain pain pain pain"])
    newer = [indexed(db, other.id, f"Theirs {n}", ["pain once, among other words"]) for n in range(5)]
    assert {h.document_id for h in search.search(db, "pain")} == set(newer[-3:])
    assert [h.document_id for h in search.search(db, "pain", person_id=person.id)] == [oldest]
