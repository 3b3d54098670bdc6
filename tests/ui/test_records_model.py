"""The tracker's table model and filter, without a window: qtmodeltester, roles, flags, filters, sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt

from opinionkit.core.domain.records import RecordKind, Step
from opinionkit.core.services import demo, timeline
from opinionkit.ui.records.labels import summary_text
from opinionkit.ui.records.tracker_filter import NO_HOLDER, TrackerFilter
from opinionkit.ui.records.tracker_model import (
    DUE, FLAG_ROLE, HOLDER, ITEM, NEXT, OVERDUE, ROW_ID_ROLE, SECONDARY_ROLE, STATUS, UNCONFIRMED,
    TrackerTableModel,
)

PHYSIO = "Physiotherapy notes from the six weeks of treatment"
MRI = "Lumbar spine MRI without contrast, full study (DICOM)"


def loaded(db):
    ids = demo.load(db)
    model = TrackerTableModel(db)
    model.load(db, ids.case_id)
    return ids, model


def row_by_description(model, description):
    return next(r for r in range(model.rowCount()) if model.row_at(r).description == description)


def test_the_model_passes_the_model_tester(qtmodeltester, db):
    _ids, model = loaded(db)
    assert model.rowCount() == 13
    qtmodeltester.check(model)
    proxy = TrackerFilter()
    proxy.setSourceModel(model)
    proxy.sort(STATUS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_cells_give_the_holder_numbers_and_flag_late_and_unconfirmed_items(db):
    _ids, model = loaded(db)
    physio = row_by_description(model, PHYSIO)
    index = model.index(physio, HOLDER)
    assert index.data() == "Dr. Harold Brennan"
    assert "(555) 201-4410" in index.data(SECONDARY_ROLE) and "Fax (555) 201-4499" in index.data(SECONDARY_ROLE)
    status = model.index(physio, STATUS)
    assert status.data() == "Requested"
    assert status.data(SECONDARY_ROLE) == "Overdue"  # in words, not only in colour
    assert status.data(FLAG_ROLE) == OVERDUE
    assert not status.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert status.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "days late" in model.index(physio, DUE).data(SECONDARY_ROLE)
    assert model.index(physio, NEXT).data() == "Receive it"
    assert model.index(physio, ITEM).data(ROW_ID_ROLE) == model.row_at(physio).id

    mri = model.index(row_by_description(model, MRI), STATUS)
    assert (mri.data(), mri.data(SECONDARY_ROLE), mri.data(FLAG_ROLE)) == ("Sent", "Not confirmed", UNCONFIRMED)
    assert "Not confirmed" in mri.data(Qt.ItemDataRole.ToolTipRole)
    confirmed = next(r for r in range(model.rowCount()) if model.row_at(r).status is Step.CONFIRMED)
    assert model.index(confirmed, STATUS).data(FLAG_ROLE) == ""
    assert model.index(confirmed, STATUS).data(Qt.ItemDataRole.BackgroundRole) is None


def test_reload_resets_the_model_and_the_summary_follows(qtbot, db):
    _ids, model = loaded(db)
    assert summary_text(model.summary()) == "4 of 13 confirmed · 1 overdue · 1 shipment unconfirmed"
    mri_id = model.row_at(row_by_description(model, MRI)).id
    timeline.advance(db, mri_id)
    with qtbot.waitSignal(model.modelReset):
        model.reload()
    assert summary_text(model.summary()) == "5 of 13 confirmed · 1 overdue"


def test_filters_by_status_kind_holder_overdue_and_unconfirmed(db):
    ids, model = loaded(db)
    proxy = TrackerFilter()
    proxy.setSourceModel(model)

    def shown():
        return [proxy.index(r, ITEM).data() for r in range(proxy.rowCount())]

    proxy.set_filters(overdue_only=True)
    assert shown() == [PHYSIO]
    proxy.set_filters(unconfirmed_only=True)
    assert shown() == [MRI]
    proxy.set_filters(status=Step.CONFIRMED)
    assert len(shown()) == 4
    proxy.set_filters(kind=RecordKind.RADIOLOGY_REPORT)
    assert shown() == ["Report of the lumbar MRI", "Report of the lumbar X-rays"]
    proxy.set_filters(holder_id=ids.provider_ids["Northgate Clinical Laboratories"])
    assert shown() == ["Blood tests: HbA1c, vitamin D, full blood count"]
    proxy.set_filters(holder_id=NO_HOLDER)
    assert shown() == []
    proxy.set_filters(holder_id=ids.provider_ids["Cedar Valley Imaging"], status=Step.RECEIVED)
    assert len(shown()) == 2 and proxy.active
    proxy.set_filters()
    assert proxy.rowCount() == 13 and not proxy.active


def test_sorting_by_status_follows_the_steps_and_by_due_date_puts_undated_last(db):
    _ids, model = loaded(db)
    proxy = TrackerFilter()
    proxy.setSourceModel(model)
    proxy.sort(STATUS, Qt.SortOrder.AscendingOrder)
    statuses = [proxy.index(r, STATUS).data() for r in range(proxy.rowCount())]
    assert statuses[0] == "Needed" and statuses[-1] == "Confirmed"
    assert statuses.index("Sent") > statuses.index("Received") > statuses.index("Requested")
    proxy.sort(DUE, Qt.SortOrder.AscendingOrder)
    dues = [proxy.index(r, DUE).data() for r in range(proxy.rowCount())]
    assert dues[-1] == "No due date" and dues[0] != "No due date"
