"""The engine's sentinel values, in one place for the product, the test harness and the benchmark.

Values unknown during preview reach a policy or a saved plan as one of seven fixed strings; a secret
travels on the wire as an object carrying a signature key, and a preview digest shows "[secret]".
"""
from __future__ import annotations

UNKNOWN_BOOL = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"
UNKNOWN_NUMBER = "3eeb2bf0-c639-47a8-9e75-3b44932eb421"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # string, and the preview/state placeholder
UNKNOWN_SENTINELS = frozenset({
    UNKNOWN_BOOL,
    UNKNOWN_NUMBER,
    UNKNOWN,
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",  # array
    "030794c1-ac77-496b-92df-f27374a8bd58",  # asset
    "e48ece36-62e2-4504-bad9-02848725956a",  # archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",  # object
})
SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270"
PREVIEW_SECRET = "[secret]"


def secret(value: object) -> dict:
    """The engine's wire form of a secret value."""
    return {SECRET_SIG_KEY: SECRET_SIG_VALUE, "value": value}
