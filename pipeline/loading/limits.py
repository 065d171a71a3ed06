"""Caps that keep a hostile or broken input file from exhausting time or memory.

Every cap is checked before the expensive step it protects: sizes come from the zip
directory or the file system before any content is decompressed or parsed.
"""

# Bytes a file may occupy on disk (CSV) or after decompression (all parts of a workbook).
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024

# A part that decompresses to more than this many times its stored size is treated as a
# zip bomb. Real sheet XML compresses about 10 to 30 times; this leaves a wide margin.
MAX_COMPRESSION_RATIO = 200
# Parts smaller than this are too small to matter, whatever their ratio.
RATIO_CHECK_MIN_BYTES = 1024 * 1024

# A workbook has a few dozen parts; thousands suggest a crafted archive.
MAX_ZIP_MEMBERS = 10_000

# Data rows read from one file, over all its sheets (Excel itself stops at 1,048,576).
MAX_DATA_ROWS = 1_000_000

# Cells in the grid calamine allocates for one sheet: rows times columns from A1 to the
# last cell with a value. At about 30 bytes a cell (python-calamine 0.9.1, measured)
# this is roughly 480 MB; a million rows of 16 columns still fit.
MAX_SHEET_CELLS = 16_000_000

# The header row is looked for in this many rows from the top of each sheet.
HEADER_SEARCH_ROWS = 20

# Bytes read from the start of each XML part to look for DOCTYPE and ENTITY
# declarations, which may only appear before the root element.
XML_PROLOG_BYTES = 8 * 1024

# Decompressed sheet XML is scanned in chunks of about this size.
SHEET_SCAN_CHUNK_BYTES = 4 * 1024 * 1024
