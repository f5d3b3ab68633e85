"""Structured dose expressions for medlint.

Importing this package is cheap: pint is only imported (and the shared unit
registry built) on first use of a quantity, see :func:`get_registry`.
"""

from .parser import (
    Amount,
    AmountEnd,
    DailyMax,
    Dose,
    Duration,
    Form,
    Frequency,
    Limit,
    Piece,
    Route,
    Span,
    Strength,
    UnitToken,
    column_row,
    find_quantities,
    may_hold_dose,
    normalize,
    parse_doses,
)
from .units import (
    DOSE_KINDS,
    convert,
    dimension_of,
    format_quantity,
    get_registry,
    lookup_spelling,
    parse_unit,
    pint_knows,
    quantity,
)

__all__ = [
    "Amount", "AmountEnd", "DailyMax", "Dose", "Duration", "Form", "Frequency", "Limit",
    "Piece", "Route", "Span", "Strength", "UnitToken", "column_row", "find_quantities", "may_hold_dose", "normalize",
    "parse_doses", "DOSE_KINDS", "convert", "dimension_of", "format_quantity",
    "get_registry", "lookup_spelling", "parse_unit", "pint_knows", "quantity",
]
