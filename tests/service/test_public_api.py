"""The service layer's public API, and its independence from the web framework."""

from __future__ import annotations

import subprocess
import sys

import preboard.service
import preboard.web


def test_everything_in_all_is_importable() -> None:
    for module in (preboard.service, preboard.web):
        assert module.__all__ and all(hasattr(module, name) for name in module.__all__)


def test_the_service_layer_imports_no_web_framework() -> None:
    code = (
        "import sys, preboard.service; "
        "print(sorted(m for m in ('fastapi', 'starlette', 'uvicorn') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
