"""The man page ``desktop-authenticator(1)``, generated from the command line's argparse parser.

    .venv/bin/python packaging/manpage.py                 # roff on stdout
    .venv/bin/python packaging/manpage.py --out FILE.1    # written to a file

Run by ``packaging/build_deb.py`` (the .deb ships it gzipped in /usr/share/man/man1). Every
subcommand (and every sub-subcommand, e.g. ``portal login``) gets a section with its usage line,
description and options, so the page cannot drift from ``--help``. The date is the one of the
newest entry in packaging/debian/changelog, so the output is reproducible.
"""

from __future__ import annotations

import argparse
import email.utils
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHANGELOG = ROOT / "packaging" / "debian" / "changelog"


def _escape(text: str) -> str:
    """Plain text -> roff: backslashes, and no line starting with a control character."""
    text = text.replace("\\", "\\e")
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def _option(text: str) -> str:
    """An option or metavar for roff: every '-' a minus sign."""
    return _escape(text).replace("-", "\\-")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _changelog_date() -> str:
    for line in CHANGELOG.read_text(encoding="utf-8").splitlines():
        if line.startswith(" -- "):
            stamp = line.split("  ", 1)[1].strip()
            return email.utils.parsedate_to_datetime(stamp).strftime("%Y-%m-%d")
    raise ValueError(f"{CHANGELOG} has no trailer line")


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    if not action.help or action.help == argparse.SUPPRESS:
        return ""
    return _one_line(parser._get_formatter()._expand_help(action))


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str, argparse.ArgumentParser]]:
    """(command words, help, parser) of every subcommand, depth first, in --help order."""
    sub = _subparsers(parser)
    if sub is None:
        return
    helps = {a.dest: a.help or "" for a in sub._choices_actions}
    for name, child in sub.choices.items():
        words = (*prefix, name)
        yield words, helps.get(name, ""), child
        yield from commands(child, words)


def _options(parser: argparse.ArgumentParser) -> list[str]:
    out: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
            continue
        if action.help == argparse.SUPPRESS:
            continue
        if action.option_strings:
            metavar = ""
            if action.nargs != 0:
                metavar = action.metavar or action.dest.upper()
                if isinstance(metavar, tuple):
                    metavar = " ".join(metavar)
            names = ", ".join(f"\\fB{_option(s)}\\fR" for s in action.option_strings)
            head = names + (f" \\fI{_option(str(metavar))}\\fR" if metavar else "")
        elif action.metavar is None and action.choices:
            head = f"\\fI{_option('{' + ','.join(map(str, action.choices)) + '}')}\\fR"
        else:
            head = f"\\fI{_option(str(action.metavar or action.dest))}\\fR"
        out += [".TP", head, _escape(_help(parser, action)) or "\\&"]
    return out


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = _one_line(parser.format_usage())
    return usage.removeprefix("usage: ")


def _breakable(escaped: str) -> str:
    """Let groff break a long choice list ({a,b,c}) after its commas (``\\:`` is a zero-width
    break point), so that no line is too long to adjust."""
    return escaped.replace(",", ",\\:")


def render(parser: argparse.ArgumentParser | None = None, *, date: str | None = None) -> str:
    if parser is None:
        sys.path.insert(0, str(ROOT))
        from desktop_app.cli import build_parser

        parser = build_parser()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    name, version = project["name"], project["version"]
    date = date or _changelog_date()
    title = _option(name.upper())
    summary = project["description"]
    summary = _escape(summary[:1].lower() + summary[1:])
    lines = [
        f'.TH {title} 1 "{date}" "{name} {version}" "User Commands"',
        ".SH NAME",
        f"{_option(name)} \\- {summary}",
        ".SH SYNOPSIS",
        f"\\fB{_option(name)}\\fR [\\fIOPTION\\fR...]",
        ".br",
        f"\\fB{_option(name)}\\fR [\\fIOPTION\\fR...] \\fICOMMAND\\fR [\\fIARGUMENT\\fR...]",
        ".SH DESCRIPTION",
        _escape(_one_line(parser.description or "")),
        ".PP",
        "The commands below serve scripts: they print results on standard output and one "
        "line per problem on standard error.",
        ".SH OPTIONS",
        *_options(parser),
        ".SH COMMANDS",
    ]
    for words, summary, child in commands(parser):
        lines.append(f'.SS "{_option(" ".join(words))}"')
        # left-aligned: a usage line has few spaces to spread, and groff warns when it cannot
        lines += [".ad l", ".nh", f"\\fB{_breakable(_option(_usage(child)))}\\fR", ".hy", ".ad b"]
        lines.append(".PP")
        text = _one_line(child.description or summary)
        lines.append(_escape(text[:1].upper() + text[1:]) or "\\&")
        options = _options(child)
        if options:
            lines += [".PP", *options]
    lines += [
        ".SH EXIT STATUS",
        ".TP",
        "\\fB0\\fR",
        "Success.",
        ".TP",
        "\\fB1\\fR",
        "Not found, or nothing found (for example no QR code in an image).",
        ".TP",
        "\\fB2\\fR",
        "Bad input: an unreadable file, a malformed link or backup, a wrong password.",
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBDESKTOP_AUTHENTICATOR_DATA_DIR\\fR",
        "Folder of the vault, settings and logs (as \\fB\\-\\-data\\-dir\\fR).",
        ".TP",
        "\\fBDESKTOP_AUTHENTICATOR_PASSWORD\\fR",
        "Password of a password-protected vault, for scripted use.",
        ".SH FILES",
        ".TP",
        "\\fI~/.local/share/desktop\\-authenticator/vault.json\\fR",
        "The encrypted vault (AES-256-GCM). Its key is one item in the system keyring "
        "(Secret Service), or is derived from a password.",
        ".TP",
        "\\fI~/.config/desktop\\-authenticator/settings.json\\fR",
        "Settings (never secrets).",
        ".SH SEE ALSO",
        "\\fBgnome\\-keyring\\-daemon\\fR(1), \\fBsecret\\-tool\\fR(1)",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write the desktop-authenticator(1) man page.")
    ap.add_argument("--out", type=Path, help="file to write (default: standard output)")
    args = ap.parse_args(argv)
    text = render()
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
