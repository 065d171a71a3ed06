"""Hidden rows and formulas without a cached value, read from a sheet's XML.

calamine returns a formula cell's cached value and nothing else, so a formula saved
without its result (as some tools write them) reads as an empty cell, and a hidden row
reads like any other. Both are found here by scanning the sheet part of the archive.

The scan is built for speed on large sheets: the XML is decompressed in chunks cut
after a complete row, and a chunk is looked at closely only when a plain byte search
finds ``<f`` or ``hidden`` in it. The close look uses regular expressions on cell and
row tags, which is exact for the XML office programs write, because the archive check
has already rejected DOCTYPE and entity declarations. A chunk with comments or CDATA,
or cells without an ``r`` reference, is handed to an expat parse of the whole sheet.

NOTE: some tools save a placeholder in place of the result (xlsxwriter writes 0 unless
given the value). Such a placeholder looks like a real result, so those cells load as it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from pipeline.loading.limits import SHEET_SCAN_CHUNK_BYTES
from pipeline.loading.sheet_extent import ExtentMeter, SheetExtent, column_number

# Reasons a formula cell has no usable value.
NO_CACHED_VALUE = "no_cached_value"
ERROR_VALUE = "error_value"

_ROOT = re.compile(rb"<(?:(?P<prefix>[A-Za-z_][\w.-]*):)?worksheet\b")
_HIDDEN_ATTRIBUTE = re.compile(rb"""\bhidden\s*=\s*["'](?:1|true)["']""")
_ATTRIBUTE = re.compile(rb"""([\w:.-]+)\s*=\s*["']([^"']*)["']""")
_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]+)")


@dataclass
class SheetMarks:
    """What the sheet XML shows and calamine does not: hidden rows, formula cells
    without a usable value, and the size of the grid calamine will allocate."""

    hidden_rows: set[int] = field(default_factory=set)  # 1-based row numbers
    # (1-based row, 0-based column) -> NO_CACHED_VALUE or ERROR_VALUE
    formula_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    extent: SheetExtent = field(default_factory=SheetExtent)


class UnsafeSheetXml(ValueError):
    """Raised when sheet XML declares a DOCTYPE or entities, which office files never do."""


class _NeedsFullParse(Exception):
    """Raised when a chunk has XML that the fast scan does not read exactly."""


class _TagPatterns:
    """Byte patterns for one namespace prefix (most files use none, some use ``x:``)."""

    def __init__(self, prefix: bytes) -> None:
        qualified = prefix + b":" if prefix else b""
        p = re.escape(qualified)
        self.formula_start = b"<" + qualified + b"f"
        self.row_end = b"</" + qualified + b"row>"
        self.cell_end = b"</" + qualified + b"c>"
        self.row_tag = re.compile(b"<" + p + rb"row\b")
        self.cell_tag = re.compile(b"<" + p + rb"c[\s>]")
        # A formula followed by what may be an unusable value: no <v> before the cell
        # ends, an empty <v>, or a value starting with "#" as Excel's errors do. Good
        # formula cells do not match, so the scan stays in C for them.
        value = b"<" + p + rb"v(?:\s[^>]*)?"
        self.suspect_formula = re.compile(
            b"<" + p + rb"f(?:\s[^>]*)?(?:/>|>[^<]*</" + p + rb"f>)\s*"
            rb"(?P<value></" + p + rb"c>"
            b"|" + value + rb"/>"
            b"|" + value + rb">\s*</" + p + rb"v>"
            b"|" + value + rb">#)"
        )


def scan_sheet_part(archive: zipfile.ZipFile, part: str, exact_extent: bool = False) -> SheetMarks:
    """Return the marks of the sheet stored at ``part``.

    ``exact_extent`` makes the extent count only cells with content, at the cost of
    reading every cell reference; otherwise it may be an upper bound.
    """
    try:
        return _scan_in_chunks(archive, part, exact_extent)
    except _NeedsFullParse:
        return _parse_whole_sheet(archive, part)


def _scan_in_chunks(archive: zipfile.ZipFile, part: str, exact_extent: bool) -> SheetMarks:
    marks = SheetMarks()
    with archive.open(part) as stream:
        chunk = stream.read(SHEET_SCAN_CHUNK_BYTES)
        root = _ROOT.search(chunk)
        prefix = root["prefix"] or b"" if root else b""
        patterns = _TagPatterns(prefix)
        meter = ExtentMeter(prefix, exact=exact_extent)
        carry = b""
        while chunk:
            buffer = carry + chunk
            cut = _last_complete_row_end(buffer, patterns)
            meter.measure(buffer[:cut])
            _scan_chunk(buffer[:cut], patterns, marks)
            carry = buffer[cut:]
            chunk = stream.read(SHEET_SCAN_CHUNK_BYTES)
        meter.measure(carry)
        _scan_chunk(carry, patterns, marks)
    marks.extent = meter.extent
    return marks


def _last_complete_row_end(buffer: bytes, patterns: _TagPatterns) -> int:
    """Return where ``buffer`` can be cut without splitting a row tag or a cell."""
    row_end = buffer.rfind(patterns.row_end)
    if row_end >= 0:
        return row_end + len(patterns.row_end)
    cell_end = buffer.rfind(patterns.cell_end)
    return cell_end + len(patterns.cell_end) if cell_end >= 0 else 0


