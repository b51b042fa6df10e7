"""Vault write cost: adding one account to a vault of N, against a bare write of the same bytes.

    python benchmarks/bench_vault.py [--accounts 10000] [--rounds 15]

Floor (measured in the same run, same folder): ``json.dumps`` of the same N+1 records, AES-256-GCM
encryption, Base64, and the same durable write (temp file, fsync, rename, fsync of the folder) --
what any safe encrypted JSON save costs. Prints the median of each, the ratio to the floor
(target <= 2x), and the share of a save spent serialising. Keyring mode (no KDF on save).
Asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import json
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from desktop_app.otp.model import Entry  # noqa: E402
from desktop_app.vault import (  # noqa: E402
    KeyStore,
    Vault,
    atomic_write,
    store,
)


def _entry(i: int) -> Entry:
    secret = base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")
    return Entry(secret=secret, issuer=f"Issuer {i}", name=f"user{i}@example.com", group="Work")


def bare_write(path: Path, records: list[dict], key: bytes, write=atomic_write) -> None:
    body = json.dumps({"entries": records}, separators=(",", ":")).encode()
    nonce = secrets.token_bytes(12)
    ct = AESGCM(key).encrypt(nonce, body, b"aad")
    doc = {"nonce": base64.b64encode(nonce).decode(), "ciphertext": base64.b64encode(ct).decode()}
    write(path, json.dumps(doc, indent=1).encode())


def plain_write(path: Path, data: bytes) -> None:
    """The same bytes to disk without fsync: the CPU side of a save."""
    path.write_bytes(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-vault-") as tmp:
        folder = Path(tmp)
        ks = KeyStore.memory()
        vault = Vault.open(folder / "vault", keystore=ks)
        vault.add_many([_entry(i) for i in range(args.accounts)])
        key = secrets.token_bytes(32)
        adds: list[float] = []
        floors: list[float] = []
        adds_cpu: list[float] = []
        floors_cpu: list[float] = []
        bodies: list[float] = []
        n = args.accounts
        for r in range(args.rounds):
            t0 = time.perf_counter()
            vault.add(_entry(n + 2 * r))
            adds.append(time.perf_counter() - t0)
            records = [e.to_dict() for e in vault.entries()]  # not timed: the floor's input
            t0 = time.perf_counter()
            bare_write(folder / "bare.json", records, key)
            floors.append(time.perf_counter() - t0)
            store.atomic_write = plain_write  # the same two saves without fsync
            try:
                t0 = time.perf_counter()
                vault.add(_entry(n + 2 * r + 1))
                adds_cpu.append(time.perf_counter() - t0)
            finally:
                store.atomic_write = atomic_write
            t0 = time.perf_counter()
            bare_write(folder / "bare.json", records, key, plain_write)
            floors_cpu.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            vault._body()
            bodies.append(time.perf_counter() - t0)
        size = (folder / "vault" / "vault.json").stat().st_size
        vault.close()
    add, floor, add_cpu, floor_cpu, body = (
        statistics.median(x) for x in (adds, floors, adds_cpu, floors_cpu, bodies)
    )
    print(f"accounts: {args.accounts} (+{2 * args.rounds}), vault file {size / 1e6:.1f} MB")
    print(f"durable  floor (json.dumps + AES-GCM + fsynced write): {floor * 1e3:7.1f} ms")
    print(f"durable  vault.add (one account):                      {add * 1e3:7.1f} ms")
    print(f"         ratio to floor: {add / floor:.2f}x (target <= 2x)")
    print(f"no fsync floor:                                        {floor_cpu * 1e3:7.1f} ms")
    print(f"no fsync vault.add:                                    {add_cpu * 1e3:7.1f} ms")
    print(f"         ratio to floor: {add_cpu / floor_cpu:.2f}x (target <= 2x)")
    print(f"serialising the entries in a save: {body * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
