"""Any valid timetable, written in any layout people use, loads back exactly."""

import datetime
from dataclasses import dataclass

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline.lessons import LESSON_FIELDS
from pipeline.loading import load_file
from pipeline.loading.headers import HEADER_SYNONYMS
from fixtures.workbooks import write_csv, write_xls, write_xlsx

FORMATS = ("xlsx", "xls", "csv-utf-8", "csv-utf-8-sig", "csv-gb18030")
TEXT_CHARACTERS = "高等数学线性代数概率论王䶮赵德明李文静（）·第讲习题课ABCxyz0123 -"
ROOMS = ("18020796069152", "18020796069377", "123234567124414", "010203040506070")
DATE_STYLES = ("cell", "serial", "iso", "slash", "dot", "chinese", "compact", "midnight")
TIME_STYLES = ("cell", "fraction", "text", "seconds", "chinese")
TEXT_DATE_STYLES = DATE_STYLES[2:]
TEXT_TIME_STYLES = ("text", "seconds", "chinese")
EXCEL_EPOCH = datetime.date(1899, 12, 30)


@dataclass
class Layout:
    file_format: str
    title_rows: int
    headers: dict[str, str]
    order: list[str]
    combined_time: bool
    date_style: str
    time_style: str
    room_as_number: bool
    serial_style: str
    merge: bool


free_text = st.text(alphabet=TEXT_CHARACTERS, min_size=1, max_size=10).map(str.strip).filter(bool)


@st.composite
def lessons(draw):
    count = draw(st.integers(1, 12))
    result = []
    for _ in range(count):
        start = draw(st.integers(0, 22 * 60))
        result.append(
            {
                "room_id": draw(st.sampled_from(ROOMS)),
                "date": draw(st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))),
                "serial_number": draw(st.integers(1, 99)),
                "title": draw(free_text),
                "start_time": start,
                "end_time": start + draw(st.integers(1, 90)),
                "teacher_name": draw(st.none() | free_text),
            }
        )
    return result


@st.composite
def layouts(draw):
    file_format = draw(st.sampled_from(FORMATS))
    is_csv = file_format.startswith("csv")
    combined_time = draw(st.booleans())
    fields = ["room_id", "date", "serial_number", "title"]
    fields += ["combined_time"] if combined_time else ["start_time", "end_time"]
    if draw(st.booleans()):
        fields.append("teacher_name")
    headers = {name: draw(st.sampled_from(HEADER_SYNONYMS[name])) for name in fields if name in HEADER_SYNONYMS}
    # 上课时间 is a start time beside an end column, and both times without one.
    headers["combined_time"] = draw(st.sampled_from(["时间", "上课时间", "起止时间"]))
    return Layout(
        file_format=file_format,
        title_rows=draw(st.integers(0, 3)),
        headers=headers,
        order=draw(st.permutations(fields)),
        combined_time=combined_time,
        date_style=draw(st.sampled_from(TEXT_DATE_STYLES if is_csv else DATE_STYLES)),
        time_style=draw(st.sampled_from(TEXT_TIME_STYLES if is_csv else TIME_STYLES)),
        room_as_number=not is_csv and draw(st.booleans()),
        serial_style=draw(st.sampled_from(["number", "text", "chapter"])),
        merge=not is_csv and draw(st.booleans()),
    )


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def date_cell(day: datetime.date, style: str):
    return {
        "cell": day,
        "serial": (day - EXCEL_EPOCH).days,
        "iso": day.isoformat(),
        "slash": f"{day.year}/{day.month}/{day.day}",
        "dot": f"{day.year}.{day.month}.{day.day}",
        "chinese": f"{day.year}年{day.month}月{day.day}日",
        "compact": day.strftime("%Y%m%d"),
        "midnight": f"{day.isoformat()} 00:00:00",
    }[style]


def chinese_time(minutes: int) -> str:
    hour, minute = divmod(minutes, 60)
    if hour < 12:
        period, shown = "上午", hour
    elif hour == 12:
        period, shown = "中午", hour
    elif hour < 18:
        period, shown = "下午", hour - 12
    else:
        period, shown = "晚上", hour - 12
    return f"{period}{shown}点{minute}分" if minute else f"{period}{shown}点"


def time_cell(minutes: int, style: str):
    return {
        "cell": datetime.time(*divmod(minutes, 60)),
        "fraction": minutes / 1440,
        "text": f"{minutes // 60}:{minutes % 60:02d}",
        "seconds": f"{clock(minutes)}:00",
        "chinese": chinese_time(minutes),
    }[style]


