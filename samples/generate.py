"""Write the sample workbooks in samples/: timetables as staff make them, good and bad.

    春季班排课.xlsx     the import template filled in: 24 rooms over two weeks of
                        March 2027, with a 课程信息 sheet; no errors and no warnings
    暑期集训课表.xlsx   a title row and a note row above other header names, another
                        column order, merged room and date cells, Excel date and time
                        cells; the 8 other rooms in April 2027; no errors
    常见错误示例.xlsx   each common mistake exactly once, for the error report demo

The two valid workbooks use different rooms, so publishing both in replace mode does
not make one overwrite the other. Room numbers are the sandbox's seeded rooms, and
every name is made up by a seeded random generator.

Run from the repository root:  .venv/bin/python samples/generate.py [OUTPUT_FOLDER]
Every run writes the same bytes with the same openpyxl and zlib versions.
"""

from __future__ import annotations

import datetime
import io
import random
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

# Let the script run from a checkout where paike is not installed into the interpreter.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.lessons import LESSON_FIELDS  # noqa: E402
from pipeline.template import THIN_BORDER, build_template, fit_to_page_width  # noqa: E402

SAMPLES_FOLDER = Path(__file__).resolve().parent
SPRING_FILENAME = "春季班排课.xlsx"
CAMP_FILENAME = "暑期集训课表.xlsx"
MISTAKES_FILENAME = "常见错误示例.xlsx"

SEED = 20270301
SPRING_ROOMS = tuple(str(18020796069152 + offset) for offset in range(24))
CAMP_ROOMS = tuple(str(123234567124414 + offset) for offset in range(8))

# openpyxl stamps the save time into docProps/core.xml and every zip entry; these
# replace it so that a rerun gives the same file.
FIXED_TIMESTAMP = datetime.datetime(2027, 2, 20, 9, 0, 0)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏方白邹孟熊秦邱江尹薛段雷侯史陶黎贺顾毛郝龚邵严武戴孔汤"
GIVEN_NAME_CHARACTERS = "晓雨子文思佳俊浩婷静敏磊伟芳丽强军洁颖琳欣宇博凯晨阳雪梅兰慧明华平涛鹏霞燕玲斌健志海云峰"

# 45-minute lessons in the usual slots, with 10- and 20-minute breaks between them.
EVENING_SLOTS = (("18:30", "19:15"), ("19:25", "20:10"), ("20:20", "21:05"))
SATURDAY_SLOTS = (
    ("08:30", "09:15"), ("09:25", "10:10"), ("10:30", "11:15"), ("11:25", "12:10"),
    ("14:00", "14:45"), ("14:55", "15:40"), ("16:00", "16:45"),
)
CAMP_MORNING_SLOTS = (("08:30", "09:15"), ("09:25", "10:10"), ("10:30", "11:15"))
CAMP_AFTERNOON_SLOTS = (("14:00", "14:45"), ("14:55", "15:40"))

# One evening course and one Saturday course per spring room, in room order.
SPRING_EVENING_COURSES = (
    "初二数学·函数入门", "初三数学·二次函数专题", "高一数学·集合与函数", "高二数学·数列与不等式",
    "高一英语阅读", "初一英语·语法精讲", "高三英语写作冲刺", "初二物理·力与运动",
    "初三化学·酸碱盐", "高一物理·运动学", "高二化学·有机基础", "高一语文·古诗文阅读",
    "初一语文·现代文阅读", "小升初数学冲刺", "中考英语听说训练", "高考地理·自然地理",
    "初二生物·人体与健康", "高二物理·电磁学", "初三物理·电学综合", "高三数学·导数压轴题",
    "初二英语·完形填空", "高一化学·物质的量", "初三语文·作文提升", "高二英语·长难句精析",
)
SPRING_SATURDAY_COURSES = (
    "少儿编程 Scratch", "少儿编程 Python 入门", "小学奥数·三年级", "小学奥数·五年级",
    "少儿英语·自然拼读", "新概念英语 第二册", "硬笔书法·楷书基础", "围棋·入门班",
    "小学语文·阅读与写作", "少儿美术·创意绘画", "小学数学·计算能力", "剑桥少儿英语 KET",
    "小学科学·趣味实验", "国际象棋·启蒙班", "少儿口才与表达", "思维训练·逻辑推理",
    "小学英语·绘本阅读", "机器人编程·乐高 EV3", "小学奥数·四年级", "少儿编程 C++ 启蒙",
    "小学语文·古诗词", "初中数学预科", "小学数学·应用题", "少儿财商启蒙",
)
CAMP_COURSES = (
    "信息学奥赛 C++ 集训", "数学竞赛·代数专题", "物理竞赛·力学专题", "化学竞赛·结构化学",
    "生物竞赛·细胞与遗传", "英语演讲与辩论", "作文集训营·议论文", "少儿编程 Python 集训",
)
# Weekdays (Monday = 0) on which a spring room has its evening course.
EVENING_PATTERNS = ((0, 2, 4), (1, 3), (0, 1, 2, 3, 4), (0, 3), (1, 2, 4))


