"""Can a rule fire on restricted fields alone? A reading of the expression's ``&&``/``||``/``!``.

The expression is parsed only as far as its boolean structure: ``a ? b : c``, ``||``, ``&&``,
``!`` and parentheses; anything else (a comparison, a call, a macro) is an *atom*, and an atom
is restricted when every field it reads is restricted. A rule can fire on restricted fields
alone when some way of making it true needs only restricted atoms: ``traveller.sex == "F" ||
booking.one_way == true`` can, ``traveller.sex == "F" && booking.one_way == true`` cannot.
Negation is followed by De Morgan's laws. This checks structure, not meaning: a tautology on
another field is for the rule's reviewer to catch.
"""

from __future__ import annotations

from dataclasses import dataclass

from preboard.rules.tokens import Token, field_paths

_OPEN = {"(": ")", "[": "]", "{": "}"}
_STOP = frozenset({"&&", "||", "?", ":", ")", "]", "}", ","})


@dataclass(frozen=True, slots=True)
class Node:
    """``op`` is ``and``, ``or``, ``not`` or ``atom`` (``a ? b : c`` becomes ``a && b || !a && c``);
    an atom keeps its tokens."""

    op: str
    children: tuple[Node, ...] = ()
    tokens: tuple[Token, ...] = ()


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def _peek(self) -> str | None:
        t = self.tokens[self.pos] if self.pos < len(self.tokens) else None
        return t.text if t is not None and t.kind == "op" else None

    def expr(self) -> Node:
        test = self._or()
        if self._peek() != "?":
            return test
        self.pos += 1
        then = self.expr()
        if self._peek() == ":":
            self.pos += 1
        other = self.expr()
        return Node("or", (Node("and", (test, then)), Node("and", (Node("not", (test,)), other))))

    def _or(self) -> Node:
        parts = [self._and()]
        while self._peek() == "||":
            self.pos += 1
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else Node("or", tuple(parts))

    def _and(self) -> Node:
        parts = [self._unary()]
        while self._peek() == "&&":
            self.pos += 1
            parts.append(self._unary())
        return parts[0] if len(parts) == 1 else Node("and", tuple(parts))

    def _unary(self) -> Node:
        if self._peek() == "!":
            self.pos += 1
            return Node("not", (self._unary(),))
        if self._peek() == "(":
            start = self.pos
            self.pos += 1
            inner = self.expr()
            if self._peek() == ")":
                self.pos += 1
            if self._peek() in _STOP or self.pos >= len(self.tokens):
                return inner
            self.pos = start  # ``(a + b) > 3``: the parentheses belong to an atom
        return self._atom()

    def _atom(self) -> Node:
        start, depth = self.pos, list[str]()
        while self.pos < len(self.tokens):
            text = self._peek()
            if not depth and text in _STOP and self.pos > start:
                break
            if text in _OPEN:
                depth.append(_OPEN[text])
            elif depth and text == depth[-1]:
                depth.pop()
            self.pos += 1
        return Node("atom", tokens=tuple(self.tokens[start : self.pos]))


def parse(tokens: list[Token]) -> Node:
    """The boolean structure of a tokenized expression (never raises)."""
    return _Parser(tokens).expr()


def fires_on_restricted_alone(
    node: Node, restricted: frozenset[str], *, negated: bool = False
) -> bool:
    """Whether ``node`` (or its negation) can be true through restricted atoms only."""
    if node.op == "atom":
        texts = [t.text for t in node.tokens]
        if texts in (["true"], ["false"]):  # a constant: true only one way round
            return (texts == ["true"]) != negated
        return all(p.name in restricted for p in field_paths(list(node.tokens)))
    if node.op == "not":
        return fires_on_restricted_alone(node.children[0], restricted, negated=not negated)
    results = (fires_on_restricted_alone(c, restricted, negated=negated) for c in node.children)
    either = (node.op == "or") != negated
    return any(results) if either else all(results)
