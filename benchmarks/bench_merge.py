"""Sync merge cost: two 10,000-account vaults with 1,000 changes on each side, against a bare
decrypt + JSON parse of both.

    python benchmarks/bench_merge.py [--accounts 10000] [--changes 1000] [--rounds 7]

The two sides share a base; each side then makes ``--changes`` changes (edits of names, notes,
groups, annotations and HOTP counters, reorders, a few adds and deletions), a tenth of them on the
same accounts as the other side (conflicts). Floor (measured in the same run): AES-256-GCM
decryption of both files' content and ``json.loads`` of both -- what reading the two encrypted
vaults costs at the least. Figures (medians):

- ``merge``: ``merge(base, ours, theirs)`` of the states in memory;
- ``load theirs + merge``: what a sync does when the folder's file changed -- decrypt and parse
  it, build its state against the states in memory (``VaultState.from_content(..., known=(ours,
  base))``: a record equal to a known entry's stored form is that entry; only the others are
  built and validated), merge. Ours and the base are in memory as read from their files (the
  vault's entries and the base's are distinct objects, as in the app);
- ``load both + merge``: both sides decrypted, parsed and built (ours against the base, theirs
  against ours and the base), then merged -- the issue's reading;
- ``load both (nothing known) + merge``: the same with every entry built from its record (what
  loading cost before ``known``).

Target (issue 21): ``load both + merge`` <= 3x the floor. Asserts nothing.

``--save N [N ...]``: instead, the cost of one save of a synced vault of N accounts (a real vault
and sync folder in a temporary directory): the save alone, and the save with the folder write
that follows it (what the command line does as part of each command; the window does it in its
sync watcher's worker, desktop_app/ui/sync_page.py).
"""

from __future__ import annotations

import argparse
import base64
import itertools
import json
import random
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from desktop_app.otp.model import Entry, OtpType  # noqa: E402
from desktop_app.sync.clock import HybridClock  # noqa: E402
from desktop_app.sync.merge import VaultState, delete, merge  # noqa: E402

VAULT = "bench-vault"
T0 = 1_765_000_000_000


