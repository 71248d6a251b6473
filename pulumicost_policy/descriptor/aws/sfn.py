"""Step Functions state machines."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type("aws:sfn/stateMachine:StateMachine", "sfn:StateMachine", "Step Functions"),
)
