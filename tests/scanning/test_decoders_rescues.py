"""Rescue passes added for issue 13's decode target, each on an image it reads (rendered here the
way the benchmark corpus renders one) and missed without it."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import desktop_app.scanning.decoders as decode_module
from desktop_app.scanning import located
from desktop_app.scanning.decoders import decode


def _corpus_code(category: str, seed: int) -> tuple[str, np.ndarray]:
    """One 640x480 corpus image of ``category`` (decode_corpus's renderer) and its text."""
    from benchmarks.decode_corpus import _category_looks, make_uri, render

    rng = np.random.default_rng(seed)
    text = make_uri(rng)
    return text, render(text, _category_looks()[category](rng), (640, 480), rng)


def _gray(image: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _unlocated(category: str, seed: int) -> tuple[str, np.ndarray, np.ndarray, located.Box]:
    """A corpus image where zxing-cpp locates nothing (the located patch's rescues run), its
    text, grayscale copy and busy patch."""
    text, image = _corpus_code(category, seed)
    gray = _gray(image)
    assert decode_module.zxing_scan(gray) == ([], [])
    box = located.busy_box(gray)
    assert box is not None
    return text, image, gray, box


def _without_light_patch(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = tuple(r for r in decode_module.FRAME_RESCUES if r[0] != "flatten")
    assert len(frame) == len(decode_module.FRAME_RESCUES) - 1
    monkeypatch.setattr(decode_module, "FRAME_RESCUES", frame)
    assert [name for name, _ in decode_module.SUSPECT_RESCUES] == ["flatten"]
    monkeypatch.setattr(decode_module, "SUSPECT_RESCUES", ())


def test_a_flat_code_in_strong_perspective_is_read_from_its_rectified_patch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text, image = _corpus_code("perspective", 147)
    assert decode_module.zxing_scan(_gray(image))[0] == []  # the first pass reads nothing
    monkeypatch.setattr(decode_module, "FLATTEN_ROUNDS", 0)  # the rectified square alone
    assert decode(image) == [text]
    found = decode_module.detect(image)
    assert len(found) == 1 and len(found[0].points) == 4
    xs = [x for x, _ in found[0].points]
    assert 0 <= min(xs) < max(xs) <= 640  # corners mapped back into the image


def test_without_the_light_patch_rescue_the_perspective_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without_light_patch(monkeypatch)
    assert decode(_corpus_code("perspective", 147)[1]) == []


def test_a_second_flattening_reads_a_cloth_code_the_first_leaves_bent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text, image = _corpus_code("cloth_dark", 41)
    assert decode_module.zxing_scan(_gray(image)) == ([], [])  # nothing located
    assert decode(image) == [text]
    monkeypatch.setattr(decode_module, "FLATTEN_ROUNDS", 1)
    assert decode(image) == []  # so the test above measures the second round


def test_the_rectified_and_twice_flattened_patch_reads_nothing_without_a_code() -> None:
    # a lit sheet busy with text-like edges on a dark desk: the patch rescue runs in full
    rng = np.random.default_rng(5)
    gray = np.full((480, 640), 30, np.uint8)
    sheet = rng.integers(0, 2, size=(60, 70)).astype(np.uint8) * 150 + 60
    gray[90:390, 140:490] = cv2.resize(sheet, (350, 300), interpolation=cv2.INTER_NEAREST)
    gray = cv2.GaussianBlur(gray, (0, 0), 0.8)
    assert decode_module.patch_quad(gray) is not None
    assert decode_module._read_flattened(gray) == []
    assert decode(gray) == []


def test_the_deblur_looks_for_finder_patterns_through_its_milder_filter_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # noisy, JPEG-damaged and mildly blurred: the strong first filter shows no finder pattern
    text, image, gray, box = _unlocated("mixed", 184)
    assert [t for t, _ in located.read_deblurred(gray, box)] == [text]
    assert decode(image) == [text]
    monkeypatch.setattr(located, "GATE_TRIES", 1)
    assert located.read_deblurred(gray, box) == []  # so the test above measures the change
    assert decode(image) == []


def test_the_widest_least_regularised_deconvolution_reads_a_heavily_blurred_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text, image = _corpus_code("blur", 136)
    gray = _gray(image)
    assert decode_module.zxing_scan(gray)[0] == []
    assert decode(image) == [text]
    assert located.DEBLUR_PARAMS[-1] == (2.2, 0.001)
    monkeypatch.setattr(located, "DEBLUR_PARAMS", located.DEBLUR_PARAMS[:-1])
    assert decode(image) == []  # so the test above measures the added filter


def test_the_located_patch_equalised_and_thresholded_reads_a_glared_noisy_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text, image, gray, box = _unlocated("mixed", 240)
    found = located.read_filtered(gray, box, decode_module._stretch, decode_module._threshold)
    assert [t for t, _ in found] == [text]
    xs = [x for x, _ in found[0][1]]
    assert box.x0 - 64 <= min(xs) < max(xs) <= box.x1 + 64  # corners in image coordinates
    assert decode(image) == [text]
    monkeypatch.setattr(located, "read_filtered", lambda *args: [])
    assert decode(image) == []  # so the test above measures the new pass


def test_the_equalised_threshold_reads_nothing_on_busy_patches_without_a_code() -> None:
    rng = np.random.default_rng(8)
    gray = np.full((480, 640), 128, np.uint8)
    modules = rng.integers(0, 2, size=(41, 41)).astype(np.uint8) * 200 + 25  # no finder pattern
    gray[100:346, 200:446] = cv2.resize(modules, (246, 246), interpolation=cv2.INTER_NEAREST)
    box = located.busy_box(gray)
    assert box is not None
    assert located.read_filtered(gray, box, decode_module._stretch, decode_module._threshold) == []
    assert decode(gray) == []
