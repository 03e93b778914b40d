"""``preboard watchlist import|diff``: load a list into the version store, compare versions.

Exit status 1 when nothing could be loaded or a named list, version or file does not exist;
bad rows are reported, never shown as a traceback. Document numbers are masked in the output.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from preboard.audit import append
from preboard.cli.audit import DatabaseOption, cli_actor, open_db
from preboard.cli.render import console
from preboard.errors import PreboardError
from preboard.model import Problem, Severity
from preboard.settings import Settings
from preboard.storage import SqlAuditStore
from preboard.watchlist.codec import problem_to_dict, watchlist_to_dict
from preboard.watchlist.model import Watchlist, WatchlistVersion
from preboard.watchlist.versions import VersionStore, WatchlistDiff, diff

app = typer.Typer(
    help="Import watchlists (FollowTheMoney JSON lines, UN XML, CSV) and compare versions.",
    no_args_is_help=True,
)

_SHOWN = 5  # problems and ids listed before "and N more"
JSON = dict[str, Any]
_PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}
DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="store folder (default: the data_dir setting)")
]
AsJson = Annotated[bool, typer.Option("--json", help="one JSON document on stdout")]


def _fail(message: str) -> NoReturn:
    console(stderr=True).print(Text(f"error: {message}", "bold red"))
    raise typer.Exit(1)


def _store(data_dir: Path | None) -> VersionStore:
    return VersionStore(data_dir if data_dir is not None else Settings().data_dir)


def _load(path: Path, watchlist: Watchlist) -> WatchlistVersion:
    from preboard.watchlist.loaders import load_watchlist  # FollowTheMoney loads slowly

    return load_watchlist(path, watchlist)


def _counts(problems: tuple[Problem, ...]) -> dict[str, int]:
    counts = Counter(p.severity.value for p in problems)
    return {s.value: counts[s.value] for s in Severity if counts[s.value]}


def _more(total: int) -> str:
    return f"  … and {total - _SHOWN} more (--json lists all)" if total > _SHOWN else ""


def _print_problems(problems: tuple[Problem, ...], out: Console) -> None:
    if not problems:
        return
    counts = ", ".join(f"{n} {_PLURAL[s] if n > 1 else s}" for s, n in _counts(problems).items())
    out.print(Text(f"problems: {counts}"))
    for p in problems[:_SHOWN]:
        out.print(Text(f"  {p.severity.value}: {p.message}"))
    if more := _more(len(problems)):
        out.print(Text(more, "dim"))


def _print_diff(d: WatchlistDiff, out: Console) -> None:
    since = f"since {d.old_version}" if d.old_version else "(first version)"
    out.print(
        Text(
            f"changes {since} to {d.new_version}: {len(d.added)} added, {len(d.removed)} "
            f"removed, {len(d.changed)} changed, {d.unchanged} unchanged"
        )
    )
    for label, ids in (("added", d.added), ("removed", d.removed)):
        if ids:
            out.print(Text(f"  {label}: {', '.join(ids[:_SHOWN])}{_more(len(ids))}"))
    for change in d.changed[:_SHOWN]:
        fields = "; ".join(f"{f.field}: {f.description}" for f in change.fields)
        out.print(Text(f"  changed {change.id}: {fields}"))
    if more := _more(len(d.changed)):
        out.print(Text(more, "dim"))


def _version_doc(version: WatchlistVersion) -> JSON:
    return {
        "list": watchlist_to_dict(version.watchlist),
        "entries": len(version.entries),
        "problem_counts": _counts(version.problems),
        "problems": [problem_to_dict(p) for p in version.problems],
    }


def _watchlist(list_id: str, store: VersionStore, options: dict[str, str | None]) -> Watchlist:
    """The list to import into: the options given, else what the store knows, else defaults."""
    known = store.metadata(list_id) or Watchlist(list_id, list_id)
    values = {k: v if v is not None else getattr(known, k) for k, v in options.items()}
    return Watchlist(id=list_id, kind=known.kind, **values)


@app.command("import")
def _audit(
    database: str | None, loaded: WatchlistVersion, changes: WatchlistDiff, file: Path
) -> None:
    """Record the import as the web UI's import does (``watchlist.import``)."""
    w = loaded.watchlist
    detail = {"version": w.version, "file": file.name, "entries": len(loaded.entries),
              "problems": len(loaded.problems), "added": len(changes.added),
              "removed": len(changes.removed), "changed": len(changes.changed)}  # fmt: skip
    db = open_db(database)
    try:
        with db.write() as session:
            append(SqlAuditStore(session), cli_actor(), "watchlist.import", f"watchlist:{w.id}",
                   detail)  # fmt: skip
    finally:
        db.dispose()


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="FtM JSON lines, UN consolidated XML or CSV")],
    list_id: Annotated[str, typer.Option("--list-id", help="the list's id in the store")],
    name: Annotated[str | None, typer.Option(help="the list's name")] = None,
    category: Annotated[str | None, typer.Option(help="e.g. sanctions")] = None,
    severity: Annotated[str | None, typer.Option(help="e.g. high")] = None,
    legal_basis: Annotated[str | None, typer.Option("--legal-basis")] = None,
    version: Annotated[str | None, typer.Option(help="default: the date and time")] = None,
    data_dir: DataDir = None,
    database: DatabaseOption = None,
    as_json: AsJson = False,
) -> None:
    """Load a watchlist file, save it as a new version of its list, show what changed; the
    import is recorded in the audit log of the service's database (``--database``)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    options = {"name": name, "category": category, "severity": severity}
    options |= {"legal_basis": legal_basis, "version": version or stamp, "source": str(file)}
    try:
        store = _store(data_dir)
        loaded = _load(file, _watchlist(list_id, store, options))
        changes = store.save(loaded) if loaded.entries else None
        if changes is not None:  # the database beside the store unless one is named
            beside = f"sqlite:///{data_dir / 'preboard.db'}" if data_dir else None
            _audit(database or beside, loaded, changes, file)
    except PreboardError as err:
        _fail(err.detail)
    if as_json:
        doc = {**_version_doc(loaded), "diff": changes.as_dict() if changes else None}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        out = console()
        w = loaded.watchlist
        out.print(
            Text(
                f"list {w.id} ({w.name}) version {w.version}: {len(loaded.entries)} "
                f"entries from {file}"
            )
        )
        _print_problems(loaded.problems, out)
        if changes is not None:
            _print_diff(changes, out)
    if changes is None:
        _fail(f"nothing could be loaded from {file}: no version saved")


def _files_diff(files: list[Path], list_id: str | None) -> tuple[WatchlistDiff, list[JSON]]:
    if len(files) != 2:
        raise typer.BadParameter("give two files to compare, or --list-id without files")
    loaded = [_load(f, Watchlist(list_id or "files", "", version=f.name)) for f in files]
    for f, version in zip(files, loaded, strict=True):
        if not version.entries:
            _fail(f"nothing could be loaded from {f}")
    old, new = loaded
    return diff(old, new), [_version_doc(v) for v in loaded]


def _stored_diff(
    store: VersionStore, list_id: str, old: str | None, new: str | None
) -> WatchlistDiff:
    versions = store.versions(list_id)
    if not versions:
        _fail(f"list {list_id!r} has no saved versions in {store.root}")
    new = new or versions[-1]
    if old is None:
        at = versions.index(new) if new in versions else 0
        old = versions[at - 1] if at > 0 else None
    after = store.get(list_id, new)
    before = store.get(list_id, old) if old else WatchlistVersion(Watchlist(list_id, ""), ())
    return diff(before, after)


@app.command("diff")
def diff_command(
    files: Annotated[list[Path] | None, typer.Argument(help="two list files")] = None,
    list_id: Annotated[str | None, typer.Option("--list-id", help="a list in the store")] = None,
    old: Annotated[str | None, typer.Option("--from", help="default: the one before --to")] = None,
    new: Annotated[str | None, typer.Option("--to", help="default: the latest")] = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """Compare two saved versions of a list (default: the two latest), or two files."""
    loaded: list[JSON] = []
    try:
        if files:
            changes, loaded = _files_diff(files, list_id)
        elif list_id:
            changes = _stored_diff(_store(data_dir), list_id, old, new)
        else:
            raise typer.BadParameter("give --list-id, or two files to compare")
    except PreboardError as err:
        _fail(err.detail)
    if as_json:
        doc = {**changes.as_dict(), "files": loaded} if files else changes.as_dict()
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_diff(changes, console())