def serial_cell(number: int, style: str):
    return {"number": number, "text": str(number), "chapter": f"第{number}节"}[style]


def render(lesson: dict, layout: Layout) -> dict:
    """Return the cell value of each column for one lesson."""
    cells = {
        "room_id": int(lesson["room_id"]) if layout.room_as_number and not lesson["room_id"].startswith("0") else lesson["room_id"],
        "date": date_cell(lesson["date"], layout.date_style),
        "serial_number": serial_cell(lesson["serial_number"], layout.serial_style),
        "title": lesson["title"],
        "start_time": time_cell(lesson["start_time"], layout.time_style),
        "end_time": time_cell(lesson["end_time"], layout.time_style),
        "teacher_name": lesson["teacher_name"],
    }
    cells["combined_time"] = f"{clock(lesson['start_time'])}-{clock(lesson['end_time'])}"
    return cells


def build_rows(records: list[dict], layout: Layout) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """Return the sheet rows and the merged ranges (0-based top, bottom, left, right)."""
    rows: list[list] = [[f"2027 排课表 第{index + 1}部分"] for index in range(layout.title_rows)]
    rows.append([layout.headers[name] for name in layout.order])
    first_data_row = len(rows)
    for record in records:
        cells = render(record, layout)
        rows.append([cells[name] for name in layout.order])

    merged = []
    if layout.merge:
        last_column = len(layout.order) - 1
        merged += [(index, index, 0, last_column) for index in range(layout.title_rows)]
        for name in ("room_id", "date"):
            column = layout.order.index(name)
            merged += merge_runs(rows, first_data_row, column)
    return rows, merged


def merge_runs(rows: list[list], first: int, column: int) -> list[tuple[int, int, int, int]]:
    """Merge each run of equal values in a column, blanking all but the top cell."""
    runs = []
    top = first
    for index in range(first + 1, len(rows) + 1):
        if index == len(rows) or rows[index][column] != rows[top][column]:
            if index - 1 > top:
                runs.append((top, index - 1, column, column))
                for covered in range(top + 1, index):
                    rows[covered][column] = None
            top = index
    return runs


def write(path_stem, rows, merged, layout: Layout):
    if layout.file_format == "xlsx":
        ranges = [f"{letter(left)}{top + 1}:{letter(right)}{bottom + 1}" for top, bottom, left, right in merged]
        return write_xlsx(path_stem.with_suffix(".xlsx"), rows, merged=ranges)
    if layout.file_format == "xls":
        return write_xls(path_stem.with_suffix(".xls"), rows, merged=merged)
    encoding = layout.file_format.removeprefix("csv-")
    return write_csv(path_stem.with_suffix(".csv"), rows, encoding=encoding)


def letter(column: int) -> str:
    return chr(ord("A") + column)


def expected(record: dict, has_teacher: bool) -> dict:
    return {
        "room_id": record["room_id"],
        "date": record["date"].isoformat(),
        "serial_number": str(record["serial_number"]),
        "title": record["title"],
        "start_time": clock(record["start_time"]),
        "end_time": clock(record["end_time"]),
        "teacher_name": record["teacher_name"] if has_teacher else None,
    }


@settings(max_examples=30, deadline=None)
@given(records=lessons(), layout=layouts())
def test_written_lessons_load_back(tmp_path_factory, records, layout):
    if layout.merge:
        records = sorted(records, key=lambda record: (record["room_id"], record["date"]))
    rows, merged = build_rows(records, layout)
    path = write(tmp_path_factory.mktemp("roundtrip") / "课表", rows, merged, layout)
    if layout.file_format == "csv-gb18030":
        # UTF-8 is tried first, so GB18030 bytes that happen to be valid UTF-8 are read
        # as UTF-8. Real Chinese text almost never is; these tests skip the rare draw.
        data = path.read_bytes()
        assume(data.isascii() or not _decodes_as_utf8(data))

    table = load_file(path)

    assert table.problems == []
    loaded = [{name: row[name] for name in LESSON_FIELDS} for row in table.frame.to_dict("records")]
    assert loaded == [expected(record, "teacher_name" in layout.order) for record in records]
    assert list(table.frame["row"]) == list(range(layout.title_rows + 2, layout.title_rows + 2 + len(records)))


def _decodes_as_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
