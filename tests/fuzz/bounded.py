"""A worker process that runs one input case at a time under memory and time bounds.

The harness of the fuzz suites: each case runs in a long-lived child process whose address space
is capped (``RLIMIT_AS``), whose peak resident memory is reset before and read after each case
(``/proc/self/clear_refs``, ``VmHWM``), and which the parent kills when a case overruns a generous
deadline -- a hang guard, not a speed assertion. A child that dies (or is killed) is restarted for
the next case, and the case is reported with what happened.

A target is ``"module:function"``; it gets the case's bytes and returns a short text; an
exception is reported by type, message and whether it is one of the project's own
(:class:`~desktop_app.errors.AppError`) types.
"""

from __future__ import annotations

import json
import os
import select
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: address-space cap of the worker: a guard against runaway allocation (Python, numpy, OpenCV and
#: their thread pools reserve ~0.5 GB of it; malloc arenas are capped below so that many cores do
#: not add more). The asserted bound is CASE_MEMORY_BYTES of resident memory per case.
ADDRESS_SPACE_BYTES = 3 * 2**30
#: peak resident memory a case may add above the worker's resident size before the case
CASE_MEMORY_BYTES = 300 * 2**20
#: a case taking longer than this is treated as a hang
HANG_GUARD_SECONDS = 60.0

_WORKER = r"""
import importlib, json, os, resource, struct, sys, time, traceback
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.path.insert(0, sys.argv[2])
from tests import fast_kdf
fast_kdf.install()
from desktop_app.errors import AppError
inp, out = sys.stdin.buffer, sys.stdout.buffer
targets = {}

def rss_kb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1])
    return 0

def send(obj):
    data = json.dumps(obj).encode()
    out.write(struct.pack(">I", len(data)) + data)
    out.flush()

send({"ready": True})
while True:
    head = inp.read(6)
    if len(head) < 6:
        break
    target_len, case_len = struct.unpack(">HI", head)
    target = inp.read(target_len).decode()
    case = inp.read(case_len)
    if target not in targets:
        module, _, name = target.partition(":")
        targets[target] = getattr(importlib.import_module(module), name)
    fn = targets[target]
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    before = rss_kb("VmRSS:")
    reply = {}
    started = time.perf_counter()
    try:
        reply["result"] = str(fn(case))[:2000]
    except BaseException as exc:
        reply["error"] = type(exc).__name__
        reply["message"] = str(exc)[:4000]
        reply["app_error"] = isinstance(exc, AppError)
        if not reply["app_error"]:
            reply["traceback"] = traceback.format_exc()[-4000:]
    reply["seconds"] = time.perf_counter() - started
    reply["peak_kb"] = rss_kb("VmHWM:") - before
    send(reply)
"""


@dataclass
class Outcome:
    result: str | None = None
    error: str | None = None
    message: str = ""
    app_error: bool = False
    traceback: str = ""
    peak_bytes: int = 0
    seconds: float = 0.0  # the case's wall time in the worker (reported, never asserted)
    died: str | None = None  # "hang" or "crash: ..." when the worker did not answer

    @property
    def clean(self) -> bool:
        """Finished normally, or with one of the project's own errors."""
        return self.died is None and (self.error is None or self.app_error)


class BoundedRunner:
    """``runner.run("pkg.mod:fn", data) -> Outcome``; ``cases`` counts what was run."""

    def __init__(
        self,
        address_space: int = ADDRESS_SPACE_BYTES,
        hang_guard: float = HANG_GUARD_SECONDS,
    ) -> None:
        self.address_space = address_space
        self.hang_guard = hang_guard
        self.cases = 0
        self._proc: subprocess.Popen[bytes] | None = None

    def _start(self) -> subprocess.Popen[bytes]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "MALLOC_ARENA_MAX": "2"}
        proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(self.address_space), str(ROOT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        first = self._read(proc, 120.0)
        if first is None or not first.get("ready"):
            proc.kill()
            proc.wait()
            raise RuntimeError("the fuzz worker did not start")
        return proc

    def _read(self, proc: subprocess.Popen[bytes], timeout: float) -> dict | None:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        buf = b""
        need = 4
        length = None
        while len(buf) < need:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(fd, need - len(buf))
            if not chunk:
                return {"died": f"crash: exit status {proc.wait()}"}
            buf += chunk
            if length is None and len(buf) == 4:
                length = struct.unpack(">I", buf)[0]
                need = 4 + length
        return json.loads(buf[4:])

    def run(self, target: str, case: bytes) -> Outcome:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = self._start()
        proc = self._proc
        assert proc.stdin is not None
        name = target.encode()
        self.cases += 1
        try:
            proc.stdin.write(struct.pack(">HI", len(name), len(case)) + name + case)
            proc.stdin.flush()
        except BrokenPipeError:
            self.close()
            return Outcome(died="crash: the worker exited")
        reply = self._read(proc, self.hang_guard)
        if reply is None or "died" in reply:
            self.close()
            return Outcome(died="hang" if reply is None else reply["died"])
        return Outcome(
            result=reply.get("result"),
            error=reply.get("error"),
            message=reply.get("message", ""),
            app_error=bool(reply.get("app_error")),
            traceback=reply.get("traceback", ""),
            peak_bytes=int(reply.get("peak_kb", 0)) * 1024,
            seconds=float(reply.get("seconds", 0.0)),
        )

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            for stream in (self._proc.stdin, self._proc.stdout):
                if stream is not None:
                    stream.close()
            self._proc = None


def check(
    outcome: Outcome,
    case: bytes,
    *,
    secrets: tuple[str, ...] = (),
    memory: int = CASE_MEMORY_BYTES,
) -> None:
    """The harness's assertions for one case: it finished (no hang, no crash), with a result or
    one of the project's errors (never a bare traceback), within the memory bound, and no
    message holds a secret."""
    shown = case[:200]
    assert outcome.died is None, f"{outcome.died} on {shown!r}"
    assert outcome.clean, f"{outcome.error}: {outcome.message}\n{outcome.traceback}\n{shown!r}"
    assert outcome.peak_bytes < memory, f"{outcome.peak_bytes} bytes on {shown!r}"
    for secret in secrets:
        for form in {secret, secret.upper(), secret.lower()}:
            if len(form) >= 8:
                assert form not in outcome.message, f"secret in message: {outcome.message!r}"
                assert form not in (outcome.result or ""), f"secret in result {outcome.result!r}"
