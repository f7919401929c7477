# SPDX-License-Identifier: MIT
"""Fuzzy time on its own."""
import datetime
import pickle

import pytest

import relations
from relations import BoundKind, Time, TimeMod


def test_start_of_october_1980():
    t = Time("START 1980-10")
    assert t.describe() == "early October 1980"
    assert str(t) == t.format() == "START 1980-10"
    assert t.mod == TimeMod.START and not t.is_relative
    d = t.bounds.dates()
    assert d.strict_lo == datetime.date(1980, 10, 1) and d.fuzzy_lo == datetime.date(1980, 10, 1)
    assert d.strict_lo <= d.strict_hi <= d.fuzzy_hi
    assert t.bounds.lo_kind == t.bounds.hi_kind == BoundKind.DAY
    assert repr(t) == "<Time START 1980-10: early October 1980>"


def test_day_numbers():
    assert relations.day_from_date(1970, 1, 1) == 0
    assert relations.day_from_date(1980, 10, 1) == Time("1980-10").bounds.strict_lo
    assert relations.date_from_day(-1) == (1969, 12, 31)
    assert relations.day_to_date(0) == datetime.date(1970, 1, 1)
    assert relations.date_from_day(Time("-0056").bounds.strict_lo) == (-56, 1, 1)  # 57 BCE
    with pytest.raises(ValueError):
        Time("-0056").bounds.dates()
    with pytest.raises(relations.RangeError):
        relations.day_from_date(1985, 2, 30)


def test_decade_interval_and_open_bounds():
    assert Time("198X").describe() == "the 1980s"
    b = Time("../1990").bounds
    assert b.lo_kind == BoundKind.OPEN and b.strict_lo is None and b.hi_kind == BoundKind.DAY
    assert Time("1971/1972").bounds.dates().strict_hi == datetime.date(1972, 12, 31)


def test_relative_times_need_an_anchor():
    t = Time("MORE_THAN -P1600Y")
    assert t.is_relative and t.mod == TimeMod.MORE_THAN
    assert t.bounds.lo_kind == t.bounds.hi_kind == BoundKind.UNKNOWN
    anchored = Time("MORE_THAN -P1600Y @2020")
    assert anchored.bounds.hi_kind == BoundKind.DAY and anchored.bounds.dates().strict_hi.year < 2020 - 1599


def test_fuzzy_bounds_widen_uncertain_dates():
    exact, approx = Time("1980").bounds, Time("1980~").bounds
    assert approx.fuzzy_lo < exact.fuzzy_lo and approx.fuzzy_hi > exact.fuzzy_hi
    assert approx.strict_lo == exact.strict_lo


def test_compare_equal_hash_and_sort():
    a, b, c = Time("1979"), Time("START 1980-10"), Time("1980-10-01/1980-10-10")
    assert a < b and b > a and sorted([b, a]) == [a, b]
    assert Time("1980-10") == Time("1980-10") and hash(Time("1980-10")) == hash(Time("1980-10"))
    assert b.overlaps(c) and not a.overlaps(b)
    assert b.in_window(datetime.date(1980, 9, 1), datetime.date(1980, 11, 30))
    assert not b.in_window(datetime.date(1980, 10, 1), datetime.date(1980, 10, 5))
    assert b.in_window(datetime.date(1980, 10, 1), datetime.date(1980, 10, 5), possible=True)


def test_syntax_and_range_errors():
    with pytest.raises(relations.ParseError) as e:
        Time("around 1980")
    assert e.value.status == relations.Status.ERR_SYNTAX and e.value.status_name == "syntax error"
    with pytest.raises(relations.RangeError) as e:
        Time("1985-02-30")
    assert e.value.offset > 0
    with pytest.raises(relations.ParseError):
        Time("1980\u20131981")  # the grammar is ASCII


def test_close_copy_context_manager_and_pickle():
    t = Time.parse("1980-10")
    u = t.copy()
    with t:
        assert not t.closed
    assert t.closed and "closed" in repr(t)
    with pytest.raises(relations.ClosedError):
        t.describe()
    t.close()  # twice is fine
    assert pickle.loads(pickle.dumps(u)) == u


def test_event_time_is_an_owned_copy():
    kb = relations.KnowledgeBase.builtin()
    t = kb.events["iranian-revolution"].time
    kb.close()
    assert str(t) == "1979" and t.words == "1979" and t.bounds.dates().strict_lo == datetime.date(1979, 1, 1)
