"""A small CEL tokenizer, and the dotted field paths an expression reads.

The ``cel`` library compiles and runs expressions but gives no syntax tree (``Program.variables``
names only the top-level identifiers), so the linter reads the tokens itself: enough of CEL's
lexical grammar (identifiers, numbers, strings with prefixes and triple quotes, ``//`` comments,
operators) to find every ``a.b.c`` path, its position, and the variables bound by macros
(``list.exists(x, …)``). It never raises: text it cannot read becomes an ``error`` token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|//[^\n]*)
  | (?P<string>(?:[rRbB]{1,2})?(?:\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''
        |"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))
  | (?P<number>0[xX][0-9a-fA-F]+[uU]?|\d+\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\d+[uU]?
        |\.\d+(?:[eE][+-]?\d+)?)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>&&|\|\||==|!=|<=|>=|[<>!?:+\-*/%.,()\[\]{}])
    """,
    re.VERBOSE,
)
KEYWORDS = frozenset({"true", "false", "null", "in"})
TYPE_NAMES = frozenset(
    {"int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type", "dyn"}
)
MACROS = frozenset({"all", "exists", "exists_one", "map", "filter"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``kind`` is ident, keyword, number, string, op or error; 1-based position."""

    kind: str
    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Path:
    """A dotted name the expression reads (``booking.one_way``), at its first token."""

    name: str
    line: int
    column: int


def tokenize(source: str) -> list[Token]:
    """The tokens of ``source`` without spaces and comments."""
    tokens: list[Token] = []
    pos, line, line_start = 0, 1, 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        kind = m.lastgroup if m else "error"
        text = m.group() if m else source[pos]
        if kind == "ident" and text in KEYWORDS:
            kind = "keyword"
        if kind != "space":
            tokens.append(Token(kind or "error", text, line, pos - line_start + 1))
        if "\n" in text:
            line += text.count("\n")
            line_start = pos + text.rindex("\n") + 1
        pos += len(text)
    return tokens


def _is_op(tokens: list[Token], i: int, text: str) -> bool:
    return 0 <= i < len(tokens) and tokens[i].kind == "op" and tokens[i].text == text


def bound_variables(tokens: list[Token]) -> frozenset[str]:
    """Names bound by comprehension macros: the ``x`` of ``.exists(x, …)``."""
    names = set()
    for i, t in enumerate(tokens):
        is_macro = t.kind == "ident" and t.text in MACROS and _is_op(tokens, i - 1, ".")
        shaped = _is_op(tokens, i + 1, "(") and _is_op(tokens, i + 3, ",")
        if is_macro and shaped and tokens[i + 2].kind == "ident":
            names.add(tokens[i + 2].text)
    return frozenset(names)


def _chain(tokens: list[Token], i: int) -> int:
    """Index past the dotted chain of identifiers starting at ``i``."""
    j = i + 1
    while _is_op(tokens, j, ".") and j + 1 < len(tokens) and tokens[j + 1].kind == "ident":
        j += 2
    return j


def field_paths(tokens: list[Token]) -> list[Path]:
    """Every dotted name read as data, in order. A call's name is left out (``size(x)``,
    ``x.startsWith(…)`` keeps ``x``); so are macro variables and type names (``int``)."""
    bound = bound_variables(tokens)
    paths: list[Path] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind != "ident" or _is_op(tokens, i - 1, "."):
            i += 1
            continue
        end = _chain(tokens, i)
        names = [tokens[k].text for k in range(i, end, 2)]
        if _is_op(tokens, end, "("):
            names = names[:-1]  # a function or method call
        root = names[0] if names else ""
        if names and root not in bound and not (len(names) == 1 and root in TYPE_NAMES):
            paths.append(Path(".".join(names), t.line, t.column))
        i = end
    return paths
