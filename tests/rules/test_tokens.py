"""The CEL tokenizer and the field paths an expression reads."""

from __future__ import annotations

from preboard.rules.tokens import bound_variables, field_paths, tokenize


def paths(source: str) -> list[str]:
    return [p.name for p in field_paths(tokenize(source))]


def test_dotted_paths_and_their_positions() -> None:
    found = field_paths(tokenize('booking.one_way == true\n  && "cash" in booking.payment_methods'))
    assert [(p.name, p.line, p.column) for p in found] == [
        ("booking.one_way", 1, 1),
        ("booking.payment_methods", 2, 16),
    ]


def test_calls_methods_macros_and_type_names_are_not_fields() -> None:
    source = (
        "has(booking.agency) && booking.agency.startsWith('1A')"
        " && size(route.transit_points) > 0 && type(booking.bags) == int"
        ' && route.transit_points.exists(p, p == "MEX")'
    )
    assert paths(source) == [
        "booking.agency",
        "booking.agency",
        "route.transit_points",
        "booking.bags",
        "route.transit_points",
    ]
    assert bound_variables(tokenize(source)) == {"p"}


def test_strings_and_comments_hide_their_contents() -> None:
    source = (
        "// traveller.sex in a comment\n"
        "booking.agency == \"traveller.sex\" && r\"a.b\" != '''x.y'''"
    )
    assert paths(source) == ["booking.agency"]


def test_numbers_and_unknown_characters() -> None:
    kinds = [t.kind for t in tokenize("1.5e3 + 0x1F + 3u + .5 # x")]
    assert kinds == ["number", "op", "number", "op", "number", "op", "number", "error", "ident"]


def test_index_access_reads_the_whole_map() -> None:
    assert paths('booking["agency"] == "X"') == ["booking"]
