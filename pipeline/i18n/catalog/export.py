"""Catalog entries for exported workbooks and writing output files."""

MESSAGES = {
    "export.exists": {
        "zh": "文件 {path} 已存在：请换一个文件名，或加 --force 覆盖。",
        "en": "File {path} already exists: choose another name or add --force to overwrite it.",
    },
    # The loader finds the timetable by these Chinese words, so they stay Chinese in English.
    "export.schedules.sheet": {"zh": "课表", "en": "课表"},
    "export.schedules.courses_sheet": {"zh": "课程信息", "en": "课程信息"},
}

# Reading every page of a list call, and failures that leave no file behind.
MESSAGES.update({
    "export.pagination_unstable": {
        "zh": "接口 {endpoint} 分页读取了 {passes} 遍，每一遍读到的条数（最后一遍 {seen} 条）都和接口报告的总数 {total} "
              "对不上，可能有人正在增删设备。没有写出文件：请稍后重新导出。",
        "en": "{endpoint} was read {passes} times and no read added up to the total it reported (last read: {seen} of "
              "{total}); devices may be being added or removed. No file was written: export again later.",
    },
    "export.failed": {
        "zh": "导出失败，没有写出文件。{message}",
        "en": "Export failed and no file was written. {message}",
    },
    "export.no_such_zone": {
        "zh": "没有 ID 为 {zone_id} 的校区。请去掉 --zone 导出全部设备，在「汇总」表里查到校区 ID 后再试。",
        "en": "There is no zone with id {zone_id}. Export all devices without --zone and look up the zone id on the "
              "汇总 (summary) sheet.",
    },
})

# The device inventory (设备清单) and its 汇总 sheet.
MESSAGES.update({
    "export.devices.sheet": {"zh": "设备清单", "en": "Devices"},
    "export.devices.summary_sheet": {"zh": "汇总", "en": "Summary"},
    "export.devices.col.device_id": {"zh": "设备ID", "en": "Device ID"},
    "export.devices.col.device_unique": {"zh": "设备码", "en": "Device code"},
    "export.devices.col.zone_id": {"zh": "校区ID", "en": "Zone ID"},
    "export.devices.col.zone_name": {"zh": "校区名称", "en": "Zone"},
    "export.devices.col.province": {"zh": "省份", "en": "Province"},
    "export.devices.col.city": {"zh": "城市", "en": "City"},
    "export.devices.col.user_role": {"zh": "身份", "en": "Role"},
    "export.devices.col.class_name": {"zh": "教室名称", "en": "Classroom"},
    "export.devices.col.address": {"zh": "安装地址", "en": "Address"},
    "export.devices.col.max_user": {"zh": "最大人数", "en": "Max users"},
    "export.devices.col.use_type": {"zh": "排课系统", "en": "Scheduling"},
    "export.devices.col.status": {"zh": "状态", "en": "Status"},
    "export.devices.col.create_time": {"zh": "添加时间", "en": "Added"},
    "export.devices.col.install_date": {"zh": "安装日期", "en": "Installed"},
    "export.devices.col.first_active_date": {"zh": "初次激活日期", "en": "First activated"},
    "export.devices.col.confirm_pic": {"zh": "施工确认单", "en": "Sign-off photo"},
    "export.devices.col.class_spot": {"zh": "现场照片{number}", "en": "Site photo {number}"},
    "export.devices.col.activate_time": {"zh": "最近激活时间", "en": "Last activated"},
    "export.devices.col.activate_length": {"zh": "激活时长", "en": "Activation length"},
    "export.devices.user_role.0": {"zh": "学生", "en": "student"},
    "export.devices.user_role.1": {"zh": "老师", "en": "teacher"},
    "export.devices.use_type.1": {"zh": "使用排课系统", "en": "uses scheduling"},
    "export.devices.use_type.2": {"zh": "不使用", "en": "does not use"},
    "export.devices.status.0": {"zh": "正常", "en": "normal"},
    "export.devices.status.1": {"zh": "禁用", "en": "disabled"},
    "export.devices.code_unknown": {"zh": "未知（{value}）", "en": "unknown ({value})"},
    "export.devices.zone_missing": {"zh": "（未找到校区）", "en": "(zone not found)"},
    "export.devices.open_photo": {"zh": "查看照片", "en": "open photo"},
    "export.devices.never_activated": {"zh": "从未激活", "en": "never"},
    "export.devices.activation_failed": {"zh": "查询失败：{msg}", "en": "lookup failed: {msg}"},
    "export.devices.empty": {
        "zh": "没有设备：该账号下没有任何设备。",
        "en": "No devices: this account has none.",
    },
    "export.devices.empty_zone": {
        "zh": "没有设备：校区 {zone} 下没有任何设备。",
        "en": "No devices: zone {zone} has none.",
    },
})

