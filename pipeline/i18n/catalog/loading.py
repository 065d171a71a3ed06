"""Catalog entries for problems the loader finds: ``problem.<code>`` and its variants.

The place (file, sheet, row, column) is shown next to the message, so a message only
names what it needs beyond that: the value found, the column, and what to do.
"""

_RESAVE_ZH = "请在 Excel 或 WPS 中打开并另存为新的 .xlsx 文件后再试。"
_RESAVE_EN = "Open it in Excel or WPS, save it as a new .xlsx file and try again."

MESSAGES = {
    # Cells
    "problem.room_id_precision_lost": {
        "zh": "教室号“{value}”的末尾数字已经丢失（Excel 把超过 15 位的数字或科学计数法显示的数字改掉了），无法还原：请把“{column}”列设为“文本”格式，再重新输入完整的教室号。",
        "en": "Room id '{value}' has lost its last digits (Excel rounds numbers beyond 15 digits and numbers shown in scientific notation), which cannot be undone: format column '{column}' as Text and type the full room id again.",
    },
    "problem.ambiguous_date": {
        "zh": "日期“{value}”无法确定是哪一天：请写成 2027-03-01 这样的“年-月-日”格式。",
        "en": "Date '{value}' is ambiguous: write it year first, like 2027-03-01.",
    },
    "problem.ambiguous_date.no_year": {
        "zh": "日期“{value}”没有写年份：请写成 2027-03-01 这样带年份的“年-月-日”格式。",
        "en": "Date '{value}' has no year: write it with the year first, like 2027-03-01.",
    },
    "problem.ambiguous_date.order": {
        "zh": "日期“{value}”看不出哪个是月、哪个是日（01/03/2027 可能是 1 月 3 日，也可能是 3 月 1 日）：请写成 2027-03-01 这样年份在前的格式。",
        "en": "Date '{value}' does not say which number is the month and which the day (01/03/2027 may be 3 January or 1 March): write it year first, like 2027-03-01.",
    },
    "problem.ambiguous_date.weekday": {
        "zh": "日期“{value}”与所写的星期不一致：请核对日期和星期，改正后再试。",
        "en": "Date '{value}' does not fall on the weekday written next to it: check both and correct the wrong one.",
    },
    "problem.formula_no_cached_value": {
        "zh": "“{column}”这一格是公式，但文件里没有保存公式的计算结果：请在 Excel 或 WPS 中打开此文件并保存一次，然后再导入。",
        "en": "The '{column}' cell holds a formula whose result was not saved in the file: open the file in Excel or WPS, save it once, and load it again.",
    },
    "problem.formula_no_cached_value.error_value": {
        "zh": "“{column}”这一格的公式算出了错误值（如 #REF!、#DIV/0!）：请修正公式或直接填写内容，保存后再导入。",
        "en": "The formula in the '{column}' cell results in an error (such as #REF! or #DIV/0!): fix the formula or type the value, save, and load again.",
    },
    "problem.hidden_row": {
        "zh": "这一行被隐藏了，看不见的课不会被导入：请取消隐藏并检查这一行，不需要的话请删除整行。",
        "en": "This row is hidden, and lessons nobody can see are not loaded: unhide the row and check it, or delete it if it is not needed.",
    },
    # Sheets and columns
    "problem.missing_column": {
        "zh": "表头缺少“{column}”列：请加上这一列（可用的列名：{accepted}）。",
        "en": "The header has no '{column}' column: add it (accepted names: {accepted}).",
    },
    "problem.unknown_column": {
        "zh": "不认识列名“{column}”，这一列已忽略：如果它是课表的内容，请改成模板中的列名。",
        "en": "Column '{column}' is not a known column and is ignored: if it belongs to the timetable, rename it as in the template.",
    },
    "problem.unknown_column.suggest": {
        "zh": "不认识列名“{column}”，这一列已忽略：是不是想写“{suggestion}”？",
        "en": "Column '{column}' is not a known column and is ignored: did you mean '{suggestion}'?",
    },
    "problem.unknown_column.duplicate": {
        "zh": "列“{column}”与前面的“{used}”是同一项内容，这一列已忽略：请删除多余的一列。",
        "en": "Column '{column}' holds the same field as the earlier '{used}' and is ignored: delete one of them.",
    },
    "problem.hidden_sheet_skipped": {
        "zh": "工作表“{sheet}”是隐藏的，已跳过：如需导入，请在 Excel 或 WPS 中取消隐藏后保存。",
        "en": "Sheet '{sheet}' is hidden and was skipped: to load it, unhide it in Excel or WPS and save.",
    },
    # Whole files
    "problem.no_timetable": {
        "zh": "没有找到课表：任何工作表的前 20 行中都没有含“教室号、日期、课节编号、课节标题、开始时间、结束时间”等列名的表头行。请按模板整理后再试。",
        "en": "No timetable found: no sheet has a header row with columns such as room_id, date, serial_number, title, start_time and end_time in its first 20 rows. Arrange the data as in the template and try again.",
    },
    "problem.no_timetable.weekday_grid": {
        "zh": "这是按星期排列的课程表（周一、周二……为列），无法直接导入：请按模板整理成每行一节课，写明教室号、日期、课节编号、课节标题、开始时间和结束时间。",
        "en": "This is a weekly grid (one column per weekday), which cannot be loaded: arrange it as in the template, one lesson per row with room_id, date, serial_number, title, start_time and end_time.",
    },
    "problem.no_timetable.only_hidden": {
        "zh": "课表所在的工作表是隐藏的，没有可导入的课：请在 Excel 或 WPS 中取消隐藏后保存，再导入。",
        "en": "The timetable is on a hidden sheet, so there is nothing to load: unhide the sheet in Excel or WPS, save, and load again.",
    },
    "problem.no_timetable.empty_folder": {
        "zh": "文件夹中没有可导入的表格文件（.xlsx、.xlsm、.xls 或 .csv）：请检查路径。",
        "en": "The folder holds no spreadsheet to load (.xlsx, .xlsm, .xls or .csv): check the path.",
    },
    "problem.file_not_found": {
        "zh": "找不到文件 {path}：请检查路径和文件名。",
        "en": "File {path} not found: check the path and the file name.",
    },
    "problem.unreadable_file": {
        "zh": "无法读取这个文件。" + _RESAVE_ZH,
        "en": "This file cannot be read. " + _RESAVE_EN,
    },
    "problem.unreadable_file.incomplete": {
        "zh": "文件不完整或已损坏：如果它还在复制或上传，请稍等片刻再试；否则" + _RESAVE_ZH,
        "en": "The file is incomplete or damaged: if it is still being copied or uploaded, wait a moment and try again; otherwise open it in Excel or WPS, save it as a new .xlsx file and try again.",
    },
    "problem.unreadable_file.damaged": {
        "zh": "文件已损坏，无法读取（{reason}）：" + _RESAVE_ZH,
        "en": "The file is damaged and cannot be read ({reason}). " + _RESAVE_EN,
    },
    "problem.unreadable_file.encrypted": {
        "zh": "文件设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码加密，清空密码），保存后再导入。",
        "en": "The file is protected with a password and cannot be read: remove the password in Excel or WPS (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and load again.",
    },
    "problem.unreadable_file.unsupported_type": {
        "zh": "不支持“{suffix}”类型的文件：请另存为以下类型之一：{supported}。",
        "en": "Files of type '{suffix}' are not supported: save it as one of {supported}.",
    },
    "problem.unreadable_file.disguised": {
        "zh": "这个文件其实不是 Excel 表格（而是网页或 XML，常见于从教务系统导出的 .xls）：" + _RESAVE_ZH,
        "en": "This file is not really an Excel workbook (it is a web page or XML, as some school systems export as .xls). " + _RESAVE_EN,
    },
    "problem.unreadable_file.not_a_workbook": {
        "zh": "这个文件是压缩包，但不是 Excel 表格：请确认选对了文件。",
        "en": "This file is a zip archive but not an Excel workbook: check that you picked the right file.",
    },
    "problem.unreadable_file.encoding": {
        "zh": "无法识别 CSV 文件的编码（不是 UTF-8 或 GB18030）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入。",
        "en": "The CSV file's encoding is not UTF-8 or GB18030: save it from Excel as 'CSV UTF-8 (Comma delimited)' and load it again.",
    },
    "problem.unreadable_file.os_error": {
        "zh": "无法打开文件（{reason}）：请检查文件是否存在、是否有读取权限，或是否正被其他程序独占。",
        "en": "The file cannot be opened ({reason}): check that it exists, that you may read it, and that no other program holds it locked.",
    },
    "problem.unsafe_file": {
        "zh": "文件含有不安全的内容，已拒绝读取。" + _RESAVE_ZH,
        "en": "The file has unsafe content and was rejected. " + _RESAVE_EN,
    },
    "problem.unsafe_file.xml_declaration": {
        "zh": "文件内部的 {part} 含有 DOCTYPE 或 ENTITY 声明（正常的 Excel 文件没有），已拒绝读取。" + _RESAVE_ZH,
        "en": "Part {part} of the file holds a DOCTYPE or ENTITY declaration, which real Excel files never have, so the file was rejected. " + _RESAVE_EN,
    },
    "problem.unsafe_file.compression_ratio": {
        "zh": "文件内部的 {part} 压缩比异常高（可能是“压缩炸弹”），已拒绝读取。" + _RESAVE_ZH,
        "en": "Part {part} of the file is compressed far more than real spreadsheets are (a possible zip bomb), so the file was rejected. " + _RESAVE_EN,
    },
    "problem.unsafe_file.too_many_parts": {
        "zh": "文件内部有 {count} 个部件，超过上限 {limit}，已拒绝读取。" + _RESAVE_ZH,
        "en": "The file holds {count} parts, more than the limit of {limit}, and was rejected. " + _RESAVE_EN,
    },
    "problem.file_too_large": {
        "zh": "文件太大，无法读取：请把课表拆成几个较小的文件。",
        "en": "The file is too large to read: split the timetable into smaller files.",
    },
    "problem.file_too_large.bytes": {
        "zh": "文件解压后约 {size_mb} MB，超过上限 {limit_mb} MB：请把课表拆成几个较小的文件。",
        "en": "The file is about {size_mb} MB uncompressed, more than the limit of {limit_mb} MB: split the timetable into smaller files.",
    },
    "problem.file_too_large.cells": {
        "zh": "工作表“{sheet}”的数据一直延伸到第 {rows} 行、第 {columns} 列，超过 {limit} 个单元格的上限：请删除表格边缘多余的内容（或把课表复制到新文件），再导入。",
        "en": "Sheet '{sheet}' reaches row {rows} and column {columns}, more than the limit of {limit} cells: delete what lies far from the timetable (or copy the timetable into a new file) and load it again.",
    },
    "problem.file_too_large.rows": {
        "zh": "文件的数据超过 {limit} 行的上限：请把课表拆成几个较小的文件。",
        "en": "The file has more than {limit} data rows: split the timetable into smaller files.",
    },
    # The optional 课程信息 sheet, which validation does not see.
    "problem.required.course_info": {
        "zh": "课程信息表的“{column}”没有填写：这一栏必填，请补上，或删除这一行。",
        "en": "'{column}' is empty in the course information sheet: it is required; fill it in or delete the row.",
    },
    "problem.invalid_room_id.course_info": {
        "zh": "课程信息表中的教室号“{value}”无效：应当是纯数字的直播间号（例如 18020796069152）。",
        "en": "Room id '{value}' in the course information sheet is invalid: it must be the live room number in digits only (e.g. 18020796069152).",
    },
    "problem.no_timetable.no_lessons": {
        "zh": "这个文件有表头，但下面没有任何课节：请在表头下面每行填写一节课，再检查和发布。",
        "en": "This file has a header row but no lessons under it: fill in one lesson per row below the header, then check and publish.",
    },
}