@dataclass(frozen=True)
class SampleLesson:
    room_id: str
    date: datetime.date
    serial_number: int
    title: str
    start_time: str
    end_time: str
    teacher_name: str | None


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else SAMPLES_FOLDER
    for path in generate(folder):
        print(path)
    return 0


def generate(folder: Path) -> list[Path]:
    """Write the three sample workbooks into ``folder`` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    names = NameMaker(random.Random(SEED))
    writers = (
        (SPRING_FILENAME, write_spring_term),
        (CAMP_FILENAME, write_summer_camp),
        (MISTAKES_FILENAME, write_common_mistakes),
    )
    paths = []
    for filename, write in writers:
        path = folder / filename
        save_reproducibly(write(names), path)
        paths.append(path)
    return paths


class NameMaker:
    """Made-up Chinese names, each handed out once, from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def teacher(self) -> str:
        while True:
            length = self.rng.choice((1, 2, 2))
            name = self.rng.choice(SURNAMES) + "".join(
                self.rng.choice(GIVEN_NAME_CHARACTERS) for _ in range(length)
            )
            if name not in self.used:
                self.used.add(name)
                return name


def dates_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Return the days from ``first`` to ``last``, Sundays left out."""
    days = (first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1))
    return [day for day in days if day.weekday() != 6]


# --- 春季班排课.xlsx -------------------------------------------------------------


def write_spring_term(names: NameMaker) -> Workbook:
    """Fill the import template with the spring term, room by room."""
    rng = random.Random(SEED + 1)
    days = dates_between(datetime.date(2027, 3, 1), datetime.date(2027, 3, 13))
    lessons: list[SampleLesson] = []
    courses: list[tuple[str, str, str]] = []

    for position, room in enumerate(SPRING_ROOMS):
        evening_teacher = names.teacher()
        # A few Saturday classes have no named teacher: the column is optional.
        saturday_teacher = names.teacher() if position % 8 != 5 else None
        lessons += plan_spring_room(
            rng,
            room,
            days,
            (SPRING_EVENING_COURSES[position], evening_teacher),
            (SPRING_SATURDAY_COURSES[position], saturday_teacher),
        )
        courses.append((room, f"{SPRING_EVENING_COURSES[position]}（春季班）", evening_teacher))

    workbook = build_template()
    lessons_sheet, courses_sheet = workbook.worksheets[:2]
    for row, lesson in enumerate(lessons, start=2):
        write_template_row(lessons_sheet, row, lesson_cells(lesson))
    for row, values in enumerate(courses, start=2):
        for column, value in enumerate(values, start=1):
            courses_sheet.cell(row=row, column=column, value=value)
    return workbook


def plan_spring_room(
    rng: random.Random,
    room: str,
    days: list[datetime.date],
    evening: tuple[str, str],
    saturday: tuple[str, str | None],
) -> list[SampleLesson]:
    """Plan one room: its evening course on some weekdays, its Saturday course on Saturdays.

    Lesson numbers run on through the whole term rather than restarting each day,
    because recordings are matched to lessons by room and lesson number alone.
    """
    weekdays = rng.choice(EVENING_PATTERNS)
    evening_count = rng.choice((2, 2, 3))
    saturday_count = rng.choice((2, 3, 4))
    saturday_first = rng.randrange(len(SATURDAY_SLOTS) - saturday_count + 1)
    lectures = {evening[0]: 0, saturday[0]: 0}
    lessons = []
    serial = 0

    for day in days:
        if day.weekday() == 5:
            (course, teacher), slots = saturday, SATURDAY_SLOTS[saturday_first:][:saturday_count]
        elif day.weekday() in weekdays:
            (course, teacher), slots = evening, EVENING_SLOTS[:evening_count]
        else:
            continue
        for start, end in slots:
            serial += 1
            lectures[course] += 1
            title = f"{course} 第{lectures[course]}讲"
            lessons.append(SampleLesson(room, day, serial, title, start, end, teacher))
    return lessons


def lesson_cells(lesson: SampleLesson) -> list[object]:
    """Return a lesson as 课表 cells in template column order."""
    return [getattr(lesson, field) for field in LESSON_FIELDS]


def write_template_row(sheet: Worksheet, row: int, values: list[object]) -> None:
    """Write one 课表 row; text goes in as text, the way it looks after a paste."""
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.number_format = "@"


# --- 暑期集训课表.xlsx -----------------------------------------------------------

CAMP_TITLE = "2027 暑期集训 直播课排课表"
CAMP_NOTE = "制表：教务处　　更新：2027-03-20　　第一阶段线上预备课 4月12日—4月24日，时间均为北京时间"
CAMP_HEADERS = ("日期", "直播间ID", "课节序号", "课程名称", "上课时间", "下课时间", "讲师")
CAMP_WIDTHS = (13, 20, 10, 36, 10, 10, 10)
CAMP_HEADER_ROW = 4


def write_summer_camp(names: NameMaker) -> Workbook:
    """Lay out the camp timetable by day, with the room and date merged over their lessons."""
    days = dates_between(datetime.date(2027, 4, 12), datetime.date(2027, 4, 24))
    lessons = plan_camp(names, days)
    lessons.sort(key=lambda lesson: (lesson.date, lesson.room_id, lesson.serial_number))

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "直播课表"
    write_camp_heading(sheet)
    for offset, lesson in enumerate(lessons):
        write_camp_row(sheet, CAMP_HEADER_ROW + 1 + offset, lesson)
    merge_repeated_cells(sheet, lessons)
    sheet.freeze_panes = f"A{CAMP_HEADER_ROW + 1}"
    sheet.print_title_rows = f"{CAMP_HEADER_ROW}:{CAMP_HEADER_ROW}"
    fit_to_page_width(sheet)
    return workbook


def plan_camp(names: NameMaker, days: list[datetime.date]) -> list[SampleLesson]:
    """Plan each camp room: lectures in the morning, exercises in the afternoon.

    Saturdays have the morning only. Lesson numbers run on through the camp.
    """
    lessons = []
    for room, course in zip(CAMP_ROOMS, CAMP_COURSES):
        lecturer, tutor = names.teacher(), names.teacher()
        serial = lecture = exercise = 0
        for day in days:
            for start, end in CAMP_MORNING_SLOTS:
                serial += 1
                lecture += 1
                title = f"{course} 第{lecture}讲"
                lessons.append(SampleLesson(room, day, serial, title, start, end, lecturer))
            if day.weekday() == 5:
                continue
            for start, end in CAMP_AFTERNOON_SLOTS:
                serial += 1
                exercise += 1
                title = f"{course}·习题课 第{exercise}讲"
                lessons.append(SampleLesson(room, day, serial, title, start, end, tutor))
    return lessons


def write_camp_heading(sheet: Worksheet) -> None:
    last = len(CAMP_HEADERS)
    sheet.cell(row=1, column=1, value=CAMP_TITLE).font = Font(bold=True, size=16)
    sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    sheet.row_dimensions[1].height = 30
    sheet.cell(row=2, column=1, value=CAMP_NOTE).font = Font(color="595959")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)

    for column, (header, width) in enumerate(zip(CAMP_HEADERS, CAMP_WIDTHS), start=1):
        cell = sheet.cell(row=CAMP_HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True)
        cell.border = THIN_BORDER
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = width


def write_camp_row(sheet: Worksheet, row: int, lesson: SampleLesson) -> None:
    """Write one lesson with a real date cell and real Excel time cells."""
    values = (
        (lesson.date, "yyyy/m/d"),
        (lesson.room_id, "@"),
        (lesson.serial_number, "General"),
        (lesson.title, "General"),
        (datetime.time.fromisoformat(lesson.start_time), "hh:mm"),
        (datetime.time.fromisoformat(lesson.end_time), "hh:mm"),
        (lesson.teacher_name, "General"),
    )
    for column, (value, number_format) in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.number_format = number_format
        cell.border = THIN_BORDER
        cell.alignment = Alignment(vertical="center", horizontal="left" if column == 4 else "center")


def merge_repeated_cells(sheet: Worksheet, lessons: list[SampleLesson]) -> None:
    """Merge the date over each day's rows and the room over each room's rows of a day.

    Only the top cell of a merged range keeps its value, as in a sheet made by hand.
    """
    first_row = CAMP_HEADER_ROW + 1
    merge_runs(sheet, column=1, keys=[lesson.date for lesson in lessons], first_row=first_row)
    room_keys = [(lesson.date, lesson.room_id) for lesson in lessons]
    merge_runs(sheet, column=2, keys=room_keys, first_row=first_row)


def merge_runs(sheet: Worksheet, *, column: int, keys: list[object], first_row: int) -> None:
    run_start = 0
    for position in range(1, len(keys) + 1):
        if position < len(keys) and keys[position] == keys[run_start]:
            continue
        if position - run_start > 1:
            sheet.merge_cells(
                start_row=first_row + run_start,
                start_column=column,
                end_row=first_row + position - 1,
                end_column=column,
            )
        run_start = position


# --- 常见错误示例.xlsx -----------------------------------------------------------

ROOM_A, ROOM_B, ROOM_C, ROOM_D, ROOM_E = SPRING_ROOMS[:5]
MARCH_15, MARCH_16, MARCH_17 = (datetime.date(2027, 3, day) for day in (15, 16, 17))

# Each mistake appears once; the comment names the Excel row and the expected problem
# code. The other rows are correct, so the report shows only the mistakes.
MISTAKE_ROWS = (
    (ROOM_A, MARCH_15, 1, "初二数学·函数入门 第1讲", "18:30", "19:15", "陈晓岚"),
    (ROOM_A, MARCH_15, 2, "初二数学·函数入门 第2讲", "19:25", "20:10", "陈晓岚"),
    (ROOM_A, MARCH_16, 3, "初二数学·函数入门 第3讲", "18:30", "19:15", "陈晓岚"),
    # Rows 4 and 5: lesson number 3 twice in one room on one day (duplicate_serial).
    (ROOM_A, MARCH_16, 3, "初二数学·函数入门 第4讲", "19:25", "20:10", "陈晓岚"),
    # Row 6: a date without its year (ambiguous_date).
    (ROOM_A, "3月17日", 5, "初二数学·函数入门 第5讲", "18:30", "19:15", "陈晓岚"),
    (ROOM_B, MARCH_15, 1, "高一英语阅读 第1讲", "18:30", "19:15", "刘思远"),
    # Row 8: starts at 19:00, before the lesson above ends at 19:15 (overlap).
    (ROOM_B, MARCH_15, 2, "高一英语阅读 第2讲", "19:00", "19:45", "刘思远"),
    # Row 9: 30 February does not exist (invalid_date).
    (ROOM_B, "2027-02-30", 3, "高一英语阅读 第3讲", "18:30", "19:15", "刘思远"),
    # Row 10: the title is empty (required).
    (ROOM_B, MARCH_17, 4, None, "18:30", "19:15", "刘思远"),
    (ROOM_C, MARCH_15, 1, "少儿编程 Scratch 第1讲", "16:30", "17:15", None),
    # Row 12: ends at 16:10, before it starts at 17:25 (end_before_start).
    (ROOM_C, MARCH_15, 2, "少儿编程 Scratch 第2讲", "17:25", "16:10", None),
    # Row 13: 25:00 is not a time of day (invalid_time).
    (ROOM_C, MARCH_16, 3, "少儿编程 Scratch 第3讲", "25:00", "15:45", None),
    # Row 14: the room number is missing (required).
    (None, MARCH_15, 1, "高一物理·运动学 第1讲", "18:30", "19:15", "赵一鸣"),
    (ROOM_D, MARCH_15, 2, "高一物理·运动学 第2讲", "19:25", "20:10", "赵一鸣"),
    # Row 16: the room number went through a number format and lost its last digits
    # (room_id_precision_lost).
    ("1.80208E+13", MARCH_16, 1, "初三化学·酸碱盐 第1讲", "18:30", "19:15", "孙雨婷"),
    (ROOM_E, MARCH_16, 2, "初三化学·酸碱盐 第2讲", "19:25", "20:10", "孙雨婷"),
)


def write_common_mistakes(names: NameMaker) -> Workbook:
    """Fill the import template with a short timetable that has each mistake once."""
    workbook = build_template()
    sheet = workbook.worksheets[0]
    for row, values in enumerate(MISTAKE_ROWS, start=2):
        write_template_row(sheet, row, list(values))
    return workbook


# --- saving ------------------------------------------------------------------------


def save_reproducibly(workbook: Workbook, path: Path) -> None:
    """Save ``workbook`` with fixed timestamps so that a rerun writes the same bytes."""
    workbook.properties.creator = "paike"
    workbook.properties.created = FIXED_TIMESTAMP
    buffer = io.BytesIO()
    workbook.save(buffer)

    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    zip_time = FIXED_TIMESTAMP.timetuple()[:6]
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            fixed = zipfile.ZipInfo(entry.filename, date_time=zip_time)
            target.writestr(fixed, data, compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
