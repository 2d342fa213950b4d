#!/usr/bin/env python3
# make_workbooks.py — writes the workbook fixtures with a real spreadsheet program: flat ODS (.fods) text, converted
# by LibreOffice (soffice --headless --convert-to) into .xlsx, .ods and .xls, in one soffice run.
#
#   python3 make_workbooks.py OUTDIR
#
# ctest runs it as the fixture of tests/workbooks/workbook_test.cpp (cmake/native.cmake); ./build-wasm.sh test
# installs libreoffice-calc-nogui. Without soffice it fails, loudly: the tests need what a spreadsheet writes.
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')

# Data styles: a date and time, a date, a time of day, a percentage (so the .xlsx gets date formats of its own).
STYLES = '''<office:automatic-styles>
 <number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text>
  <number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/>
  <number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text>
  <number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:date-style>
 <number:date-style style:name="N2"><number:day number:style="long"/><number:text>/</number:text>
  <number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:time-style style:name="N3"><number:hours number:style="long"/><number:text>:</number:text>
  <number:minutes number:style="long"/></number:time-style>
 <number:percentage-style style:name="N4"><number:number number:decimal-places="0" number:min-integer-digits="1"/>
  <number:text>%</number:text></number:percentage-style>
 <number:number-style style:name="N5"><number:number number:decimal-places="3" number:min-integer-digits="1"/></number:number-style>
 <number:boolean-style style:name="N6"><number:boolean/></number:boolean-style>
 <style:style style:name="datetime" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N1"/>
 <style:style style:name="date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>
 <style:style style:name="clock" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N3"/>
 <style:style style:name="percent" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N4"/>
 <style:style style:name="fixed3" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N5"/>
 <style:style style:name="yesno" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N6"/>
</office:automatic-styles>'''


def paragraphs(text):
    """A cell's text as text:p elements, runs of spaces as text:s (as LibreOffice writes them)."""
    out = []
    for line in text.split('\n'):
        p, i = '', 0
        while i < len(line):
            if line[i] == ' ':
                j = i
                while j < len(line) and line[j] == ' ':
                    j += 1
                p += ' ' + (f'<text:s text:c="{j - i - 1}"/>' if j - i > 1 else '')
                i = j
            else:
                p += escape(line[i])
                i += 1
        out.append(f'<text:p>{p}</text:p>')
    return ''.join(out)


def s(text, span=1):
    spanned = f' table:number-columns-spanned="{span}" table:number-rows-spanned="1"' if span > 1 else ''
    cell = f'<table:table-cell office:value-type="string"{spanned}>{paragraphs(text)}</table:table-cell>'
    return cell + '<table:covered-table-cell/>' * (span - 1)


def n(value, formula=None, style=None):
    f = f' table:formula="of:={escape(formula)}"' if formula else ''
    st = f' table:style-name="{style}"' if style else ''
    return f'<table:table-cell office:value-type="float" office:value="{value!r}"{f}{st}><text:p>{value}</text:p></table:table-cell>'


def date(iso, style='datetime'):
    return (f'<table:table-cell table:style-name="{style}" office:value-type="date" office:date-value="{iso}">'
            f'<text:p>{iso}</text:p></table:table-cell>')


def clock(duration, shown):
    return (f'<table:table-cell table:style-name="clock" office:value-type="time" office:time-value="{duration}">'
            f'<text:p>{shown}</text:p></table:table-cell>')


def boolean(v):
    word = 'true' if v else 'false'
    return f'<table:table-cell table:style-name="yesno" office:value-type="boolean" office:boolean-value="{word}"><text:p>{word.upper()}</text:p></table:table-cell>'


def percent(v):
    return f'<table:table-cell table:style-name="percent" office:value-type="percentage" office:value="{v}"><text:p>{round(v * 100)}%</text:p></table:table-cell>'


def empty(count=1):
    return f'<table:table-cell table:number-columns-repeated="{count}"/>' if count > 1 else '<table:table-cell/>'


def sheet(name, rows, tail=''):
    body = ''.join(f'<table:table-row>{"".join(cells)}</table:table-row>' if cells else '<table:table-row><table:table-cell/></table:table-row>'
                   for cells in rows)
    return f'<table:table table:name="{escape(name)}">{body}{tail}</table:table>'


