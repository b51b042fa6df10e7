"""A keyring backend that counts the reads of the one it wraps: how tests see keyring round trips
(product code carries no counter)."""

from __future__ import annotations

from typing import Any


class CountingBackend:
    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.reads = 0

    def get_password(self, service: str, name: str) -> str | None:
        self.reads += 1
        value: str | None = self.inner.get_password(service, name)
        return value

    def set_password(self, service: str, name: str, value: str) -> None:
        self.inner.set_password(service, name, value)

    def delete_password(self, service: str, name: str) -> None:
        self.inner.delete_password(service, name)
