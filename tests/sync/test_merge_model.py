"""Model test of the merge (issue 21): 3-5 simulated computers with clocks up to a day apart make
random changes (add, edit a field, delete, use a HOTP code, reorder) and write their state to a
simulated folder; states are delivered in random order, old ones again (the engines' conflict
copies). After a full exchange:

- every computer holds the same entries (values, stamps, history) and the same deletions;
- for every stamp key of every account, the value is the one of the newest edit (by stamp), and a
  HOTP counter is the highest ever set;
- no edit is lost: a value an edit set that is not the value now is in the account's history,
  unless a later edit was made by someone who had seen that value (on screen: it was the value
  replaced, or it was an earlier edit of the same computer);
- a deleted account keeps all of that in its tombstone, for restore.

``MAX_EXAMPLES`` bounds the run time (about 10-20 s on the loaded CI machine).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from desktop_app.otp.model import HISTORY_LIMIT, Entry, Icon, OtpType
from desktop_app.sync.clock import HybridClock, stamp_device
from desktop_app.sync.merge import VaultState, delete, merge

MAX_EXAMPLES = 60
STEPS = 50
DAY_MS = 86_400_000
T0 = 1_765_000_000_000
VAULT = "model-vault"
SECRETS = ("JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ", "MFRGGZDFMZTWQ2LK")
ICONS = (None, Icon("image/png", b"one"), Icon("image/png", b"two"))
TEXT = st.sampled_from(["", "a", "b", "c"])
MAX_ACCOUNTS = 4  # few accounts, so computers often edit the same one at once


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


@dataclass(frozen=True)
class Edit:
    uuid: str
    key: str
    stamp: str
    value: str  # canonical JSON of the value


class SimComputer:
    def __init__(self, index: int, skew_ms: int, world: MergeModel) -> None:
        self.device = f"{index + 1:08x}"
        self.skew_ms = skew_ms
        self.world = world
        self.clock = HybridClock(self.device, lambda: self.world.now_ms + self.skew_ms)
        self.state = VaultState(VAULT, {})
        self.base: VaultState | None = None

    def put(self, entry: Entry, previous: Entry | None) -> None:
        stamped = entry.stamped(previous, self.clock.stamp())
        self.world.record(self.device, previous, stamped)
        entries = {**self.state.entries, entry.uuid: stamped}
        self.state = VaultState(VAULT, entries, self.state.tombstones, self.state.devices)

    def receive(self, theirs: VaultState) -> None:
        self.clock.observe(theirs.max_stamp())
        self.state, report = merge(self.base, self.state, theirs, device=self.device)
        self.base = self.state
        if report.conflicts:
            self.world.conflicts += 1


class MergeModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now_ms = T0
        self.computers: list[SimComputer] = []
        self.folder: list[VaultState] = []  # every state ever written, oldest first
        self.edits: list[Edit] = []
        #: (uuid, key, value) replaced by someone who saw that value
        self.known: set[tuple[str, str, str]] = set()
        self.counters: dict[str, int] = {}
        self.made = 0
        self.conflicts = 0

    # --- bookkeeping --------------------------------------------------------------------

    def record(self, device: str, previous: Entry | None, entry: Entry) -> None:
        keys = (
            entry.stamp_keys()
            if previous is None
            else dict.fromkeys([*entry.stamp_keys(), *previous.stamp_keys()])
        )
        for key in keys:
            if previous is not None and entry.value_of(key) == previous.value_of(key):
                continue
            stamp = entry.stamp_of(key)
            if previous is not None:
                # the value this edit replaced was seen: whoever else had set it too
                self.known.add((entry.uuid, key, canonical(previous.json_of(key))))
                for e in self.edits:  # a device has seen its own earlier edits
                    if (e.uuid, e.key) == (entry.uuid, key) and stamp_device(e.stamp) == device:
                        self.known.add((e.uuid, e.key, e.value))
            self.edits.append(Edit(entry.uuid, key, stamp, canonical(entry.json_of(key))))
        if entry.type is OtpType.HOTP:
            self.counters[entry.uuid] = max(self.counters.get(entry.uuid, 0), entry.counter)

    def publish(self, c: SimComputer) -> None:
        self.folder.append(c.state)

    # --- set-up and operations -----------------------------------------------------------

    @initialize(
        skews=st.lists(st.integers(-DAY_MS, DAY_MS), min_size=3, max_size=5),
        hotp=st.lists(st.booleans(), min_size=1, max_size=MAX_ACCOUNTS - 1),
    )
    def make_computers(self, skews: list[int], hotp: list[bool]) -> None:
        """The computers, already sharing a few accounts made on the first one."""
        self.computers = [SimComputer(i, skew, self) for i, skew in enumerate(skews)]
        first = self.computers[0]
        for is_hotp in hotp:
            self.made += 1
            entry = Entry(
                secret=SECRETS[0],
                type=OtpType.HOTP if is_hotp else OtpType.TOTP,
                order=self.made,
                uuid=f"u-{self.made}",
                created=self.now_ms / 1000,
            )
            first.put(entry, None)
        self.publish(first)
        for c in self.computers[1:]:
            c.receive(first.state)

    def pick(self, data: st.DataObject) -> SimComputer:
        return data.draw(st.sampled_from(self.computers))

    def pick_entry(self, data: st.DataObject, c: SimComputer) -> Entry | None:
        if not c.state.entries:
            return None
        return data.draw(st.sampled_from(sorted(c.state.entries.values(), key=lambda e: e.uuid)))

    @rule(ms=st.integers(0, 600_000))
    def time_passes(self, ms: int) -> None:
        self.now_ms += ms

    @precondition(lambda self: self.made < MAX_ACCOUNTS)
    @rule(data=st.data(), hotp=st.booleans(), issuer=TEXT)
    def add(self, data: st.DataObject, hotp: bool, issuer: str) -> None:
        c = self.pick(data)
        self.made += 1
        entry = Entry(
            secret=SECRETS[0],
            issuer=issuer,
            type=OtpType.HOTP if hotp else OtpType.TOTP,
            order=len(c.state.entries),
            uuid=f"u-{self.made}",
            created=self.now_ms / 1000,
        )
        c.put(entry, None)
        self.publish(c)

    @rule(
        data=st.data(),
        which=st.sampled_from(["name", "name", "note", "meta", "otp", "icon", "group"]),
        text=TEXT,
        choice=st.integers(0, 2),
    )
    def edit(self, data: st.DataObject, which: str, text: str, choice: int) -> None:
        c = self.pick(data)
        entry = self.pick_entry(data, c)
        if entry is None:
            return
        if which == "icon":
            changes: dict[str, Any] = {"icon": ICONS[choice]}
        elif which == "meta":
            meta = dict(entry.meta)
            key = ("emnify.state", "x", "y")[choice]
            if text:
                meta[key] = text
            else:
                meta.pop(key, None)
            changes = {"meta": meta}
        elif which == "otp":
            changes = {"secret": SECRETS[choice], "digits": 6 + choice}
        else:
            changes = {which: text}
        new = entry.with_changes(**changes)
        if new != entry:
            c.put(new, entry)
            self.publish(c)

    @rule(data=st.data(), text=TEXT)
    def rename(self, data: st.DataObject, text: str) -> None:
        """The most common edit, and the likeliest to meet another computer's."""
        self.edit(data, "name", text, 0)

    @rule(
        data=st.data(),
        which=st.sampled_from(["name", "note", "meta", "otp", "icon", "hotp", "delete"]),
        uuid=st.integers(1, MAX_ACCOUNTS),
    )
    def meanwhile_on_several_computers(self, data: st.DataObject, which: str, uuid: int) -> None:
        """Several computers change the same account before they hear of each other."""
        for c in data.draw(st.lists(st.sampled_from(self.computers), min_size=2, unique=True)):
            entry = c.state.entries.get(f"u-{uuid}")
            if entry is None:
                continue
            if which == "delete":
                c.state = delete(c.state, [entry.uuid], c.clock.stamp())
            elif which == "hotp":
                if entry.type is OtpType.HOTP:
                    step = data.draw(st.integers(1, 3))
                    c.put(entry.with_changes(counter=entry.counter + step), entry)
            else:
                text = data.draw(TEXT)
                choice = data.draw(st.integers(0, 2))
                if which == "icon":
                    new = entry.with_changes(icon=ICONS[choice])
                elif which == "meta":
                    new = entry.with_changes(meta={"x": text} if text else {})
                elif which == "otp":
                    new = entry.with_changes(secret=SECRETS[choice], digits=6 + choice)
                else:
                    new = entry.with_changes(**{which: text + c.device[-1]})
                if new != entry:
                    c.put(new, entry)
            self.publish(c)

    @rule(data=st.data())
    def use_hotp_code(self, data: st.DataObject) -> None:
        c = self.pick(data)
        entry = self.pick_entry(data, c)
        if entry is None or entry.type is not OtpType.HOTP:
            return
        c.put(entry.with_changes(counter=entry.counter + 1), entry)
        self.publish(c)

    @rule(data=st.data())
    def reorder(self, data: st.DataObject) -> None:
        c = self.pick(data)
        entries = sorted(c.state.entries.values(), key=lambda e: e.uuid)
        if len(entries) < 2:
            return
        order = data.draw(st.permutations(range(len(entries))))
        for entry, position in zip(entries, order, strict=True):
            if entry.order != position:
                c.put(entry.with_changes(order=position), c.state.entries[entry.uuid])
        self.publish(c)

    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        c = self.pick(data)
        entry = self.pick_entry(data, c)
        if entry is None:
            return
        c.state = delete(c.state, [entry.uuid], c.clock.stamp())
        self.publish(c)

    @precondition(lambda self: bool(self.folder))
    @rule(data=st.data(), newest=st.booleans())
    def deliver(self, data: st.DataObject, newest: bool) -> None:
        """A state from the folder reaches a computer: mostly a recent one, sometimes any older
        one again (a conflict copy, or an engine delivering late)."""
        c = self.pick(data)
        if newest:
            index = data.draw(st.integers(max(0, len(self.folder) - 3), len(self.folder) - 1))
        else:
            index = data.draw(st.integers(0, len(self.folder) - 1))
        c.receive(self.folder[index])
        self.publish(c)

    @precondition(lambda self: bool(self.folder))
    @rule(data=st.data())
    def everyone_receives(self, data: st.DataObject) -> None:
        """One computer's state reaches all the others (a quiet moment of the engine)."""
        c = self.pick(data)
        for other in self.computers:
            if other is not c:
                other.receive(c.state)
                self.publish(other)

    @invariant()
    def no_counter_goes_back(self) -> None:
        for c in self.computers:
            for u, e in c.state.entries.items():
                if e.type is OtpType.HOTP:
                    assert e.counter >= 0 and u in self.counters

    # --- the end: full exchange, then the properties ------------------------------------------

    def teardown(self) -> None:
        if not self.computers:
            return
        for _round in range(12):
            before = [c.state for c in self.computers]
            for c in self.computers:
                for other in self.computers:
                    if other is not c:
                        c.receive(other.state)
            if all(_same(b, c.state) for b, c in zip(before, self.computers, strict=True)):
                break
        else:
            raise AssertionError("The computers did not settle after 12 full exchanges.")
        event("conflicts resolved", "none" if not self.conflicts else "some")
        first = self.computers[0].state
        for c in self.computers[1:]:
            assert _same(first, c.state), "computers differ after a full exchange"
        self.check_nothing_lost(first)

    def check_nothing_lost(self, state: VaultState) -> None:
        by_key: dict[tuple[str, str], list[Edit]] = {}
        for e in self.edits:
            by_key.setdefault((e.uuid, e.key), []).append(e)
        for (uuid, key), edits in by_key.items():
            entry = state.entries.get(uuid)
            if entry is None:
                tomb = state.tombstones[uuid]  # every account ever made is here or deleted
                entry = tomb.entry
                assert entry is not None, "a deleted account lost what restore needs"
            newest = max(edits, key=lambda e: e.stamp)
            if key == "counter":
                assert entry.counter == self.counters.get(uuid, 0)
                continue
            assert entry.stamp_of(key) == newest.stamp, f"{key} is not the newest edit"
            assert canonical(entry.json_of(key)) == newest.value
            if len(entry.history) >= HISTORY_LIMIT or key == "order":
                continue  # the bound dropped older items; order keeps no history
            # two computers may set the same value at once: one of them is kept, for both
            kept = {(h.key, canonical(h.value)) for h in entry.history}
            for e in edits:
                if e.value == newest.value or (uuid, key, e.value) in self.known:
                    continue  # the value is there, or its replacement was informed
                assert (key, e.value) in kept, f"an edit of {key} was lost"


def _same(a: VaultState, b: VaultState) -> bool:
    if a.entries.keys() != b.entries.keys() or a.tombstones.keys() != b.tombstones.keys():
        return False
    for u, ea in a.entries.items():
        eb = b.entries[u]
        if ea != eb or ea.stamps != eb.stamps or ea.history != eb.history:
            return False
    for u, ta in a.tombstones.items():
        tb = b.tombstones[u]
        if ta.stamp != tb.stamp:
            return False
        if (ta.entry is None) != (tb.entry is None):
            return False
        if (
            ta.entry is not None
            and tb.entry is not None
            and (ta.entry != tb.entry or ta.entry.stamps != tb.entry.stamps)
        ):
            return False
    return True


MergeModel.TestCase.settings = settings(
    max_examples=MAX_EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestMergeModel = MergeModel.TestCase
