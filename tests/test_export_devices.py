"""The device inventory workbook, exported from the sandbox over HTTP."""

import datetime as dt
import zipfile

import openpyxl
import pytest

from export_support import FakeApi, FakeFailure, client_for, formula_cells, paged
from pipeline.errors import ApiTransportError, PaikeError
from pipeline.export.devices import export_device_inventory
from sandbox.server import SandboxOptions, start_sandbox
from sandbox_calls import call

DEVICES = 500
HEADERS = ["设备ID", "设备码", "校区ID", "校区名称", "省份", "城市", "身份", "教室名称", "安装地址", "最大人数",
           "排课系统", "状态", "添加时间", "安装日期", "初次激活日期", "施工确认单"]


@pytest.fixture(scope="module")
def box():
    with start_sandbox(SandboxOptions(devices=DEVICES, seed=11)) as running:
        # A class name that looks like a formula, and one with characters Excel cannot store.
        call(running, "updateDeviceInfo", device_id=1, class_name="=HYPERLINK(\"http://x\",\"x\")")
        call(running, "updateDeviceInfo", device_id=2, class_name="@SUM(A1)", address="-1+2")
        call(running, "updateDeviceInfo", device_id=3, class_name="bell\x07room")
        yield running


@pytest.fixture(scope="module")
def exported(box, tmp_path_factory):
    before = box.stats()["by_endpoint"]
    path = tmp_path_factory.mktemp("devices") / "设备清单.xlsx"
    summary = export_device_inventory(client_for(box), path)
    after = box.stats()["by_endpoint"]
    calls = {name: after[name] - before.get(name, 0) for name in after if after[name] != before.get(name, 0)}
    return summary, path, calls


def all_devices(box):
    return call(box, "listDevice", page=1, page_size=1000)["data"]["list"]


def all_zones(box):
    return {zone["zone_id"]: zone for zone in call(box, "listZone", page=1, page_size=1000)["data"]["list"]}


def test_one_row_per_device(exported, box):
    summary, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]

    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]

    assert summary.rows == DEVICES
    assert ids == [device["device_id"] for device in all_devices(box)]


def test_headers_are_chinese(exported):
    _, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]

    headers = [cell.value for cell in sheet[1]]

    assert headers[:len(HEADERS)] == HEADERS
    assert headers[len(HEADERS)].startswith("现场照片")


def test_calls_are_one_page_each(exported):
    summary, _, calls = exported

    assert calls == {"listZone": 1, "listDevice": 1}
    assert summary.calls == 2


def test_zone_name_joined(exported, box):
    _, path, _ = exported
    zones = all_zones(box)
    sheet = openpyxl.load_workbook(path)["设备清单"]

    for row in sheet.iter_rows(min_row=2, max_row=60, values_only=True):
        assert row[3] == zones[row[2]]["name"]


def test_codes_written_as_words(exported, box):
    _, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]
    devices = {device["device_id"]: device for device in all_devices(box)}
    words = {"user_role": {0: "学生", 1: "老师"}, "use_type": {1: "使用排课系统", 2: "不使用"},
             "status": {0: "正常", 1: "禁用"}}

    for row in sheet.iter_rows(min_row=2, values_only=True):
        device = devices[row[0]]
        assert row[6] == words["user_role"][device["user_role"]]
        assert row[10] == words["use_type"][device["use_type"]]
        assert row[11] == words["status"][device["status"]]


def test_dates_are_date_cells(exported, box):
    _, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]
    device = all_devices(box)[0]

    created, installed = sheet["M2"], sheet["N2"]

    assert created.is_date
    assert created.value == dt.datetime.fromisoformat(device["create_time"])
    assert created.number_format == "yyyy-mm-dd hh:mm:ss"
    assert installed.is_date
    assert installed.value.date() == dt.date.fromisoformat(device["install_date"])


def test_never_activated_date_left_blank(exported, box):
    _, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    never = [device["device_id"] for device in all_devices(box) if device["first_active_date"] is None]

    assert never
    assert all(rows[device_id][14].value is None for device_id in never)


def test_photos_are_links(exported, box):
    _, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]
    device = all_devices(box)[0]

    confirm = sheet["P2"]

    assert confirm.hyperlink.target == device["confirm_pic"]
    assert confirm.value == "查看照片"


def test_sheet_layout(exported):
    _, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]

    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.auto_filter.ref.endswith(str(DEVICES + 1))
    assert sheet.column_dimensions["B"].width > 30


