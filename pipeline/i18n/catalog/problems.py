"""Catalog entries for validation problems: ``problem.<code>`` and its variants.

Each message quotes the value found and tells how to fix it. The place (file, sheet,
row, column) is shown next to the message, so the message itself does not repeat it;
``{others}`` names the other rows involved (see ``problem.place.*``).
"""

MESSAGES = {
    "problem.required": {
        "zh": "“{column}”没有填写：这一栏必填，请补上。",
        "en": "'{column}' is empty: this column is required, fill it in.",
    },
    "problem.invalid_room_id": {
        "zh": "教室号“{value}”无效：应当是 14–15 位数字的直播间号（例如 18020796069152），不是教室门牌号；请删去字母、空格和其他符号，并核对位数。",
        "en": "Room id '{value}' is invalid: it must be the 14–15 digit live room number (e.g. 18020796069152), not a classroom's door number; remove letters, spaces and other characters and check the length.",
    },
    "problem.invalid_date": {
        "zh": "日期“{value}”无效：请写成 2027-03-01 这样的年-月-日格式，并且是 2000 年以后真实存在的日期。",
        "en": "Date '{value}' is invalid: write it as year-month-day like 2027-03-01, a real calendar date from 2000 on.",
    },
    "problem.invalid_time": {
        "zh": "时间“{value}”无效：请写成 08:30 这样的 24 小时制“时:分”（00:00 到 23:59）。",
        "en": "Time '{value}' is invalid: write it as 24-hour HH:MM like 08:30 (00:00 to 23:59).",
    },
    "problem.invalid_serial": {
        "zh": "课节编号“{value}”无效：应当是正整数（1、2、3……），请改正。",
        "en": "Lesson number '{value}' is invalid: it must be a positive whole number (1, 2, 3, ...).",
    },
    "problem.end_before_start": {
        "zh": "结束时间 {end} 早于开始时间 {start}：请改正结束时间（一节课不能跨过午夜）。",
        "en": "End time {end} is before start time {start}: correct the end time (a lesson cannot run past midnight).",
    },
    "problem.end_before_start.zero_length": {
        "zh": "结束时间 {end} 与开始时间 {start} 相同，这节课时长为 0：请改正结束时间。",
        "en": "End time {end} equals start time {start}, so the lesson lasts 0 minutes: correct the end time.",
    },
    "problem.duplicate_serial": {
        "zh": "课节编号 {serial} 在教室 {room_id} 的 {date} 重复了（另见{others}）：同一教室同一天的课节编号不能相同，请给其中一节换一个编号。",
        "en": "Lesson number {serial} is used twice in room {room_id} on {date} (see also {others}): numbers must differ within one room and day; give one of these lessons another number.",
    },
    "problem.overlap": {
        "zh": "这节课（{start}–{end}）与{others}的课（{other_start}–{other_end}）时间重叠：同一教室同一时间只能上一节课，请调整时间或换教室。",
        "en": "This lesson ({start}-{end}) overlaps the lesson in {others} ({other_start}-{other_end}): a room holds one lesson at a time; change the time or the room.",
    },
    "problem.serial_repeated_across_days": {
        "zh": "课节编号 {serial} 在教室 {room_id} 的 {first_date}（{others}）已经用过：整表发布没有问题，但以后单独修改或删除课节时接口只按教室号和课节编号找课，可能改错。建议每个教室的编号不重复。",
        "en": "Lesson number {serial} of room {room_id} is already used on {first_date} ({others}): publishing the whole table works, but later changes to single lessons find a lesson by room and number alone and may hit the wrong one. Number each room's lessons uniquely.",
    },
    "problem.serial_repeated_across_days.error": {
        "zh": "课节编号 {serial} 在教室 {room_id} 的 {first_date}（{others}）已经用过：本次要逐节修改或删除课节，接口只按教室号和课节编号找课，会改错课。请让每个教室的编号不重复，或改用整表替换（replace）。",
        "en": "Lesson number {serial} of room {room_id} is already used on {first_date} ({others}): this run changes or deletes single lessons, which the API finds by room and number alone, so it would hit the wrong lesson. Number each room's lessons uniquely, or publish with replace.",
    },
    "problem.teacher_double_booked": {
        "zh": "老师“{teacher}”同一时间在教室 {other_room_id} 还有一节课（{others}，{other_start}–{other_end}）：请确认是否排错。",
        "en": "Teacher '{teacher}' also has a lesson at this time in room {other_room_id} ({others}, {other_start}-{other_end}): check whether one of them is wrong.",
    },
    "problem.date_in_past": {
        "zh": "日期 {value} 早于今天（{today}）：已经过去的课不会再上，请确认年份和月份没有写错。",
        "en": "Date {value} is before today ({today}): a lesson in the past will not take place; check the year and month.",
    },
    "problem.date_far_ahead": {
        "zh": "日期 {value} 在一年以后（今天是 {today}）：请确认年份没有写错。",
        "en": "Date {value} is more than a year ahead (today is {today}): check the year.",
    },
    "problem.lesson_too_short": {
        "zh": "这节课只有 {minutes} 分钟（{start}–{end}），不到 10 分钟：请确认开始和结束时间。",
        "en": "This lesson lasts only {minutes} minutes ({start}-{end}), less than 10: check the start and end times.",
    },
    "problem.lesson_too_long": {
        "zh": "这节课长达 {minutes} 分钟（{start}–{end}），超过 5 小时：请确认开始和结束时间。",
        "en": "This lesson lasts {minutes} minutes ({start}-{end}), more than 5 hours: check the start and end times.",
    },
    # Fragments that name other rows inside the messages above.
    "problem.place.row": {"zh": "第 {rows} 行", "en": "row {rows}"},
    "problem.place.rows": {"zh": "第 {rows} 行", "en": "rows {rows}"},
    "problem.place.in_sheet": {
        "zh": "工作表“{sheet}”{rows}",
        "en": "{rows} of sheet '{sheet}'",
    },
    "problem.place.in_file": {"zh": "{file} {rows}", "en": "{rows} of {file}"},
    "problem.place.in_file_sheet": {
        "zh": "{file} 工作表“{sheet}”{rows}",
        "en": "{rows} of sheet '{sheet}' in {file}",
    },
    "problem.place.more": {"zh": "等共 {count} 处", "en": " and others, {count} in all"},
    "problem.place.separator": {"zh": "、", "en": ", "},
    "problem.place.group_separator": {"zh": "；", "en": "; "},
}
