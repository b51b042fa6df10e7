"""A stand-in xdg-desktop-portal Screenshot service for the tests, served with jeepney.

    python tests/ui/screen_portal_standin.py --image QR.png --log calls.jsonl [--response 0|1|2]
        [--uri-mode copy|missing|not-image] [--version N]

Owns ``org.freedesktop.portal.Desktop`` on the session bus (the private one the test script
starts with dbus-run-session), serves ``org.freedesktop.portal.Screenshot.Screenshot`` on
``/org/freedesktop/portal/desktop`` and answers each call like the real portal does: it returns
the Request object path built from the caller's unique name and its ``handle_token``, then emits
``org.freedesktop.portal.Request.Response(u response, a{sv} results)`` on that path. With
response 0 the results hold ``uri``: a file:// URI of a fresh copy of ``--image`` (a real portal
writes a new screenshot file for every request), or of a file that does not exist
(``--uri-mode missing``) or is not an image (``--uri-mode not-image``). Each call's arguments are
appended to ``--log`` as one JSON line. Prints ``ready`` once the name is owned.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import DBusNameFlags, message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
SCREENSHOT = "org.freedesktop.portal.Screenshot"
PROPERTIES = "org.freedesktop.DBus.Properties"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--image", type=Path, required=True)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--response", type=int, default=0)
    parser.add_argument("--uri-mode", choices=("copy", "missing", "not-image"), default="copy")
    parser.add_argument("--version", type=int, default=2)
    args = parser.parse_args()
    out_dir = Path(tempfile.mkdtemp(prefix="standin-portal-", dir=args.log.parent))

    conn = open_dbus_connection(bus="SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName(SERVICE, DBusNameFlags.do_not_queue))
    if reply.body[0] != 1:  # 1 = primary owner
        print(f"could not own {SERVICE}: {reply.body}", file=sys.stderr)
        return 1
    print("ready", flush=True)
    requests = 0
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        fields = msg.header.fields
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member)
        if fields.get(HeaderFields.path) != PATH:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownObject"))
        elif interface == SCREENSHOT and member == "Screenshot":
            parent_window, options = msg.body
            plain = {key: value[1] for key, value in options.items()}
            with args.log.open("a", encoding="utf-8") as log:
                log.write(json.dumps({"parent_window": parent_window, "options": plain}) + "\n")
            sender = str(fields[HeaderFields.sender]).lstrip(":").replace(".", "_")
            token = plain.get("handle_token", f"t{requests}")
            handle = f"{PATH}/request/{sender}/{token}"
            conn.send(new_method_return(msg, "o", (handle,)))
            requests += 1
            results: dict[str, tuple[str, object]] = {}
            if args.response == 0:
                shot = out_dir / f"Screenshot-{requests}.png"
                if args.uri_mode == "copy":
                    shutil.copyfile(args.image, shot)
                elif args.uri_mode == "not-image":
                    shot.write_text("this is not a picture", encoding="utf-8")
                results["uri"] = ("s", shot.as_uri())
            signal = new_signal(
                DBusAddress(handle, interface="org.freedesktop.portal.Request"),
                "Response",
                "ua{sv}",
                (args.response, results),
            )
            conn.send(signal)
        elif interface == PROPERTIES and member == "Get" and msg.body[1] == "version":
            conn.send(new_method_return(msg, "v", (("u", args.version),)))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    raise SystemExit(main())
