"""Two real Syncthing daemons on loopback sharing one folder (see tests/sync/conftest.py).

Set up as /work/shared/specs/sync-engines.md measured it: each daemon has its own home
(``syncthing generate``), a GUI/REST address on 127.0.0.1 with an API key, global and local
discovery, relays, NAT, usage and crash reporting off, one ``tcp://127.0.0.1:PORT`` listen
address, the peer device (B knows A's address and dials; A waits for B's dial, see
:meth:`SyncthingPair.start`), and a shared ``sendreceive`` folder with a 2 s rescan,
the watcher on (1 s delay) and ``maxConflicts`` 10 set explicitly -- without it, Syncthing 1.19
made no conflict copy at all and the older change was simply gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SYNCTHING = shutil.which("syncthing")
FOLDER_ID = "vault-sync"

_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "startBrowser": "false",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "reconnectionIntervalS": "1",  # a resumed peer is dialled again at once, not after 60 s
    "minHomeDiskFree": "0",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SyncthingError(RuntimeError):
    pass


@dataclass
class Daemon:
    name: str
    home: Path
    folder: Path
    device_id: str = ""
    gui_port: int = 0
    listen_port: int = 0
    apikey: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    process: subprocess.Popen[bytes] | None = None

    @property
    def short_id(self) -> str:
        """The 7 characters Syncthing puts in a conflict copy's name."""
        return self.device_id[:7]

    # --- REST ------------------------------------------------------------------------------

    def rest(self, method: str, path: str, body: Any = None, timeout: float = 5.0) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            method=method,
            data=data,
            headers={"X-API-Key": self.apikey, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw.strip() else None

    def connected_to(self, device_id: str) -> bool:
        try:
            conns = self.rest("GET", "/rest/system/connections")["connections"]
        except (OSError, urllib.error.URLError, ValueError):
            return False
        return bool(conns.get(device_id, {}).get("connected"))

    def pause(self, device_id: str) -> None:
        self.rest("POST", f"/rest/system/pause?device={device_id}")

    def resume(self, device_id: str) -> None:
        self.rest("POST", f"/rest/system/resume?device={device_id}")

    def rescan(self) -> None:
        self.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def folder_state(self) -> str:
        return str(self.rest("GET", f"/rest/db/status?folder={FOLDER_ID}").get("state", ""))

    # --- process ---------------------------------------------------------------------------

    def generate(self) -> None:
        assert SYNCTHING is not None
        out = subprocess.run(
            [SYNCTHING, "generate", f"--home={self.home}", "--no-default-folder"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        root = ET.parse(self.home / "config.xml").getroot()
        device = root.find("device")
        if device is None:
            raise SyncthingError(f"syncthing generate wrote no device: {out.stdout}{out.stderr}")
        self.device_id = device.get("id", "")
        self.gui_port = free_port()
        self.listen_port = free_port()

    def configure(self, peer: Daemon, *, dial: bool = True) -> None:
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        own = root.find("device")
        assert own is not None
        own.set("name", self.name)
        gui = root.find("gui")
        assert gui is not None
        gui.set("enabled", "true")
        _set(gui, "address", f"127.0.0.1:{self.gui_port}")
        _set(gui, "apikey", self.apikey)
        options = root.find("options")
        assert options is not None
        for name, value in _OPTIONS.items():
            _set(options, name, value)
        for old in options.findall("listenAddress"):
            options.remove(old)
        ET.SubElement(options, "listenAddress").text = f"tcp://127.0.0.1:{self.listen_port}"
        for old in options.findall("globalAnnounceServer"):
            options.remove(old)
        # the peer, known by id at its loopback address
        peer_el = ET.Element(
            "device",
            {
                "id": peer.device_id,
                "name": peer.name,
                "compression": "metadata",
                "introducer": "false",
                "skipIntroductionRemovals": "false",
                "introducedBy": "",
            },
        )
        # "dynamic" with discovery off: this daemon never dials, it only accepts the peer's dial
        address = f"tcp://127.0.0.1:{peer.listen_port}" if dial else "dynamic"
        ET.SubElement(peer_el, "address").text = address
        ET.SubElement(peer_el, "paused").text = "false"
        ET.SubElement(peer_el, "autoAcceptFolders").text = "false"
        root.insert(list(root).index(own) + 1, peer_el)
        folder = ET.Element(
            "folder",
            {
                "id": FOLDER_ID,
                "label": "Vault",
                "path": str(self.folder),
                "type": "sendreceive",
                "rescanIntervalS": "2",
                "fsWatcherEnabled": "true",
                "fsWatcherDelayS": "1",
                "ignorePerms": "false",
                "autoNormalize": "true",
            },
        )
        ET.SubElement(folder, "filesystemType").text = "basic"
        for dev in (self.device_id, peer.device_id):
            d = ET.SubElement(folder, "device", {"id": dev, "introducedBy": ""})
            ET.SubElement(d, "encryptionPassword").text = ""
        ET.SubElement(folder, "minDiskFree", {"unit": "%"}).text = "0"
        ET.SubElement(folder, "maxConflicts").text = "10"  # explicit: see the module docstring
        root.insert(0, folder)
        tree.write(path)

    def start(self) -> None:
        assert SYNCTHING is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        log = open(self.home / "daemon.log", "ab")  # noqa: SIM115 -- closed in stop()
        env = {**os.environ, "STNOUPGRADE": "1", "STNORESTART": "1"}
        self.process = subprocess.Popen(
            [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart"],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        log.close()

    def stop(self) -> None:
        proc = self.process
        if proc is None:
            return
        self.process = None
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = (self.home / "daemon.log").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def _set(parent: ET.Element, tag: str, value: str) -> None:
    el = parent.find(tag)
    if el is None:
        el = ET.SubElement(parent, tag)
    el.text = value


def wait_for(
    condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.05
) -> float:
    """Poll until ``condition()``; returns the seconds it took, raises after ``timeout``."""
    start = time.monotonic()
    while True:
        with contextlib.suppress(FileNotFoundError):
            if condition():
                return time.monotonic() - start
        if time.monotonic() - start > timeout:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


class SyncthingPair:
    """Two daemons ``a`` and ``b`` sharing one folder (``a.folder`` and ``b.folder``)."""

    def __init__(self, root: Path) -> None:
        self.a = Daemon("laptop", root / "st-a", root / "folder-a")
        self.b = Daemon("desktop", root / "st-b", root / "folder-b")

    def start(self, timeout: float = 30.0) -> None:
        for d in (self.a, self.b):
            d.generate()
        # Only B dials. When both dialled at the same moment (a resume), each side's Hello waited
        # for the other and both timed out after 20 s (measured: 1 resume in 4).
        self.a.configure(self.b, dial=False)
        self.b.configure(self.a)
        for d in (self.a, self.b):
            d.start()
        try:
            self.wait_connected(timeout)
            wait_for(
                lambda: self.a.folder_state() == "idle" and self.b.folder_state() == "idle",
                timeout,
                "both folders idle",
            )
        except BaseException as exc:
            self.stop()
            raise SyncthingError(
                f"{exc}\n--- a ---\n{self.a.log_tail()}\n--- b ---\n{self.b.log_tail()}"
            ) from None

    def wait_connected(self, timeout: float = 30.0) -> float:
        return wait_for(
            lambda: self.a.connected_to(self.b.device_id) and self.b.connected_to(self.a.device_id),
            timeout,
            "the two Syncthing daemons to connect",
            interval=0.1,
        )

    def pause(self) -> None:
        """Cut the two apart (each pauses the other), as a computer that is offline."""
        self.a.pause(self.b.device_id)
        self.b.pause(self.a.device_id)
        wait_for(
            lambda: (
                not self.a.connected_to(self.b.device_id)
                and not self.b.connected_to(self.a.device_id)
            ),
            10,
            "the daemons to disconnect",
        )

    def resume(self) -> float:
        """Reconnect (A first, then B, which dials); returns the seconds it took."""
        self.a.resume(self.b.device_id)
        self.b.resume(self.a.device_id)
        return self.wait_connected()

    def stop(self) -> None:
        for d in (self.a, self.b):
            d.stop()
