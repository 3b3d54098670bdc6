"""The `opinionkit` command: no subcommand opens the window; subcommands run without a display."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from opinionkit import __version__
from opinionkit.cli.context import Context
from opinionkit.core.errors import OpinionKitError, StorageError
from opinionkit.core.storage.datafolder import choose_data_dir, log_path, prepare_data_dir

#: Each module has ``register(subparsers)``, adding parsers whose default ``run(args, ctx) -> int``.
COMMAND_MODULES = [
    "opinionkit.cli.basics",
    "opinionkit.cli.records",
    "opinionkit.cli.library",
    "opinionkit.cli.background",
    "opinionkit.cli.visit",
    "opinionkit.cli.compare",
    "opinionkit.cli.packet",
    "opinionkit.cli.decide",
    "opinionkit.cli.check",
    "opinionkit.cli.safety",
]


class _Parser(argparse.ArgumentParser):
    """Reports a usage mistake in one line that points at --help, instead of the whole usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message.rstrip('.')}. See `{self.prog} --help`.\n")


def _global_options() -> argparse.ArgumentParser:
    parser = _Parser(prog="opinionkit", add_help=False)
    parser.add_argument(
        "--data-dir", metavar="DIR",
        help="folder holding your data (default: $OPINIONKIT_DATA_DIR, else your user data folder)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="opinionkit", parents=[_global_options()],
        description="Prepare and review a medical second opinion. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"opinionkit {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # everything OpinionKit writes is for its user's eyes only
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args, rest = _global_options().parse_known_args(argv)
        if rest:  # a command, --help, --version or a mistake; nothing more means the window,
            args = build_parser().parse_args(argv)  # which then skips importing every command
    except SystemExit as done:  # --help, --version or a usage mistake: already printed
        return done.code if isinstance(done.code, int) else 0
    except ImportError as error:
        return _incomplete_install(error)
    ctx = Context(choose_data_dir(args.data_dir))
    try:
        run = getattr(args, "run", None)
        if run is None:
            from opinionkit.ui.app import run_window  # Qt is loaded only when a window is wanted

            return run_window(ctx.data_dir)
        return int(run(args, ctx) or 0)
    except OpinionKitError as error:
        print(f"opinionkit: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("opinionkit: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`opinionkit people | head`): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"opinionkit: {error.strerror or error}{where}.", file=sys.stderr)
        return 1
    except ImportError as error:
        return _incomplete_install(error)
    except Exception as error:
        print(f"opinionkit: something unexpected went wrong ({type(error).__name__}). "
              f"{_log_unexpected(ctx.data_dir, error)}", file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _incomplete_install(error: ImportError) -> int:
    print(f"opinionkit: part of OpinionKit is not installed ({error}). "
          "Install it again: bash scripts/bootstrap.sh, or pip install -e . in its folder.", file=sys.stderr)
    return 1


def _log_unexpected(data_dir: Path, error: Exception) -> str:
    """Append the traceback, without the error's message, to the log in the data folder; say where it went."""
    from opinionkit.core.safety.error_log import describe

    log = log_path(data_dir)
    try:
        prepare_data_dir(data_dir)
        with log.open("a", encoding="utf-8") as out:
            out.write(describe(error) + "\n")
    except (OSError, StorageError):
        return "The details could not be written to a log file."
    return f"The details are in {log}."
