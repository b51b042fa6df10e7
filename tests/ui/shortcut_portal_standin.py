"""A stand-in xdg-desktop-portal GlobalShortcuts service for the tests, served with jeepney.

    python tests/ui/shortcut_portal_standin.py --log calls.jsonl [--create-response 0|1|2]
        [--bind-response 0|1|2] [--trigger "Ctrl+Alt+A"]

Owns ``org.freedesktop.portal.Desktop`` on the session bus (the private one the test script
starts with dbus-run-session) and answers like the real portal: ``CreateSession`` and
``BindShortcuts`` return the Request object path built from the caller's unique name and its
``handle_token``, then ``org.freedesktop.portal.Request.Response(u, a{sv})`` is emitted on that
path (CreateSession's results hold ``session_handle``; BindShortcuts' hold ``shortcuts`` with a
``trigger_description``). ``Session.Close`` on a session path ends it; the host registry's
``Register(s app_id, a{sv})`` is answered (and logged). The interface's ``version`` property is
``--version``; from version 2 on, ``ConfigureShortcuts(o session, s parent_window, a{sv})`` is
served: it is logged and, with ``--configured-trigger``, followed by ``ShortcutsChanged`` with that
key (as if the person set it in the desktop's dialog).

The test presses "the key" by calling ``Press(s shortcut_id)`` on ``/standin``, interface
``test.Standin``: the stand-in then emits ``GlobalShortcuts.Activated(o session, s id, t, a{sv})``
for the last session (``Press`` on a session that is not bound emits nothing). Each call is
appended to ``--log`` as one JSON line. Prints ``ready`` once the name is owned.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import DBusNameFlags, message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"
SESSION = "org.freedesktop.portal.Session"
REQUEST = "org.freedesktop.portal.Request"
REGISTRY = "org.freedesktop.host.portal.Registry"
PROPERTIES = "org.freedesktop.DBus.Properties"


def plain(options: dict) -> dict:
    return {key: value[1] for key, value in options.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--create-response", type=int, default=0)
    parser.add_argument("--bind-response", type=int, default=0)
    parser.add_argument("--trigger", default="")
    parser.add_argument("--version", type=int, default=1)
    parser.add_argument("--configured-trigger", default="")
    args = parser.parse_args()

    conn = open_dbus_connection(bus="SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName(SERVICE, DBusNameFlags.do_not_queue))
    if reply.body[0] != 1:  # 1 = primary owner
        print(f"could not own {SERVICE}: {reply.body}", file=sys.stderr)
        return 1
    print("ready", flush=True)
    sessions: dict[str, bool] = {}  # session path -> bound
    last_session = ""

    def log(entry: dict) -> None:
        with args.log.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    def respond(msg, token: str, code: int, results: dict) -> None:
        sender = str(msg.header.fields[HeaderFields.sender]).lstrip(":").replace(".", "_")
        handle = f"{PATH}/request/{sender}/{token}"
        conn.send(new_method_return(msg, "o", (handle,)))
        conn.send(
            new_signal(
                DBusAddress(handle, interface=REQUEST), "Response", "ua{sv}", (code, results)
            )
        )

    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        fields = msg.header.fields
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member)
        path = fields.get(HeaderFields.path)
        if path == PATH and interface == SHORTCUTS and member == "CreateSession":
            options = plain(msg.body[0])
            log({"call": "CreateSession", "options": options})
            sender = str(fields[HeaderFields.sender]).lstrip(":").replace(".", "_")
            session = f"{PATH}/session/{sender}/{options.get('session_handle_token', 's')}"
            results: dict = {}
            if args.create_response == 0:
                sessions[session] = False
                last_session = session
                results["session_handle"] = ("s", session)
            respond(msg, options.get("handle_token", "c"), args.create_response, results)
        elif path == PATH and interface == SHORTCUTS and member == "BindShortcuts":
            session, shortcuts, parent_window, options = msg.body
            shortcuts_plain = [[sid, plain(info)] for sid, info in shortcuts]
            log(
                {
                    "call": "BindShortcuts",
                    "session": session,
                    "shortcuts": shortcuts_plain,
                    "parent_window": parent_window,
                }
            )
            results = {}
            if session not in sessions:
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.AccessDenied"))
                continue
            if args.bind_response == 0:
                sessions[session] = True
                bound = [
                    (
                        sid,
                        {
                            "description": ("s", info.get("description", "")),
                            "trigger_description": (
                                "s",
                                args.trigger or info.get("preferred_trigger", ""),
                            ),
                        },
                    )
                    for sid, info in shortcuts_plain
                ]
                results["shortcuts"] = ("a(sa{sv})", bound)
            respond(msg, plain(options).get("handle_token", "b"), args.bind_response, results)
        elif path == PATH and interface == PROPERTIES and member == "Get":
            if tuple(msg.body) == (SHORTCUTS, "version"):
                conn.send(new_method_return(msg, "v", (("u", args.version),)))
            else:
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.InvalidArgs"))
        elif (
            path == PATH
            and interface == SHORTCUTS
            and member == "ConfigureShortcuts"
            and args.version >= 2
        ):
            session = msg.body[0]
            log({"call": "ConfigureShortcuts", "session": session})
            conn.send(new_method_return(msg))
            if args.configured_trigger and sessions.get(session):
                info = {
                    "description": ("s", "as bound"),
                    "trigger_description": ("s", args.configured_trigger),
                }
                changed = new_signal(
                    DBusAddress(PATH, interface=SHORTCUTS),
                    "ShortcutsChanged",
                    "oa(sa{sv})",
                    (session, [("quick-copy", info)]),
                )
                conn.send(changed)
        elif path == PATH and interface == REGISTRY and member == "Register":
            log({"call": "Register", "app_id": msg.body[0]})
            conn.send(new_method_return(msg))
        elif interface == SESSION and member == "Close" and path in sessions:
            log({"call": "Close", "session": path})
            del sessions[path]
            conn.send(new_method_return(msg))
        elif path == "/standin" and member == "Press":
            shortcut_id = msg.body[0]
            log({"call": "Press", "id": shortcut_id, "session": last_session})
            if sessions.get(last_session):
                signal = new_signal(
                    DBusAddress(PATH, interface=SHORTCUTS),
                    "Activated",
                    "osta{sv}",
                    (last_session, shortcut_id, int(time.time() * 1000), {}),
                )
                conn.send(signal)
            conn.send(new_method_return(msg))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    raise SystemExit(main())