def document(sheets, null_date=None):
    settings = (f'<table:calculation-settings><table:null-date table:date-value="{null_date}"/></table:calculation-settings>'
                if null_date else '')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document {NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            f'{STYLES}<office:body><office:spreadsheet>{settings}{"".join(sheets)}</office:spreadsheet></office:body>'
            '</office:document>\n')


# The log: two sensors, three readings each, a blank sheet row (5) and a value that is not a number (row 8), so the
# importer's line numbers can be checked against the sheet's rows. Its CSV twin is in workbook_test.cpp.
READINGS = [
    [s('측정시간'), s('시리얼'), s('위도'), s('경도'), s('초미세먼지(PM2.5)'), s('소음 (dB)')],
    [date('2026-05-11T09:00:00'), s('SDOT-01'), n(37.5826), n(126.9836), n(12.5), n(48)],
    [date('2026-05-11T09:10:00'), s('SDOT-01'), n(37.5826), n(126.9836), n(14), n(51.5, formula='[.F2]+3.5')],
    [date('2026-05-11T09:20:00'), s('SDOT-01'), n(37.5826), n(126.9836), n(13.25), n(50)],
    [],
    [date('2026-05-11T09:00:00'), s('SDOT-02'), n(37.5812), n(126.9848), n(30), n(60.125)],
    [date('2026-05-11T09:10:00'), s('SDOT-02'), n(37.5812), n(126.9848), n(31), n(61)],
    [date('2026-05-11T09:20:00'), s('SDOT-02'), n(37.5812), n(126.9848), s('abc'), n(62)],
]

# Every kind of cell (dates from 1900-03-01 on: LibreOffice writes earlier ones off Excel's count by a day), a header merged over two columns and a cell placed after a gap.
TYPES = [
    [s('PM2.5', span=2), s('flag'), s('when'), s('day'), s('clock'), s('share'), s('note'), s('big'), empty(), s('far')],
    [n(1.5), n(2.25), boolean(True), date('1900-03-01T06:00:00'), date('2026-05-11', 'date'), clock('PT09H30M00S', '09:30'),
     percent(0.45), s('two  spaced\nlines'), n(20260511090000), empty(), n(-3.5)],
    [n(0.1), n(0.30000000000000004, formula='[.A3]+0.2'), boolean(False), date('2026-05-11T09:10:00'),
     date('1999-12-31', 'date'), clock('PT23H59M59S', '23:59'), percent(1), s('a "quoted", text'), n(7, style='fixed3')],
]

# Identical rows and cells, which LibreOffice stores once with a repeat count, then a million empty rows.
NOTES = [[s('Exported from the city portal')], [s('Second line')], [s('again')] * 3, [s('again')] * 3]
TRAILING_EMPTY_ROWS = '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>'


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'workbooks')
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if not soffice:
        sys.exit('make_workbooks.py: soffice not found: install libreoffice-calc-nogui (./build-wasm.sh test does)')
    os.makedirs(out, exist_ok=True)
    books = {
        'readings': document([sheet('Empty', []), sheet('Readings', READINGS), sheet('Types', TYPES), sheet('Notes', NOTES, TRAILING_EMPTY_ROWS)]),
        'readings1904': document([sheet('Readings', READINGS), sheet('Types', TYPES)], null_date='1904-01-01'),
        'empty': document([sheet('Sheet1', []), sheet('Sheet2', [])]),
    }
    for name, text in books.items():
        with open(os.path.join(out, f'{name}.fods'), 'w', encoding='utf-8') as f:
            f.write(text)
    fods = [os.path.join(out, f'{name}.fods') for name in books]
    with tempfile.TemporaryDirectory(prefix='bukchon-soffice-') as profile:
        # Its own user profile: no first-start dialogs, no lock shared with a desktop session, works in CI.
        base = [soffice, f'-env:UserInstallation=file://{profile}', '--headless', '--norestore']
        for target in ('xlsx', 'ods', 'xls'):
            run = subprocess.run(base + ['--convert-to', target, '--outdir', out] + fods, capture_output=True, text=True,
                                 timeout=300)
            missing = [f for f in books if not os.path.exists(os.path.join(out, f'{f}.{target}'))]
            if run.returncode != 0 or missing:
                sys.exit(f'make_workbooks.py: soffice --convert-to {target} failed ({run.returncode}): '
                         f'{run.stdout}{run.stderr}; missing: {missing}')
    print(f'wrote {len(books) * 3} workbooks into {out}')


if __name__ == '__main__':
    main()
