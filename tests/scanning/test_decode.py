"""decode(): codes rendered in the test, in every supported image format and hard variants."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

import desktop_app.scanning.decoders as decode_module
from desktop_app.intake import BatchCollector, PayloadKind, classify
from desktop_app.scanning import located
from desktop_app.scanning.decoders import decode, decode_file, detect
from desktop_app.scanning.images import load_image
from tests.scanning.qr_helpers import (
    URI,
    URI_2,
    blank_frame,
    frame_with,
    migration_uris,
    qr_bgr,
    qr_gray,
)

FORMATS = ["png", "jpeg", "webp", "bmp", "gif"]


def _save(img: np.ndarray, path: Path, fmt: str) -> Path:
    rgb = cv2.cvtColor(img, cv2.COLOR_BGR2RGB) if img.ndim == 3 else img
    pil = Image.fromarray(rgb)
    kwargs = {"quality": 90} if fmt in ("jpeg", "webp") else {}
    pil.save(path, format=fmt.upper(), **kwargs)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_image_format_decodes(tmp_path: Path, fmt: str) -> None:
    path = _save(frame_with([qr_bgr(URI, 4)]), tmp_path / f"code.{fmt}", fmt)
    assert decode_file(path) == [URI]


@pytest.mark.parametrize("fmt", FORMATS)
def test_images_without_a_code_give_nothing(tmp_path: Path, fmt: str) -> None:
    path = _save(blank_frame(seed=3), tmp_path / f"none.{fmt}", fmt)
    assert decode_file(path) == []


def test_transparent_png_is_composited_on_white(tmp_path: Path) -> None:
    # black modules on a fully transparent background: dropping alpha would give black on black
    gray = qr_gray(URI, 4)
    rgba = np.zeros((*gray.shape, 4), np.uint8)
    rgba[..., 3] = np.where(gray < 128, 255, 0)
    path = tmp_path / "transparent.png"
    Image.fromarray(rgba, "RGBA").save(path)
    assert cv2.imread(str(path), cv2.IMREAD_COLOR).max() == 0  # naive reading loses the code
    assert decode_file(path) == [URI]


@pytest.mark.parametrize("angle", [17, 45, 90, 180, 301])
def test_rotated(angle: float) -> None:
    frame = frame_with([qr_bgr(URI, 4)], (720, 720))
    m = cv2.getRotationMatrix2D((360, 360), angle, 1.0)
    rotated = cv2.warpAffine(frame, m, (720, 720), borderValue=(150, 150, 150))
    assert decode(rotated) == [URI]


@pytest.mark.parametrize("scale", [2, 3, 12])
def test_scaled(scale: int) -> None:
    code = qr_bgr(URI_2, scale)
    size = (max(640, code.shape[1] + 40), max(480, code.shape[0] + 40))
    assert decode(frame_with([code], size)) == [URI_2]


def test_very_large_image_is_downscaled_and_corners_map_back() -> None:
    code = qr_bgr(URI, 30)  # ~1600 px code in a 4000x3000 photo
    frame = frame_with([code], (4000, 3000))
    found = detect(frame)
    assert [d.text for d in found] == [URI]
    xs = [x for x, _ in found[0].points]
    assert min(xs) > 10 + 4 * 30 - 40 and max(xs) < 10 + code.shape[1]  # full-size coordinates


def test_small_code_in_large_image_is_found_at_full_resolution() -> None:
    # 2-pixel modules in a 4000-pixel-wide image: unreadable once downscaled for speed
    frame = frame_with([qr_bgr(URI_2, 2)], (4000, 2400))
    assert decode(frame) == [URI_2]


def test_inverted_code() -> None:
    assert decode(255 - frame_with([qr_bgr(URI, 4)])) == [URI]


def test_several_codes_in_one_image() -> None:
    frame = frame_with([qr_bgr(URI, 3), qr_bgr(URI_2, 4)], (900, 480))
    assert sorted(decode(frame)) == sorted([URI, URI_2])


def test_the_same_code_twice_is_reported_once() -> None:
    frame = frame_with([qr_bgr(URI, 3), qr_bgr(URI, 3)], (900, 480))
    assert decode(frame) == [URI]


def test_grayscale_bgra_and_float_inputs() -> None:
    bgr = frame_with([qr_bgr(URI, 4)])
    assert decode(cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)) == [URI]
    assert decode(cv2.cvtColor(bgr, cv2.COLOR_BGR2BGRA)) == [URI]
    assert decode(bgr.astype(np.float32) / 255.0) == [URI]


def test_low_contrast_and_blurred_photo() -> None:
    frame = frame_with([qr_bgr(URI, 5)]).astype(np.float32)
    frame = 110 + frame * (50 / 255)  # modules at 110, paper at 160
    frame = cv2.GaussianBlur(frame, (0, 0), 1.6)
    noisy = frame + np.random.default_rng(1).normal(0, 4, frame.shape)
    assert decode(np.clip(noisy, 0, 255).astype(np.uint8)) == [URI]


def test_no_code_and_decode_is_pure() -> None:
    frame = blank_frame(seed=5)
    before = frame.copy()
    assert decode(frame) == []
    assert np.array_equal(frame, before)
    code = frame_with([qr_bgr(URI, 4)])
    before = code.copy()
    assert decode(code) == decode(code) == [URI]
    assert np.array_equal(code, before)


def test_not_an_image_raises_value_error() -> None:
    with pytest.raises(ValueError):
        decode(np.zeros((0, 0), np.uint8))
    with pytest.raises(ValueError):
        decode(np.zeros((4, 4, 5), np.uint8))


def test_without_pyzbar_decoding_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyzbar", None)  # import fails like a missing package
    monkeypatch.setitem(sys.modules, "pyzbar.pyzbar", None)
    monkeypatch.setattr(decode_module, "_pyzbar_checked", False)
    monkeypatch.setattr(decode_module, "_pyzbar_decode", None)
    assert decode_module.pyzbar_available() is False
    assert decode_module.pyzbar_detect(qr_gray(URI)) == []
    assert decode(frame_with([qr_bgr(URI, 4)])) == [URI]
    assert decode(blank_frame()) == []  # every rescue runs, none breaks


def _suspect_everywhere(monkeypatch: pytest.MonkeyPatch, frame: np.ndarray) -> None:
    """zxing-cpp's first pass 'locates' a symbol over the whole frame but reads nothing."""
    h, w = frame.shape[:2]
    corners = ((10.0, 10.0), (w - 10.0, 10.0), (w - 10.0, h - 10.0), (10.0, h - 10.0))
    monkeypatch.setattr(decode_module, "zxing_scan", lambda gray: ([], [corners]))


