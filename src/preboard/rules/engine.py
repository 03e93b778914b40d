"""Running rules: compile each rule once, evaluate it on a traveller's context, explain a hit.

Why ``common-expression-language`` (module ``cel``, Rust core) and not ``cel-python``
(``celpy``): measured by ``benchmarks/rules/cel_choice.py`` (four runs on a shared 2-core Xeon,
2026-12-01), ``cel`` compiles a rule 11-21x faster (0.07-0.18 ms against 1.1-1.9 ms) and
evaluates a realistic six-condition rule over 10,000 full contexts 9-15x faster (0.11-0.13 ms
against 1.1-1.7 ms per traveller); on the contexts this engine passes, pruned to the fields the
rule reads, the gap is 70-110x (11-16 µs against 1.1 ms), so a full flight is screened against
many rules well within the seconds the job allows. ``cel`` also follows the CEL specification
where cel-python 0.5 does not: ``x != null`` on an int is simply true in ``cel`` but a
no-overload error in cel-python, which would turn every null guard into an error. Both give a
syntax error's line and column; ``cel`` gives no syntax tree, so the linter reads field paths
with its own small tokenizer (``preboard.rules.tokens``).

Evaluation never raises for one traveller's data: an error (an unknown value compared, a
result that is not a boolean) is an ``Evaluation`` with a ``problem``, not a finding.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import cel
import structlog

from preboard.model.findings import Finding, FindingKind
from preboard.rules.lint import fields_read, refusals
from preboard.rules.model import Rule, RuleError
from preboard.rules.syntax import compile_expression

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule version with its compiled program and the fields it reads."""

    rule: Rule
    program: cel.Program
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One rule on one traveller: ``fired`` with a ``finding``, or a ``problem`` when the rule
    could not be evaluated (neither fired nor cleared)."""

    rule_id: str
    version: int
    fired: bool
    finding: Finding | None = None
    problem: str | None = None


def compile_rule(rule: Rule) -> CompiledRule:
    """Compile a rule once; raises ``RuleError`` when the linter refuses it."""
    issues = refusals(rule)
    if issues:
        reasons = "; ".join(map(str, issues))
        raise RuleError(f"rule {rule.id} v{rule.version} refused: {reasons}", issues)
    return CompiledRule(rule, compile_expression(rule.expression), fields_read(rule.expression))


def format_value(value: Any) -> str:
    """A context value as CEL writes it: ``true``, ``null``, ``"cash"``, ``["CUN", "MEX"]``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _view(context: Mapping[str, Mapping[str, Any]], fields: tuple[str, ...]) -> dict[str, Any]:
    """Only the fields the rule reads (passing less to CEL is most of its speed)."""
    view: dict[str, dict[str, Any]] = {}
    for name in fields:
        section, key = name.split(".", 1)
        values = context.get(section, {})
        if key in values:
            view.setdefault(section, {})[key] = values[key]
    return view


def _values(view: dict[str, Any], fields: tuple[str, ...]) -> list[tuple[str, Any]]:
    pairs = []
    for name in fields:
        section, key = name.split(".", 1)
        pairs.append((name, view.get(section, {}).get(key)))
    return pairs


def explain(rule: Rule, values: list[tuple[str, Any]]) -> str:
    """The officer's explanation: title, purpose, and the values of the fields read."""
    shown = "; ".join(f"{name} = {format_value(v)}" for name, v in values)
    title = rule.title.rstrip(".")
    return f"{title}. {rule.purpose} Values read: {shown}."


def _problem(compiled: CompiledRule, view: dict[str, Any], err: Exception) -> str:
    """Why a rule could not be evaluated, naming the fields that were unknown (null or absent)."""
    unknown = [name for name, v in _values(view, compiled.fields) if v is None]
    reason = str(err).splitlines()[0][:160] if str(err) else type(err).__name__
    problem = f"not evaluated ({type(err).__name__}: {reason})"
    return problem + (f"; unknown: {', '.join(unknown)}" if unknown else "")


def evaluate(compiled: CompiledRule, context: Mapping[str, Mapping[str, Any]]) -> Evaluation:
    """Evaluate one compiled rule on one context (as ``build_context`` makes it)."""
    rule = compiled.rule
    view = _view(context, compiled.fields)
    try:
        result = compiled.program.execute(view)
    except Exception as err:  # one traveller's data must never stop the run
        log.debug(
            "rules.not_evaluated", rule=rule.id, version=rule.version, error=type(err).__name__
        )
        return Evaluation(rule.id, rule.version, False, problem=_problem(compiled, view, err))
    if not isinstance(result, bool):
        problem = f"gave {format_value(result)}, not true or false"
        return Evaluation(rule.id, rule.version, False, problem=problem)
    if not result:
        return Evaluation(rule.id, rule.version, False)
    values = _values(view, compiled.fields)
    finding = Finding(
        kind=FindingKind.RULE,
        code=f"rule.{rule.id}",
        severity=rule.severity,
        score=rule.weight,
        explanation=explain(rule, values),
        source=rule.source,
        detail=tuple((name, format_value(v)) for name, v in values),
    )
    return Evaluation(rule.id, rule.version, True, finding)


def evaluate_all(
    rules: Iterable[CompiledRule], context: Mapping[str, Mapping[str, Any]]
) -> tuple[Evaluation, ...]:
    """Every rule on one context, in order."""
    return tuple(evaluate(rule, context) for rule in rules)
