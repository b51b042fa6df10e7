"""``desktop-authenticator time [--check] [--server HOST[:PORT]]``: is the clock right?"""

from __future__ import annotations

import argparse

from desktop_app import clock
from desktop_app.cli import EXIT_NOT_FOUND, EXIT_OK, CliError
from desktop_app.settings import TIME_SERVER

_STATES = {
    True: "synchronised with a time server",
    False: "NOT synchronised with a time server",
    None: "unknown (the timedate service cannot be asked)",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "time",
        help="whether the system clock is synchronised; --check asks a time server",
        description="Print whether the system clock is synchronised (systemd-timedated) and, "
        "with --check, how far it is off according to a time server (SNTP).",
    )
    p.add_argument("--check", action="store_true", help="ask the time server for the offset")
    p.add_argument(
        "--server", metavar="HOST[:PORT]", help="time server (default: the time_server setting)"
    )
    p.set_defaults(handler=cmd_time)


def cmd_time(args: argparse.Namespace) -> int:
    synced = clock.system_synchronised()
    print(f"System clock: {_STATES[synced]}")
    from desktop_app.app import build_services

    services = build_services(args, interactive=False, open_vault=False)
    settings = services.settings
    services.close()
    correction = clock.correction(settings)
    if synced and correction:
        settings.reset(clock.OFFSET_SETTING)  # the system clock is right again
        print("Code correction: reset (the system clock is synchronised)")
    elif correction:
        print(f"Code correction: codes in this app are computed {correction:+.1f} s")
    if args.check:
        server = args.server or str(settings.value(TIME_SERVER))
        try:
            result = clock.query_offset(server)
        except clock.ClockError as exc:
            raise CliError(str(exc), EXIT_NOT_FOUND) from None
        print(
            f"Time server {result.server}: this computer is {clock.describe_offset(result.offset)}"
            f" (offset {result.offset:+.3f} s, round trip {result.delay * 1000:.0f} ms)"
        )
    return EXIT_OK
