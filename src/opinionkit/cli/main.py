"""The `opinionkit` command: no subcommand opens the window; subcommands run without a display."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from opinionkit import __version__
from opinionkit.cli.context import Context
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.storage.datafolder import choose_data_dir

#: Each module has ``register(subparsers)``, adding parsers whose default ``run(args, ctx) -> int``.
COMMAND_MODULES = [
    "opinionkit.cli.basics",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opinionkit",
        description="Prepare and review a medical second opinion. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"opinionkit {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR",
        help="folder holding your data (default: $OPINIONKIT_DATA_DIR, else your user data folder)",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # everything OpinionKit writes is for its user's eyes only
    parser = build_parser()
    args = parser.parse_args(argv)
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
    finally:
        ctx.close()
