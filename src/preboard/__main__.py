"""``python -m preboard``: the same as the ``preboard`` command."""

from preboard.cli import main

main()
