#!/usr/bin/env python3
"""make_font_packs.py — cuts the fallback font packs another city's names need, and lists what each covers.

The page's own font is Nanum Gothic cut to the characters of the page, the languages and the Bukchon data. The
packs, fetched only when the text in use needs them (src/core/text/font_plan.hpp), come from Debian's fonts:
  arabic      Noto Sans Arabic (+ Bold), Debian's fonts-noto-core: Arabic, Persian and Urdu letters, shaped by
              HarfBuzz (the shaper module: src/core/shaping/), so the cut keeps the fonts' layout tables.
  world       DejaVu Sans (+ Bold): Latin Extended (Vietnamese, Polish, Turkish, …), Greek, Cyrillic, Armenian,
              Georgian, Hebrew, Arabic presentation forms, symbols.
  hangul      Nanum Gothic (+ Bold): every Hangul syllable and jamo, the same face as the page.
  cjk-common  WenQuanYi Micro Hei: kana, CJK punctuation, full-width forms and the ideographs of GB 2312 level 1,
              JIS X 0208 level 1 and Big5's frequent set (taken from Python's own codecs) — most place names.
  cjk-N       the rest of WenQuanYi's ideographs and radicals, in slices of about 3,000 characters.
  thai        Noto Sans Thai (+ Bold), Debian's fonts-noto-core: the Thai UI and Thai names.
  devanagari  Noto Sans Devanagari (+ Bold): the Nepali UI and Hindi, Marathi, Nepali names.
Each pack's coverage is read back from the cut font, so the manifest never promises a glyph the file lacks.

The page's own font is cut for English and the data. Each other UI language (I18N_DIR/xx.json) gets the glyphs its
strings need beyond it that Nanum Gothic has (Hangul, kana and common Hanja, Russian), cut from the same face, as
OUT_DIR/lang/xx.ttf (+ -bold): the page fetches them with the language's strings (web/bukchon-replay.js), so an
English page does not carry the Korean UI's syllables. What Nanum lacks (Thai, Devanagari, Arabic, Vietnamese's
letters, Chinese ideographs) comes from the packs, which the viewer fetches for the language's text as for a city's
names; the build fails if a language needs a character that neither has.

usage: make_font_packs.py BASE.ttf OUT_DIR BASE_COVERAGE.cpp NANUM_DIR DEJAVU_DIR WQY.ttc I18N_DIR NOTO_DIR LOCALE_TEXT.json
(LOCALE_TEXT: each language's date and number text from Intl, cmake/locale_text.mjs; cut with its strings)
(writes OUT_DIR/packs/*.ttf and OUT_DIR/packs.json, the manifest: docs/api.md, "Font packs"; OUT_DIR/lang/*.ttf and
OUT_DIR/languages.json: {"xx": {"regular", "bold", "covers": [[first, last], …], "packs": [pack files]}}: a
language's own glyphs where Nanum has them, and the packs its other letters come from)
"""
import json
import os
import sys
import unicodedata

from fontTools import subset
from fontTools.ttLib import TTFont

from check_font_coverage import EQUIVALENTS

WORLD = [
    (0x00A0, 0x00FF), (0x0100, 0x024F), (0x0250, 0x02FF), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x052F),
    (0x0530, 0x058F), (0x0590, 0x05FF), (0x10A0, 0x10FF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF),
    (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x23FF), (0x2460, 0x24FF), (0x2500, 0x27BF), (0x2C60, 0x2C7F),
    (0x2DE0, 0x2DFF), (0xA640, 0xA69F), (0xA720, 0xA7FF), (0xFB00, 0xFB06),
    (0xFB1D, 0xFB4F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
]
HANGUL = [(0x1100, 0x11FF), (0x3130, 0x318F), (0x3200, 0x321E), (0x3260, 0x327E), (0xA960, 0xA97F),
          (0xAC00, 0xD7A3), (0xD7B0, 0xD7FF)]
