"""The one table model behind every health background table: Qt's model checks, ids, history kept last."""

from __future__ import annotations

from PySide6.QtCore import Qt

from opinionkit.core.domain import Person
from opinionkit.core.domain.background import Condition, ConditionStatus, Medication
from opinionkit.core.services import background, people
from opinionkit.ui.background.change_log import change_columns
from opinionkit.ui.background.kinds import record_kinds
from opinionkit.ui.background.record_table import RecordTable
from opinionkit.ui.background.table_model import HISTORY_COLOUR, HISTORY_ROLE, ROW_ID_ROLE, RecordTableModel


def medications_model(db) -> tuple[RecordTableModel, dict[str, int]]:
    person = people.save(db, Person(name="Ines Carvalho"))
    ids = {}
    for name, start in [("Zolpidem", "2024-01"), ("Amlodipine", "2016-09"), ("Metformin", "2020"),
                        ("Baclofen", "2023-05-02")]:
        ids[name] = background.save(db, Medication(person_id=person.id, name=name, start=start)).id
    background.stop_medication(db, ids["Baclofen"], "2023-08-01")
    background.stop_medication(db, ids["Zolpidem"], "2024-06")
    kind = next(k for k in record_kinds() if k.key == "medications")
    model = RecordTableModel(kind.columns, kind.is_history)
    found = background.load_all(db, person.id)
    model.set_records(found.medications, found)
    return model, ids


def test_the_model_passes_qts_checks_and_gives_row_ids(qtmodeltester, db):
    model, ids = medications_model(db)
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.columnCount() == 6
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Medication"
    row = model.row_of(ids["Metformin"])
    assert model.index(row, 3).data(ROW_ID_ROLE) == ids["Metformin"]
    assert model.index(row, 4).data() == "2020"
    stopped = model.row_of(ids["Baclofen"])
    assert model.index(stopped, 0).data(HISTORY_ROLE) is True
    assert model.index(stopped, 0).data(Qt.ItemDataRole.ForegroundRole) == HISTORY_COLOUR
    assert model.index(stopped, 5).data() == "Stopped 1 Aug 2023"
    assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    model.set_records([], None)
    qtmodeltester.check(model)


def test_sorting_keeps_stopped_medications_after_the_active_ones(qtbot, db):
    model, _ids = medications_model(db)
    table = RecordTable(model, "medications")
    qtbot.addWidget(table)
    proxy = table.proxy

    def names() -> list[str]:
        return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]

    assert names() == ["Amlodipine", "Metformin", "Baclofen", "Zolpidem"], "the core's order until a header is clicked"
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names() == ["Metformin", "Amlodipine", "Zolpidem", "Baclofen"]
    table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # started: partial dates sort by what is known
    assert names() == ["Amlodipine", "Metformin", "Baclofen", "Zolpidem"]
    table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert names() == ["Metformin", "Amlodipine", "Zolpidem", "Baclofen"]


def test_empty_values_sort_last_and_resolved_conditions_are_history(qtbot, qtmodeltester, db):
    person = people.save(db, Person(name="Ines Carvalho"))
    background.save(db, Condition(person_id=person.id, name="Asthma", since="1990"))
    background.save(db, Condition(person_id=person.id, name="Gout"))
    background.save(db, Condition(person_id=person.id, name="Shingles", since="2019",
                                  status=ConditionStatus.RESOLVED))
    kind = next(k for k in record_kinds() if k.key == "conditions")
    model = RecordTableModel(kind.columns, kind.is_history)
    found = background.load_all(db, person.id)
    model.set_records(found.conditions, found)
    qtmodeltester.check(model)
    table = RecordTable(model, "conditions")
    qtbot.addWidget(table)
    proxy = table.proxy
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["Asthma", "Gout", "Shingles"]
    assert proxy.index(2, 0).data(HISTORY_ROLE) is True


def test_the_change_log_columns_pass_the_checks(qtmodeltester, db):
    person = people.save(db, Person(name="Ines Carvalho"))
    med = background.save(db, Medication(person_id=person.id, name="Gabapentin", strength="100 mg"))
    med.strength = "300 mg"
    background.save(db, med)
    model = RecordTableModel(change_columns())
    model.set_records(background.changes(db, person.id))
    qtmodeltester.check(model)
    assert [model.index(r, 2).data() for r in range(2)] == ["Changed", "Added"]
    assert model.index(0, 4).data() == "Strength: 100 mg → 300 mg"
    assert model.index(0, 1).data() == "Medication"
