"""Catalog entries for exported workbooks and writing output files."""

MESSAGES = {
    "export.exists": {
        "zh": "文件 {path} 已存在：请换一个文件名，或加 --force 覆盖。",
        "en": "File {path} already exists: choose another name or add --force to overwrite it.",
    },
    "export.schedules.sheet": {"zh": "课表", "en": "课表"},
}

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
