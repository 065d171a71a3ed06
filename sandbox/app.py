"""The Starlette application: one route for every double_teacher endpoint, plus stats.

Each call goes through the same steps, in the order a real deployment applies them:
latency, path lookup, rate limit, injected 5xx, common-parameter checks, the handler,
and for a successful write a possible cut connection. An unknown endpoint name gets
HTTP 404 with envelope code 404.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from sandbox.auth import COMMON_PARAMS, check_common_params
from sandbox.faults import failure_page, send_truncated
from sandbox.forms import read_form
from sandbox.handlers import ENDPOINTS, Endpoint
from sandbox.params import Params
from sandbox.refusals import BAD_PARAMETER, NO_SUCH_PATH, RATE_LIMITED, Refusal
from sandbox.state import SandboxState
from sandbox.stats import UNKNOWN_ENDPOINT

logger = logging.getLogger(__name__)

JSON_TYPE = "application/json"
LOOPBACK_CLIENTS = ("127.0.0.1", "::1")


class CutResponse:
    """A complete response body to be cut off halfway (an injected fault)."""

    def __init__(self, body: bytes) -> None:
        self.body = body


def envelope(code: int, data: Any, msg: str) -> bytes:
    # json.dumps escapes non-ASCII as \uXXXX, as PHP's json_encode does by default.
    return json.dumps({"code": code, "data": data, "msg": msg, "ts": int(time.time())}).encode("ascii")


def refusal_response(refusal: Refusal, status: int = 200) -> Response:
    return Response(envelope(refusal.code, None, refusal.msg), status_code=status, media_type=JSON_TYPE)


class OpenApiEndpoint:
    """The ASGI app behind ``/openapi/double_teacher/{name}``."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        name = request.path_params["name"]
        endpoint = ENDPOINTS.get(name)
        self.state.stats.call_started(name if endpoint else UNKNOWN_ENDPOINT)
        try:
            response = await self.respond(request, endpoint)
        finally:
            self.state.stats.call_finished()

        if isinstance(response, CutResponse):
            await send_truncated(send, response.body, JSON_TYPE)
        else:
            await response(scope, receive, send)

    async def respond(self, request: Request, endpoint: Endpoint | None) -> Response | CutResponse:
        state = self.state
        if state.options.latency_ms:
            await asyncio.sleep(state.options.latency_ms / 1000)

        if endpoint is None:
            return self.refuse(Refusal(NO_SUCH_PATH, f"接口不存在：{request.url.path}"), status=404)
        if request.method != "POST":
            return self.refuse(Refusal(BAD_PARAMETER, "只支持 POST 请求"), status=405)
        if endpoint.writes:
            state.stats.count("write_calls")

        form = await read_form(request)
        if not state.limiter.try_admit(form.values.get("partner_id", "")):
            state.stats.count("refused")
            return refusal_response(Refusal(RATE_LIMITED, "请求过于频繁，请稍后再试"), status=429)

        failure_status = state.faults.pick_failure_status()
        if failure_status is not None:
            state.stats.count("injected_failures")
            logger.info("injected HTTP %s into %s", failure_status, endpoint.name)
            return Response(failure_page(failure_status), status_code=failure_status, media_type="text/html")

        try:
            if form.problem is not None:
                raise form.problem
            data = self.run_handler(endpoint, form.values)
        except Refusal as refusal:
            return self.refuse(refusal)
        return self.success(endpoint, data)

    def run_handler(self, endpoint: Endpoint, values: dict[str, str]) -> Any:
        state = self.state
        check_common_params(values, state.partner_id, state.partner_key, time.time())
        own_params = {name: value for name, value in values.items() if name not in COMMON_PARAMS}
        return endpoint.handler(state.context, Params(own_params))

    def success(self, endpoint: Endpoint, data: Any) -> Response | CutResponse:
        body = envelope(0, data, "")
        logger.debug("%s succeeded", endpoint.name)
        if not endpoint.writes:
            return Response(body, media_type=JSON_TYPE)

        self.state.stats.count("writes_applied")
        if self.state.faults.should_cut_after_commit():
            self.state.stats.count("dropped_after_commit")
            logger.info("cut the connection after committing %s", endpoint.name)
            return CutResponse(body)
        return Response(body, media_type=JSON_TYPE)

    def refuse(self, refusal: Refusal, status: int = 200) -> Response:
        self.state.stats.count_error(refusal.code)
        logger.debug("rejected with code %s: %s", refusal.code, refusal.msg)
        return refusal_response(refusal, status)


def build_app(state: SandboxState) -> Starlette:
    """Return the ASGI application serving ``state``."""

    async def read_stats(request: Request) -> Response:
        if request.client is None or request.client.host not in LOOPBACK_CLIENTS:
            return refusal_response(Refusal(NO_SUCH_PATH, "仅限本机访问"), status=403)
        return JSONResponse(state.stats_snapshot())

    async def not_found(request: Request, error: HTTPException) -> Response:
        return refusal_response(Refusal(NO_SUCH_PATH, f"接口不存在：{request.url.path}"), status=error.status_code)

    routes = [
        Route("/openapi/double_teacher/{name}", OpenApiEndpoint(state)),
        Route("/_sandbox/stats", read_stats, methods=["GET"]),
    ]
    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found})