def _secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def build(accounts: int, changes: int, seed: int = 1) -> tuple[VaultState, VaultState, VaultState]:
    rng = random.Random(seed)
    now = [T0]
    base_clock = HybridClock("00000001", lambda: now[0])
    entries = {}
    for i in range(accounts):
        e = Entry(
            secret=_secret(),
            issuer=f"Issuer {i}",
            name=f"user{i}@example.com",
            group=rng.choice(["Work", "Home", ""]),
            type=OtpType.HOTP if i % 20 == 0 else OtpType.TOTP,
            order=i,
            uuid=f"{i:08x}-0000-4000-8000-000000000000",
        ).stamped(None, base_clock.stamp())
        entries[e.uuid] = e
    base = VaultState(VAULT, entries)
    uuids = list(entries)
    shared = rng.sample(uuids, changes // 10)  # changed on both sides

    def side(device: str, skew: int) -> VaultState:
        clock = HybridClock(device, lambda: now[0] + skew)
        clock.observe(base.max_stamp())
        state = base
        mine = shared + rng.sample(uuids, changes - len(shared))
        new = dict(state.entries)
        gone: list[str] = []
        for n, u in enumerate(mine):
            e = new.get(u)
            if e is None:
                continue
            kind = n % 10
            if kind == 9 and n % 100 == 99:
                gone.append(u)
                continue
            if kind == 8 and n % 50 == 8:
                added = Entry(secret=_secret(), issuer=f"New {device} {n}", order=accounts + n)
                new[added.uuid] = added.stamped(None, clock.stamp())
                continue
            if e.type is OtpType.HOTP:
                changed = e.with_changes(counter=e.counter + rng.randint(1, 5))
            elif kind < 4:
                changed = e.with_changes(name=f"{e.name} ({device} {n})")
            elif kind < 6:
                changed = e.with_changes(note=f"note {device} {n}")
            elif kind < 7:
                changed = e.with_changes(group=f"Group {device}")
            elif kind < 8:
                changed = e.with_changes(meta={"emnify.state": "active"})
            else:
                changed = e.with_changes(order=rng.randrange(accounts))
            new[u] = changed.stamped(e, clock.stamp())
        state = VaultState(VAULT, new)
        return delete(state, gone, clock.stamp()) if gone else state

    return base, side("0000000a", 3_600_000), side("0000000b", -3_600_000)


def seal(key: bytes, content: dict) -> tuple[bytes, bytes]:
    body = json.dumps(content, separators=(",", ":")).encode()
    nonce = secrets.token_bytes(12)
    return nonce, AESGCM(key).encrypt(nonce, body, b"aad")


def median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def save_cost(n: int, rounds: int) -> tuple[float, float]:
    """One save of a synced vault of ``n`` accounts: alone, and with its folder write (ms)."""
    import tempfile

    from desktop_app.sync.service import SyncService, attach
    from desktop_app.vault import Vault

    password = "bench-password-words"
    with tempfile.TemporaryDirectory() as tmp:
        folder, data = Path(tmp) / "folder", Path(tmp) / "data"
        folder.mkdir()
        with Vault.open_with_password(data, password) as vault:
            vault.add_many([Entry(secret=_secret(), issuer=f"I{i}") for i in range(n)])
            SyncService(data).setup(vault, folder, password, device_name="bench")
            edits = itertools.count()

            def save() -> None:  # one account's note changed: a save of one change
                i = next(edits)
                vault.update(vault.entries()[i % n].with_changes(note=f"note {i}"))

            plain = median_ms(save, rounds)
            attach(vault, data)  # every save now writes the folder too, as the CLI's do
            return plain, median_ms(save, rounds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=10_000)
    ap.add_argument("--changes", type=int, default=1_000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--save", type=int, nargs="+", metavar="N")
    args = ap.parse_args()
    if args.save:
        for n in args.save:
            plain, synced = save_cost(n, args.rounds)
            print(
                f"{n:6d} accounts: save {plain:7.1f} ms; save + folder write {synced:7.1f} ms "
                f"(the write: {synced - plain:.1f} ms)"
            )
        return
    base, ours, theirs = build(args.accounts, args.changes)
    key = AESGCM.generate_key(bit_length=256)
    files = [seal(key, s.to_content()) for s in (ours, theirs)]
    aes = AESGCM(key)
    # As the sync has them in memory: the base as read from its file, ours as the vault read
    # its own (no entry shared with the base's)
    base_mem = VaultState.from_content(VAULT, json.loads(json.dumps(base.to_content())))
    ours_mem = VaultState.from_content(VAULT, json.loads(json.dumps(ours.to_content())))

    def floor() -> None:
        for nonce, ct in files:
            json.loads(aes.decrypt(nonce, ct, b"aad"))

    def load(i: int, known: tuple[VaultState, ...]) -> VaultState:
        nonce, ct = files[i]
        content = json.loads(aes.decrypt(nonce, ct, b"aad"))
        return VaultState.from_content(VAULT, content, known)

    def merge_only() -> None:
        merge(base, ours, theirs, device="0000000a")

    def theirs_and_merge() -> None:
        merge(base_mem, ours_mem, load(1, (ours_mem, base_mem)), device="0000000a")

    def both_and_merge() -> None:
        loaded = load(0, (base_mem,))
        merge(base_mem, loaded, load(1, (loaded, base_mem)), device="0000000a")

    def both_from_scratch() -> None:
        merge(base_mem, load(0, ()), load(1, ()), device="0000000a")

    _merged, report = merge(base, ours, theirs, device="0000000a")
    size = sum(len(ct) for _, ct in files) / 2 / 1e6
    print(
        f"{args.accounts} accounts, {args.changes} changes per side ({size:.1f} MB of content "
        f"each): {len(report.changed)} changed, {len(report.conflicts)} conflicts, "
        f"{len(report.added)} added, {len(report.removed)} removed by the other side"
    )
    floor_ms = median_ms(floor, args.rounds)
    figures = {
        "merge": median_ms(merge_only, args.rounds),
        "load theirs + merge": median_ms(theirs_and_merge, args.rounds),
        "load both + merge": median_ms(both_and_merge, args.rounds),
        "load both (nothing known) + merge": median_ms(both_from_scratch, args.rounds),
    }
    print(f"floor (decrypt + json.loads of both): {floor_ms:7.1f} ms")
    for name, ms in figures.items():
        print(f"{name:36s}: {ms:7.1f} ms  ({ms / floor_ms:.2f}x the floor)")


if __name__ == "__main__":
    main()
