"""``list --json`` with 500 accounts against its floor: one Secret Service read + AES-GCM decrypt
+ the same JSON written.

    .venv/bin/python benchmarks/bench_cli_list.py [--accounts 500] [--runs 7]

Needs a real Secret Service (as the test suite has one), e.g.::

    dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets \
        >/dev/null; .venv/bin/python benchmarks/bench_cli_list.py'

Builds a keyring-mode vault of N accounts in a temp folder (its key in the OS keyring), then
times fresh processes, alternating, in the same run:

* the floor: Python start, one Secret Service read of the vault key through ``secretstorage``
  (the calls the app's own client makes), AES-GCM decrypt of the vault file, ``json.loads`` of
  its body, and the command's output written from it (the same fields, one account a line, by
  the C encoder) -- the leanest program doing the command's job. Its output is checked to be
  the command's, byte for byte, before anything is timed;
* the read-only floor (the floor until this stop): the same without the output (it prints the
  number of accounts), printed for comparison;
* the old floor (until #24), the read-only floor through keyring's Secret Service backend, which
  loads keyring's plugin machinery the app avoids: printed for comparison;
* the command: ``desktop-authenticator --data-dir DIR list --json``.

All run with bytecode (see benchmarks/bytecode.py). Prints medians and minima and the ratios to
the floors (target <= 1.2x of the floor). Asserts nothing but that the floor's output is the
command's.
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

#: the read-only floor: what ``list --json`` has to read, done by the leanest program -- one
#: Secret Service read of the key through ``secretstorage`` (as desktop_app/vault/secret_service.py
#: reads it: default collection, search by service and username, the secret), AES-GCM, json.
READ = r"""
import base64, json, sys
from contextlib import closing
from pathlib import Path
import secretstorage
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
doc = json.loads(Path(sys.argv[1]).read_bytes())
with closing(secretstorage.dbus_init()) as connection:
    collection = secretstorage.get_default_collection(connection)
    item = next(collection.search_items({"service": "desktop-authenticator",
                                         "username": doc["slot"]["item"]}))
    key = base64.b64decode(item.get_secret())
aad = json.dumps([doc["format"], doc["version"], doc["vault_id"], doc["slot"]], sort_keys=True,
                 separators=(",", ":"), ensure_ascii=True).encode()  # vault format 2
body = AESGCM(key).decrypt(base64.b64decode(doc["nonce"]), base64.b64decode(doc["ciphertext"]), aad)
"""

#: the floor: the read, then the command's output written from the stored records (the fields
#: ``list --json`` writes, in its order; ``meta`` when there is any; one object a line)
FLOOR = (
    READ
    + r"""
encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
lines = []
for e in json.loads(body)["entries"]:
    row = {"id": e["uuid"], "type": e["type"], "issuer": e["issuer"], "name": e["name"],
           "algorithm": e["algorithm"], "digits": e["digits"], "group": e["group"]}
    if e["type"] == "hotp":
        row["counter"] = e["counter"]
    else:
        row["period"] = e["period"]
    if e["meta"]:
        row["meta"] = e["meta"]
    lines.append(encode(row))
sys.stdout.write("[\n  " + ",\n  ".join(lines) + "\n]\n" if lines else "[]\n")
"""
)

#: the floor until this stop: the read, and the number of accounts printed
READ_ONLY_FLOOR = (
    READ
    + r"""
print(len(json.loads(body)["entries"]))
"""
)

#: the floor this benchmark had until #24: the same job through keyring's Secret Service
#: backend, which imports keyring's plugin machinery (~42 ms) that the app itself avoids.
KEYRING_FLOOR = r"""
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
        read_cmd = [sys.executable, "-c", READ_ONLY_FLOOR, str(vault_file)]
        keyring_cmd = [sys.executable, "-c", KEYRING_FLOOR, str(vault_file)]
        list_cmd = [sys.executable, "-m", "desktop_app", "--data-dir", tmp, "list", "--json"]
        commands = {
            "floor": floor_cmd,
            "read-only floor": read_cmd,
            "keyring floor": keyring_cmd,
            "list --json": list_cmd,
        }
        outputs = {  # also warms the page cache and writes the bytecode
            name: subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT, env=env).stdout
            for name, cmd in commands.items()
        }
        if outputs["floor"] != outputs["list --json"]:
            raise SystemExit("the floor's output is not the command's: the floor is wrong")
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so that load on the machine hits all alike
            for name, cmd in commands.items():
                times[name].append(timed(cmd, env))
    print(f"accounts: {args.accounts}, runs: {args.runs} (interleaved)")
    labels = {
        "floor": "floor (read + AES-GCM + the same JSON written)",
        "read-only floor": "read-only floor (the same, no output)",
        "keyring floor": "old floor (keyring's SecretService backend)",
        "list --json": "list --json",
    }
    for name, label in labels.items():
        median, least = statistics.median(times[name]), min(times[name])
        print(f"  {label:47s} {1000 * median:7.1f} ms median {1000 * least:7.1f} ms min")
    cmd = statistics.median(times["list --json"])
    for name in ("floor", "read-only floor", "keyring floor"):
        floor = statistics.median(times[name])
        least = min(times["list --json"]) / min(times[name])
        print(f"  ratio to the {name}: {cmd / floor:.2f}x median, {least:.2f}x min")
    print("  (target: <= 1.2x of the floor)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
