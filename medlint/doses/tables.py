"""The pipe tables of a text: each data cell with the heading of its column."""

from __future__ import annotations

import bisect

from . import lexicon as _lexicon


def _rule_cell(cell: str) -> bool:
    """A cell of the |---| rule under a table's headings."""
    bare = cell.strip()
    return bare.count("-") >= 3 and not bare.strip(":-")


class _Tables:
    """The pipe tables of a text ("| Medicine | Dose | Max per day |"): each data cell with
    the heading of its column, read with the lexicon's ``table_headers``."""

    __slots__ = ("cells", "starts", "food", "breaks")

    def __init__(self, norm: str) -> None:
        self.cells: list[tuple[int, int, str]] = []  # (start, end, heading), in text order
        self.food: list[tuple[int, int]] = []
        self.breaks: list[tuple[int, int]] = []  # the blanks between rows: clause breaks
        if "|" in norm:
            self._read(norm)
        self.starts = [c[0] for c in self.cells]

    def _read(self, norm: str) -> None:
        """Cells between pipes, whether rows stand on lines of their own or were joined
        into one paragraph ("| a | b | | c | d |"): the |---| rule gives the number of
        columns, and the blank between two pipes after a full row is a row break."""
        nd = _lexicon.lexicon().not_doses
        pipes = [i for i, c in enumerate(norm) if c == "|"]
        segs = [(a + 1, b) for a, b in zip(pipes, pipes[1:])]
        k = 0
        while k < len(segs):
            rule = k
            while rule < len(segs) and _rule_cell(norm[segs[rule][0]:segs[rule][1]]):
                rule += 1
            n = rule - k
            if n == 0:
                k += 1
                continue
            header = [norm[a:b].strip() for a, b in segs[max(0, k - n - 1):k] if norm[a:b].strip()][-n:]
            k = self._rows(norm, segs, rule, header, nd)

    def _rows(self, norm: str, segs: list, k: int, header: list, nd) -> int:
        """Read the rows after a |---| rule ending at segment ``k``; the index where the table ends."""
        n = len(header)
        food = any(nd.serving.search(h) for h in header)
        first = segs[k][0] if k < len(segs) else len(norm)
        col = n  # at a row boundary
        while k < len(segs):
            a, b = segs[k]
            blank = not norm[a:b].strip()
            if col == n:
                if blank and "\n\n" not in norm[a:b]:
                    self.breaks.append((a, b))
                    col = 0
                    k += 1
                    continue
                break
            self.cells.append((a, b, header[col] if col < len(header) else ""))
            col += 1
            k += 1
        if food:
            self.food.append((first, segs[k - 1][1] if k else first))
        return k + 1

    def heading(self, pos: int) -> str | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and pos < self.cells[k][1]:
            return self.cells[k][2]
        return None

    def not_dose(self, pos: int) -> bool:
        if any(a <= pos < b for a, b in self.food):
            return True
        h = self.heading(pos)
        return h is not None and bool(_lexicon.lexicon().not_doses.header_not_dose.search(h))

    def per_day(self, pos: int) -> bool:
        h = self.heading(pos)
        nd = _lexicon.lexicon().not_doses
        return h is not None and bool(nd.header_per_day.search(h)) and not nd.header_limit.search(h)

    def limit_cells(self):
        """(start, end, heading) of every cell under a limit heading."""
        nd = _lexicon.lexicon().not_doses
        return [c for c in self.cells if nd.header_limit.search(c[2])]