def test_no_formula_cells(exported):
    _, path, _ = exported

    assert formula_cells(path) == []


def test_formula_like_text_kept_as_text(exported):
    _, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}

    assert rows[1][7].value == "=HYPERLINK(\"http://x\",\"x\")"
    assert rows[1][7].data_type == "s"
    assert rows[2][7].value == "@SUM(A1)"
    assert rows[2][8].value == "-1+2"


def test_control_character_removed(exported):
    summary, path, _ = exported
    sheet = openpyxl.load_workbook(path)["设备清单"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}

    assert rows[3][7].value == "bellroom"
    assert summary.cleaned_cells == 1


def test_summary_counts_by_zone(exported, box):
    _, path, _ = exported
    rows = list(openpyxl.load_workbook(path)["汇总"].iter_rows(values_only=True))
    header = rows.index(("校区ID", "校区名称", "城市", "设备总数", "老师", "学生", "正常", "禁用", "从未激活"))
    zone_rows = []
    for row in rows[header + 1:]:
        if row[0] is None:
            break
        zone_rows.append(row)
    devices = all_devices(box)

    assert sum(row[3] for row in zone_rows) == DEVICES
    assert sum(row[4] for row in zone_rows) == sum(device["user_role"] == 1 for device in devices)
    assert sum(row[7] for row in zone_rows) == sum(device["status"] == 1 for device in devices)
    assert [row[3] for row in zone_rows] == sorted((row[3] for row in zone_rows), reverse=True)


def test_summary_lists_never_activated(exported, box):
    _, path, _ = exported
    rows = list(openpyxl.load_workbook(path)["汇总"].iter_rows(values_only=True))
    never = [device["device_id"] for device in all_devices(box) if device["first_active_date"] is None]
    title = next(index for index, row in enumerate(rows) if str(row[0]).startswith("从未激活的设备"))

    listed = [row[0] for row in rows[title + 2:] if row[0] is not None]

    assert rows[title][0] == f"从未激活的设备（{len(never)} 台）"
    assert listed == never


def test_summary_has_bar_chart(exported):
    _, path, _ = exported

    with zipfile.ZipFile(path) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
        chart_xml = archive.read(charts[0]).decode("utf-8")

    assert len(charts) == 1
    assert "<c:barChart>" in chart_xml
    assert "<c:barDir val=\"bar\"/>" in chart_xml


def test_zone_filter(box, tmp_path):
    path = tmp_path / "zone.xlsx"
    expected = [device["device_id"] for device in all_devices(box) if device["zone_id"] == 4]

    summary = export_device_inventory(client_for(box), path, zone_id=4)
    ids = [row[0] for row in openpyxl.load_workbook(path)["设备清单"].iter_rows(min_row=2, values_only=True)]

    assert summary.rows == len(expected)
    assert ids == expected


def test_unknown_zone_rejected(box, tmp_path):
    with pytest.raises(PaikeError) as raised:
        export_device_inventory(client_for(box), tmp_path / "zone.xlsx", zone_id=999)

    assert raised.value.message_key == "export.no_such_zone"
    assert not (tmp_path / "zone.xlsx").exists()


def test_existing_file_kept_without_overwrite(box, tmp_path):
    path = tmp_path / "设备清单.xlsx"
    path.write_bytes(b"keep me")
    calls_before = box.stats()["calls"]

    with pytest.raises(PaikeError) as raised:
        export_device_inventory(client_for(box), path)

    assert raised.value.message_key == "export.exists"
    assert path.read_bytes() == b"keep me"
    assert box.stats()["calls"] == calls_before


def test_existing_file_replaced_with_overwrite(box, tmp_path):
    path = tmp_path / "设备清单.xlsx"
    path.write_bytes(b"old")

    export_device_inventory(client_for(box), path, overwrite=True)

    assert openpyxl.load_workbook(path).sheetnames == ["设备清单", "汇总"]


def test_with_activation_one_call_per_device(tmp_path):
    path = tmp_path / "activation.xlsx"
    progress = []
    with start_sandbox(SandboxOptions(devices=40, seed=2)) as small:
        devices = all_devices(small)
        summary = export_device_inventory(client_for(small), path, with_activation=True,
                                          on_progress=lambda done, total: progress.append((done, total)))
        lookups = small.stats()["by_endpoint"]["getRecentActivateRecord"]
        records = {device["device_id"]: call(small, "getRecentActivateRecord", device_id=device["device_id"])
                   ["data"]["activate_record"] for device in devices}
    sheet = openpyxl.load_workbook(path)["设备清单"]
    headers = [cell.value for cell in sheet[1]]
    time_column = headers.index("最近激活时间")

    assert lookups == 40
    assert summary.calls_by_endpoint["getRecentActivateRecord"] == 40
    assert progress[-1] == (40, 40)
    assert len(progress) == 40
    for row in sheet.iter_rows(min_row=2):
        record = records[row[0].value]
        if record:
            assert row[time_column].value == dt.datetime.fromisoformat(record["activate_time"])
            assert row[time_column + 1].value == record["activate_length"]
        else:
            assert row[time_column].value == "从未激活"


