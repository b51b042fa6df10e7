"""Aegis icon packs: import, matching, versions, removal, and hostile packs refused in one line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop_app.icons import IconLibrary, IconPackError
from desktop_app.icons import packs as packs_module
from desktop_app.intake import with_pack_icons
from desktop_app.otp.model import Entry, Icon
from tests.icons.pack_builder import DEFAULT_FILES, PACK_UUID, icon, pack_zip, svg

SECRET = "JBSWY3DPEHPK3PXP"


@pytest.fixture
def library(tmp_path: Path) -> IconLibrary:
    return IconLibrary.of(tmp_path)


def refused(library: IconLibrary, data: bytes) -> str:
    with pytest.raises(IconPackError) as caught:
        library.install(data)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    assert library.packs() == [] or all(p.uuid != "x" for p in library.packs())
    return message


def test_a_pack_is_kept_with_its_icons_and_listed(library: IconLibrary, tmp_path: Path) -> None:
    pack = library.install(pack_zip())
    assert (pack.uuid, pack.name, pack.version, len(pack.icons)) == (PACK_UUID, "Test Icons", 1, 4)
    assert pack.folder == tmp_path / "icons" / PACK_UUID / "1"
    listed = library.packs()
    assert [(p.uuid, p.version) for p in listed] == [(PACK_UUID, 1)]
    names = sorted(i.name for i in listed[0].icons)
    assert names == ["Blizzard", "GitHub", "Google", "Google Cloud"]
    # stored under names of our own, beside the index; nothing else of the zip
    stored = sorted(p.name for p in pack.folder.iterdir())
    assert "index.json" in stored and not any("GitHub" in s for s in stored)


def test_matching_is_case_insensitive_and_prefers_the_equal_issuer(library: IconLibrary) -> None:
    library.install(pack_zip())

    def picks(issuer: str) -> list[str]:
        return [i.name for i in library.suggest(issuer)]

    assert picks("GitHub")[:1] == picks("GITHUB")[:1] == ["GitHub"]
    assert picks("Google") == ["Google", "Google Cloud"]  # equal first, then "contains"
    assert picks("Battle.net") == ["Blizzard"]  # any of an icon's several issuers
    assert picks("blizzard") == ["Blizzard"]
    assert picks("Google Cloud Platform") == ["Google Cloud", "Google"]  # Aegis's inverse match
    assert picks("Mastodon") == [] and picks("  ") == []
    google = library.match("GOOGLE")
    assert google == Icon("image/svg+xml", (library.suggest("google")[0].path).read_bytes())
    assert b"#ff0000" in google.data
    assert library.match("Mastodon") is None


def test_new_accounts_get_the_matching_icon_only_without_one_of_their_own(tmp_path: Path) -> None:
    own = Icon("image/png", b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    entries = [
        Entry(secret=SECRET, issuer="github"),
        Entry(secret=SECRET, issuer="GitHub", icon=own),
        Entry(secret=SECRET, issuer="Mastodon"),
        Entry(secret=SECRET, issuer="", name="github"),
    ]
    assert with_pack_icons(entries, tmp_path) == entries  # no pack installed: unchanged
    IconLibrary.of(tmp_path).install(pack_zip())
    got = with_pack_icons(entries, tmp_path)
    assert got[0].icon is not None and b"#000000" in got[0].icon.data
    assert got[0].uuid == entries[0].uuid and got[0].issuer == "github"
    assert got[1].icon == own and got[2].icon is None and got[3].icon is None


def test_a_newer_version_replaces_the_older_and_the_same_is_already_installed(
    library: IconLibrary,
) -> None:
    library.install(pack_zip(version=1))
    assert "already installed" in refused(library, pack_zip(version=1))  # the same uuid again
    files = {**DEFAULT_FILES, "SVG/GitHub.svg": svg("#123456")}
    newer = library.install(pack_zip(version=2, files=files, name="Test Icons 2"))
    assert [(p.version, p.name) for p in library.packs()] == [(2, "Test Icons 2")]
    assert not (newer.folder.parent / "1").exists()
    assert b"#123456" in (library.match("github") or Icon("image/png", b"x")).data
    assert "newer version (2)" in refused(library, pack_zip(version=1))


def test_a_pack_is_removed_by_uuid(library: IconLibrary) -> None:
    library.install(pack_zip())
    other = "0b3e0a5e-1111-4c1c-8a55-222222222222"
    library.install(pack_zip(uuid=other, name="Another"))
    assert [p.name for p in library.packs()] == ["Another", "Test Icons"]
    assert library.remove(PACK_UUID.upper()).name == "Test Icons"
    assert [p.uuid for p in library.packs()] == [other]
    with pytest.raises(IconPackError, match="No icon pack with the uuid"):
        library.remove(PACK_UUID)


@pytest.mark.parametrize(
    "filename",
    ["../x.svg", "SVG/../../x.svg", "/etc/x.svg", "\\\\server\\x.svg", "C:/x.svg", "a//b.svg"],
)
def test_zip_slip_names_are_refused(library: IconLibrary, filename: str) -> None:
    data = pack_zip(icons=[icon(filename, "github")], files={filename: svg("#000000")})
    assert "outside itself" in refused(library, data)
    assert not (library.root.parent / "x.svg").exists() and library.packs() == []


@pytest.mark.parametrize(
    ("pack_json", "expected"),
    [
        (b"{not json", "not valid JSON"),
        (b"[]", "holds no object"),
        (json.dumps({"uuid": "nope", "name": "n", "version": 1, "icons": []}).encode(), "uuid"),
        (
            json.dumps({"uuid": PACK_UUID, "name": "n", "version": "1", "icons": []}).encode(),
            "version",
        ),
        (json.dumps({"uuid": PACK_UUID, "name": "n", "version": 1, "icons": {}}).encode(), "icons"),
        (json.dumps({"uuid": PACK_UUID, "version": 1, "icons": []}).encode(), "name"),
        (b"\xff\xfe{", "not UTF-8"),
    ],
)
def test_a_bad_pack_json_is_refused_in_one_line(
    library: IconLibrary, pack_json: bytes, expected: str
) -> None:
    assert expected in refused(library, pack_zip(pack_json=pack_json))


def test_a_pack_json_naming_a_missing_file_is_refused(library: IconLibrary) -> None:
    data = pack_zip(icons=[icon("SVG/Missing.svg", "x")], files={})
    assert "SVG/Missing.svg, which is not in the pack" in refused(library, data)


def test_what_is_not_a_pack_is_refused(library: IconLibrary, tmp_path: Path) -> None:
    assert "not an icon pack" in refused(library, b"PK\x03\x04 not really a zip")
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "no pack.json" in refused(library, buf.getvalue())
    data = pack_zip(icons=[icon("SVG/x.gif", "x")], files={"SVG/x.gif": b"GIF89a"})
    assert "not an SVG, PNG or JPEG" in refused(library, data)
    fake = pack_zip(icons=[icon("x.png", "x")], files={"x.png": svg("#000")})
    assert "not a PNG picture" in refused(library, fake)
    folder = tmp_path / "afolder"
    folder.mkdir()
    with pytest.raises(IconPackError, match="is a folder"):
        library.install_file(folder)


def test_a_zip_bomb_is_stopped_while_it_is_unpacked(library: IconLibrary) -> None:
    """300 KB of one byte packs into a few hundred: the bound is counted while reading."""
    bomb = svg("#000", "<!--" + " " * 300_000 + "-->")
    data = pack_zip(icons=[icon("SVG/bomb.svg", "x")], files={"SVG/bomb.svg": bomb})
    assert len(data) < 5_000
    assert "larger than 256 KB once unpacked" in refused(library, data)


def test_a_zip_whose_header_lies_about_the_size_is_refused(library: IconLibrary) -> None:
    big = svg("#000", "<!--" + "a" * 100_000 + "-->")
    data = bytearray(pack_zip(icons=[icon("a.svg", "x")], files={"a.svg": big}))
    # the central directory and local header say 100 bytes; the data inflates to 100 KB
    real = len(big).to_bytes(4, "little")
    assert data.count(real) == 2
    data = bytearray(bytes(data).replace(real, (100).to_bytes(4, "little")))
    assert "damaged" in refused(library, bytes(data))


def test_the_total_unpacked_size_is_bounded(
    library: IconLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packs_module, "MAX_PACK_TOTAL", 1000)
    files = {f"{n}.svg": svg("#000", "<!--" + "x" * 400 + "-->") for n in range(3)}
    data = pack_zip(icons=[icon(f, "x") for f in files], files=files)
    assert "unpacks to more than" in refused(library, data)


def test_a_huge_png_is_refused(library: IconLibrary) -> None:
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (50_000).to_bytes(4, "big") * 2
    data = pack_zip(
        icons=[icon("big.png", "x")], files={"big.png": header + b"\x08\x06\x00\x00\x00"}
    )
    assert "50000×50000 pixels" in refused(library, data)


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<g onload="alert(1)"/>', "onload"),
        ('<rect width="1" height="1" onclick="x()"/>', "onclick"),
        ('<image href="http://tracker.example/x.png"/>', "outside"),
        (
            '<image xlink:href="file:///etc/passwd" xmlns:xlink="http://www.w3.org/1999/xlink"/>',
            "outside",
        ),
        ('<use href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0Lz48L3N2Zz4="/>', "outside"),
        ('<a href="javascript:alert(1)"><rect/></a>', "outside"),
        ('<image href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>', "outside"),
        ("<foreignObject><div>x</div></foreignObject>", "foreignObject"),
        ('<rect fill="url(http://example.com/a.svg#g)"/>', "outside"),
        ("<style>@import url(http://example.com/x.css);</style>", "style sheet"),
        ('<rect style="fill: url(file:///x)"/>', "outside"),
    ],
)
def test_an_svg_with_a_script_or_an_external_reference_is_refused(
    library: IconLibrary, extra: str, why: str
) -> None:
    data = pack_zip(icons=[icon("bad.svg", "x")], files={"bad.svg": svg("#000", extra)})
    message = refused(library, data)
    assert message.startswith("bad.svg in the pack was refused: ") and why in message


def test_xml_entities_are_refused(library: IconLibrary) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
    )
    external = (
        b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    )
    utf16 = svg("#000").decode().encode("utf-16")
    for bad in (laughs, external, utf16):
        data = pack_zip(icons=[icon("e.svg", "x")], files={"e.svg": bad})
        assert "in the pack was refused" in refused(library, data)


def test_a_clean_svg_keeps_its_picture_and_loses_metadata(library: IconLibrary) -> None:
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10" '
        b'inkscape:version="1.0"><!-- a comment --><metadata>rdf</metadata>'
        b'<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient>'
        b'<rect id="r" width="10" height="10"/></defs>'
        b'<use xlink:href="#r" fill="url(#g)"/>'
        b'<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>'
        b'<animate attributeName="x"/></svg>'
    )
    pack = library.install(pack_zip(icons=[icon("ok.svg", "ok")], files={"ok.svg": body}))
    kept = pack.icons[0].path.read_bytes()
    for gone in (b"inkscape", b"comment", b"metadata", b"DOCTYPE", b"animate"):
        assert gone not in kept
    for there in (b'xlink:href="#r"', b'fill="url(#g)"', b"data:image/png;base64", b"<stop "):
        assert there in kept


def test_the_current_icon_wins_over_an_outdated_one_listed_before_it(library: IconLibrary) -> None:
    """aegis-icons lists SVG/.Outdated/ and SVG/.Variations/ (sorted first) before the current
    icons; like Aegis, the direct match listed last comes first. Its names have spaces and
    ampersands, its issuers stray spaces, and its icons no "name" (the file's stem is used)."""
    icons = [
        {
            "filename": "SVG/.Outdated/Bitwarden v1.svg",
            "category": "4. Outdated",
            "issuer": ["Bitwarden"],
        },
        {"filename": "SVG/.Outdated/IFTTT v1.svg", "category": None, "issuer": ["IFTTT "]},
        {
            "filename": "SVG/.Variations/H&R Block bg.var.svg",
            "category": "2. Variations & Alts",
            "issuer": ["H&R Block"],
        },
        {"filename": "SVG/Bitwarden.svg", "category": "1. Main", "issuer": ["Bitwarden"]},
    ]
    files = {i["filename"]: svg(f"#0000{n:02x}") for n, i in enumerate(icons)}
    library.install(pack_zip(icons=icons, files=files))
    assert [i.name for i in library.suggest("bitwarden")] == ["Bitwarden", "Bitwarden v1"]
    assert [i.name for i in library.suggest("IFTTT")] == ["IFTTT v1"]
    assert [i.name for i in library.suggest("h&r block")] == ["H&R Block bg.var"]
    assert library.suggest("ifttt")[0].category == ""
    assert b"#000003" in (library.match("Bitwarden") or Icon("image/png", b"x")).data


def test_an_icon_from_a_file_is_cleaned_like_a_pack_icon(tmp_path: Path) -> None:
    from desktop_app.icons.packs import icon_from_file

    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (64).to_bytes(4, "big") * 2 + b"\x08\x06"
    (tmp_path / "mine.PNG").write_bytes(png)
    assert icon_from_file(tmp_path / "mine.PNG") == Icon("image/png", png)
    (tmp_path / "a.svg").write_bytes(svg("#000", "<!-- note --><metadata/>"))
    assert b"note" not in icon_from_file(tmp_path / "a.svg").data
    cases = {
        "a.gif": (b"GIF89a", "a.gif is not an SVG, PNG or JPEG file."),
        "b.jpg": (b"not a jpeg", "b.jpg cannot be used as an icon: it is not a JPEG picture."),
        "c.svg": (svg("#000", "<script/>"), "c.svg cannot be used as an icon: it holds a <script>"),
        "d.png": (b"\x89PNG" + b"0" * 300_000, "d.png is too large"),
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(IconPackError) as caught:
            icon_from_file(tmp_path / name)
        assert str(caught.value).startswith(expected), str(caught.value)


def test_an_svg_that_grows_past_the_bound_when_rewritten_is_refused(
    library: IconLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written out again (namespaces declared, attributes quoted) an SVG can grow: what is
    kept is bounded too, so every stored icon fits an account."""
    from desktop_app.otp import model

    body = svg("#000", "<g a='1'/>" * 20)
    monkeypatch.setattr(packs_module, "MAX_ICON_BYTES", len(body) + 5)
    assert len(body) + 5 < model.MAX_ICON_BYTES
    data = pack_zip(icons=[icon("g.svg", "x")], files={"g.svg": body})
    assert "g.svg in the pack was refused: it is larger than" in refused(library, data)


def test_nested_repeats_are_refused(library: IconLibrary) -> None:
    """A "use bomb": each level repeats the one before ten times (10^levels shapes drawn)."""
    levels = ['<g id="l0"><rect width="1" height="1"/></g>']
    for n in range(1, 8):
        uses = "".join(f'<use href="#l{n - 1}"/>' for _ in range(10))
        levels.append(f'<g id="l{n}">{uses}</g>')
    bomb = svg("#000", "<defs>" + "".join(levels) + '</defs><use href="#l7"/>')
    loop = svg(
        "#000", '<g id="me"><use xlink:href="#me" xmlns:xlink="http://www.w3.org/1999/xlink"/></g>'
    )
    for body in (bomb, loop):
        data = pack_zip(icons=[icon("u.svg", "x")], files={"u.svg": body})
        assert "it repeats a part that repeats another" in refused(library, data)
    flat = svg("#000", '<defs><rect id="r" width="1" height="1"/></defs>' + '<use href="#r"/>' * 5)
    assert library.install(pack_zip(icons=[icon("u.svg", "x")], files={"u.svg": flat}))