CJK_ALWAYS = [(0x3000, 0x30FF), (0x3100, 0x312F), (0x31F0, 0x31FF), (0xFF00, 0xFFEF)]
CJK_ALL = [(0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]
CJK_SLICE = 3000
THAI = [(0x0E00, 0x0E7F)]
ARABIC = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
DEVANAGARI = [(0x0900, 0x097F), (0x1CD0, 0x1CFF), (0xA8E0, 0xA8FF), (0x200C, 0x200D), (0x25CC, 0x25CC)]


def expand(ranges):
    return {cp for a, b in ranges for cp in range(a, b + 1)}


def codec_set(codec, rows, cols):
    out = set()
    for r in rows:
        for c in cols:
            try:
                ch = bytes([r, c]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.add(ord(ch))
    return out


def frequent_ideographs():
    gb2312_level1 = codec_set("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    jis_level1 = codec_set("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF))
    big5_frequent = codec_set("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    return gb2312_level1 | jis_level1 | big5_frequent


def to_ranges(points):
    ranges = []
    for cp in sorted(points):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def cut(source, font_number, unicodes, out_path, layout=False):
    """`layout`: keep the OpenType layout tables and every glyph they reach (a script HarfBuzz shapes)."""
    options = subset.Options()
    options.layout_features = ["*"] if layout else []
    options.hinting = False
    options.notdef_outline = True
    options.font_number = font_number
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    subset.save_font(font, out_path, options)
    return set(TTFont(out_path).getBestCmap())


def language_fonts(base_cover, i18n_dir, nanum, out_dir, locale_text):
    """The glyphs each UI language but English needs beyond the page's font that Nanum Gothic has, cut from the same
    face; returns {file name: the characters it needs that Nanum lacks} (the packs must have them) and
    languages.json's entries so far."""
    os.makedirs(os.path.join(out_dir, "lang"), exist_ok=True)
    languages = {}
    beyond = {}
    nanum_cover = set(TTFont(f"{nanum}/NanumGothic.ttf").getBestCmap()) & set(TTFont(f"{nanum}/NanumGothicBold.ttf").getBestCmap())
    for name in sorted(os.listdir(i18n_dir)):
        if not name.endswith(".json") or name == "en.json":
            continue
        code = name[:-len(".json")]
        with open(os.path.join(i18n_dir, name), encoding="utf-8") as f:
            text = f.read() + locale_text.get(code, "")
        wanted = {ord(c) for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")} - base_cover
        beyond[name] = wanted - nanum_cover
        wanted &= nanum_cover
        if not wanted:
            continue
        regular, bold = f"lang/{code}.ttf", f"lang/{code}-bold.ttf"
        cover = cut(f"{nanum}/NanumGothic.ttf", 0, wanted, os.path.join(out_dir, regular))
        cover &= cut(f"{nanum}/NanumGothicBold.ttf", 0, wanted, os.path.join(out_dir, bold))
        languages[code] = {"regular": regular, "bold": bold, "covers": to_ranges(cover & wanted)}
        size = os.path.getsize(os.path.join(out_dir, regular)) + os.path.getsize(os.path.join(out_dir, bold))
        print(f"language font {code}: {len(cover & wanted)} characters, {size // 1024} KiB")
    return beyond, languages


def main():
    base, out_dir, base_cpp, nanum, dejavu, wqy, i18n_dir, noto, locale_path = sys.argv[1:10]
    with open(locale_path, encoding="utf-8") as f:
        locale_text = json.load(f)
    os.makedirs(os.path.join(out_dir, "packs"), exist_ok=True)
    base_cover = set(TTFont(base).getBestCmap())
    base_cover |= {a for a, b in EQUIVALENTS.items() if b in base_cover}  # drawn with the equivalent's glyph
    wqy_cmap = set(TTFont(wqy, fontNumber=0, lazy=True).getBestCmap())
    beyond, languages = language_fonts(base_cover, i18n_dir, nanum, out_dir, locale_text)

    packs = []  # (name, regular file, bold file or "", coverage)

    def pack(name, regular_src, bold_src, wanted, font_number=0, layout=False):
        regular = f"packs/{name}.ttf"
        cover = cut(regular_src, font_number, wanted, os.path.join(out_dir, regular), layout)
        bold = ""
        if bold_src:
            bold = f"packs/{name}-bold.ttf"
            cover &= cut(bold_src, font_number, wanted, os.path.join(out_dir, bold), layout)
        packs.append((name, regular, bold, cover))

    # The first pack that has a letter draws it: Arabic from Noto before DejaVu's presentation forms.
    pack("arabic", f"{noto}/NotoSansArabic-Regular.ttf", f"{noto}/NotoSansArabic-Bold.ttf", expand(ARABIC), layout=True)
    pack("world", f"{dejavu}/DejaVuSans.ttf", f"{dejavu}/DejaVuSans-Bold.ttf", expand(WORLD), layout=True)
    pack("hangul", f"{nanum}/NanumGothic.ttf", f"{nanum}/NanumGothicBold.ttf", expand(HANGUL))
    common = (expand(CJK_ALWAYS) | (frequent_ideographs() & expand(CJK_ALL))) & wqy_cmap
    pack("cjk-common", wqy, "", common)
    rest = sorted((expand(CJK_ALL) & wqy_cmap) - common)
    for i in range(0, len(rest), CJK_SLICE):
        pack(f"cjk-{i // CJK_SLICE + 1}", wqy, "", set(rest[i:i + CJK_SLICE]))
    pack("thai", f"{noto}/NotoSansThai-Regular.ttf", f"{noto}/NotoSansThai-Bold.ttf", expand(THAI), layout=True)
    pack("devanagari", f"{noto}/NotoSansDevanagari-Regular.ttf", f"{noto}/NotoSansDevanagari-Bold.ttf", expand(DEVANAGARI),
         layout=True)

    # A UI language is never drawn with boxes: what neither its own glyphs nor a pack has stops the build.
    in_packs = set().union(*(cover for _, _, _, cover in packs))
    missing = False
    for name, wanted in sorted(beyond.items()):
        for cp in sorted(wanted - in_packs - {a for a, b in EQUIVALENTS.items() if b in in_packs}):
            print(f"font coverage: U+{cp:04X} {chr(cp)!r} ({unicodedata.name(chr(cp), '?')}) from {name} is in neither "
                  f"Nanum Gothic nor a font pack", file=sys.stderr)
            missing = True
    if missing:
        return 1
    # The pack files each language's strings take glyphs from (the first pack that covers each): the page fetches
    # them with the strings at start, not one round trip after another once the viewer finds the text unshown.
    for name, wanted in sorted(beyond.items()):
        files = []
        for pack_name, regular, bold, cover in packs:
            if wanted & cover:
                files += [f for f in (regular, bold) if f]
            wanted = wanted - cover
        if files:
            languages.setdefault(name[:-len(".json")], {})["packs"] = files
    with open(os.path.join(out_dir, "languages.json"), "w", encoding="utf-8") as f:
        json.dump(languages, f, separators=(",", ":"))

    # The page's own coverage goes into the module (a few dozen ranges: it decides whether anything is missing);
    # the packs' coverage is a file the viewer fetches only then.
    base_ranges = ", ".join(f"0x{a:X}, 0x{b:X}" for a, b in to_ranges(base_cover))
    with open(base_cpp, "w", encoding="utf-8") as f:
        f.write("// font_base.cpp — generated by cmake/make_font_packs.py: the characters the page's own font has.\n"
                '#include "fonts.hpp"\n\nnamespace bk {\n\n'
                "const std::vector<CodepointRange>& baseFontCoverage() {\n"
                f"    static const uint32_t pairs[] = {{{base_ranges}}};  // first, last, first, last, …\n"
                "    static const std::vector<CodepointRange> ranges = [] {\n"
                "        std::vector<CodepointRange> r;\n"
                "        for (size_t i = 0; i + 1 < sizeof pairs / sizeof pairs[0]; i += 2) r.emplace_back(pairs[i], pairs[i + 1]);\n"
                "        return r;\n"
                "    }();\n"
                "    return ranges;\n}\n\n}  // namespace bk\n")
    manifest = {"format": "bukchon-font-packs", "version": 1,
                "packs": [{"name": name, "regular": regular, "bold": bold, "covers": to_ranges(cover)}
                          for name, regular, bold, cover in packs]}
    with open(os.path.join(out_dir, "packs.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, separators=(",", ":"))
    for name, regular, bold, cover in packs:
        size = os.path.getsize(os.path.join(out_dir, regular)) + (os.path.getsize(os.path.join(out_dir, bold)) if bold else 0)
        print(f"font pack {name}: {len(cover)} characters, {size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
