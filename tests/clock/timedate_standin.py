"""A stand-in ``org.freedesktop.timedate1`` for the tests, served with jeepney.

    python tests/clock/timedate_standin.py --synced yes|no

Owns ``org.freedesktop.timedate1`` on the session bus (the tests' private one) and answers
``org.freedesktop.DBus.Properties.Get/GetAll`` for ``NTPSynchronized`` like systemd-timedated.
Reads lines on stdin: ``yes`` / ``no`` changes the answer (the clock gets synchronised or not).
Prints ``ready`` once the name is owned.
"""

from __future__ import annotations

import argparse
import sys
import threading

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import DBusNameFlags, message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.timedate1"
PATH = "/org/freedesktop/timedate1"
PROPERTIES = "org.freedesktop.DBus.Properties"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--synced", choices=("yes", "no"), required=True)
    args = parser.parse_args()
    state = {"synced": args.synced == "yes"}

    def follow_stdin() -> None:
        for line in sys.stdin:
            if line.strip() in ("yes", "no"):
                state["synced"] = line.strip() == "yes"
                print("changed", flush=True)

    conn = open_dbus_connection(bus="SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName(SERVICE, DBusNameFlags.do_not_queue))
    if reply.body[0] != 1:
        print(f"could not own {SERVICE}: {reply.body}", file=sys.stderr)
        return 1
    threading.Thread(target=follow_stdin, daemon=True).start()
    print("ready", flush=True)
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        fields = msg.header.fields
        interface, member = fields.get(HeaderFields.interface), fields.get(HeaderFields.member)
        if fields.get(HeaderFields.path) != PATH:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownObject"))
        elif (
            interface == PROPERTIES and member == "Get" and msg.body == (SERVICE, "NTPSynchronized")
        ):
            conn.send(new_method_return(msg, "v", (("b", state["synced"]),)))
        elif interface == PROPERTIES and member == "GetAll":
            conn.send(
                new_method_return(msg, "a{sv}", ({"NTPSynchronized": ("b", state["synced"])},))
            )
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    raise SystemExit(main())
