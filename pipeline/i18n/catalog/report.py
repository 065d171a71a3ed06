"""Catalog entries for the annotated workbook (``<name>.检查结果.xlsx``)."""

MESSAGES = {
    "report.sheet_title": {"zh": "检查结果", "en": "Check results"},
    "report.summary": {
        "zh": "共发现 {errors} 个错误、{warnings} 个警告。",
        "en": "Found {errors} error(s) and {warnings} warning(s).",
    },
    "report.no_problems": {
        "zh": "没有发现问题。",
        "en": "No problems found.",
    },
    "report.how_to_read": {
        "zh": "红色单元格是错误，必须改正后才能发布；黄色单元格是警告，请确认无误。点击“行”一栏的链接可以跳到对应单元格，单元格上的批注说明了怎么改。",
        "en": "Red cells are errors and must be fixed before publishing; yellow cells are warnings to double-check. Click a link in the Row column to jump to the cell; the cell's comment says how to fix it.",
    },
    "report.source_unreadable": {
        "zh": "原文件无法打开，这里只列出问题，没有标注副本。",
        "en": "The original file could not be opened, so only the list of problems is included.",
    },
    "report.header.severity": {"zh": "级别", "en": "Severity"},
    "report.header.file": {"zh": "文件", "en": "File"},
    "report.header.sheet": {"zh": "工作表", "en": "Sheet"},
    "report.header.row": {"zh": "行", "en": "Row"},
    "report.header.column": {"zh": "列", "en": "Column"},
    "report.header.code": {"zh": "代码", "en": "Code"},
    "report.header.message": {"zh": "说明", "en": "Message"},
    "report.severity.error": {"zh": "错误", "en": "Error"},
    "report.severity.warning": {"zh": "警告", "en": "Warning"},
    # One line of a cell comment; several problems on one cell give several lines.
    "report.comment_line": {"zh": "【{severity}】{message}", "en": "[{severity}] {message}"},
    # For a problem in a merged cell, shown on the merged range's top-left cell.
    "report.comment_line_in_row": {
        "zh": "【{severity}】第 {row} 行：{message}",
        "en": "[{severity}] Row {row}: {message}",
    },
    "report.original_comment": {
        "zh": "（原批注）{text}",
        "en": "(original comment) {text}",
    },
}
