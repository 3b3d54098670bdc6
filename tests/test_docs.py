"""The README keeps up with the code: every command documented, the Quick start is what CI runs."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from opinionkit.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def _quick_start_commands() -> list[str]:
    blocks = re.findall(r"^```(?:bash|sh)?\n(.*?)^```", _section("Quick start"), re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_and_option_is_documented(name):
    documented = _section("Command line")
    options = [
        option for action in _subcommands()[name]._actions for option in action.option_strings
        if option.startswith("--") and option != "--help"
    ]
    missing = [f"opinionkit {name}", *options]
    missing = [text for text in missing if text not in documented]
    assert not missing, f"README.md's Command line section does not mention: {', '.join(missing)}"


def test_quick_start_has_exactly_two_commands():
    commands = _quick_start_commands()
    assert len(commands) == 2, commands
    assert all(c.startswith("bash scripts/bootstrap.sh") for c in commands)


def test_ci_runs_the_second_quick_start_command_verbatim():
    second = _quick_start_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert second in ci_lines


def test_readme_screenshot_exists():
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / image).is_file(), f"README shows {image}, which does not exist"