MESSAGES.update({
    "export.summary.title": {"zh": "设备清单汇总", "en": "Device inventory summary"},
    "export.summary.exported_at": {"zh": "导出时间", "en": "Exported at"},
    "export.summary.scope": {"zh": "范围", "en": "Scope"},
    "export.summary.scope_all": {"zh": "全部校区", "en": "All zones"},
    "export.summary.scope_zone": {"zh": "校区 {zone}（ID {zone_id}）", "en": "Zone {zone} (id {zone_id})"},
    "export.summary.device_count": {"zh": "设备总数", "en": "Devices"},
    "export.summary.by_zone": {"zh": "按校区统计（设备多的在前）", "en": "By zone (most devices first)"},
    "export.summary.by_city": {"zh": "按城市统计", "en": "By city"},
    "export.summary.never_activated": {
        "zh": "从未激活的设备（{count} 台）",
        "en": "Devices never activated ({count})",
    },
    "export.summary.none_never_activated": {"zh": "没有从未激活的设备。", "en": "Every device has been activated."},
    "export.summary.col.zones": {"zh": "校区数", "en": "Zones"},
    "export.summary.col.total": {"zh": "设备总数", "en": "Devices"},
    "export.summary.col.teachers": {"zh": "老师", "en": "Teacher"},
    "export.summary.col.students": {"zh": "学生", "en": "Student"},
    "export.summary.col.normal": {"zh": "正常", "en": "Normal"},
    "export.summary.col.disabled": {"zh": "禁用", "en": "Disabled"},
    "export.summary.col.never_activated": {"zh": "从未激活", "en": "Never activated"},
    "export.summary.chart_title": {"zh": "各校区设备数", "en": "Devices per zone"},
    "export.summary.chart_title_top": {
        "zh": "设备最多的 {count} 个校区的设备数",
        "en": "Devices in the {count} zones with the most devices",
    },
    "export.summary.note_cleaned": {
        "zh": "注意：有 {count} 个单元格含 Excel 无法保存的控制字符或超过 32767 个字符，已去掉这些字符或截断。",
        "en": "Note: {count} cells held control characters Excel cannot store or more than 32,767 characters; "
              "those characters were removed or the text cut.",
    },
    "export.summary.note_links": {
        "zh": "注意：{count} 个照片地址超出 Excel 的链接上限（每个工作表 65530 个链接，或地址过长），已写成普通文本，"
              "复制到浏览器即可打开。",
        "en": "Note: {count} photo addresses exceed Excel's link limits (65,530 links per sheet, or too long) and "
              "were written as plain text; paste them into a browser to open them.",
    },
    "export.summary.note_activation_failed": {
        "zh": "注意：有 {count} 台设备的激活记录查询失败，「最近激活时间」列写明了原因。",
        "en": "Note: the activation lookup failed for {count} devices; the Last activated column gives the reason.",
    },
})

# Devices bound to rooms (教室设备).
MESSAGES.update({
    "export.room_devices.sheet": {"zh": "教室设备", "en": "Room devices"},
    "export.room_devices.col.room_id": {"zh": "教室号", "en": "Room"},
    "export.room_devices.no_devices": {"zh": "该教室没有绑定设备。", "en": "No devices are bound to this room."},
    "export.room_devices.room_missing": {"zh": "教室不存在或已删除：{msg}", "en": "Room not found or deleted: {msg}"},
})