def test_empty_inventory_says_so(tmp_path):
    path = tmp_path / "empty.xlsx"
    with start_sandbox(SandboxOptions()) as empty:
        summary = export_device_inventory(client_for(empty), path)
    workbook = openpyxl.load_workbook(path)
    summary_text = [row[0] for row in workbook["汇总"].iter_rows(values_only=True)]

    assert summary.rows == 0
    assert summary.empty
    assert workbook["设备清单"]["A2"].value == "没有设备：该账号下没有任何设备。"
    assert "没有设备：该账号下没有任何设备。" in summary_text


def test_failures_mid_pagination_retried(tmp_path):
    path = tmp_path / "flaky.xlsx"
    with start_sandbox(SandboxOptions(devices=1200, seed=4, fail_rate=0.2)) as flaky:
        summary = export_device_inventory(client_for(flaky), path)
        failures = flaky.stats()["injected_failures"]

    ids = [row[0] for row in openpyxl.load_workbook(path)["设备清单"].iter_rows(min_row=2, values_only=True)]

    assert failures > 0
    assert summary.rows == 1200
    assert sorted(ids) == list(range(1, 1201))


ODD_DEVICES = [
    {"device_id": 1, "device_unique": None, "zone_id": 7, "user_role": None, "class_name": "", "address": None,
     "create_time": None, "install_date": "0000-00-00", "first_active_date": "", "max_user": None,
     "confirm_pic": "", "class_spot": "", "province": None, "city": None, "use_type": 9, "status": "1"},
    {"device_id": 2, "device_unique": "AB", "zone_id": 404, "user_role": 1, "class_name": "教室\r\n二",
     "create_time": "2018-01-19T10:34:56", "install_date": "not a date", "first_active_date": "2018/01/19",
     "max_user": "12", "confirm_pic": "ftp://host/pic.jpg", "class_spot": "[\"https://a/1.jpg\", null]"},
    {"device_id": 3},
]


def odd_api(devices):
    zones = [{"zone_id": 7, "zone_unique": 1, "name": "湖北校区", "address": "", "create_time": None}]
    return FakeApi({"listZone": paged(zones), "listDevice": paged(devices)})


def test_odd_values_do_not_crash(tmp_path):
    path = tmp_path / "odd.xlsx"
    with odd_api(ODD_DEVICES) as fake:
        summary = export_device_inventory(client_for(fake), path)
    sheet = openpyxl.load_workbook(path)["设备清单"]
    first, second, third = list(sheet.iter_rows(min_row=2, values_only=True))

    assert summary.rows == 3
    assert first[3] == "湖北校区"
    assert first[6] is None
    assert first[10] == "未知（9）"
    assert first[11] == "禁用"
    assert first[13] == "0000-00-00"
    assert first[14] is None
    assert second[3] == "（未找到校区）"
    assert second[7] == "教室\n二"
    assert second[9] == 12
    assert second[12] == dt.datetime(2018, 1, 19, 10, 34, 56)
    assert second[13] == "not a date"
    assert second[14] == dt.datetime(2018, 1, 19)
    assert second[15] == "ftp://host/pic.jpg"
    assert second[16] == "查看照片"
    assert third[0] == 3
    assert formula_cells(path) == []


def test_api_down_mid_pagination_leaves_no_file(tmp_path):
    devices = [{"device_id": number, "zone_id": 7} for number in range(1, 2001)]
    served = paged(devices)

    def failing_after_first_page(form):
        if form["page"] != "1":
            raise FakeFailure(503)
        return served(form)

    path = tmp_path / "down.xlsx"
    with odd_api(devices) as fake:
        fake.answers["listDevice"] = failing_after_first_page
        with pytest.raises(ApiTransportError):
            export_device_inventory(client_for(fake, max_attempts=2), path)

    assert fake.count("listDevice") == 3
    assert list(tmp_path.iterdir()) == []
