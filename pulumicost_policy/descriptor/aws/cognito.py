"""Cognito user pools."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type("aws:cognito/userPool:UserPool", "cognito:UserPool", "Cognito monthly active user"),
)