# The `paike export` commands.
MESSAGES.update({
    "export.cli.help": {
        "zh": "把接口上的数据导出成 Excel：当前课表、设备清单、教室绑定的设备。",
        "en": "Export live data to Excel: current schedules, the device inventory, the devices bound to rooms.",
    },
    "export.cli.help_schedules": {
        "zh": "导出教室当前的课表，格式与导入模板相同：修改后可以直接再发布。默认导出台账里记录过的所有教室。",
        "en": "Export the rooms' current lessons in the import-template layout, ready to edit and publish again. "
              "By default every room in the ledger is exported.",
    },
    "export.cli.help_room": {"zh": "要导出的教室号，可重复。", "en": "Room number to export; repeat for more rooms."},
    "export.cli.help_from": {
        "zh": "导出这个课表文件里出现的所有教室，可重复。",
        "en": "Export every room that appears in this timetable file; repeatable.",
    },
    "export.cli.help_devices": {
        "zh": "导出设备清单：每台设备一行，附带校区名称，另有「汇总」表按校区和城市统计。",
        "en": "Export the device inventory: one row per device with its zone's name, plus a summary sheet by zone "
              "and city.",
    },
    "export.cli.help_zone": {"zh": "只导出这个校区（校区 ID）的设备。", "en": "Export only the devices of this zone id."},
    "export.cli.help_with_activation": {
        "zh": "同时查询每台设备最近一次激活记录（每台设备调用一次接口，设备多时较慢）。",
        "en": "Also look up each device's last activation (one call per device, slow for large inventories).",
    },
    "export.cli.help_room_devices": {
        "zh": "导出教室绑定的设备，每个教室每台设备一行。",
        "en": "Export the devices bound to rooms, one row per room and device.",
    },
    "export.cli.help_room_required": {"zh": "教室号，可重复，至少一个。", "en": "Room number; repeatable, at least one."},
    "export.cli.help_output": {
        "zh": "输出文件（.xlsx）。默认在当前文件夹生成带日期时间的文件名。",
        "en": "Output file (.xlsx). Default: a name with the date and time in the current folder.",
    },
    "export.cli.help_force": {"zh": "输出文件已存在时覆盖它。", "en": "Overwrite the output file if it exists."},
    "export.cli.default_name_schedules": {"zh": "课表导出_{stamp}.xlsx", "en": "schedules_{stamp}.xlsx"},
    "export.cli.default_name_devices": {"zh": "设备清单_{stamp}.xlsx", "en": "devices_{stamp}.xlsx"},
    "export.cli.default_name_room_devices": {"zh": "教室设备_{stamp}.xlsx", "en": "room_devices_{stamp}.xlsx"},
    "export.cli.no_rooms": {
        "zh": "没有要导出的教室：请用 --room 指定教室号，或用 --from 指定课表文件；台账里也还没有任何教室。",
        "en": "No rooms to export: give --room or --from; the ledger has no rooms yet either.",
    },
    "export.cli.from_unreadable": {
        "zh": "文件 {path} 里没有读到任何教室号：请先用 paike check {path} 查看原因。",
        "en": "No room numbers could be read from {path}: run paike check {path} to see why.",
    },
    "export.cli.bad_room": {
        "zh": "教室号 {room} 无效：教室号应为 14–15 位数字。",
        "en": "Room number {room} is invalid: a room number has 14–15 digits.",
    },
    "export.cli.skipped_room": {
        "zh": "教室 {room} 不存在或已删除，已跳过。",
        "en": "Room {room} does not exist or was deleted; skipped.",
    },
    "export.cli.progress_activation": {"zh": "查询激活记录", "en": "Looking up activations"},
    "export.cli.done": {
        "zh": "已导出 {rows} 行到 {path}（调用接口 {calls} 次）。",
        "en": "Exported {rows} rows to {path} ({calls} API calls).",
    },
    "export.cli.empty": {
        "zh": "没有数据可导出，已写出一个注明「没有数据」的空表：{path}",
        "en": "Nothing to export; wrote a workbook that says it is empty: {path}",
    },
})

MESSAGES.update({
    "report.run.sheet_done": {"zh": "成功", "en": "成功 (done)"},
    "report.run.sheet_failed": {"zh": "失败", "en": "失败 (failed)"},
    "report.run.sheet_unchanged": {"zh": "未变化", "en": "未变化 (unchanged)"},
    "report.run.col.file": {"zh": "文件", "en": "File"},
    "report.run.col.sheet": {"zh": "工作表", "en": "Sheet"},
    "report.run.col.row": {"zh": "行", "en": "Row"},
    "report.run.col.room_id": {"zh": "教室号", "en": "Room"},
    "report.run.col.date": {"zh": "日期", "en": "Date"},
    "report.run.col.serial_number": {"zh": "课节编号", "en": "Serial"},
    "report.run.col.title": {"zh": "课节标题", "en": "Title"},
    "report.run.col.start_time": {"zh": "开始时间", "en": "Start"},
    "report.run.col.end_time": {"zh": "结束时间", "en": "End"},
    "report.run.col.teacher_name": {"zh": "主讲老师", "en": "Teacher"},
    "report.run.col.status": {"zh": "结果", "en": "Result"},
    "report.run.col.code": {"zh": "错误码", "en": "Code"},
    "report.run.col.message": {"zh": "说明", "en": "Message"},
})

MESSAGES.update({
    "report.plan.sheet": {"zh": "发布计划", "en": "Plan"},
    "report.plan.col.room_id": {"zh": "教室号", "en": "Room"},
    "report.plan.col.action": {"zh": "操作", "en": "Action"},
    "report.plan.col.date": {"zh": "日期", "en": "Date"},
    "report.plan.col.serial_number": {"zh": "课节编号", "en": "Serial"},
    "report.plan.col.title": {"zh": "课节标题", "en": "Title"},
    "report.plan.col.start_time": {"zh": "开始时间", "en": "Start"},
    "report.plan.col.end_time": {"zh": "结束时间", "en": "End"},
    "report.plan.col.teacher_name": {"zh": "主讲老师", "en": "Teacher"},
    "report.plan.action.to_add": {"zh": "新增", "en": "add"},
    "report.plan.action.to_update": {"zh": "修改", "en": "update"},
    "report.plan.action.to_delete": {"zh": "删除", "en": "delete"},
    "report.plan.action.collisions": {"zh": "冲突（不覆盖）", "en": "collision (kept)"},
    "report.plan.action.unchanged": {"zh": "不变", "en": "unchanged"},
})
