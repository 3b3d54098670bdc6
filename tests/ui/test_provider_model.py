"""The provider table model: sound by Qt's own checks, ids by role, sortable through a proxy."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from opinionkit.core.domain import Provider, ProviderKind
from opinionkit.core.services import providers
from opinionkit.ui.provider_model import COLUMN_COUNT, KIND, NAME, PHONE, ROW_ID_ROLE, ProviderTableModel


def test_model_passes_qt_model_checks_with_rows_and_after_reload(qtmodeltester, db):
    model = ProviderTableModel(db)
    qtmodeltester.check(model)  # empty
    providers.save(db, Provider(name="Dr. Sakura Tanaka", specialty="Oncology", phone="(555) 010-1111"))
    providers.save(db, Provider(name="Brightview Imaging", kind=ProviderKind.IMAGING_CENTRE))
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == COLUMN_COUNT


def test_cells_ids_and_headers(db, qapp):
    lab = providers.save(db, Provider(name="Northside Lab", kind=ProviderKind.LAB, phone="(555) 010-2222"))
    model = ProviderTableModel(db)
    row = model.row_of(lab.id)
    assert model.index(row, NAME).data() == "Northside Lab"
    assert model.index(row, KIND).data() == "Lab"
    assert model.index(row, PHONE).data() == "(555) 010-2222"
    assert model.index(row, PHONE).data(ROW_ID_ROLE) == lab.id
    assert model.headerData(NAME, Qt.Orientation.Horizontal) == "Name"
    assert model.row_of(9999) is None


def test_sorting_and_finding_through_a_proxy(db, qapp):
    for name, kind in (("Zeta Clinic", ProviderKind.CLINIC), ("alpha Hospital", ProviderKind.HOSPITAL),
                       ("Dr. Mei Lin", ProviderKind.DOCTOR)):
        providers.save(db, Provider(name=name, kind=kind))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(ProviderTableModel(db))
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, NAME).data() for r in range(3)] == ["Zeta Clinic", "Dr. Mei Lin", "alpha Hospital"]
    proxy.sort(KIND, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, KIND).data() for r in range(3)] == ["Clinic", "Doctor", "Hospital"]
