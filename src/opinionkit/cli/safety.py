"""Backup and restore on the command line: one file out, one file back in, nothing half done."""

from __future__ import annotations

import argparse
from pathlib import Path

from opinionkit.cli.context import Context
from opinionkit.core.errors import InvalidInput, StorageError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup", help="write one backup file of the data folder (database and every document)",
        description="Write a consistent snapshot of the database, every stored document and a list of their "
                    "SHA-256 checksums into one file; with a passphrase the whole file is encrypted.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, required=True, help="where to write the backup")
    parser.add_argument("--passphrase-file", metavar="F", type=Path,
                        help="encrypt with the passphrase on the first line of this file")
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    parser.set_defaults(run=run_backup)

    parser = subparsers.add_parser(
        "restore", help="restore a backup file into the data folder (checked completely first)",
        description="Check a backup (passphrase and every checksum), then restore it into the data folder. "
                    "Existing data is only replaced with --force, and is then kept aside next to the folder.",
    )
    parser.add_argument("backup", metavar="FILE", type=Path, help="the backup file")
    parser.add_argument("--passphrase-file", metavar="F", type=Path,
                        help="the passphrase of an encrypted backup, on the first line of this file")
    parser.add_argument("--force", action="store_true",
                        help="restore over existing data (moved aside next to the data folder, not deleted)")
    parser.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace, ctx: Context) -> int:
    from opinionkit.core.safety import backup

    report = backup.create(ctx.data_dir, args.output, _passphrase(args.passphrase_file), overwrite=args.force)
    how = "encrypted" if report.encrypted else "not encrypted"
    print(f"Backed up the database and {_count(report.documents, 'document')} "
          f"({_count(report.files, 'file')}, {_size(report.size)}, {how}) to {report.path}.")
    return 0


def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    from opinionkit.core.safety import restore

    report = restore.restore(args.backup, ctx.data_dir, _passphrase(args.passphrase_file), force=args.force)
    print(f"Restored {_count(report.people, 'person', 'people')}, {_count(report.cases, 'case')} and "
          f"{_count(report.documents, 'document')} ({_count(report.files, 'file')}) into {report.data_dir}.")
    if report.set_aside:
        print(f"The data that was there before is kept in {report.set_aside}.")
    return 0


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise StorageError(f"The passphrase file {path} cannot be read ({error}).") from error
    if not lines or not lines[0]:
        raise InvalidInput("passphrase-file", f"The passphrase file {path} is empty: put the passphrase "
                                               "on its first line.")
    return lines[0]


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} bytes"
