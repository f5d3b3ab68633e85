"""The base of the dose reader's immutable values (equality, hashing, repr, pickling by field)."""

from __future__ import annotations



Span = tuple[int, int]


# data model
#
# The parser's results are small immutable values. They are plain classes with
# ``__slots__`` and a written-out ``__init__`` rather than frozen dataclasses:
# a frozen dataclass ``exec``s six generated methods when its module is
# imported (~0.45 ms each class, ~7 ms for this module, ~2.5% of the
# pre-commit hook on a long article), while these come from byte code.
# :class:`_Value` gives them what ``@dataclass(frozen=True)`` gave: equality
# and hashing by field values, a readable repr, assignment refused, pickling.

_set = object.__setattr__


class _Value:
    """Base of the parser's value types: the fields are the class's ``__slots__``,
    in the order of its ``__init__`` parameters."""

    __slots__ = ()

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self.__slots__])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({args})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{self.__class__.__name__} is immutable: cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{self.__class__.__name__} is immutable: cannot delete field {name!r}")

    def __reduce__(self):
        return (self.__class__, self._values())


_UNSET = object()
