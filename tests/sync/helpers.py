"""A "computer" for the sync tests: the real command line on its own data dir (a process)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.fast_kdf import FAST_CLI

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "sync-test-password"


def otpauth(issuer: str, name: str = "me") -> str:
    """A link whose secret is the issuer's own (the app refuses a second account with a secret
    it already has)."""
    secret = base64.b32encode(hashlib.sha1(issuer.encode()).digest()).decode().rstrip("=")
    return f"otpauth://totp/{issuer}:{name}?secret={secret}&issuer={issuer}"


@dataclass
class Computer:
    name: str
    data_dir: Path
    folder: Path
    password: str = PASSWORD

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DESKTOP_AUTHENTICATOR_DATA_DIR": str(self.data_dir),
            # no keyring: each computer's vault opens with the password (the keyring path is
            # tested in-process)
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "DESKTOP_AUTHENTICATOR_PASSWORD": self.password,
        }

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*FAST_CLI, *args],
            env=self.env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            input=stdin,
            timeout=60,
        )

    def ok(self, *args: str, stdin: str | None = None) -> str:
        r = self.run(*args, stdin=stdin)
        assert r.returncode == 0, f"{self.name} {args}: {r.returncode} {r.stderr}"
        return r.stdout

    def popen(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [*FAST_CLI, *args],
            env=self.env(),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def setup(self) -> None:
        self.ok(
            "sync",
            "setup",
            str(self.folder),
            "--password-stdin",
            "--name",
            self.name,
            stdin=self.password + "\n",
        )

    def join(self) -> None:
        self.ok(
            "sync",
            "join",
            str(self.folder),
            "--password-stdin",
            "--name",
            self.name,
            stdin=self.password + "\n",
        )

    def accounts(self) -> list[dict[str, Any]]:
        return json.loads(self.ok("list", "--json"))

    def issuers(self) -> list[str]:
        return sorted(a["issuer"] for a in self.accounts())

    def status(self) -> dict[str, Any]:
        return json.loads(self.ok("sync", "status", "--json"))
