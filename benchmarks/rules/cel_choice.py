"""Which CEL library runs preboard's rules: ``common-expression-language`` or ``cel-python``?

    .venv/bin/pip install -e '.[bench]'          # cel-python is a bench extra
    .venv/bin/python benchmarks/rules/cel_choice.py [--contexts 10000] [--seed 7]

Measures, on the same machine and inputs:
- compile time of the four example rules (median of repeated compiles, per expression);
- evaluation of a realistic rule (R-FAC-003, six conditions with null guards) over N synthetic
  contexts built by ``preboard.rules.context.build_context`` from model objects; cel-python
  needs each context converted to its own types first, which is timed apart and in the total;
- both libraries agree on which contexts fire;
- error reporting: a syntax error on line 2 of a multi-line expression (line and column?), and
  the message of an evaluation error on a missing value.
Synthetic data only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import time
from collections.abc import Callable
from typing import Any

import cel
import celpy

from preboard.model import (
    Booking,
    Flight,
    ItinerarySegment,
    Leg,
    PartialDate,
    Payment,
    PaymentMethod,
    Role,
    TravelDocument,
    Traveller,
)
from preboard.rules.context import build_context

RULES = {
    "R-FAC-001": 'booking.one_way == true && "cash" in booking.payment_methods'
    " && booking.days_before_departure != null"
    " && booking.days_before_departure >= 0 && booking.days_before_departure <= 3",
    "R-FAC-002": "booking.contacts_shared_with_bookings != null"
    " && booking.contacts_shared_with_bookings >= 5",
    "R-FAC-003": "booking.paid_by_traveller == false && booking.one_way == true"
    " && booking.via_agency == true && booking.days_before_departure != null"
    " && booking.days_before_departure >= 0 && booking.days_before_departure <= 7",
    "R-DOC-001": "document.days_since_issue != null && document.days_since_issue >= 0"
    " && document.days_since_issue <= 30 && booking.one_way == true",
}
RULE = RULES["R-FAC-003"]
BROKEN = "booking.one_way == true\n  && booking.days_before_departure <= )"
DAY = dt.date(2026, 11, 20)


def _booking(rng: random.Random, flight: Flight, t: Traveller) -> Booking:
    departs = flight.departure or dt.datetime(2026, 11, 20, 10, 0)
    segs = [ItinerarySegment("XX", "100", "CUN", "IAH", departs)]
    if rng.random() < 0.7:
        back = departs + dt.timedelta(days=rng.randint(2, 20))
        segs.append(ItinerarySegment("XX", "101", "IAH", "CUN", back))
    method = rng.choice([PaymentMethod.CARD] * 8 + [PaymentMethod.CASH, PaymentMethod.MISC])
    payer = rng.choice([t.surname, "THIRD PARTY", None])
    return Booking(
        record_locator=f"R{rng.randrange(10**6):06d}",
        carrier="XX",
        booked_at=departs - dt.timedelta(days=rng.randint(0, 90)),
        agency=rng.choice([None, "XX WEB", "1A 86512345 CUNVC2107"]),
        payments=(Payment(method, payer=payer),),
        travellers=(t,),
        itinerary=tuple(segs),
    )


Inputs = tuple[Traveller, Booking | None, Flight, int]


def make_inputs(n: int, seed: int) -> list[Inputs]:
    """``n`` synthetic travellers on one flight: 90% with a booking, some sharing contacts."""
    rng = random.Random(seed)
    flight = Flight("XX", "100", (Leg("CUN", "IAH", dt.datetime(2026, 11, 20, 10, 0)),))
    inputs = []
    for i in range(n):
        issued = DAY - dt.timedelta(days=rng.randint(0, 3000))
        doc = TravelDocument("P", f"X{i:08d}", "UTO", issued, issued + dt.timedelta(days=3650))
        t = Traveller(Role.PASSENGER, f"SURNAME{i}", "GIVEN", PartialDate(1980, 5, 17),
                      documents=(doc,))  # fmt: skip
        booking = _booking(rng, flight, t) if rng.random() < 0.9 else None
        inputs.append((t, booking, flight, rng.choice([0] * 20 + [1, 2, 6])))
    return inputs


def make_contexts(inputs: list[Inputs]) -> list[dict[str, Any]]:
    return [build_context(t, b, f, shared_contacts=n, on=DAY) for t, b, f, n in inputs]


def timed(fn: Callable[[], list[Any]], repeat: int = 5) -> tuple[float, list[Any]]:
    """Median seconds of ``repeat`` runs of ``fn``, and the result of the last run."""
    times, result = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def compile_times(repeat: int = 200) -> tuple[float, float]:
    env = celpy.Environment()
    sources = [src for src in RULES.values() for _ in range(repeat)]
    rust, _ = timed(lambda: [cel.compile(src) for src in sources])
    py, _ = timed(lambda: [env.program(env.compile(src)) for src in sources])
    return rust / len(sources) * 1e6, py / len(sources) * 1e6


def _py_evaluate(runner: Any, activation: dict[str, Any]) -> Any:
    try:
        return runner.evaluate(activation)
    except celpy.CELEvalError as err:  # cel-python: ``1 != null`` has no overload
        return err


def prune(contexts: list[dict[str, Any]], fields: list[str]) -> list[dict[str, Any]]:
    """Only the fields the rule reads, as ``preboard.rules.engine`` passes them."""
    pairs = [f.split(".", 1) for f in fields]
    return [{s: {k: c[s][k] for t, k in pairs if t == s} for s, _ in pairs} for c in contexts]


def evaluation(contexts: list[dict[str, Any]], label: str) -> None:
    program = cel.compile(RULE)
    env = celpy.Environment()
    runner = env.program(env.compile(RULE))
    rust, rust_hits = timed(lambda: [program.execute(c) for c in contexts])
    convert, converted = timed(
        lambda: [{k: celpy.json_to_cel(v) for k, v in c.items()} for c in contexts]
    )
    py, py_hits = timed(lambda: [_py_evaluate(runner, a) for a in converted], 3)
    n = len(contexts)
    fired = [h is True for h in rust_hits]
    errors = sum(isinstance(h, Exception) for h in py_hits)
    agree = fired == [h is True for h in py_hits]
    print(f"evaluate R-FAC-003 over {n:,} {label} ({sum(fired)} fire; libraries agree: {agree})")
    if errors:
        first = next(str(h) for h in py_hits if isinstance(h, Exception))
        print(f"  cel-python raised on {errors:,} contexts (not CEL-spec): {first[:90]}…")
    print(f"  cel (Rust)        {rust:8.3f} s   {rust / n * 1e6:7.1f} µs per context")
    print(f"  cel-python        {py:8.3f} s   {py / n * 1e6:7.1f} µs per context")
    print(f"  + conversion      {convert:8.3f} s   (json_to_cel, needed by cel-python only)")
    ratio = f"{(py + convert) / rust:8.1f}x with conversion, {py / rust:.1f}x without"
    print(f"  ratio             {ratio}")


def error_reports() -> None:
    print("syntax error on line 2 of a two-line expression:")
    try:
        cel.compile(BROKEN)
    except ValueError as err:
        where = re.search(r"<input>:(\d+):(\d+)", str(err))
        pos = f"line {where[1]}, column {where[2]}" if where else "no position"
        print(f"  cel        {pos}: {str(err).splitlines()[0][:110]}…")
    try:
        celpy.Environment().compile(BROKEN)
    except celpy.CELParseError as err:
        print(f"  cel-python line {err.line}, column {err.column}: {str(err).strip()!r}")
    missing = {"booking": {"one_way": True}}
    print("evaluation error, booking.days_before_departure missing:")
    try:
        cel.compile(RULES["R-FAC-001"].replace(" != null", " != 99")).execute(
            {"booking": {"one_way": True, "payment_methods": ["cash"]}}
        )
    except Exception as err:
        print(f"  cel        {type(err).__name__}: {str(err)[:110]}")
    try:
        env = celpy.Environment()
        ctx = {"booking": celpy.json_to_cel({**missing["booking"], "payment_methods": ["cash"]})}
        env.program(env.compile(RULES["R-FAC-001"].replace(" != null", " != 99"))).evaluate(ctx)
    except Exception as err:
        print(f"  cel-python {type(err).__name__}: {str(err)[:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contexts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    inputs = make_inputs(args.contexts, args.seed)
    built, contexts = timed(lambda: make_contexts(inputs), 3)
    print(f"build_context: {len(contexts):,} contexts in {built:.3f} s (median of 3)")
    rust_us, py_us = compile_times()
    print(f"compile (median, per expression): cel {rust_us:.1f} µs, cel-python {py_us:.1f} µs "
          f"({py_us / rust_us:.0f}x)")  # fmt: skip
    evaluation(contexts, "full contexts (26 fields)")
    read = ["booking.paid_by_traveller", "booking.one_way", "booking.via_agency",
            "booking.days_before_departure"]  # fmt: skip
    evaluation(prune(contexts, read), "contexts pruned to the 4 fields read")
    error_reports()


if __name__ == "__main__":
    main()
