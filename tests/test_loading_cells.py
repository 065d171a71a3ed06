"""Cell converters: every form of date, time, room and serial number people send."""

import datetime

import pytest

from pipeline.loading.cells import cell_text, convert_free_text
from pipeline.loading.columns import convert_column
from pipeline.loading.dates import convert_date
from pipeline.loading.identifiers import convert_room_id, convert_serial_number
from pipeline.loading.times import convert_time, split_time_range


@pytest.mark.parametrize(
    "value, expected",
    [
        (datetime.date(2027, 3, 1), "2027-03-01"),
        (datetime.datetime(2027, 3, 1, 0, 0), "2027-03-01"),
        (46447.0, "2027-03-01"),  # Excel serial number
        (46447, "2027-03-01"),
        (46447.75, "2027-03-01"),  # serial with a time of day
        (20270301.0, "2027-03-01"),  # digits YYYYMMDD typed as a number
        ("2027-03-01", "2027-03-01"),
        ("2027/3/1", "2027-03-01"),
        ("2027.3.1", "2027-03-01"),
        ("2027-3-1", "2027-03-01"),
        ("2027年3月1日", "2027-03-01"),
        ("2027年03月01日", "2027-03-01"),
        ("20270301", "2027-03-01"),
        ("2027-03-01 00:00:00", "2027-03-01"),
        ("2027/3/1 00:00", "2027-03-01"),
        (" 2027/03/01 ", "2027-03-01"),
        ("\u00a02027-03-01\u200b", "2027-03-01"),
        ("２０２７－０３－０１", "2027-03-01"),  # full-width digits and hyphens
        ("2027-03-01（周一）", "2027-03-01"),
        ("2027-03-01 星期一", "2027-03-01"),
    ],
)
def test_date_readable_forms(value, expected):
    assert convert_date(value) == (expected, None)


@pytest.mark.parametrize(
    "value, message_key",
    [
        ("3月1日", "problem.ambiguous_date.no_year"),
        ("3/1", "problem.ambiguous_date.no_year"),
        ("03-01", "problem.ambiguous_date.no_year"),
        ("01/03/2027", "problem.ambiguous_date.order"),
        ("3/1/2027", "problem.ambiguous_date.order"),
        ("1.3.2027", "problem.ambiguous_date.order"),
        ("27/3/1", "problem.ambiguous_date.order"),
        ("2027-03-01 星期二", "problem.ambiguous_date.weekday"),
    ],
)
def test_date_ambiguous_forms_reported(value, message_key):
    text, issue = convert_date(value)

    assert text == value.strip()
    assert issue.code == "ambiguous_date"
    assert issue.message_key == message_key


@pytest.mark.parametrize(
    "value, expected_text",
    [
        ("2027-02-30", "2027-02-30"),  # no such day
        ("明天", "明天"),
        (60.0, "60"),  # Excel's phantom 1900-02-29
        (36525.0, "36525"),  # 1999-12-31, before 2000
        ("1999-03-01", "1999-03-01"),  # read, then rejected by validation's year rule
        (datetime.date(1999, 3, 1), "1999-03-01"),
        (datetime.time(8, 0), "08:00:00"),
        (True, "TRUE"),
    ],
)
def test_date_unreadable_left_for_validation(value, expected_text):
    assert convert_date(value) == (expected_text, None)


def test_date_empty_cell():
    assert convert_date("") == (None, None)
    assert convert_date("   ") == (None, None)


@pytest.mark.parametrize(
    "value, expected",
    [
        (datetime.time(9, 0), "09:00"),
        (datetime.time(15, 14, 59, 994000), "15:15"),  # float noise rounds to the minute
        (datetime.time(8, 59, 30), "09:00"),  # halves round up
        (0.375, "09:00"),
        (0.6354166, "15:15"),
        (0, "00:00"),
        (datetime.datetime(1899, 12, 30, 10, 0), "10:00"),
        (datetime.datetime(1899, 12, 31, 10, 0), "10:00"),
        (datetime.datetime(1900, 1, 1, 10, 0), "10:00"),
        (datetime.timedelta(hours=13, minutes=5), "13:05"),
        ("9:00", "09:00"),
        ("09:00", "09:00"),
        ("09:00:00", "09:00"),
        ("10:45:00", "10:45"),
        ("9：00", "09:00"),
        ("９：３０", "09:30"),
        ("9点", "09:00"),
        ("9点30", "09:30"),
        ("9点30分", "09:30"),
        ("9时30分", "09:30"),
        ("9点半", "09:30"),
        ("上午9点", "09:00"),
        ("下午2:00", "14:00"),
        ("下午2点", "14:00"),
        ("下午12:30", "12:30"),  # +12 only before 12
        ("下午14:00", "14:00"),
        ("晚上7点", "19:00"),
        ("中午12点", "12:00"),
        ("中午1点", "13:00"),
        ("2:30 PM", "14:30"),
        ("12:15 am", "00:15"),
        ("1900-01-01 13:30:00", "13:30"),
        ("1899-12-30 08:05", "08:05"),
        (" 14:30 ", "14:30"),
    ],
)
def test_time_readable_forms(value, expected):
    assert convert_time(value) == (expected, None)