def _scan_chunk(chunk: bytes, patterns: _TagPatterns, marks: SheetMarks) -> None:
    has_formula = patterns.formula_start in chunk
    has_hidden = b"hidden" in chunk
    if not (has_formula or has_hidden):
        return
    if b"<!--" in chunk or b"<![CDATA[" in chunk:
        raise _NeedsFullParse
    if has_hidden:
        _find_hidden_rows(chunk, patterns, marks)
    if has_formula:
        _find_formula_cells(chunk, patterns, marks)


def _find_hidden_rows(chunk: bytes, patterns: _TagPatterns, marks: SheetMarks) -> None:
    for match in _HIDDEN_ATTRIBUTE.finditer(chunk):
        tag_start = chunk.rfind(b"<", 0, match.start())
        if not patterns.row_tag.match(chunk, tag_start):
            continue  # a hidden column or sheet view, not a row
        tag_end = chunk.find(b">", match.end())
        attributes = _attributes(chunk[tag_start:tag_end])
        if "r" not in attributes:
            raise _NeedsFullParse
        marks.hidden_rows.add(int(attributes["r"]))


def _find_formula_cells(chunk: bytes, patterns: _TagPatterns, marks: SheetMarks) -> None:
    for match in patterns.suspect_formula.finditer(chunk):
        # Tags cannot contain "<", so the last one before <f> opens the cell.
        tag_start = chunk.rfind(b"<", 0, match.start())
        if tag_start < 0 or not patterns.cell_tag.match(chunk, tag_start):
            raise _NeedsFullParse
        attributes = _attributes(chunk[tag_start : chunk.find(b">", tag_start)])
        value = match["value"]
        problem = _formula_problem(
            attributes.get("t"),
            has_value=not value.startswith(b"</"),
            value_text="#" if value.endswith(b"#") else "",
            inline_string=False,
        )
        if problem is None:
            continue
        reference = _CELL_REFERENCE.fullmatch(attributes.get("r", ""))
        if reference is None:
            raise _NeedsFullParse
        marks.formula_cells[(int(reference[2]), column_number(reference[1]) - 1)] = problem


def _formula_problem(
    cell_type: str | None, *, has_value: bool, value_text: str, inline_string: bool
) -> str | None:
    """Return why a formula cell has no usable value, or None when it has one."""
    if cell_type == "e":
        return ERROR_VALUE
    if inline_string:
        return None
    if not has_value:
        return NO_CACHED_VALUE
    # Excel writes a formula whose result is empty text as t="str" with an empty <v>.
    if not value_text.strip() and cell_type != "str":
        return NO_CACHED_VALUE
    return None


def _attributes(tag: bytes) -> dict[str, str]:
    return {
        name.decode("ascii", "replace").rsplit(":", 1)[-1]: value.decode("utf-8", "replace")
        for name, value in _ATTRIBUTE.findall(tag)
    }


def _parse_whole_sheet(archive: zipfile.ZipFile, part: str) -> SheetMarks:
    """Read the sheet with expat: slower, but exact for any well-formed XML."""
    reader = _ExpatSheetReader()
    with archive.open(part) as stream:
        reader.parser.ParseFile(stream)
    return reader.marks


class _ExpatSheetReader:
    """Collect hidden rows and unusable formula cells from expat events."""

    def __init__(self) -> None:
        self.marks = SheetMarks()
        self.row = 0
        self.column = -1
        self.cell_type: str | None = None
        self.has_formula = False
        self.value: str | None = None
        self.in_value = False
        self.has_inline_string = False

        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._reject_declaration
        parser.EntityDeclHandler = self._reject_declaration
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        self.parser = parser

    def _reject_declaration(self, *_: object) -> None:
        raise UnsafeSheetXml("DOCTYPE or ENTITY declaration in sheet XML")

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        name = tag.rsplit(":", 1)[-1]
        if name == "row":
            self.row = int(attributes["r"]) if "r" in attributes else self.row + 1
            self.column = -1
            if attributes.get("hidden") in ("1", "true"):
                self.marks.hidden_rows.add(self.row)
        elif name == "c":
            reference = _CELL_REFERENCE.fullmatch(attributes.get("r", ""))
            self.column = column_number(reference[1]) - 1 if reference else self.column + 1
            self.cell_type = attributes.get("t")
            self.has_formula = self.in_value = self.has_inline_string = False
            self.value = None
        elif name == "f":
            self.has_formula = True
        elif name == "v":
            self.in_value = True
            self.value = ""
        elif name == "is":
            self.has_inline_string = True

    def _text(self, text: str) -> None:
        if self.in_value:
            self.value = (self.value or "") + text

    def _end(self, tag: str) -> None:
        name = tag.rsplit(":", 1)[-1]
        if name == "v":
            self.in_value = False
        elif name == "c" and (self.value is not None or self.has_inline_string):
            extent = self.marks.extent
            extent.rows = max(extent.rows, self.row)
            extent.columns = max(extent.columns, self.column + 1)
        if name == "c" and self.has_formula:
            problem = _formula_problem(
                self.cell_type,
                has_value=self.value is not None,
                value_text=self.value or "",
                inline_string=self.has_inline_string,
            )
            if problem is not None:
                self.marks.formula_cells[(self.row, self.column)] = problem
