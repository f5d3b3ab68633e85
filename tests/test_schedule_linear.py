"""The schedule reader's patterns (built from checks/schedule.yaml's words) stay linear in the
text, measured as tests/test_linear_time.py measures the data and module patterns; and the
whole DOS010 check on a pathological item stays linear too."""

import pytest

from medlint.doses.schedule import reader
from test_linear_time import GROWTH, LIMIT_S, NOISE_S, _check_time, _time, pathological, pathological_item

PATTERNS = reader().patterns()


def test_the_patterns_are_found():
    assert len(PATTERNS) >= 20


@pytest.mark.parametrize("rx", PATTERNS, ids=[f"schedule:{p.pattern[:40]}" for p in PATTERNS])
def test_schedule_pattern_time_is_linear_in_the_text(rx):
    words = "every other day once a week methotrexate 10 mg daily 15 mg/kg weighing 10 to 20 kg od "
    for shape in (rx.pattern, words):
        big = _time(rx, pathological(100_000, shape))
        assert big < LIMIT_S, f"{big:.2f} s on 100,000 characters"
        if big > NOISE_S:
            small = min(_time(rx, pathological(10_000, shape)) for _ in range(3))
            assert big <= GROWTH * max(small, NOISE_S / 10), f"{small * 1000:.1f} ms, then {big * 1000:.1f} ms"


def test_dos010_on_a_pathological_item_is_linear(tmp_path):
    units = ["Methotrexate 10 mg daily. ", "every other day ", "1 ", "once a week; ", "Fosamax 70 mg od "]
    _check_time(tmp_path, pathological_item(2_000, units), "warm-up")
    small = min(_check_time(tmp_path, pathological_item(2_000, units), f"s{i}") for i in range(2))
    big = _check_time(tmp_path, pathological_item(20_000, units), "big")
    assert big < 3.0 and big <= GROWTH * max(small, 0.01), f"{small:.2f} s, then {big:.2f} s"
