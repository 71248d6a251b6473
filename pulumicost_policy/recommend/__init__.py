"""Savings recommendations: rules that propose cheaper equivalents, re-priced like the resource."""
from .engine import recommend

__all__ = ["recommend"]
