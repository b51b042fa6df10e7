"""Fuzz suites, one per input kind (links, Google export payloads, backup files, images, vault
files). Every case runs in the bounded worker (tests/fuzz/bounded.py): it must finish within the
hang guard, with a result or one of the project's own errors (one clear message, no traceback),
within the memory bound per case, and no message may hold the planted secret."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz import bombs, targets
from tests.fuzz.bounded import BoundedRunner, check
from tests.fuzz.strategies import COMMON, examples, header_sizes, links, mutated

pytestmark = pytest.mark.slow

PLANTED = "KRUGKIDTMVRXEZLUEBUXGIDIMVZGKIDB"  # Base32 text that must never be echoed
BACKUPS = targets.backup_seeds()
IMAGES = targets.image_seeds()
MIGRATION = targets.migration_seed()


@settings(max_examples=examples(150), **COMMON)
@given(text=links(PLANTED) | st.text(max_size=300))
def test_links(runner: BoundedRunner, text: str) -> None:
    case = text.encode("utf-8", "surrogatepass")
    outcome = runner.run("tests.fuzz.targets:uri", case)
    check(outcome, case, secrets=(PLANTED,))
    assert outcome.error is None  # classify() never raises for bad input


@settings(max_examples=examples(80), **COMMON)
@given(payload=mutated([MIGRATION]) | st.binary(max_size=400))
def test_migration_payloads(runner: BoundedRunner, payload: bytes) -> None:
    outcome = runner.run("tests.fuzz.targets:migration", payload)
    check(outcome, payload, secrets=(targets.SECRET,))
    assert outcome.error is None


@settings(max_examples=examples(80), **COMMON)
@given(data=mutated(BACKUPS))
def test_backup_files(runner: BoundedRunner, data: bytes) -> None:
    outcome = runner.run("tests.fuzz.targets:backup", data)
    check(outcome, data, secrets=(targets.SECRET, targets.BACKUP_PASSWORD))


@settings(max_examples=examples(80), **COMMON)
@given(data=mutated(IMAGES) | header_sizes(IMAGES))
def test_images(runner: BoundedRunner, data: bytes) -> None:
    check(runner.run("tests.fuzz.targets:image", data), data)


_BOMBS = {
    "png 16000x16000 RGBA (1 MB)": bombs.png_bomb(16000, 16000),
    "png header 60000x60000": bombs.png_header_only(60000, 60000),
    "jpeg header 65000x65000": bombs.jpeg_header_only(65000, 65000),
    "jpeg header 29000x29000": bombs.jpeg_header_only(29000, 29000),
    "progressive jpeg header 20000x20000": bombs.jpeg_header_only(20000, 20000, True),
    "gif header 65535x65535": bombs.gif_header_only(65535, 65535),
    "bmp header 30000x30000": bombs.bmp_header_only(30000, 30000),
    "webp header 16383x16383": bombs.webp_header_only(16383, 16383),
    "png chunk declaring 2 GB": bombs.png_chunk_length_bomb(),
}


@pytest.mark.parametrize("name", list(_BOMBS))
def test_decompression_bombs_are_bounded(runner: BoundedRunner, name: str) -> None:
    data = _BOMBS[name]
    outcome = runner.run("tests.fuzz.targets:image", data)
    check(outcome, data)


@pytest.fixture(scope="module")
def vault_seed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from tests import fast_kdf

    fast_kdf.install()  # the worker uses the same cheap policy
    return targets.vault_seed(Path(tmp_path_factory.mktemp("seed")))


@st.composite
def _vault_docs(draw: st.DrawFn, seed: bytes) -> bytes:
    import json

    doc = json.loads(seed)
    value = st.one_of(
        st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(), st.text(max_size=20),
        st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                             max_size=3),
    )  # fmt: skip
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["doc", "slot"]))
        target = doc if where == "doc" else doc.get("slot")
        if not isinstance(target, dict):
            continue
        key = draw(st.sampled_from([*target.keys(), "extra"]))
        if draw(st.booleans()):
            target[key] = draw(value)
        else:
            target.pop(key, None)
    return json.dumps(doc).encode()


def test_vault_files(runner: BoundedRunner, vault_seed: bytes) -> None:
    assert runner.run("tests.fuzz.targets:vault", vault_seed).result == "3 entries"

    @settings(max_examples=examples(100), **COMMON)
    @given(data=mutated([vault_seed]) | _vault_docs(vault_seed))
    def one(data: bytes) -> None:
        outcome = runner.run("tests.fuzz.targets:vault", data)
        check(outcome, data, secrets=(targets.SECRET, targets.VAULT_PASSWORD))
        assert outcome.error != "WrongPasswordError" or b'"slot"' in data

    one()
