"""Set up and run preboard from a fresh clone: `python3 dev.py demo` or `python3 dev.py test`.

Needs only Python 3.11+ and git. Creates `.venv`, installs the project with its development
extras (once, or again when pyproject.toml changes), then runs the chosen job.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if sys.platform == "win32" else "bin")
STAMP = VENV / ".preboard-installed"


def _run(*args: str | Path) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_system_packages() -> None:
    """PyICU (needed by rigour and followthemoney, through normality) builds from source
    against the ICU headers: install Debian's libicu-dev and pkg-config when they are missing
    and we may (root with apt-get); otherwise say what to install."""
    has_icu = (
        shutil.which("pkg-config")
        and subprocess.run(["pkg-config", "--exists", "icu-uc"], check=False).returncode == 0
    )
    if has_icu:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing libicu-dev and pkg-config (for PyICU) ...", flush=True)
        _run("apt-get", "update", "-qq")
        _run("apt-get", "install", "-y", "-qq", "libicu-dev", "pkg-config")
        return
    print(
        "preboard needs the ICU headers to build PyICU: install libicu-dev and pkg-config "
        "(Debian/Ubuntu) or icu4c (Homebrew), then run this again.",
        file=sys.stderr,
    )
    sys.exit(1)


def ensure_env(extras: str = "dev") -> None:
    """Create the virtual environment and install the project when needed."""
    if not (BIN / "python").exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != digest:
        ensure_system_packages()
        print(f"installing preboard[{extras}] into .venv ...", flush=True)
        _run(BIN / "python", "-m", "pip", "install", "-q", "--upgrade", "pip")
        _run(BIN / "python", "-m", "pip", "install", "-q", "-e", f".[{extras}]")
        STAMP.write_text(digest)


def test() -> None:
    """Lint, type-check and test; fail when any of them fails."""
    ensure_env()
    _run(BIN / "ruff", "check", "src", "tests", "benchmarks", "dev.py")
    _run(BIN / "ruff", "format", "--check", "src", "tests", "benchmarks", "dev.py")
    _run(BIN / "mypy", "--strict", "src/preboard")
    _run(BIN / "pytest", "-q", *sys.argv[2:])


def demo() -> None:
    """Run the demo: the service on 127.0.0.1 replaying a synthetic day, until Ctrl-C
    (``--offline``: screen the day, print the worklists and end)."""
    ensure_env()
    command = [str(BIN / "preboard"), "demo", *sys.argv[2:]]
    if os.name == "posix":  # the demo takes this process: Ctrl-C reaches it alone, once
        sys.stdout.flush()
        os.execv(command[0], command)
    _run(*command)


def main() -> None:
    jobs = {"demo": demo, "test": test, "setup": ensure_env}
    if len(sys.argv) < 2 or sys.argv[1] not in jobs:
        print("usage: python3 dev.py demo|test|setup [args...]", file=sys.stderr)
        sys.exit(2)
    jobs[sys.argv[1]]()


if __name__ == "__main__":
    main()
