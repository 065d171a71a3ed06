"""Reading a request body into form parameters, as strictly as a real server would.

The body must be ``application/x-www-form-urlencoded`` (or ``multipart/form-data``) in
UTF-8, and each parameter may be sent once.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field

from starlette.datastructures import UploadFile
from starlette.requests import Request

from sandbox.refusals import BAD_PARAMETER, Refusal

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


@dataclass
class FormResult:
    """The parameters read from a body, or why the body could not be read."""

    values: dict[str, str] = field(default_factory=dict)
    problem: Refusal | None = None


async def read_form(request: Request) -> FormResult:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == URLENCODED:
        return parse_urlencoded(await request.body())
    if content_type == MULTIPART:
        return await read_multipart(request)
    return FormResult(problem=Refusal(BAD_PARAMETER, f"请求体应为表单格式（{URLENCODED}）"))


def parse_urlencoded(body: bytes) -> FormResult:
    try:
        pairs = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        return FormResult(problem=Refusal(BAD_PARAMETER, "请求参数不是有效的 UTF-8 编码"))
    return collect_pairs(pairs)


async def read_multipart(request: Request) -> FormResult:
    form = await request.form()
    if any(isinstance(value, UploadFile) for _, value in form.multi_items()):
        return FormResult(problem=Refusal(BAD_PARAMETER, "请求参数不能是文件"))
    return collect_pairs((name, str(value)) for name, value in form.multi_items())


def collect_pairs(pairs: Iterable[tuple[str, str]]) -> FormResult:
    values: dict[str, str] = {}
    for name, value in pairs:
        if name in values:
            return FormResult(problem=Refusal(BAD_PARAMETER, f"参数 {name} 重复"))
        values[name] = value
    return FormResult(values=values)
