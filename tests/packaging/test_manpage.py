"""packaging/manpage.py: the man page is generated from the real argparse parser."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import manpage  # noqa: E402

from desktop_app.cli import build_parser  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def _rendered_text(roff: str, tmp_path: Path) -> tuple[str, str]:
    """(plain text, warnings) of the page as man(1) shows it."""
    if shutil.which("man") is None:
        pytest.skip("man is not installed")
    page = tmp_path / "page.1"
    page.write_text(roff, encoding="utf-8")
    result = subprocess.run(
        ["man", "--warnings", "-E", "UTF-8", "-l", str(page)],
        capture_output=True,
        text=True,
        env=dict(os.environ, MANWIDTH="250", MAN_KEEP_FORMATTING="", LC_ALL="C.UTF-8"),
        check=True,
    )
    return result.stdout, result.stderr


def _all_parsers(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()):
    yield words, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _all_parsers(child, (*words, name))


def test_every_subcommand_and_option_is_on_the_page(tmp_path: Path) -> None:
    parser = build_parser()
    roff = manpage.render(parser)
    text, warnings = _rendered_text(roff, tmp_path)
    assert warnings == ""
    parsers = list(_all_parsers(parser))
    assert len(parsers) > 8  # the real parser: code, add, list, decode, portal, import, ...
    for words, sub in parsers:
        if words:
            assert f'.SS "{manpage._option(" ".join(words))}"' in roff, words
        for action in sub._actions:
            for option in action.option_strings:
                if option in ("-h", "--help"):
                    continue
                assert option in text, (words, option)
    assert "decode" in text and "--screen" in text


def test_the_page_follows_the_parser(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser(prog="desktop-authenticator", description="Test tool.")
    parser.add_argument("--verbose", action="store_true", help="say more (default %(default)s)")
    sub = parser.add_subparsers(dest="command")
    frob = sub.add_parser("frobnicate", help="frobnicate a .thing", description=".dot first")
    frob.add_argument("target", metavar="THING", help="what to frobnicate")
    frob.add_argument("--times", type=int, default=3, help="how often (default %(default)s)")
    roff = manpage.render(parser, date="2026-01-02")
    text, warnings = _rendered_text(roff, tmp_path)
    assert warnings == ""
    assert '.TH DESKTOP\\-AUTHENTICATOR 1 "2026-01-02"' in roff
    assert f"desktop-authenticator {PYPROJECT['version']}" in text
    assert "frobnicate" in text and "THING" in text and "what to frobnicate" in text
    assert "how often (default 3)" in text and "say more (default False)" in text
    assert ".dot first" in text  # a line starting with '.' is text, not a roff request
    assert "code" not in roff.split(".SH COMMANDS")[1].split(".SH EXIT STATUS")[0].split()


def test_date_comes_from_the_debian_changelog() -> None:
    changelog = (ROOT / "packaging" / "debian" / "changelog").read_text("utf-8")
    trailer = next(line for line in changelog.splitlines() if line.startswith(" -- "))
    roff = manpage.render(build_parser())
    import email.utils

    expected = email.utils.parsedate_to_datetime(trailer.split("  ", 1)[1]).strftime("%Y-%m-%d")
    assert roff.splitlines()[0].split('"')[1] == expected


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "desktop-authenticator.1"
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "manpage.py"), "--out", str(out)], check=True
    )
    assert out.read_text("utf-8") == manpage.render(build_parser())
