#!/usr/bin/env python3
"""check_font_coverage.py — fails the build when a character the UI or the data needs is missing from the subset font.

pyftsubset silently drops characters the source font does not have (emoji, rare Hanja); this turns that into a
build error naming the character and the file it came from, instead of a tofu box in front of an audience.
usage: check_font_coverage.py FONT.ttf[,MORE.ttf…] FILE...   (several fonts: the characters any of them has; a UI
language is drawn with the page's font and its own glyphs, make_font_packs.py)
"""
import sys
import unicodedata

from fontTools.ttLib import TTFont


# Characters the viewer draws with an equivalent's glyph (src/ui/fonts.cpp, kEquivalents): Nanum Gothic has the
# Greek mu but not the micro sign of "µg/m³", the Greek omega but not the ohm sign.
EQUIVALENTS = {0x00B5: 0x03BC, 0x2126: 0x03A9, 0x212A: 0x004B, 0x212B: 0x00C5}


def main():
    font, files = sys.argv[1], sys.argv[2:]
    cmap = set()
    for f in font.split(","):
        cmap |= set(TTFont(f).getBestCmap())
    cmap |= {a for a, b in EQUIVALENTS.items() if b in cmap}
    missing = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            for ch in f.read():
                if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
                    continue
                if ord(ch) not in cmap:
                    missing.setdefault(ch, path)
    if missing:
        for ch, path in sorted(missing.items()):
            print(f"font coverage: U+{ord(ch):04X} {ch!r} ({unicodedata.name(ch, '?')}) from {path} is not in {font}",
                  file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