@pytest.mark.parametrize(
    "value, expected_text",
    [
        ("24:00", "24:00"),
        ("9:75", "9:75"),
        ("九点", "九点"),
        ("上午14:00", "上午14:00"),
        ("9", "9"),
        (9.0, "9"),  # a whole number is not a fraction of a day
        (datetime.datetime(2027, 3, 1, 9, 0), "2027-03-01 09:00:00"),
        (datetime.time(23, 59, 45), "23:59:45"),  # would round to 24:00
    ],
)
def test_time_unreadable_left_for_validation(value, expected_text):
    assert convert_time(value) == (expected_text, None)


@pytest.mark.parametrize(
    "value, start, end",
    [
        ("09:00-09:45", "09:00", "09:45"),
        ("9:00~9:45", "09:00", "09:45"),
        ("9:00～9:45", "09:00", "09:45"),
        ("9:00—9:45", "09:00", "09:45"),
        ("9:00－9:45", "09:00", "09:45"),
        ("09:00 至 09:45", "09:00", "09:45"),
        ("9点到9点45", "09:00", "09:45"),
        ("下午2:00-3:30", "14:00", "15:30"),  # the end takes the start's period
        ("下午2点-晚上7点", "14:00", "19:00"),
        ("9:00-25:00", "09:00", "25:00"),
    ],
)
def test_time_range_split(value, start, end):
    assert split_time_range(value) == ((start, None), (end, None))


def test_time_range_single_time_fills_start_only():
    assert split_time_range(datetime.time(9, 0)) == (("09:00", None), (None, None))
    assert split_time_range("9:00") == (("09:00", None), (None, None))


def test_time_range_unreadable_goes_to_start():
    (start, start_issue), (end, end_issue) = split_time_range("第一节")

    assert (start, start_issue) == ("第一节", None)
    assert end is None
    assert end_issue.code == "invalid_time"
    assert end_issue.message_key is None  # explained by the start time's problem


@pytest.mark.parametrize(
    "value, expected",
    [
        ("18020796069152", "18020796069152"),
        ("018020796069152", "018020796069152"),  # leading zero kept
        (" 18020796069152 ", "18020796069152"),
        ("'18020796069152", "18020796069152"),
        ("１８０２０７９６０６９１５２", "18020796069152"),
        (18020796069152.0, "18020796069152"),
        (123234567124414.0, "123234567124414"),
        (18020796069152, "18020796069152"),
        ("18020796069152.0", "18020796069152"),
        (18020796069100.0, "18020796069100"),  # a few trailing zeros are fine
    ],
)
def test_room_id_readable_forms(value, expected):
    assert convert_room_id(value) == (expected, None)


@pytest.mark.parametrize(
    "value, expected_text",
    [
        ("1.80208E+13", "1.80208E+13"),
        ("1.80208e13", "1.80208e13"),
        (1e15, "1000000000000000"),
        (1802079606915200.0, "1802079606915200"),
        ("1802079606915200123.0", "1802079606915200123.0"),
        (18020800000000.0, "18020800000000"),  # 1.80208E+13 typed back into Excel
        (123235000000000, "123235000000000"),
    ],
)
def test_room_id_precision_lost(value, expected_text):
    text, issue = convert_room_id(value)

    assert text == expected_text
    assert issue.code == "room_id_precision_lost"


@pytest.mark.parametrize(
    "value, expected_text",
    [(1234.5, "1234.5"), ("机房1", "机房1"), (-5.0, "-5"), (True, "TRUE")],
)
def test_room_id_invalid_left_for_validation(value, expected_text):
    assert convert_room_id(value) == (expected_text, None)


@pytest.mark.parametrize(
    "value, expected",
    [
        (3, "3"),
        (3.0, "3"),
        ("3", "3"),
        ("'3", "3"),
        ("03", "3"),
        ("3.0", "3"),
        ("第3节", "3"),
        ("第 3 节", "3"),
        ("３", "3"),
        ("2.5", "2.5"),
        (2.5, "2.5"),
        ("三", "三"),
        ("", None),
    ],
)
def test_serial_number_forms(value, expected):
    assert convert_serial_number(value) == (expected, None)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("  高等数学（上） ", "高等数学（上）"),
        ("\u3000张明远\u00a0", "张明远"),
        ("ＡＢＣ", "ＡＢＣ"),  # free text keeps its full-width letters
        (101.0, "101"),
        ("", None),
        ("  ", None),
    ],
)
def test_free_text_only_trimmed(value, expected):
    assert convert_free_text(value) == (expected, None)


def test_cell_text_of_number_keeps_digits():
    assert cell_text(18020796069152.0) == "18020796069152"
    assert cell_text(0.375) == "0.375"


def test_convert_column_spreads_results():
    calls = []

    def converter(value):
        calls.append(value)
        return str(value), None

    column = convert_column(["a", "b", "a", "a"], converter)

    assert column.texts == ["a", "b", "a", "a"]
    assert sorted(calls) == ["a", "b"]


def test_convert_column_keeps_booleans_apart():
    column = convert_column([1.0, True, 1.0], convert_serial_number)

    assert column.texts == ["1", "TRUE", "1"]


def test_convert_column_records_issue_positions():
    column = convert_column(["18020796069152", "1.80208E+13", "1.80208E+13"], convert_room_id)

    assert sorted(column.issues) == [1, 2]
    assert column.issues[1].code == "room_id_precision_lost"
