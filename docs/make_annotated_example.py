"""Build a small timetable with typical mistakes, check it, and write its annotated copy.

    .venv/bin/python docs/make_annotated_example.py [OUTPUT_DIR]

Writes ``课表示例.xlsx`` and ``课表示例.检查结果.xlsx`` to OUTPUT_DIR (default: a new
temporary folder). When LibreOffice (``soffice``) and ``pdftoppm`` are installed, it
also renders the problem list to ``docs/annotated-workbook.png`` and the marked copy of
the timetable to ``docs/annotated-cells.png``.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from pipeline.loading import load_files
from pipeline.validation import validate
from pipeline.validation.annotate import write_annotated_workbook

HEADERS = ("教室号", "日期", "课节编号", "课节标题", "开始时间", "结束时间", "主讲老师")
TITLE = "2027 春季 直播课表（第 1 周）"
TODAY = datetime.date(2027, 2, 20)
# One row per lesson in the order of HEADERS; each faulty row is commented.
ROWS = [
    ("18020796069152", "2027-03-01", "1", "高等数学", "08:00", "08:45", "叶子豪"),
    ("18020796069152", "2027/13/01", "2", "高等数学", "08:55", "09:40", "叶子豪"),  # bad date
    ("18020796069152", "2027-03-01", "3", "线性代数", "10:00", "10:45", "叶子豪"),
    ("18020796069152", "2027-03-01", "3", "线性代数", "10:30", "11:15", "叶子豪"),  # duplicate, overlap
    ("18020796069152", "2027-03-01", "5", "概率论", "14:00", "13:15", "唐振宇"),  # ends before start
    ("1802079606915A", "2027-03-02", "1", "大学物理", "08:00", "08:45", "唐振宇"),  # bad room id
    ("123234567124414", "2027-03-02", "1", "大学英语", "25:00", "09:40", "谢雨桐"),  # bad time
    ("123234567124414", "2027-03-02", "2", "", "10:00", "10:45", "谢雨桐"),  # no title
    ("123234567124414", "2027-03-01", "6", "软件工程", "10:00", "10:45", "叶子豪"),  # teacher twice
    ("123234567124414", "2028-06-01", "7", "毕业设计", "08:00", "14:00", "蔡明哲"),  # far, long
]


def write_sample(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "课表"
    sheet.append([TITLE])
    sheet.append(list(HEADERS))
    for row in ROWS:
        sheet.append(list(row))
    for column, width in zip("ABCDEFG", (18, 12, 10, 14, 10, 10, 10)):
        sheet.column_dimensions[column].width = width
    workbook.save(path)


def render_pngs(workbook: Path, list_png: Path, cells_png: Path) -> bool:
    """Render the problem list (page 1) and the marked copy (last page) of ``workbook``.

    Return False without writing anything when LibreOffice or pdftoppm is missing.
    """
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        return False
    with tempfile.TemporaryDirectory() as folder:
        printable = Path(folder) / workbook.name
        _fit_sheets_to_one_page(workbook, printable)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(printable)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = Path(folder) / f"{workbook.stem}.pdf"
        # -x/-y/-W/-H crop the page margins around this example's content.
        subprocess.run(
            [pdftoppm, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
             "-x", "70", "-y", "95", "-W", "1070", "-H", "500", str(pdf), str(list_png.with_suffix(""))],
            check=True,
            timeout=60,
        )
        subprocess.run(
            [pdftoppm, "-png", "-r", "110", "-f", "2", "-l", "2", "-singlefile",
             "-x", "70", "-y", "95", "-W", "1070", "-H", "330", str(pdf), str(cells_png.with_suffix(""))],
            check=True,
            timeout=60,
        )
    return True


def _fit_sheets_to_one_page(source: Path, destination: Path) -> None:
    """Save a copy whose sheets each print on one landscape page, for the picture only."""
    workbook = load_workbook(source)
    for sheet in workbook.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 1
    workbook.save(destination)


def main() -> None:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()).resolve()
    output.mkdir(parents=True, exist_ok=True)
    source = output / "课表示例.xlsx"
    write_sample(source)

    # Load by bare name from inside the folder, as `paike check 课表示例.xlsx` would.
    os.chdir(output)
    result = validate(load_files([source.name]), today=TODAY)
    annotated = write_annotated_workbook(source, result.problems, output / "课表示例.检查结果.xlsx")
    print(f"{len(result.errors)} errors, {len(result.warnings)} warnings -> {annotated}")

    list_png = Path(__file__).with_name("annotated-workbook.png")
    cells_png = Path(__file__).with_name("annotated-cells.png")
    if render_pngs(annotated, list_png, cells_png):
        print(f"rendered {list_png} and {cells_png}")


if __name__ == "__main__":
    main()
