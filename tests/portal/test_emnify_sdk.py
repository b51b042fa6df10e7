"""emnify's own Python SDK (PyPI ``emnify-sdk`` 0.5.3, the ``test`` extra) drives the emulator
over loopback, as the issue's reporter did: authenticate (it starts with no token, so the first
call's 401 makes it sign in), re-authenticate after the token expired, MFA types and statuses,
the user, trusted devices, and a key created, activated and deleted. The SDK reads its address
from ``EMNIFY_SDK_API_ENDPOINT_URL`` at import time, so it runs in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from desktop_app.portal.emulator import EmulatorServer

from .conftest import APP_TOKEN, PASSWORD, USER

SCRIPT = textwrap.dedent(
    """
    import hashlib, json, sys, time
    import requests
    from emnify import EMnify
    from emnify import constants as C
    from emnify.api_manager import BaseApiManager, MAIN_URL
    from emnify.modules.api.models import CreateMFAResponse

    def call(path, method="get"):
        class Call(BaseApiManager):
            request_url_prefix = path
            request_method_name = method
        return Call()

    app_token, user, password, code_url = sys.argv[1:5]
    client = EMnify(app_token=app_token)
    out = {"main_url": MAIN_URL}
    out["types"] = call("/v1/user/mfa/type").call_api(client)
    out["statuses"] = call("/v1/user/mfa/status").call_api(client)
    out["user"] = call("/v1/user/{user}").call_api(client, path_params={"user": user})
    out["devices"] = call("/v1/user/my/mfa/trusted_device").call_api(client)
    requests.post(MAIN_URL.replace("/api", "") + "/_emulator/clock", json={"advance": 241 * 60})
    out["types_after_expiry"] = call("/v1/user/mfa/type").call_api(client)
    sha1 = hashlib.sha1(password.encode()).hexdigest()
    created = CreateMFAResponse(**call("/v1/user/mfa", "post").call_api(
        client, {"type": {"id": out["types"][0]["id"]}, "password": sha1}
    ))
    out["created_id"] = created.id
    code = requests.get(code_url, params={"secret": created.secret_key}).json()["code"]
    out["activated"] = call("/v1/user/mfa/{key}", "patch").call_api(
        client, {"status": {"id": 1.0}, "code": code}, path_params={"key": created.id}
    )
    out["keys_active"] = [k["status"]["id"] for k in call("/v1/user/{user}").call_api(
        client, path_params={"user": user})["mfa"]]
    out["deleted"] = call("/v1/user/my/mfa/{key}", "delete").call_api(
        client, path_params={"key": created.id}
    )
    out["keys_after"] = call("/v1/user/{user}").call_api(
        client, path_params={"user": user})["mfa"]
    print(json.dumps(out))
    """
)


def test_emnify_sdk_drives_the_emulator(tmp_path, number_form):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread
    from urllib.parse import parse_qs, urlsplit

    from desktop_app.otp.codes import code_at
    from desktop_app.otp.model import Entry

    with EmulatorServer(account_kind="trial") as emu:
        emu.add_user(USER, PASSWORD, application_token=APP_TOKEN)

        class Codes(BaseHTTPRequestHandler):
            """The phone of the test: the current code of a secret, on the emulator's clock."""

            def do_GET(self) -> None:
                secret = parse_qs(urlsplit(self.path).query)["secret"][0]
                body = json.dumps({"code": code_at(Entry(secret=secret), emu.now())}).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        phone = ThreadingHTTPServer(("127.0.0.1", 0), Codes)
        Thread(target=phone.serve_forever, daemon=True).start()
        try:
            env = {
                **os.environ,
                "EMNIFY_SDK_API_ENDPOINT_URL": f"{emu.url}/api",
                "NO_PROXY": "127.0.0.1,localhost",
                "no_proxy": "127.0.0.1,localhost",
            }
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    SCRIPT,
                    APP_TOKEN,
                    USER,
                    PASSWORD,
                    f"http://127.0.0.1:{phone.server_address[1]}/code",
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                cwd=tmp_path,
            )
        finally:
            phone.shutdown()
            phone.server_close()
        assert done.returncode == 0, done.stderr[-2000:]
        out = json.loads(done.stdout)
        assert out["main_url"] == f"{emu.url}/api"
        assert [t["description"] for t in out["types"]] == ["Time-Based One-Time Password"]
        assert {s["id"] for s in out["statuses"]} == {0, 1}
        assert out["user"]["username"] == USER and out["devices"] == []
        assert out["types_after_expiry"] == out["types"]
        assert out["activated"] is True and out["keys_active"] == [1]
        assert out["deleted"] is True and out["keys_after"] == []
        # Signed in at the start (token None -> 401) and again after the expiry.
        assert emu.calls["authenticate"] == 2
        assert emu.last_headers["mfa_types"]["x-emn-origin-app"] == "emnifyPythonSDK"
        assert emu.keys(USER) == []
