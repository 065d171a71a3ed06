"""Baseline for bench_export_devices.py: the same device rows written with plain openpyxl.

Reads zones and devices page by page over the same signed client, then builds the
whole sheet in memory in openpyxl's normal mode (no write_only) and saves it: how a
straightforward script would do it. The rows match paike's 设备清单 sheet: the zone
name joined in, codes as words, dates as date cells and photo links as hyperlinks.

Run by the benchmark with the PAIKE_* variables set; takes the output path.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

from openpyxl import Workbook

from pipeline.client.api import ApiClient
from pipeline.config import load_settings

WORDS = {"user_role": {0: "学生", 1: "老师"}, "use_type": {1: "使用排课系统", 2: "不使用"}, "status": {0: "正常", 1: "禁用"}}


def as_date(text):
    if not text:
        return None
    if len(text) == 10:
        return dt.datetime.strptime(text, "%Y-%m-%d")
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def main() -> None:
    client = ApiClient(load_settings())
    zones = {}
    page = 1
    while True:
        data = client.call("listZone", {"page": page, "page_size": 1000})
        zones.update({zone["zone_id"]: zone["name"] for zone in data["list"]})
        if page * 1000 >= data["total"]:
            break
        page += 1

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["设备ID", "设备码", "校区ID", "校区名称", "省份", "城市", "身份", "教室名称", "安装地址", "最大人数",
                  "排课系统", "状态", "添加时间", "安装日期", "初次激活日期", "施工确认单", "现场照片1", "现场照片2",
                  "现场照片3"])
    page, row = 1, 1
    while True:
        data = client.call("listDevice", {"page": page, "page_size": 1000})
        for device in data["list"]:
            photos = device["class_spot"] if isinstance(device["class_spot"], list) else json.loads(device["class_spot"])
            sheet.append([
                device["device_id"], device["device_unique"], device["zone_id"], zones.get(device["zone_id"]),
                device["province"], device["city"], WORDS["user_role"][device["user_role"]], device["class_name"],
                device["address"], device["max_user"], WORDS["use_type"][device["use_type"]],
                WORDS["status"][device["status"]], as_date(device["create_time"]), as_date(device["install_date"]),
                as_date(device["first_active_date"]), "查看照片", *["查看照片" for _ in photos[:3]],
            ])
            row += 1
            sheet.cell(row, 16).hyperlink = device["confirm_pic"]
            for offset, photo in enumerate(photos[:3]):
                sheet.cell(row, 17 + offset).hyperlink = photo
        if page * 1000 >= data["total"]:
            break
        page += 1
    workbook.save(sys.argv[1])


if __name__ == "__main__":
    main()
