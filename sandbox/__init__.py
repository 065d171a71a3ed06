"""A local stand-in for Baijiayun's double_teacher OpenAPI, for trying paike and testing it.

The sandbox is not Baijiayun's server and has no real classrooms. It serves the same
``POST /openapi/double_teacher/<name>`` calls with the same envelope, signature check,
error codes and rate limit, keeps its state in SQLite, and can inject latency and
faults so that clients can be tested against a misbehaving server.

    seed.py        the fixed room numbers and the generated zones and devices
    signing.py     the signature rule; auth.py checks partner_id, timestamp and sign
    params.py      typed reading of form parameters; rules.py checks lessons
    store.py       the SQLite state
    handlers/      one function per endpoint
    limits.py      the per-account sliding-window rate limit
    faults.py      injected HTTP 5xx responses and cut connections
    app.py         the Starlette application that ties the above together
    server.py      SandboxOptions, start_sandbox() for tests, serve() for the CLI

The ``pipeline`` package never imports this one.
"""
