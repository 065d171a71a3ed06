"""Catalog entries for the drop folder (``paike watch``, ``paike batch``): help text, the
note beside each processed file, log lines, the batch summary, and the lock messages
that ``paike publish`` shows too.

Folder names (待导入, 已导入, 未导入, 报告) are real folder names, so the English text
keeps them in Chinese.
"""

MESSAGES = {
    # ---- help ------------------------------------------------------------------
    "dropfolder.help.watch": {
        "zh": "持续监视一个根文件夹：放进“待导入”的课表会被检查并发布，然后连同结果报告移到“已导入”或“未导入”。"
              "Ctrl-C 或 SIGTERM 会先处理完当前文件再退出。ROOT 省略时使用 paike.toml 中的 drop_root。",
        "en": "Watch a root folder: timetables dropped into 待导入 are checked and published, then moved with their "
              "report to 已导入 or 未导入. Ctrl-C or SIGTERM finishes the current file, then exits. "
              "Without ROOT, drop_root from paike.toml is used.",
    },
    "dropfolder.help.batch": {
        "zh": "每周任务：把“待导入”中的文件处理一遍，再把设备清单、所有已知教室的当前课表和一页摘要写入“报告”"
              "（文件名带日期）。全部成功时退出码为 0，有任何失败时为 3。ROOT 省略时使用 paike.toml 中的 drop_root。",
        "en": "Weekly job: process every file in 待导入 once, then write the device inventory, the current schedule of "
              "every known room and a one-page summary to 报告 (dated file names). Exit 0 when all went well, 3 when "
              "anything failed. Without ROOT, drop_root from paike.toml is used.",
    },
    "dropfolder.help.poll": {
        "zh": "每隔这么多秒扫描一次文件夹，不依赖文件系统事件；用于收不到变化通知的网络共享文件夹。",
        "en": "Scan the folder every this many seconds instead of relying on file events; for network shares "
              "where change events do not arrive.",
    },
    "dropfolder.help.settle": {
        "zh": "文件大小和修改时间保持不变这么多秒后，才认为文件已复制完成。",
        "en": "Seconds a file's size and modification time must stay the same before it counts as completely copied.",
    },

    # ---- setup errors ------------------------------------------------------------
    "dropfolder.no_root": {
        "zh": "没有指定根文件夹：请在命令后写上路径（例如 paike watch /srv/排课），或在 paike.toml 中设置 drop_root。",
        "en": "No root folder given: add its path to the command (for example paike watch /srv/paike) "
              "or set drop_root in paike.toml.",
    },
    "dropfolder.cannot_create": {
        "zh": "无法创建文件夹 {path}：{reason}。请检查路径和权限后再运行。",
        "en": "Cannot create folder {path}: {reason}. Check the path and its permissions, then run again.",
    },
    "dropfolder.not_a_folder": {
        "zh": "{path} 已存在，但不是文件夹：请把它移走或改名后再运行。",
        "en": "{path} exists but is not a folder: move or rename it, then run again.",
    },
    "dropfolder.no_free_name": {
        "zh": "{folder} 中名为 {name} 的文件太多，找不到可用的新文件名：请清理这个文件夹后再试。",
        "en": "{folder} holds too many files named {name} to find a free name: clean up that folder and try again.",
    },
    "dropfolder.log_unwritable": {
        "zh": "无法写入日志文件 {path}：{reason}。请检查状态文件夹（PAIKE_STATE_DIR 或 state_dir）的权限。",
        "en": "Cannot write the log file {path}: {reason}. Check the permissions of the state folder "
              "(PAIKE_STATE_DIR or state_dir).",
    },
    "dropfolder.summary_written": {"zh": "批处理摘要已写入 {path}", "en": "Batch summary written to {path}"},

    # ---- reasons, inside notes, logs and the summary -----------------------------
    "dropfolder.reason.disk_full": {"zh": "磁盘空间已满", "en": "the disk is full"},
    "dropfolder.reason.no_permission": {"zh": "没有写入权限", "en": "permission denied"},
    "dropfolder.reason.read_only": {"zh": "文件夹是只读的", "en": "the folder is read-only"},
    "dropfolder.reason.other_disk": {"zh": "目标不在同一个磁盘上，无法直接移动",
                                     "en": "the destination is on another disk, so the file cannot be renamed there"},
    "dropfolder.reason.missing": {"zh": "文件或文件夹不存在", "en": "the file or folder does not exist"},
    "dropfolder.reason.unsupported": {
        "zh": "文件类型“{suffix}”不是课表文件；paike 只读取 .xlsx、.xlsm、.xls 和 .csv 文件。",
        "en": "The file type '{suffix}' is not a timetable; paike reads only .xlsx, .xlsm, .xls and .csv files.",
    },
    "dropfolder.reason.report_file": {
        "zh": "这是 paike 生成的检查结果，不是课表。请放入改正后的原课表文件。",
        "en": "This is a check report written by paike, not a timetable. Drop the corrected timetable instead.",
    },
    "dropfolder.reason.duplicate": {
        "zh": "内容完全相同的文件已于 {when} 发布过（当时的文件名：{name}，运行编号 {run_id}）。",
        "en": "A file with exactly the same content was published at {when} (named {name} then, run {run_id}).",
    },
    "dropfolder.reason.duplicate_publish": {
        "zh": "内容完全相同的文件已于 {when} 用 paike publish 发布过（运行编号 {run_id}）。",
        "en": "A file with exactly the same content was published with paike publish at {when} (run {run_id}).",
    },
    "dropfolder.reason.recovered": {
        "zh": "上次处理这个文件时程序中断了；当时发布已经完成（运行编号 {run_id}），这次没有再次发送。",
        "en": "paike stopped while handling this file last time, after publishing had finished (run {run_id}); "
              "nothing was sent again.",
    },
    "dropfolder.reason.guard": {
        "zh": "已拒绝，没有改动：这个文件会删除这个教室现有 {total} 节课中的 {delete} 节，超过了防误删保护的上限",
        "en": "rejected, left unchanged: this file would delete {delete} of the room's {total} existing lessons, "
              "more than the deletion guard allows",
    },
    "dropfolder.reason.rooms_failed": {
        "zh": "以下教室没有发布：\n{rooms}",
        "en": "These rooms were not published:\n{rooms}",
    },
    "dropfolder.reason.room": {"zh": "    教室 {room}：{reason}", "en": "    room {room}: {reason}"},
    "dropfolder.reason.more_rooms": {
        "zh": "    ……还有 {count} 个教室，见发布结果",
        "en": "    ... and {count} more rooms, see the result workbook",
    },
    "dropfolder.reason.file_problems": {
        "zh": "表格有以下问题：\n{problems}",
        "en": "The file has these problems:\n{problems}",
    },
    "dropfolder.reason.problem": {"zh": "    · {message}", "en": "    - {message}"},
    "dropfolder.reason.more_problems": {
        "zh": "    ……还有 {count} 个问题，见检查结果",
        "en": "    ... and {count} more problems, see the check report",
    },
    "dropfolder.reason.in_sheet": {"zh": "工作表“{sheet}”：{message}", "en": "Sheet '{sheet}': {message}"},
    "dropfolder.reason.no_message": {"zh": "服务器没有说明原因", "en": "the server gave no reason"},
    "dropfolder.reason.cannot_move": {
        "zh": "无法把文件和报告放进 {folder}：{reason}。文件仍留在“待导入”中；问题排除后会再处理。",
        "en": "Cannot put the file and its report into {folder}: {reason}. The file stays in 待导入 and is "
              "processed again once the problem is fixed.",
    },
    "dropfolder.reason.unexpected": {
        "zh": "处理时出现意外错误（{error}），文件仍留在“待导入”中，稍后会再试。详细信息见日志文件。",
        "en": "An unexpected error ({error}) stopped the processing; the file stays in 待导入 and is tried "
              "again later. The log file has the details.",
    },
    "dropfolder.reason.stopped": {
        "zh": "paike 正在停止，这个文件还没有处理，仍留在“待导入”中，下次启动时处理。",
        "en": "paike is stopping; this file was not processed and stays in 待导入 for the next start.",
    },
    "dropfolder.reason.still_changing": {
        "zh": "文件一直在变化（可能还在复制），这次没有处理，仍留在“待导入”中。",
        "en": "The file kept changing (perhaps still being copied); it was not processed and stays in 待导入.",
    },

    # ---- the note beside each processed file ------------------------------------
    "dropfolder.note.file": {"zh": "文件：{name}", "en": "File: {name}"},
    "dropfolder.note.file_renamed": {
        "zh": "文件：{name}（原文件名：{original}，因为“{folder}”中已有同名文件而改名）",
        "en": "File: {name} (originally {original}, renamed because {folder} already had a file of that name)",
    },
    "dropfolder.note.result.published": {
        "zh": "结果：已发布。{rooms} 个教室，共 {lessons} 节课。",
        "en": "Result: published. {rooms} rooms, {lessons} lessons in all.",
    },
    "dropfolder.note.result.failed": {
        "zh": "结果：部分发布失败。{rooms} 个教室中有 {failed} 个失败，其余 {succeeded} 个已发布或本来就一致。",
        "en": "Result: partly failed. {failed} of {rooms} rooms failed; the other {succeeded} were published "
              "or already matched.",
    },
    "dropfolder.note.result.failed_all": {
        "zh": "结果：发布失败，所有教室（{rooms} 个）都没有发布成功。",
        "en": "Result: failed. None of the rooms ({rooms}) was published.",
    },
    "dropfolder.note.result.guarded": {
        "zh": "结果：已拒绝 {refused} 个教室，这些教室没有任何改动；其余 {succeeded} 个教室已发布或本来就一致。",
        "en": "Result: {refused} rooms rejected and left unchanged; the other {succeeded} were published or "
              "already matched.",
    },
    "dropfolder.note.result.guarded_all": {
        "zh": "结果：已拒绝，没有改动任何教室（{rooms} 个教室都被防误删保护拦下）。",
        "en": "Result: rejected, no room was changed (the deletion guard held back all {rooms} rooms).",
    },
    "dropfolder.note.guard_why": {
        "zh": "为什么：按目前的设置，每个文件会替换教室里的全部课节，文件里没有的已有课节都会被删除。"
              "所以文件里必须包含这个教室要保留的每一节课（例如整个学期的课，而不只是下一周的）。",
        "en": "Why: as paike is set up, each file replaces all lessons of its rooms, and existing lessons missing "
              "from the file are deleted. So the file must contain every lesson the room should keep (for "
              "example the whole term, not just next week).",
    },
    "dropfolder.note.guard_list": {
        "zh": "这个文件会删除下面这些已有课节（文件里没有它们）：",
        "en": "This file would delete these existing lessons (they are not in the file):",
    },
    "dropfolder.note.guard_room": {
        "zh": "  教室 {room}：会删除现有 {total} 节中的 {delete} 节",
        "en": "  Room {room}: {delete} of its {total} existing lessons",
    },
    "dropfolder.note.guard_lesson": {
        "zh": "    {date} 第 {serial} 节 {title}",
        "en": "    {date} lesson {serial} {title}",
    },
    "dropfolder.note.guard_more": {
        "zh": "    ……还有 {count} 节没有列出（只列出了前 {listed} 节）",
        "en": "    ... and {count} more, not listed (only the first {listed} are)",
    },
    "dropfolder.note.old_reports": {
        "zh": "这个文件上次处理时留下的 {count} 个说明或结果文件已过期，已移到 .paike/旧结果 文件夹。",
        "en": "{count} notes or reports left by an earlier attempt at this file are outdated and were moved to "
              ".paike/旧结果.",
    },
    "dropfolder.note.result.refused_file": {
        "zh": "结果：未导入，没有发送任何数据。",
        "en": "Result: not imported, nothing was sent.",
    },
    "dropfolder.note.result.refused": {
        "zh": "结果：未导入，没有发送任何数据。表格中有 {errors} 个错误。",
        "en": "Result: not imported, nothing was sent. The table has {errors} errors.",
    },
    "dropfolder.note.result.duplicate": {
        "zh": "结果：没有重复发布。",
        "en": "Result: not published again.",
    },
    "dropfolder.note.result.unsupported": {
        "zh": "结果：未导入，这不是 paike 能读取的课表文件。",
        "en": "Result: not imported; this is not a timetable file paike can read.",
    },
    "dropfolder.note.reason": {"zh": "原因：{reason}", "en": "Reason: {reason}"},
    "dropfolder.note.run_report": {
        "zh": "每节课的发布结果见同一文件夹中的“{name}”（工作表：成功、失败、未变化）。",
        "en": "The result of every lesson is in '{name}' in the same folder (sheets 成功, 失败, 未变化).",
    },
    "dropfolder.note.check_report": {
        "zh": "问题都标在同一文件夹中的“{name}”里：第一个工作表列出全部问题，点击可跳到对应单元格；"
              "错误的单元格标红，警告标黄。",
        "en": "The problems are marked in '{name}' in the same folder: the first sheet lists them all with links "
              "to the cells; errors are red, warnings yellow.",
    },
    "dropfolder.note.check_list": {
        "zh": "问题清单也写在同一文件夹中的“{name}”里。",
        "en": "The list of problems is also in '{name}' in the same folder.",
    },
    "dropfolder.note.warnings": {
        "zh": "表格中有 {warnings} 个警告，不影响发布，但请核对。",
        "en": "The table has {warnings} warnings; they did not stop publishing, but please check them.",
    },
    "dropfolder.note.next.published": {
        "zh": "下一步：不需要做什么。",
        "en": "Next: nothing to do.",
    },
    "dropfolder.note.next.failed": {
        "zh": "下一步：发布失败的教室，按上面列出的原因处理（例如改正教室号）后，把这个文件重新放进“待导入”即可，"
              "已经发布成功的教室不会重复写入。",
        "en": "Next: for the rooms that failed, deal with the reasons listed above (for example correct a room "
              "number), then drop this file into 待导入 again; rooms already done are not written twice.",
    },
    "dropfolder.note.next.failed_all": {
        "zh": "下一步：按上面列出的原因处理（例如改正教室号）后，把这个文件重新放进“待导入”即可。",
        "en": "Next: deal with the reasons listed above (for example correct a room number), then drop this file into "
              "待导入 again.",
    },
    "dropfolder.note.next.guarded": {
        "zh": "下一步（被拒绝的教室）：把这些教室要保留的课节都补进文件，保存后重新放进“待导入”。"
              "如果确实要删除上面列出的课节，或者只想新增课节、不动已有的课，请联系技术人员。",
        "en": "Next, for the rejected rooms: add every lesson those rooms should keep to the file, save it and drop "
              "it into 待导入 again. If the lessons listed above really are to be deleted, or you only want to add "
              "lessons without touching existing ones, ask your IT person.",
    },
    "dropfolder.note.next.refused_file": {
        "zh": "下一步：按上面的原因处理好文件并保存，再把它放进“待导入”。",
        "en": "Next: fix the file as the reason above says, save it, and drop it into 待导入 again.",
    },
    "dropfolder.note.next.refused": {
        "zh": "下一步：按检查结果改正错误并保存，再把文件放进“待导入”。",
        "en": "Next: correct the errors as the check report shows, save, and drop the file into 待导入 again.",
    },
    "dropfolder.note.next.duplicate": {
        "zh": "下一步：不需要做什么。如果确实要把同样的内容再发布一次（例如撤销后来的修改），请联系技术人员用 paike publish 发布。",
        "en": "Next: nothing to do. To publish the same content once more (for example to undo a later change), "
              "ask your IT person to use paike publish.",
    },
    "dropfolder.note.next.unsupported": {
        "zh": "下一步：如果这是课表，请另存为 .xlsx 文件（.xls、.xlsm、.csv 也可以），再放进“待导入”；"
              "不是课表的文件请不要放进“待导入”。",
        "en": "Next: if this is a timetable, save it as an .xlsx file (.xls, .xlsm and .csv work too) and drop it "
              "into 待导入; other files do not belong in 待导入.",
    },

    # ---- log lines -----------------------------------------------------------------
    "dropfolder.log.file.published": {
        "zh": "{name}：已发布，{rooms} 个教室，{lessons} 节课 → {where}",
        "en": "{name}: published, {rooms} rooms, {lessons} lessons -> {where}",
    },
    "dropfolder.log.file.failed": {
        "zh": "{name}：{rooms} 个教室中有 {failed} 个发布失败 → {where}。{reason}",
        "en": "{name}: {failed} of {rooms} rooms failed -> {where}. {reason}",
    },
    "dropfolder.log.file.refused": {
        "zh": "{name}：有 {errors} 个错误，没有发送任何数据 → {where}。{reason}",
        "en": "{name}: {errors} errors, nothing sent -> {where}. {reason}",
    },
    "dropfolder.log.file.duplicate": {
        "zh": "{name}：内容重复，没有再次发布 → {where}。{reason}",
        "en": "{name}: same content as before, not published again -> {where}. {reason}",
    },
    "dropfolder.log.file.unsupported": {
        "zh": "{name}：不是课表文件 → {where}。{reason}",
        "en": "{name}: not a timetable file -> {where}. {reason}",
    },
    "dropfolder.log.file.left": {
        "zh": "{name}：处理未完成，{where}。{reason}",
        "en": "{name}: not finished, {where}. {reason}",
    },
    "dropfolder.log.file.changed": {
        "zh": "{name}：处理期间文件被改写，{where}，将按新内容重新处理",
        "en": "{name}: rewritten while being processed, {where}, to be processed again with the new content",
    },
    "dropfolder.log.file.vanished": {
        "zh": "{name}：处理期间文件被删除或移走",
        "en": "{name}: deleted or moved away while being processed",
    },
    "dropfolder.log.file.stopped": {"zh": "{name}：{reason}", "en": "{name}: {reason}"},
    "dropfolder.log.stays_in_inbox": {"zh": "文件留在“待导入”中", "en": "the file stays in 待导入"},
    "dropfolder.log.room": {
        "zh": "{name} | 教室 {room}：{status}（新增 {add}，修改 {update}，删除 {delete}）",
        "en": "{name} | room {room}: {status} (add {add}, update {update}, delete {delete})",
    },
    "dropfolder.log.room_failed": {
        "zh": "{name} | 教室 {room}：{status}（计划新增 {add}，修改 {update}，删除 {delete}）错误码 {code}：{message}",
        "en": "{name} | room {room}: {status} (planned add {add}, update {update}, delete {delete}) "
              "code {code}: {message}",
    },
    "dropfolder.log.unexpected": {
        "zh": "{name}：处理时出现意外错误 {error}，文件留在“待导入”中，稍后再试",
        "en": "{name}: unexpected error {error}; the file stays in 待导入 and is tried again later",
    },
    "dropfolder.log.resumed": {
        "zh": "{name}：上次处理时中断（记录 {drop_id}），现在重新处理",
        "en": "{name}: interrupted last time (record {drop_id}), processing it again",
    },
    "dropfolder.log.move_recovered": {
        "zh": "{name}：上次中断前已经移到 {where}，现已补记",
        "en": "{name}: had been moved to {where} before the interruption; recorded now",
    },
    "dropfolder.log.orphan_not_removed": {
        "zh": "无法删除中断时留下的报告 {path}：{reason}",
        "en": "Cannot remove the report {path} left by an interruption: {reason}",
    },
    "dropfolder.log.old_report_moved": {
        "zh": "上次处理留下的 {path} 已过期，移到 {where}",
        "en": "{path}, left by an earlier attempt, is outdated and was moved to {where}",
    },
    "dropfolder.log.old_report_not_moved": {
        "zh": "无法移走上次处理留下的 {path}：{reason}；它仍留在原处",
        "en": "Cannot move {path}, left by an earlier attempt: {reason}; it stays where it is",
    },
    "dropfolder.log.by_events": {"zh": "使用文件系统事件", "en": "using file system events"},
    "dropfolder.log.by_polling": {"zh": "每 {seconds} 秒扫描一次", "en": "scanning every {seconds} seconds"},
    "dropfolder.log.watch_started": {"zh": "开始监视 {folder}（{how}）", "en": "Watching {folder} ({how})"},
    "dropfolder.log.watch_stopped": {
        "zh": "已停止监视，本次共处理 {processed} 个文件",
        "en": "Stopped watching after processing {processed} files",
    },
    "dropfolder.log.stopping": {
        "zh": "收到 {signal}：处理完当前文件后停止（再按一次 Ctrl-C 立即中断）",
        "en": "Received {signal}: stopping after the current file (press Ctrl-C again to interrupt now)",
    },
    "dropfolder.log.cannot_list": {
        "zh": "无法读取文件夹 {folder}：{reason}",
        "en": "Cannot list the folder {folder}: {reason}",
    },
    "dropfolder.log.subfolder_skipped": {
        "zh": "不处理子文件夹 {folder}：请把课表文件直接放进“待导入”",
        "en": "Subfolder {folder} is not processed: drop timetable files straight into 待导入",
    },
    "dropfolder.log.export_done": {
        "zh": "{kind}已导出：{path}（{rows} 行，用时 {seconds} 秒）",
        "en": "{kind} exported: {path} ({rows} rows, {seconds} s)",
    },
    "dropfolder.log.export_failed": {"zh": "{kind}导出失败：{reason}", "en": "{kind} export failed: {reason}"},
    "dropfolder.log.summary_unwritten": {
        "zh": "无法在 {folder} 中写入批处理摘要；摘要已打印在标准输出",
        "en": "Cannot write the batch summary into {folder}; it was printed on stdout",
    },

    # ---- the batch summary -----------------------------------------------------------
    "dropfolder.export.devices": {"zh": "设备清单", "en": "Device inventory"},
    "dropfolder.export.schedules": {"zh": "教室课表", "en": "Room schedules"},
    "dropfolder.status.published": {"zh": "已发布", "en": "published"},
    "dropfolder.status.failed": {"zh": "发布失败", "en": "failed"},
    "dropfolder.status.refused": {"zh": "有错误未导入", "en": "refused for errors"},
    "dropfolder.status.duplicate": {"zh": "内容重复未再发布", "en": "duplicates not published again"},
    "dropfolder.status.unsupported": {"zh": "不是课表", "en": "not timetables"},
    "dropfolder.status.left": {"zh": "留在待导入", "en": "left in 待导入"},
    "dropfolder.status.changed": {"zh": "处理中被改写", "en": "rewritten meanwhile"},
    "dropfolder.status.vanished": {"zh": "处理中被移走", "en": "removed meanwhile"},
    "dropfolder.status.stopped": {"zh": "因停止未处理", "en": "not processed, stopping"},
    "dropfolder.summary.title": {"zh": "paike 批处理摘要", "en": "paike batch summary"},
    "dropfolder.summary.times": {
        "zh": "时间：{started} 至 {finished}（用时 {seconds} 秒）",
        "en": "Time: {started} to {finished} ({seconds} s)",
    },
    "dropfolder.summary.root": {"zh": "文件夹：{root}", "en": "Folder: {root}"},
    "dropfolder.summary.no_files": {"zh": "文件：“待导入”中没有文件。", "en": "Files: 待导入 was empty."},
    "dropfolder.summary.files": {"zh": "文件：共 {count} 个（{parts}）", "en": "Files: {count} ({parts})"},
    "dropfolder.summary.separator": {"zh": "，", "en": ", "},
    "dropfolder.summary.file.published": {
        "zh": "  {mark} {name}：已发布，{rooms} 个教室，{lessons} 节课 → 已导入/{where}",
        "en": "  {mark} {name}: published, {rooms} rooms, {lessons} lessons -> 已导入/{where}",
    },
    "dropfolder.summary.file.failed": {
        "zh": "  {mark} {name}：{rooms} 个教室中有 {failed} 个发布失败 → 未导入/{where}。{reason}",
        "en": "  {mark} {name}: {failed} of {rooms} rooms failed -> 未导入/{where}. {reason}",
    },
    "dropfolder.summary.file.refused": {
        "zh": "  {mark} {name}：有 {errors} 个错误，没有发送 → 未导入/{where}。{reason}",
        "en": "  {mark} {name}: {errors} errors, nothing sent -> 未导入/{where}. {reason}",
    },
    "dropfolder.summary.file.duplicate": {
        "zh": "  {mark} {name}：内容重复，没有再次发布 → 已导入/{where}。{reason}",
        "en": "  {mark} {name}: same content as before, not published again -> 已导入/{where}. {reason}",
    },
    "dropfolder.summary.file.unsupported": {
        "zh": "  {mark} {name}：不是课表文件 → 未导入/{where}",
        "en": "  {mark} {name}: not a timetable file -> 未导入/{where}",
    },
    "dropfolder.summary.file.left": {"zh": "  {mark} {name}：{reason}", "en": "  {mark} {name}: {reason}"},
    "dropfolder.summary.file.changed": {
        "zh": "  {mark} {name}：处理期间被改写，留在待导入，下次按新内容处理",
        "en": "  {mark} {name}: rewritten while being processed; stays in 待导入 for next time",
    },
    "dropfolder.summary.file.vanished": {
        "zh": "  {mark} {name}：处理期间被删除或移走",
        "en": "  {mark} {name}: deleted or moved away while being processed",
    },
    "dropfolder.summary.file.stopped": {"zh": "  {mark} {name}：{reason}", "en": "  {mark} {name}: {reason}"},
    "dropfolder.summary.rooms": {
        "zh": "教室：发布涉及 {rooms} 个，其中失败 {failed} 个；发布的课节共 {lessons} 节",
        "en": "Rooms: {rooms} published to, {failed} of them failed; {lessons} lessons published",
    },
    "dropfolder.summary.exports": {"zh": "导出（在“报告”文件夹中）：", "en": "Exports (in 报告):"},
    "dropfolder.summary.no_exports": {
        "zh": "导出：没有进行（程序在导出前被停止）",
        "en": "Exports: none (stopped before exporting)",
    },
    "dropfolder.summary.export_done.devices": {
        "zh": "  ✓ {kind}：{name}（{rows} 台设备）",
        "en": "  ✓ {kind}: {name} ({rows} devices)",
    },
    "dropfolder.summary.export_done.schedules": {
        "zh": "  ✓ {kind}：{name}（{rooms} 个教室，{rows} 节课）",
        "en": "  ✓ {kind}: {name} ({rooms} rooms, {rows} lessons)",
    },
    "dropfolder.summary.export_failed": {
        "zh": "  ✗ {kind}：导出失败：{reason}",
        "en": "  ✗ {kind}: export failed: {reason}",
    },
    "dropfolder.summary.all_ok": {"zh": "结果：全部成功。", "en": "Result: all went well."},
    "dropfolder.summary.stopped": {
        "zh": "结果：收到停止信号，这次没有做完；留在“待导入”的文件下次处理。",
        "en": "Result: stopped by a signal before the end; files left in 待导入 are processed next time.",
    },
    "dropfolder.summary.failed": {
        "zh": "结果：有 {count} 项失败，见上面标 ✗ 的行；每个文件旁的“说明.txt”写明了原因和下一步。",
        "en": "Result: {count} failures, marked ✗ above; the .说明.txt note beside each file says why and what to do.",
    },

    # ---- locks (also shown by paike publish) ---------------------------------------
    "lock.account_busy": {
        "zh": "账号 {account} 正在被另一个 paike 进程写入（{holder}）。为避免两边同时修改同一批教室，"
              "本次没有发送任何数据；请等它结束后再运行。",
        "en": "Account {account} is being written by another paike process ({holder}). So that the two do not "
              "change the same rooms at once, nothing was sent; run again once it has finished.",
    },
    "lock.folder_busy": {
        "zh": "文件夹 {root} 已经有一个 paike 在处理（{holder}）。同一个文件夹同时只能运行一个 paike watch 或 "
              "paike batch；请先停止那个进程，或者换一个文件夹。",
        "en": "Another paike is already serving the folder {root} ({holder}). Only one paike watch or paike batch "
              "may serve a folder at a time: stop that process first, or use another folder.",
    },
    "lock.owner": {
        "zh": "{command}，进程号 {pid}，主机 {host}，开始于 {since}",
        "en": "{command}, pid {pid} on {host}, since {since}",
    },
    "lock.owner_unknown": {"zh": "无法得知是哪个进程", "en": "process unknown"},
    "lock.waiting": {
        "zh": "账号正在被另一个 paike 进程使用（{holder}），等待它结束……",
        "en": "The account is in use by another paike process ({holder}); waiting for it to finish...",
    },
    "lock.wait_cancelled": {
        "zh": "等待账号锁时收到停止请求，没有发送任何数据。",
        "en": "A stop was requested while waiting for the account lock; nothing was sent.",
    },
}
