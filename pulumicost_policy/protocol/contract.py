"""What host and plugin agree on besides the messages (shared/protocols/costsource.md): the
variables a plugin's port arrives in, and how times travel. Both sides import it from here, so the
host never depends on the plugin-author SDK."""
from __future__ import annotations

import datetime as dt

from google.protobuf.timestamp_pb2 import Timestamp

PORT_ENV = "PULUMICOST_PLUGIN_PORT"        # the seeds' host
FINFOCUS_PORT_ENV = "FINFOCUS_PLUGIN_PORT"  # the finfocus host (spec v0.5+), read first


def timestamp(when: dt.datetime) -> Timestamp:
    """A protobuf Timestamp; a naive datetime is taken as UTC."""
    stamp = Timestamp()
    stamp.FromDatetime(when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc))
    return stamp
