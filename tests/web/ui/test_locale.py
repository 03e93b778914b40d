"""The catalogues: the committed ``.mo`` files are compiled from the ``.po`` beside them, and
Spanish translates every message the templates and ``vocabulary.py`` use."""

from __future__ import annotations

import io

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from preboard.web.ui.render import LANGUAGES, LOCALE_DIR, pick_language


def _po(language: str) -> bytes:
    return (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").read_bytes()


def test_the_committed_mo_files_match_their_po() -> None:
    for language in LANGUAGES:
        compiled = io.BytesIO()
        write_mo(compiled, read_po(io.BytesIO(_po(language))))
        committed = (LOCALE_DIR / language / "LC_MESSAGES" / "messages.mo").read_bytes()
        fresh = {m.id: m.string for m in read_mo(io.BytesIO(compiled.getvalue()))}
        stored = {m.id: m.string for m in read_mo(io.BytesIO(committed))}
        assert stored == fresh, f"{language}: run pybabel compile (see locale/README)"


def test_spanish_translates_every_message_in_use() -> None:
    method_map = [("**/templates/**.html", "jinja2"), ("**/vocabulary.py", "python")]
    used = {m[2] for m in extract_from_dir(str(LOCALE_DIR.parent), method_map)}
    spanish = {m.id: m.string for m in read_po(io.BytesIO(_po("es"))) if m.id}
    missing = sorted(m for m in used if not spanish.get(m))
    assert not missing


def test_the_language_follows_the_setting_then_the_browser() -> None:
    assert pick_language("es-MX,es;q=0.9,en;q=0.8") == "es"
    assert pick_language("de,en;q=0.3,es;q=0.5") == "es"
    assert pick_language("de, fr") == "en"
    assert pick_language("es", "en") == "en"
    assert pick_language("", None) == "en"
