"""Draw the app icon's raster files from resources/icon.svg, the one drawing of the icon.

Usage, from the project folder::

    .venv/bin/python packaging/make_icons.py [OUTPUT_FOLDER]     (default: build/icons)

writes ``particle-tickets-<size>.png`` for 16 to 512 pixels (the Linux bundle's icon),
``particle-tickets.ico`` (Windows: 16 to 256) and ``particle-tickets.icns`` (macOS: 16 to 1024,
Retina sizes included). Qt draws each size from the SVG (QSvgRenderer onto a transparent
QImage, no window system needed); the .ico and .icns containers hold PNG images, which Windows
Vista and later and macOS 10.7 and later read, and are written here, because Qt's ico and icns
writers store one image per file. Neither Pillow nor Apple's iconutil is needed. The files are
build output (build/ is not committed); packaging/build.py makes them when they are missing or
older than the SVG.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icon.svg"
OUTPUT = ROOT / "build" / "icons"
NAME = "particle-tickets"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The icns element types that hold PNG data, and their size in pixels (ic11 to ic14 and ic10
#: are the Retina "@2x" variants of 16, 32, 128, 256 and 512 points).
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
    b"ic11": 32,
    b"ic12": 64,
    b"ic13": 256,
    b"ic14": 512,
}


def outputs(folder: Path = OUTPUT) -> list[Path]:
    """Every file `make_icons` writes into `folder`."""
    return [
        *(png_path(size, folder) for size in PNG_SIZES),
        folder / f"{NAME}.ico",
        folder / f"{NAME}.icns",
    ]


def png_path(size: int, folder: Path = OUTPUT) -> Path:
    return folder / f"{NAME}-{size}.png"


def up_to_date(folder: Path = OUTPUT, svg: Path = SVG) -> bool:
    """Whether every icon file exists and is newer than the SVG."""
    drawn = svg.stat().st_mtime
    return all(path.is_file() and path.stat().st_mtime >= drawn for path in outputs(folder))


def make_icons(folder: Path = OUTPUT, svg: Path = SVG) -> list[Path]:
    """Write the PNG, ICO and ICNS files into `folder`; returns their paths."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG image Qt can draw")
    folder.mkdir(parents=True, exist_ok=True)
    pngs = {
        size: render_png(renderer, size) for size in {*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES.values()}
    }
    for size in PNG_SIZES:
        png_path(size, folder).write_bytes(pngs[size])
    (folder / f"{NAME}.ico").write_bytes(ico([(size, pngs[size]) for size in ICO_SIZES]))
    (folder / f"{NAME}.icns").write_bytes(
        icns([(kind, pngs[size]) for kind, size in ICNS_TYPES.items()])
    )
    return outputs(folder)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn on a transparent square `size` pixels wide, as PNG."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """A Windows icon file holding square PNG images, given as (size in pixels, PNG data)."""
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    directory = b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 stands for 256
        # width, height, palette size, reserved, colour planes, bits per pixel, bytes, offset
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + directory + b"".join(png for _size, png in images)


def icns(elements: list[tuple[bytes, bytes]]) -> bytes:
    """A macOS icon file holding PNG images, given as (element type, PNG data)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else OUTPUT
    for path in make_icons(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
