"""``list --json`` with 500 accounts against its floor: a bare keyring read + AES-GCM decrypt.

    .venv/bin/python benchmarks/bench_cli_list.py [--accounts 500] [--runs 7]

Needs a real Secret Service (as the test suite has one), e.g.::

    dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets \
        >/dev/null; .venv/bin/python benchmarks/bench_cli_list.py'

Builds a keyring-mode vault of N accounts in a temp folder (its key in the OS keyring), then
times fresh processes, alternating, in the same run:

* the floor: Python start, keyring's Secret Service backend read of the vault key, AES-GCM
  decrypt of the vault file and ``json.loads`` of its body;
* the command: ``desktop-authenticator --data-dir DIR list --json``.

Both run with bytecode (see benchmarks/bytecode.py). Prints medians and the ratio (target <= 1.2x). Asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bytecode import cache_dir, child_env  # noqa: E402

FLOOR = r"""
import base64, json, sys
from pathlib import Path
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backends import SecretService
doc = json.loads(Path(sys.argv[1]).read_bytes())
key = base64.b64decode(SecretService.Keyring().get_password("desktop-authenticator", doc["slot"]["item"]))
aad = json.dumps([doc["format"], doc["version"], doc["vault_id"], doc["slot"]], sort_keys=True,
                 separators=(",", ":"), ensure_ascii=True).encode()  # vault format 2
body = AESGCM(key).decrypt(base64.b64decode(doc["nonce"]), base64.b64decode(doc["ciphertext"]), aad)
print(len(json.loads(body)))
"""


def build(folder: Path, n: int) -> None:
    sys.path.insert(0, str(ROOT))
    from desktop_app.otp.model import Entry
    from desktop_app.vault import KeyStore, Vault

    with Vault.open(folder, keystore=KeyStore()) as vault:
        vault.add_many(
            [
                Entry(
                    base64.b32encode(hashlib.sha1(f"list{i}".encode()).digest())
                    .decode()
                    .rstrip("="),
                    f"Service {i:03d}",
                    f"user{i}@example.com",
                )
                for i in range(n)
            ]
        )


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cli-list-") as tmp, cache_dir() as pycache:
        env = child_env(pycache)
        folder = Path(tmp)
        build(folder, args.accounts)
        vault_file = next(folder.glob("vault*.json"))
        floor_cmd = [sys.executable, "-c", FLOOR, str(vault_file)]
        list_cmd = [sys.executable, "-m", "desktop_app", "--data-dir", tmp, "list", "--json"]
        timed(floor_cmd, env), timed(list_cmd, env)  # warm the page cache, write the bytecode
        floors, lists = [], []
        for _ in range(args.runs):
            floors.append(timed(floor_cmd, env))
            lists.append(timed(list_cmd, env))
    floor, cmd = statistics.median(floors), statistics.median(lists)
    print(f"accounts: {args.accounts}, runs: {args.runs}")
    print(f"  floor (keyring read + AES-GCM decrypt + json): {1000 * floor:7.1f} ms median")
    print(f"  list --json:                                    {1000 * cmd:7.1f} ms median")
    print(f"  ratio: {cmd / floor:.2f}x (target <= 1.2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
