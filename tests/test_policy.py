"""medlint.policy.derived: what a family compiles from its check data is made once per data mapping."""

from medlint import policy
from medlint.checks import claims, safety
from medlint.registry import Context
import datetime as _dt


def test_derived_is_built_once_per_data_and_again_for_other_data():
    built = []

    def build(data, other):
        built.append((data, other))
        return object()

    a, b = {"x": 1}, {"y": 2}
    first = policy.derived(build, a, b)
    assert policy.derived(build, a, b) is first
    equal_copy = dict(a)  # equal but another mapping: the tables belong to the mapping they came from
    second = policy.derived(build, equal_copy, b)
    assert second is not first and len(built) == 2
    assert policy.derived(build, equal_copy, b) is second and len(built) == 2


def test_use_checks_dir_drops_what_was_derived(tmp_path):
    built = []
    data = {"x": 1}
    policy.derived(lambda d: built.append(d), data)
    assert policy._derived
    policy.use_checks_dir(None)
    assert not policy._derived


def test_families_share_one_compilation_per_run_context():
    ctx = Context(today=_dt.date(2026, 11, 24))
    other = Context(today=_dt.date(2026, 11, 25))  # another run context over the same data
    assert safety.tables(ctx) is safety.tables(other)
    assert claims._cues(ctx) is claims._cues(other)
    assert claims._disclaimer_wording(ctx) is claims._disclaimer_wording(other)


def test_a_context_with_its_own_data_gets_its_own_tables():
    ctx = Context(today=_dt.date(2026, 11, 24))
    own = dict(policy.load("claims"))
    mine = Context(today=ctx.today, data=lambda name: own if name == "claims" else policy.load(name))
    assert claims._cues(mine) is not claims._cues(ctx)
