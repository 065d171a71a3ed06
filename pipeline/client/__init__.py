"""The signed double_teacher OpenAPI client."""

from pipeline.client.api import ApiClient
from pipeline.client.signing import Signer, compute_sign

__all__ = ["ApiClient", "Signer", "compute_sign"]
