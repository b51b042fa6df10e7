"""How an account matches a search: the window's search box, the quick-copy window and the
command line's ``copy QUERY`` all use this rule. Qt-free."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.otp.model import Entry


def search_terms(text: str) -> list[str]:
    return text.lower().split()


def matches(entry: Entry, terms: list[str]) -> bool:
    """Every word must appear in the issuer, name, group or note."""
    if not terms:
        return True
    hay = f"{entry.issuer} {entry.name} {entry.group} {entry.note}".lower()
    return all(t in hay for t in terms)


def matching(entries: Iterable[Entry], query: str) -> list[Entry]:
    terms = search_terms(query)
    return [e for e in entries if matches(e, terms)]
