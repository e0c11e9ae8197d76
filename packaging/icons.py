"""The app icon for Linux desktops: hicolor PNGs rendered from ``resources/dramatis.svg``.

Qt draws them (QtSvg ships with PySide6-Essentials), so the build needs no other tool.
Usage: ``python packaging/icons.py OUTPUT_DIR`` writes ``OUTPUT_DIR/hicolor/NxN/apps/
dramatis.png`` for every size and ``OUTPUT_DIR/hicolor/scalable/apps/dramatis.svg``;
``--ico FILE`` (Windows) and ``--icns FILE`` (macOS) write the icon of the executable with
Qt's ico and icns image plugins.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "dramatis.svg"
NAME = "dramatis"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def icon_path(theme: Path, size: int | None) -> Path:
    """Where the icon of ``size`` pixels (None: scalable) goes in a hicolor theme folder."""
    folder = "scalable" if size is None else f"{size}x{size}"
    suffix = ".svg" if size is None else ".png"
    return theme / "hicolor" / folder / "apps" / f"{NAME}{suffix}"


def draw(svg: Path, size: int):  # -> QImage (PySide6 is imported lazily)
    """``svg`` drawn on a transparent square of ``size`` pixels."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG image")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def save(image, target: Path, image_format: str) -> Path:  # image: QImage
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), image_format):
        raise SystemExit(f"{target}: could not write the icon ({image_format})")
    return target


def render(svg: Path, theme: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Draw ``svg`` at every size into ``theme``; also copy the SVG itself as scalable."""
    written = [save(draw(svg, size), icon_path(theme, size), "PNG") for size in sizes]
    scalable = icon_path(theme, None)
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    return [*written, scalable]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2 and args[0] in {"--ico", "--icns"}:
        image_format, size = ("ICO", 256) if args[0] == "--ico" else ("ICNS", 512)
        print(save(draw(SVG, size), Path(args[1]), image_format))
        return 0
    if len(args) != 1 or args[0].startswith("-"):
        print("usage: icons.py OUTPUT_DIR | --ico FILE | --icns FILE", file=sys.stderr)
        return 2
    for path in render(SVG, Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
