"""The README's command-line summary and Debian package list say what the program and the Makefile do."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from mbc_vault.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _summary() -> str:
    """The fenced block of `mbc-vault …` lines."""
    blocks = re.findall(r"```\n(mbc-vault init.*?)```", README, flags=re.DOTALL)
    assert len(blocks) == 1
    return blocks[0]


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_every_command_is_in_the_summary() -> None:
    summary = _summary()
    for name in _subcommands():
        assert re.search(rf"mbc-vault {re.escape(name)}\b", summary), name


def test_the_packet_and_kit_lines_name_every_option() -> None:
    """`mbc-vault packet --help` against the README (the options for who unlocks are said once below)."""
    summary = _summary()
    shared = {"-h", "--help", "--passphrase-file", "--person"}
    for name in ("packet", "kit"):
        lines = [line for line in summary.splitlines() if line.startswith(f"mbc-vault {name} ")]
        assert lines, name
        start = summary.index(lines[0])
        following = summary[start:].splitlines()
        text = "\n".join([following[0], *[line for line in following[1:] if line.startswith(" ")]])
        for action in _subcommands()[name]._actions:
            for option in action.option_strings:
                if option in shared or option == "--no-summary":
                    continue
                assert option in text, f"{name} {option}"


def test_the_debian_packages_of_the_makefile_are_named() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    packages: list[str] = []
    for variable in ("DEBIAN_PACKAGES", "PACKAGE_DEBIAN_PACKAGES"):
        found = re.search(rf"^{variable} := (.*?)(?<!\\)\n", makefile, flags=re.MULTILINE | re.DOTALL)
        assert found, variable
        packages += found.group(1).replace("\\\n", " ").split()
    named = [p for p in packages if not p.startswith("lib")]  # Qt's runtime libraries: said as such
    assert "syncthing" in named and "age" in named
    missing = [p for p in named if f"`{p}`" not in README]
    assert missing == []
