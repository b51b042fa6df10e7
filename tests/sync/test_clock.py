"""Hybrid logical clock (desktop_app/sync/clock.py), on a fake wall clock."""

from __future__ import annotations

import pytest

from desktop_app.sync.clock import (
    MAX_COUNTER,
    STAMP_CHARS,
    ZERO,
    HybridClock,
    Stamp,
    is_device_id,
    is_stamp,
    new_device_id,
    stamp_device,
    stamp_wall_ms,
)

DAY_MS = 86_400_000


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_stamps_follow_the_wall_clock_and_count_within_one_ms() -> None:
    wall = FakeWall(1_000)
    clock = HybridClock("0000000a", wall)
    first, second = clock.now(), clock.now()
    assert (first.wall, first.counter) == (1_000, 0)
    assert (second.wall, second.counter) == (1_000, 1)
    wall.ms = 1_005
    third = clock.now()
    assert (third.wall, third.counter) == (1_005, 0)
    assert first < second < third


def test_a_wall_clock_going_backwards_never_makes_an_older_stamp() -> None:
    wall = FakeWall(50_000)
    clock = HybridClock("0000000a", wall)
    before = clock.now()
    wall.ms = 10_000  # NTP stepped the clock back
    after = clock.now()
    assert after > before
    assert after.wall == 50_000


def test_observing_a_stamp_from_a_clock_a_day_ahead_puts_the_next_stamp_after_it() -> None:
    ahead = HybridClock("bbbbbbbb", FakeWall(DAY_MS + 5_000))
    behind = HybridClock("aaaaaaaa", FakeWall(5_000))
    their_edit = ahead.now()
    assert behind.now() < their_edit  # before seeing it, the slow computer loses
    behind.observe(str(their_edit))
    my_edit = behind.now()
    assert my_edit > their_edit  # after seeing it, its own next edit wins
    assert my_edit.wall == their_edit.wall and my_edit.counter == their_edit.counter + 1


def test_observing_an_older_stamp_or_zero_changes_nothing() -> None:
    clock = HybridClock("aaaaaaaa", FakeWall(9_000))
    clock.now()
    last = clock.last
    clock.observe(Stamp(1_000, 7, "bbbbbbbb"))
    clock.observe(ZERO)
    assert clock.last == last
    assert clock.now() == Stamp(9_000, 1, "aaaaaaaa")


def test_stamps_of_two_devices_never_tie_and_are_totally_ordered() -> None:
    wall = FakeWall(3_000)
    a, b = HybridClock("aaaaaaaa", wall), HybridClock("bbbbbbbb", wall)
    sa, sb = a.now(), b.now()
    assert sa != sb
    assert (sa < sb) != (sb < sa)
    assert sorted([sb, sa]) == [sa, sb]


def test_the_text_form_round_trips_and_sorts_like_the_stamp() -> None:
    stamps = [
        Stamp(0, 0, "00000000"),
        Stamp(1, 0, "ffffffff"),
        Stamp(1, 1, "00000000"),
        Stamp(255, 0, "0000000a"),
        Stamp(256, 0, "00000000"),
        Stamp(1_765_000_000_000, MAX_COUNTER, "12345678"),
    ]
    texts = [str(s) for s in stamps]
    assert all(len(t) == STAMP_CHARS and is_stamp(t) for t in texts)
    assert [Stamp.parse(t) for t in texts] == stamps
    assert sorted(texts) == [str(s) for s in sorted(stamps)]
    assert min(texts) > ZERO
    assert stamp_device(texts[-1]) == "12345678"
    assert stamp_wall_ms(texts[-1]) == 1_765_000_000_000
    assert stamp_wall_ms(ZERO) == 0


def test_the_counter_running_out_borrows_the_next_millisecond() -> None:
    clock = HybridClock("aaaaaaaa", FakeWall(1_000))
    clock.observe(Stamp(1_000, MAX_COUNTER, "bbbbbbbb"))
    stamp = clock.now()
    assert (stamp.wall, stamp.counter) == (1_001, 0)


@pytest.mark.parametrize("text", ["", "xyz", "0" * 25, "G" * 26, "0" * 18 + "ABCDEFGH", 7])
def test_damaged_stamp_text_is_refused(text: object) -> None:
    assert not is_stamp(text)
    with pytest.raises(ValueError):
        Stamp.parse(text)  # type: ignore[arg-type]


def test_device_ids_are_eight_hex_digits() -> None:
    made = {new_device_id() for _ in range(100)}
    assert len(made) == 100 and all(is_device_id(d) for d in made)
    for bad in ("", "ABCDEF01", "1234567", "123456789", None):
        assert not is_device_id(bad)
    with pytest.raises(ValueError):
        HybridClock("laptop")
