"""`python -m pulumicost_policy.pricing.import_offer`: kept as the documented entry point; the
importer itself lives in `importers/aws_offer.py` beside the other formats."""
from __future__ import annotations

import sys

from .importers.aws_offer import OfferError, extract, load_offer, main, to_yaml

__all__ = ["OfferError", "extract", "load_offer", "main", "to_yaml"]

if __name__ == "__main__":
    sys.exit(main())
