#!/usr/bin/env python3
"""check_font_coverage.py — fails the build when a character the UI or the data needs is missing from the subset font.

pyftsubset silently drops characters the source font does not have (emoji, rare Hanja); this turns that into a
build error naming the character and the file it came from, instead of a tofu box in front of an audience.
usage: check_font_coverage.py FONT.ttf FILE...
"""
import sys
import unicodedata

from fontTools.ttLib import TTFont


def main():
    font, files = sys.argv[1], sys.argv[2:]
    cmap = TTFont(font).getBestCmap()
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
