"""One handler per double_teacher endpoint; importing this package fills :data:`ENDPOINTS`."""

from sandbox.handlers import bindings, devices, schedules, zones  # noqa: F401  (registers the handlers)
from sandbox.handlers.registry import ENDPOINTS, Context, Endpoint

__all__ = ["ENDPOINTS", "Context", "Endpoint"]
