"""Pre-determined criteria (rules): CEL expressions over a documented context, versioned in
YAML files, linted before they run, evaluated into findings, and back-tested on history.

    files     one YAML file per rule, all its versions in it (``files.py`` shows the format)
    context   the schema of fields a rule may read (``CONTEXT_VERSION``) and ``build_context``
    lint      refuses unusable or unlawful rules; holds back rules past review or not in force
    engine    compiles once, evaluates per traveller, explains hits as ``Finding``s
    backtest  flagged per day, share flagged, confirmed-hit rate against officers' decisions

``examples/`` holds the facilitation indicators shipped with preboard (``EXAMPLES``).
"""

from pathlib import Path

from preboard.rules.backtest import BacktestResult, DayStats, backtest
from preboard.rules.context import CONTEXT_VERSION, SCHEMA, ContextField, build_context
from preboard.rules.decisions import Decision, DecisionKey, read_decisions
from preboard.rules.engine import CompiledRule, Evaluation, compile_rule, evaluate
from preboard.rules.files import current_rule, load_rule_file, rule_history
from preboard.rules.lint import LintResult, LintStatus, lint_directory, lint_file, runnable
from preboard.rules.model import Issue, Rule, RuleError, RuleHistory

EXAMPLES = Path(__file__).resolve().parent / "examples"

__all__ = [
    "CONTEXT_VERSION",
    "EXAMPLES",
    "SCHEMA",
    "BacktestResult",
    "CompiledRule",
    "ContextField",
    "DayStats",
    "Decision",
    "DecisionKey",
    "Evaluation",
    "Issue",
    "LintResult",
    "LintStatus",
    "Rule",
    "RuleError",
    "RuleHistory",
    "backtest",
    "build_context",
    "compile_rule",
    "current_rule",
    "evaluate",
    "lint_directory",
    "lint_file",
    "load_rule_file",
    "read_decisions",
    "rule_history",
    "runnable",
]