def test_pyzbar_fallback_reads_a_suspect_zxing_cannot(monkeypatch: pytest.MonkeyPatch) -> None:
    if not decode_module.pyzbar_available():
        pytest.skip("pyzbar/libzbar not installed here")  # covered by the test above
    frame = frame_with([qr_bgr(URI, 4)])
    _suspect_everywhere(monkeypatch, frame)
    monkeypatch.setattr(decode_module, "zxing_detect", lambda *a, **k: [])
    found = detect(frame)
    assert [d.text for d in found] == [URI]
    assert all(0 <= x <= frame.shape[1] and 0 <= y <= frame.shape[0] for x, y in found[0].points)


def test_a_suspect_gets_the_crop_rescues(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = frame_with([qr_bgr(URI, 4)])
    _suspect_everywhere(monkeypatch, frame)
    assert decode(frame) == [URI]  # read by a rescue on the crop, not by the first pass
    assert decode(frame, thorough=False) == [URI]  # suspects are rescued in the quick mode too


def test_without_a_suspect_only_the_budgeted_whole_image_rescues_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(decode_module, "pyzbar_detect", lambda g: calls.append("pyzbar") or [])
    real = decode_module.zxing_detect
    monkeypatch.setattr(
        decode_module, "zxing_detect", lambda *a, **k: calls.append("zxing") or real(*a, **k)
    )
    assert decode(blank_frame(seed=3)) == []
    assert "pyzbar" not in calls  # the slowest rescue only runs where a symbol was located
    spent = sum(cost for _, _, cost in decode_module.FRAME_RESCUES[: len(calls)])
    assert 1 <= len(calls) < len(decode_module.FRAME_RESCUES)
    assert spent <= decode_module.FRAME_BUDGET


def test_camera_schedule_spreads_every_rescue_over_frames() -> None:
    n_whole = len(decode_module.FRAME_RESCUES)
    n_roi = len(decode_module.ROI_RESCUES) + len(decode_module.SUSPECT_RESCUES)
    cycle = [decode_module.camera_schedule(i) for i in range(400)]
    wholes = [w for _, w in cycle if w is not None]
    assert set(wholes) == set(range(n_whole))
    assert len(wholes) < len(cycle) / 2  # most frames pay for the first pass only
    assert {r for r, _ in cycle[:n_roi]} == set(range(n_roi))


@pytest.mark.parametrize(
    "shape", [(1, 500), (1, 5000, 3), (3, 40000), (40000, 2), (20, 3000, 3), (25, 40000)]
)
def test_one_pixel_high_and_extreme_shapes_give_nothing(shape: tuple[int, ...]) -> None:
    image = np.full(shape, 128, np.uint8)
    assert decode(image) == []
    for n in range(8):
        assert detect(image, rescue=n) == []


def test_an_array_over_the_pixel_budget_is_sampled_and_corners_map_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(decode_module, "MAX_PIXELS", 300_000)
    frame = frame_with([qr_bgr(URI, 8)], (1200, 900))  # 1.08 MP: sampled every 2nd pixel
    found = detect(frame)
    assert [d.text for d in found] == [URI]
    xs = [x for x, _ in found[0].points]
    assert max(xs) > 300  # in the input's coordinates, not the sampled copy's


def test_an_opencv_failure_is_one_scan_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.errors import ScanError

    def broken(image: np.ndarray) -> np.ndarray:
        raise cv2.error("simulated")

    monkeypatch.setattr(decode_module, "to_gray", broken)
    with pytest.raises(ScanError, match="cannot be scanned"):
        decode(frame_with([qr_bgr(URI, 4)]))


def test_opencv_decoder_alone() -> None:
    assert [d.text for d in decode_module.opencv_detect(frame_with([qr_bgr(URI, 4)]))] == [URI]
    assert decode_module.opencv_detect(blank_frame()) == []


def test_migration_export_with_several_entries(tmp_path: Path) -> None:
    (uri,) = migration_uris(5, per_code=10)
    path = _save(frame_with([qr_bgr(uri, 3)], (800, 600)), tmp_path / "export.png", "png")
    (text,) = decode_file(path)
    payload = classify(text)
    assert payload.kind is PayloadKind.MIGRATION
    assert [e.issuer for e in payload.entries] == [f"Service{i}" for i in range(5)]


def test_multi_batch_export_is_collected_from_separate_images(tmp_path: Path) -> None:
    uris = migration_uris(7, per_code=3)
    assert len(uris) == 3
    collector = BatchCollector()
    for i, uri in enumerate(reversed(uris)):  # scanned out of order
        img = frame_with([qr_bgr(uri, 3)], (800, 600))
        path = _save(img, tmp_path / f"part{i}.jpeg", "jpeg")
        (text,) = decode_file(path)
        payload = classify(text)
        assert payload.batch is not None
        collector.add(payload.batch)
        if i == 1:
            assert collector.progress_text() == "2 of 3 scanned"
            assert not collector.complete
    assert collector.complete
    assert [e.name for e in collector.entries()] == [f"user{i}@example.com" for i in range(7)]


def test_load_image_returns_bgr(tmp_path: Path) -> None:
    path = tmp_path / "g.png"
    Image.fromarray(qr_gray(URI)).save(path)
    img = load_image(path)
    assert img.dtype == np.uint8 and img.ndim == 3 and img.shape[2] == 3


def test_gif_with_palette_transparency(tmp_path: Path) -> None:
    gray = qr_gray(URI_2, 4)
    pil = Image.fromarray(gray).convert("P")
    buf = io.BytesIO()
    pil.save(buf, format="GIF", transparency=int(pil.getpixel((0, 0))))  # white -> transparent
    path = tmp_path / "t.gif"
    path.write_bytes(buf.getvalue())
    assert decode_file(path) == [URI_2]


def _blurred_small_code() -> np.ndarray:
    """3 px modules, out of focus (sigma 1.8): zxing-cpp locates nothing at all."""
    gray = cv2.cvtColor(frame_with([qr_gray(URI, 3)]), cv2.COLOR_BGR2GRAY)
    return cv2.GaussianBlur(gray, (0, 0), 1.8)


def test_the_box_sharpened_rescue_reads_a_blurred_code_nothing_else_located() -> None:
    image = _blurred_small_code()
    assert decode_module.zxing_scan(image) == ([], [])  # no code, no suspect: whole-image path
    assert [d.text for d in decode_module._read_box_sharpened(image)] == [URI]
    assert decode(image) == [URI]


def test_without_the_box_sharpened_rescue_the_blurred_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (the rectified light patch, box-sharpened too, and the located patch came later and read
    # it as well)
    rescues = tuple(
        r for r in decode_module.FRAME_RESCUES if r[0] not in ("box sharpen", "flatten")
    )
    assert len(rescues) == len(decode_module.FRAME_RESCUES) - 2
    monkeypatch.setattr(decode_module, "FRAME_RESCUES", rescues)
    monkeypatch.setattr(decode_module, "STILL_RESCUES", ())
    assert decode(_blurred_small_code()) == []  # so the test above measures the new pass


def test_the_box_sharpened_rescue_reads_nothing_without_a_code() -> None:
    assert decode_module._read_box_sharpened(blank_frame(seed=4)[:, :, 0].copy()) == []


def _small_halftone_code() -> np.ndarray:
    """A "designer" code (only a dot at each module centre carries the bit), 2.5-3.5 px modules:
    zxing-cpp locates it but reads it only enlarged 3x."""
    from benchmarks.decode_corpus import Look, render

    look = Look(fill="halftone", module_px=(2.5, 3.5), blur=0.6)
    return render(URI, look, (640, 480), np.random.default_rng(10))


def test_the_3x_enlargement_reads_a_small_halftone_code() -> None:
    image = _small_halftone_code()
    found, suspects = decode_module.zxing_scan(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))
    assert found == [] and suspects  # located, not read: the crop rescues run
    assert decode(image) == [URI]


def test_without_the_3x_enlargement_the_halftone_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rescues = tuple(r for r in decode_module.ROI_RESCUES if r[0] != "enlarge 3x")
    assert len(rescues) == len(decode_module.ROI_RESCUES) - 1
    monkeypatch.setattr(decode_module, "ROI_RESCUES", rescues)
    # (the rectified light patch, a later rescue, reads it too)
    monkeypatch.setattr(decode_module, "SUSPECT_RESCUES", ())
    frame = tuple(r for r in decode_module.FRAME_RESCUES if r[0] != "flatten")
    monkeypatch.setattr(decode_module, "FRAME_RESCUES", frame)
    assert decode(_small_halftone_code()) == []


def test_the_3x_enlargement_reads_nothing_without_a_code_and_skips_large_crops() -> None:
    assert decode_module._read_enlarged3(blank_frame(seed=6)[:200, :200, 0].copy()) == []
    large = cv2.resize(qr_gray(URI, 4), (700, 700), interpolation=cv2.INTER_NEAREST)
    assert [d.text for d in decode_module.zxing_detect(large)] == [URI]
    assert decode_module._read_enlarged3(large) == []  # 2100 px: past the size cap, skipped


def _corpus_image(category: str, seed: int) -> np.ndarray:
    """One 640x480 image of the benchmark corpus's ``category`` (as decode_corpus renders it)."""
    from benchmarks.decode_corpus import _category_looks, render

    rng = np.random.default_rng(seed)
    return render(URI, _category_looks()[category](rng), (640, 480), rng)


def _without(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rescues = tuple(r for r in decode_module.FRAME_RESCUES if r[0] != name)
    assert len(rescues) == len(decode_module.FRAME_RESCUES) - 1
    monkeypatch.setattr(decode_module, "FRAME_RESCUES", rescues)
    # the located-patch rescues (still images only) came later and read some of these too
    monkeypatch.setattr(decode_module, "STILL_RESCUES", ())


def test_the_global_histogram_rescue_reads_a_moire_beaten_code() -> None:
    image = _corpus_image("moire", 38)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert decode_module.zxing_scan(gray)[0] == []  # the first pass does not read it
    assert [d.text for d in decode_module._read_global(gray)] == [URI]
    assert decode(image) == [URI]


def test_without_the_global_histogram_rescue_the_moire_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without("global histogram", monkeypatch)
    assert decode(_corpus_image("moire", 38)) == []


def test_the_globally_binarised_box_sharpened_rescue_reads_a_blurred_code() -> None:
    image = _corpus_image("blur", 49)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert decode_module.zxing_scan(gray) == ([], [])  # nothing located: whole-image rescues
    assert decode_module._read_box_sharpened(gray) == []  # the local binarizer misses it
    assert [d.text for d in decode_module._read_box_sharpened_global(gray)] == [URI]
    assert decode(image) == [URI]


def test_without_the_globally_binarised_box_sharpened_rescue_the_blurred_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without("box sharpen global", monkeypatch)
    assert decode(_corpus_image("blur", 49)) == []


@pytest.mark.parametrize("seed", [4, 5])
def test_the_global_threshold_rescues_read_nothing_without_a_code(seed: int) -> None:
    gray = blank_frame(seed=seed)[:, :, 0].copy()
    assert decode_module._read_global(gray) == []
    assert decode_module._read_box_sharpened_global(gray) == []


def _unlocated_cloth_code() -> tuple[str, np.ndarray]:
    """A code on wavy cloth (as the corpus renders one) where zxing-cpp locates nothing."""
    from benchmarks.decode_corpus import _category_looks, make_uri, render

    rng = np.random.default_rng(40)
    text = make_uri(rng)
    return text, render(text, _category_looks()["cloth_dark"](rng), (640, 480), rng)


def test_the_flattening_also_runs_where_nothing_was_located() -> None:
    text, image = _unlocated_cloth_code()
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert decode_module.zxing_scan(gray) == ([], [])  # no suspect: the suspect rescues skip it
    assert [d.text for d in decode_module._read_busy_patch_flattened(gray)] == [text]
    assert decode(image) == [text]


def test_without_the_unlocated_flattening_the_cloth_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without("flatten", monkeypatch)
    assert decode(_unlocated_cloth_code()[1]) == []


def test_a_plain_light_patch_is_not_flattened(monkeypatch: pytest.MonkeyPatch) -> None:
    # a lit sheet of paper on a dark desk: a patch, but without a code's edges
    gray = np.full((480, 640), 40, np.uint8)
    gray[100:380, 150:470] = 210
    assert decode_module.patch_quad(gray) is not None
    flattened: list[np.ndarray] = []
    monkeypatch.setattr(decode_module, "rectify", lambda g, q: flattened.append(q))
    assert decode_module._read_busy_patch_flattened(gray) == []
    assert flattened == []  # the costly rectification and flattening never ran
    assert decode(gray) == []


def _without_still_rescues(monkeypatch: pytest.MonkeyPatch) -> None:
    assert decode_module.STILL_RESCUES  # else the "without" tests below prove nothing
    monkeypatch.setattr(decode_module, "STILL_RESCUES", ())


def test_the_deconvolution_reads_a_code_blurred_past_the_unsharp_masks() -> None:
    image = _corpus_image("blur", 27)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert decode_module.zxing_scan(gray) == ([], [])  # nothing located
    box = located.busy_box(gray)
    assert box is not None
    found = located.read_deblurred(gray, box)
    assert [text for text, _ in found] == [URI]
    for x, y in found[0][1]:  # the corners are in the image's coordinates, on the patch
        assert box.x0 - 40 <= x <= box.x1 + 40 and box.y0 - 40 <= y <= box.y1 + 40
    assert decode(image) == [URI]


def test_without_the_located_patch_rescues_the_blurred_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without_still_rescues(monkeypatch)
    assert decode(_corpus_image("blur", 27)) == []


def test_the_edge_padding_reads_a_code_clipped_by_the_frame() -> None:
    image = _corpus_image("perspective", 25)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert decode_module.zxing_scan(gray)[0] == []
    box = located.busy_box(gray)
    assert box is not None and (box.x0 == 0 or box.y0 == 0 or box.x1 == 640 or box.y1 == 480)
    assert [text for text, _ in located.read_edge_padded(gray, box)] == [URI]
    assert decode(image) == [URI]


def test_without_the_located_patch_rescues_the_clipped_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without_still_rescues(monkeypatch)
    assert decode(_corpus_image("perspective", 25)) == []


def test_the_located_patch_rescues_read_nothing_without_a_code() -> None:
    assert located.busy_box(np.full((480, 640), 128, np.uint8)) is None  # featureless
    rng = np.random.default_rng(7)
    gray = np.full((480, 640), 140, np.uint8)
    gray[120:360, 200:440] = rng.integers(0, 256, size=(240, 240), dtype=np.uint8)  # square
    gray[200:420, 0:120] = rng.integers(0, 256, size=(220, 120), dtype=np.uint8)  # at the edge
    gray = cv2.GaussianBlur(gray, (0, 0), 1.5)
    box = located.busy_box(gray)
    assert box is not None and box.x0 > 0  # the square patch: the deconvolution runs on it
    assert located.read_deblurred(gray, box) == []
    edge = located.Box(0, 200, 120, 420)
    assert located.read_edge_padded(gray, edge) == []
    assert decode_module._read_located(gray) == []
    assert decode(gray) == []
    assert decode_module._read_located(blank_frame(seed=8)[:, :, 0].copy()) == []


def test_the_located_patch_rescues_are_not_in_the_camera_schedule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(decode_module, "STILL_RESCUES", (("spy", lambda g: calls.append(1)),))
    gray = cv2.cvtColor(_corpus_image("blur", 27), cv2.COLOR_BGR2GRAY)
    whole: set[int | None] = set()
    n = 0
    while len(whole) <= len(decode_module.FRAME_RESCUES):  # every rescue slot, and None
        whole.add(decode_module.camera_schedule(n)[1])
        decode_module.detect(gray, rescue=n)
        n += 1
    assert calls == []  # a camera loop never pays for them
    decode_module.detect(gray)
    assert calls == [1]  # a still image does


def test_a_shaken_photo_is_deconvolved_along_its_motion(monkeypatch: pytest.MonkeyPatch) -> None:
    image = _corpus_image("blur", 185)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert decode_module.zxing_scan(gray) == ([], [])
    box = located.busy_box(gray)
    assert box is not None
    crop, _, _ = located._crop(gray, box, 0.15)
    assert located.motion_direction(crop)[1] <= located.MAX_MOTION_ANISOTROPY  # directional
    assert decode(image) == [URI]
    monkeypatch.setattr(located, "MOTION_PARAMS", ())
    assert decode(image) == []  # the Gaussian deconvolutions alone miss it


def test_motion_direction_follows_the_smear() -> None:
    rng = np.random.default_rng(3)
    texture = cv2.resize(
        rng.integers(0, 256, size=(60, 60), dtype=np.uint8),
        (240, 240),
        interpolation=cv2.INTER_NEAREST,
    )
    kernel = np.zeros((15, 15), np.float32)
    kernel[7, :] = 1 / 15  # horizontal motion
    angle, anisotropy = located.motion_direction(cv2.filter2D(texture, -1, kernel))
    assert anisotropy < 0.5
    assert min(abs(angle), abs(abs(angle) - np.pi)) < 0.1  # along x
    assert located.motion_direction(texture)[1] > 0.8  # unsmeared: no direction


def test_a_still_image_skips_the_halved_copy_a_camera_loop_keeps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    k = next(i for i, r in enumerate(decode_module.FRAME_RESCUES) if r[0] == "halve+sharpen")
    name, _, cost = decode_module.FRAME_RESCUES[k]
    rescues = list(decode_module.FRAME_RESCUES)
    rescues[k] = (name, lambda g: calls.append(1) or [], cost)
    monkeypatch.setattr(decode_module, "FRAME_RESCUES", tuple(rescues))
    gray = blank_frame(seed=3)[:, :, 0].copy()
    assert decode(gray) == []
    assert calls == []  # a still image: skipped
    n = next(i for i in range(1000) if decode_module.camera_schedule(i)[1] == k)
    assert decode_module.detect(gray, rescue=n) == []
    assert calls == [1]  # the camera loop's slot for it still runs it
