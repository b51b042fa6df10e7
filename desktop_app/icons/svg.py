"""SVG icons made safe to keep, show and pass on: no scripts, no external references.

    clean = sanitise_svg(data)      # bytes of a re-written SVG, or PictureRefused(reason)

Refused (the pack that holds it is not imported): a document type with its own declarations
(``<!ENTITY``: "billion laughs", external entities), ``<script>``, ``<foreignObject>`` and
embedded documents, ``on*=`` event attributes, a link (``href``/``xlink:href``) or ``url(...)``
that leaves the document (``http:``, ``file:``, a relative file, ``javascript:``, a ``data:`` URI
that is not a PNG/JPEG/GIF/WebP picture), CSS ``@import`` or ``expression(``, a ``<use>`` of
something that holds a ``<use>`` (nested repeats multiply: a "use bomb"). Dropped quietly:
comments, processing instructions, editor metadata (elements and attributes of other
namespaces), animation and unknown elements. What is left is written out again, so nothing the
parser did not understand survives.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from desktop_app.i18n import N_, Text

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_SVG_DEPTH = 64
MAX_SVG_ELEMENTS = 20_000

# Written out as <svg xmlns="..."> and xlink:href (the names Qt's renderer reads), not ns0:
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

#: elements kept (in the SVG namespace); anything else of the SVG namespace is dropped
KEPT = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "title",
        "desc",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "image",
        "style",
        "marker",
        "switch",
        "filter",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
    ]
)
#: elements that make the whole picture refused, in any namespace
REFUSED = frozenset(
    ["script", "foreignObject", "iframe", "object", "embed", "handler", "listener", "html"]
)
_DOCTYPE = re.compile(rb"<!DOCTYPE\b[^>\[]*>", re.IGNORECASE)
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_RASTER_DATA = re.compile(r"data:image/(png|jpeg|jpg|gif|webp)\s*;\s*base64\s*,", re.IGNORECASE)
_CSS_BAD = re.compile(r"@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.I)


class PictureRefused(ValueError):
    """A picture (an SVG, or a PNG/JPEG that is not one) cannot be kept; ``reason`` says why
    in a few words (translatable)."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)
        self.reason = reason


def _local(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree name."""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _check_link(value: str) -> None:
    v = "".join(value.split())  # "java script:" and friends
    if v.startswith("#") or _RASTER_DATA.match(v):
        return
    raise PictureRefused(N_("it links to something outside the picture"))


def _check_css(text: str) -> None:
    if _CSS_BAD.search(text):
        raise PictureRefused(N_("its style sheet imports or runs something"))
    for target in _URL.findall(text):
        _check_link(target)


def _check(el: ET.Element, depth: int, count: list[int]) -> None:
    """Refuse what must not be in the picture, anywhere (also in what :func:`_clean` drops)."""
    count[0] += 1
    if depth > MAX_SVG_DEPTH or count[0] > MAX_SVG_ELEMENTS:
        raise PictureRefused(N_("it is too deeply nested or too large"))
    local = _local(el.tag)[1]
    if local in REFUSED:
        raise PictureRefused(N_("it holds a <{element}> element", element=local))
    for name, value in el.attrib.items():
        attr = _local(name)[1]
        if attr.lower().startswith("on"):
            raise PictureRefused(N_("it holds a script (an {name} attribute)", name=attr))
        if attr == "href":
            _check_link(value)
        elif attr == "style" or "url(" in value.lower():
            _check_css(value)
    if el.text and local == "style":
        _check_css(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _check(child, depth + 1, count)


def _clean(el: ET.Element) -> None:
    """Drop comments, editor metadata, animations and elements of other vocabularies."""
    for name in list(el.attrib):
        ns, local = _local(name)
        if ns not in ("", XLINK_NS, XML_NS) or (ns == XLINK_NS and local != "href"):
            del el.attrib[name]  # inkscape:, sodipodi:, xlink:title, xlink:show ...
    for child in list(el):
        if not isinstance(child.tag, str):  # a comment or processing instruction
            el.remove(child)
            continue
        ns, local = _local(child.tag)
        if ns not in ("", SVG_NS) or local not in KEPT:
            el.remove(child)
            continue
        child.tag = f"{{{SVG_NS}}}{local}"
        _clean(child)


def _check_uses(root: ET.Element) -> None:
    """No ``<use>`` of something that holds a ``<use>``: ten nested groups of ten uses each
    would make a renderer draw ten billion shapes (and a use of its own ancestor never ends)."""
    holding: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.get("id"):
            continue
        if any(_local(d.tag)[1] == "use" for d in el.iter() if isinstance(d.tag, str)):
            holding.add(str(el.get("id")))
    for el in root.iter():
        if isinstance(el.tag, str) and _local(el.tag)[1] == "use":
            href = el.get("href") or el.get(f"{{{XLINK_NS}}}href") or ""
            if href.strip().lstrip("#") in holding:
                raise PictureRefused(N_("it repeats a part that repeats another"))


def sanitise_svg(data: bytes) -> bytes:
    """The picture re-written with only what is safe (see the module), or :class:`PictureRefused`."""
    if b"\x00" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PictureRefused(N_("it is not written in UTF-8"))  # the checks below read bytes
    if b"<!entity" in data.lower():
        raise PictureRefused(N_("it declares XML entities"))
    if b"<!doctype" in data.lower():
        # a plain <!DOCTYPE svg PUBLIC "..." "..."> is harmless; one with declarations is not
        data, n = _DOCTYPE.subn(b"", data, count=1)
        if n != 1 or b"<!doctype" in data.lower():
            raise PictureRefused(N_("it declares XML entities"))
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        raise PictureRefused(N_("it is not a well-formed SVG file")) from None
    ns, local = _local(root.tag)
    if local != "svg" or ns not in ("", SVG_NS):
        raise PictureRefused(N_("it is not an SVG picture"))
    root.tag = f"{{{SVG_NS}}}svg"
    _check(root, 0, [0])
    _check_uses(root)
    _clean(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=False)
