from __future__ import annotations

import pytest

from opinionkit.core.errors import OutputExists
from opinionkit.core.storage.files import write_atomic


def test_writes_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "packet.pdf"
    write_atomic(target, b"%PDF-1.7 body")
    assert target.read_bytes() == b"%PDF-1.7 body"
    assert [p.name for p in tmp_path.iterdir()] == ["packet.pdf"]


def test_refuses_an_existing_file_unless_asked(tmp_path):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old")
    with pytest.raises(OutputExists, match="--force"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    write_atomic(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_missing_folder_is_an_error_and_writes_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nope" / "x.pdf", b"x")
