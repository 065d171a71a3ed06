"""Catalog entries for the import template (排课导入模板.xlsx).

Sheet names and column headers read the same in both languages: the loader finds the
timetable and the 课程信息 sheet by these Chinese words, so an English template must
keep them. Everything else (the 说明 sheet, input prompts, error alerts) is translated.

Excel allows a data-validation title of 32 characters, an error text of 225 and a
prompt of 255 (MS-XLS, record DValStrings), so the ``template.validation.*`` entries
stay short.
"""

MESSAGES = {
    # Sheet names and headers: identical in both languages (see the module docstring).
    "template.sheet.lessons": {"zh": "课表", "en": "课表"},
    "template.sheet.courses": {"zh": "课程信息", "en": "课程信息"},
    "template.sheet.guide": {"zh": "说明", "en": "说明"},
    "template.header.room_id": {"zh": "教室号", "en": "教室号"},
    "template.header.date": {"zh": "日期", "en": "日期"},
    "template.header.serial_number": {"zh": "课节编号", "en": "课节编号"},
    "template.header.title": {"zh": "课节标题", "en": "课节标题"},
    "template.header.start_time": {"zh": "开始时间", "en": "开始时间"},
    "template.header.end_time": {"zh": "结束时间", "en": "结束时间"},
    "template.header.teacher_name": {"zh": "主讲老师", "en": "主讲老师"},
    "template.header.course_room_id": {"zh": "教室号", "en": "教室号"},
    "template.header.course_title": {"zh": "课程标题", "en": "课程标题"},
    "template.header.course_teacher": {"zh": "课程老师", "en": "课程老师"},

    # Input prompts and error alerts of the data validations on the 课表 sheet.
    "template.validation.room_id.title": {"zh": "教室号", "en": "Room number"},
    "template.validation.room_id.prompt": {
        "zh": "填写 14–15 位直播教室号，例如 18020796069152。本列已设为文本格式，直接输入数字即可。",
        "en": "Type the 14–15 digit live room number, e.g. 18020796069152. The column is formatted as text, so type the digits as they are.",
    },
    "template.validation.room_id.error": {
        "zh": "教室号应为 14–15 位数字，请核对后重新输入。",
        "en": "A room number has 14–15 digits. Check it and type it again.",
    },
    "template.validation.date.title": {"zh": "日期", "en": "Date"},
    "template.validation.date.prompt": {
        "zh": "填写带年份的日期，例如 2027-03-05。",
        "en": "Type a date with its year, e.g. 2027-03-05.",
    },
    "template.validation.date.error": {
        "zh": "请输入有效日期（须含年份），例如 2027-03-05。",
        "en": "Type a valid date with its year, e.g. 2027-03-05.",
    },
    "template.validation.serial.title": {"zh": "课节编号", "en": "Lesson number"},
    "template.validation.serial.prompt": {
        "zh": "填写从 1 开始的整数。同一教室同一天内不能重复，建议每个教室整期连续编号。",
        "en": "Type a whole number from 1 up. It must not repeat in one room on one day; better, number each room straight through the term.",
    },
    "template.validation.serial.error": {
        "zh": "课节编号必须是大于等于 1 的整数。",
        "en": "The lesson number must be a whole number of 1 or more.",
    },
    "template.validation.time.title": {"zh": "时间", "en": "Time"},
    "template.validation.time.prompt": {
        "zh": "填写 24 小时制时间 HH:MM，例如 08:00、19:30。",
        "en": "Type a 24-hour time HH:MM, e.g. 08:00 or 19:30.",
    },
    "template.validation.time.error": {
        "zh": "请输入 00:00 到 23:59 之间的时间，例如 08:00。",
        "en": "Type a time between 00:00 and 23:59, e.g. 08:00.",
    },

    # The 说明 sheet: a title, the rules, how to check and publish, then a column table.
    "template.guide.title": {"zh": "排课导入模板使用说明", "en": "How to fill in this timetable template"},
    "template.guide.rules_heading": {"zh": "一、填写规则", "en": "1. Rules"},
    "template.guide.rule.rows": {
        "zh": "1. 在「课表」工作表中每行填写一节课。必填列：教室号、日期、课节编号、课节标题、开始时间、结束时间；「主讲老师」可以不填。",
        "en": "1. Fill in one lesson per row on the 课表 sheet. Required columns: 教室号, 日期, 课节编号, 课节标题, 开始时间, 结束时间. 主讲老师 (teacher) is optional.",
    },
    "template.guide.rule.headers": {
        "zh": "2. 第一行的列名请保持原样：程序按列名识别各列，列的先后顺序可以调整，但列名不能改。英文界面下列名也保持中文。",
        "en": "2. Keep the Chinese column headers in row 1 exactly as they are, also when paike runs in English: the loader finds each column by its header. The column order may change.",
    },
    "template.guide.rule.room_id": {
        "zh": "3. 教室号是 14–15 位数字的直播教室号（例如 18020796069152），必须按文本填写。本列已设为文本格式；从别处粘贴前请先把目标列设为文本，粘贴后不能出现 1.80208E+13 这样的科学计数法，否则后几位数字已经丢失。",
        "en": "3. 教室号 is the 14–15 digit live room number (e.g. 18020796069152) and must be typed as text. The column is formatted as text. Before pasting from elsewhere, format the target column as text. A value shown as 1.80208E+13 has already lost digits.",
    },
    "template.guide.rule.date": {
        "zh": "4. 日期必须带年份。可以使用 Excel 日期，或写成 2027-03-05、2027/3/5、2027.3.5、2027年3月5日；不带年份的「3月5日」无法识别。",
        "en": "4. 日期 (date) must include the year. Use an Excel date or write 2027-03-05, 2027/3/5, 2027.3.5 or 2027年3月5日. A date without a year such as 3月5日 is rejected.",
    },
    "template.guide.rule.time": {
        "zh": "5. 开始时间、结束时间使用 24 小时制 HH:MM，例如 08:00、19:30。结束时间必须晚于开始时间，一节课不能跨过午夜。",
        "en": "5. 开始时间 and 结束时间 (start and end time) use the 24-hour form HH:MM, e.g. 08:00 or 19:30. The end must be later than the start, and a lesson cannot run past midnight.",
    },
    "template.guide.rule.serial": {
        "zh": "6. 课节编号是从 1 开始的整数，同一教室同一天内不能重复。回放按教室号和课节编号对应到课节，所以建议每个教室整期连续编号，不同日期也不重复；重复时检查会给出提醒。",
        "en": "6. 课节编号 (lesson number) is a whole number from 1 up and must not repeat in one room on one day. Recordings are matched to lessons by room and lesson number, so number each room's lessons straight through the term without repeating on other days; the check warns about a repeat.",
    },
    "template.guide.rule.overlap": {
        "zh": "7. 同一教室的课节时间不能重叠；上一节的结束时间可以等于下一节的开始时间。",
        "en": "7. Lessons in one room must not overlap. One lesson may end at the minute the next one starts.",
    },
    "template.guide.rule.teacher": {
        "zh": "8. 主讲老师可以不填，填写后会显示在教室设备上。",
        "en": "8. 主讲老师 (teacher) is optional. When filled in, it is shown on the classroom device.",
    },
    "template.guide.rule.cells": {
        "zh": "9. 不要隐藏行，也不要留下没有计算结果的公式：隐藏的行和没有值的公式单元格都会报错。用了公式时，请在 Excel 中保存一次，或「选择性粘贴 → 数值」。",
        "en": "9. Do not hide rows and do not leave formulas without a value: hidden rows and formula cells without a saved result are reported as errors. If you used formulas, save the file once in Excel, or paste the cells as values.",
    },
    "template.guide.rule.courses": {
        "zh": "10. 「课程信息」工作表可选：每个教室填一行课程标题和课程老师，发布时设为该教室的课程信息。不需要时留空即可。",
        "en": "10. The 课程信息 sheet is optional: one row per room with the course title (课程标题) and course teacher (课程老师), which become the room's course information when publishing. Leave it empty if not needed.",
    },
    "template.guide.publish_heading": {"zh": "二、检查与发布", "en": "2. Check and publish"},
    "template.guide.publish.check": {
        "zh": "1. 保存文件后运行 paike check 文件名.xlsx，这一步不发送任何数据。程序列出每个问题所在的工作表、行号和列名，并在文件旁生成「文件名.检查结果.xlsx」，出错的单元格标红、警告标黄。逐条改正后再检查，直到没有错误。",
        "en": "1. Save the file, then run paike check FILE.xlsx, which sends nothing. It lists each problem with its sheet, row and column, and writes FILE.检查结果.xlsx beside your file with errors in red and warnings in yellow. Fix them and check again until no error is left.",
    },
    "template.guide.publish.plan": {
        "zh": "2. 可以先运行 paike plan 文件名.xlsx，查看发布会让每个教室新增、修改或删除哪些课节，这一步也不写入任何数据。",
        "en": "2. Optionally run paike plan FILE.xlsx to see which lessons publishing would add, update or delete in each room. This writes nothing either.",
    },
    "template.guide.publish.publish": {
        "zh": "3. 确认无误后运行 paike publish 文件名.xlsx，把课表发布到各直播教室；表格还有错误时不会发送任何数据。",
        "en": "3. Then run paike publish FILE.xlsx to send the timetable to the live rooms. Nothing is sent while any error remains.",
    },
    "template.guide.columns_heading": {
        "zh": "三、列说明与示例（示例 1–3 各是一节课）",
        "en": "3. Columns and an example (examples 1–3 are one lesson each)",
    },
    "template.guide.column.name": {"zh": "列名", "en": "Column"},
    "template.guide.column.required": {"zh": "是否必填", "en": "Required"},
    "template.guide.column.rule": {"zh": "填写要求", "en": "What to enter"},
    "template.guide.column.example": {"zh": "示例 {number}", "en": "Example {number}"},
    "template.guide.yes": {"zh": "必填", "en": "yes"},
    "template.guide.no": {"zh": "可不填", "en": "no"},
    "template.guide.need.room_id": {"zh": "14–15 位数字，按文本填写", "en": "14–15 digits, typed as text"},
    "template.guide.need.date": {"zh": "带年份的日期", "en": "a date with its year"},
    "template.guide.need.serial_number": {
        "zh": "从 1 开始的整数，同一教室同一天内不重复",
        "en": "whole number from 1, unique in one room on one day",
    },
    "template.guide.need.title": {"zh": "本节课的标题", "en": "the lesson's title"},
    "template.guide.need.start_time": {"zh": "HH:MM，24 小时制", "en": "HH:MM, 24-hour"},
    "template.guide.need.end_time": {"zh": "HH:MM，晚于开始时间", "en": "HH:MM, later than the start"},
    "template.guide.need.teacher_name": {"zh": "老师姓名", "en": "the teacher's name"},
    "template.guide.example.math_1": {"zh": "初二数学·函数入门 第1讲", "en": "Grade 8 maths: functions, lesson 1"},
    "template.guide.example.math_2": {"zh": "初二数学·函数入门 第2讲", "en": "Grade 8 maths: functions, lesson 2"},
    "template.guide.example.coding": {"zh": "少儿编程 Scratch 第1讲", "en": "Kids coding with Scratch, lesson 1"},
    "template.guide.example.teacher": {"zh": "陈晓岚", "en": "Chen Xiaolan"},
    "template.guide.example.blank": {"zh": "（空）", "en": "(empty)"},

    "template.file_exists": {
        "zh": "{path} 已存在，没有覆盖：请换一个文件夹，或删除旧文件后再生成。",
        "en": "{path} already exists and was not overwritten: choose another folder or delete the old file first.",
    },
}
