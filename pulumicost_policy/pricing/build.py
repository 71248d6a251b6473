"""Regenerate the bundled price store from the vendor data files.

    python -m pulumicost_policy.pricing.build ../shared/pricing --out specs/

Reads the AWS pricing-page feed tarballs (`aws-*.tar.gz`), the derived AWS table
(`aws-pricewatcher-processed-*.tar.gz`), the GCP `gcp-pricing-yml-*.yml.gz` and billing catalog
(`gcp-billing-catalog-*.tar.gz`), the Azure files (importers/azure_data.py) and the AWS offer files
(`aws-*-offer-*.json.gz`); writes `pricebook.sqlite`. Where several AWS feed files (or a feed and the
derived table), or several Azure files, price one key, the newest publication wins; the 2020 offer
file fills only keys none of the AWS feeds price.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .importers import aws_derived, aws_feeds, aws_offer, azure_data, gcp_billing, gcp_yml
from .pricebook import PriceBookError
from .store import Row, write_store

STORE_NAME = "pricebook.sqlite"


def build_rows(data_dir: Path) -> Iterator[Row]:
    """Every row the data files in `data_dir` give, feeds first, offers only for keys left over."""
    derived = sorted(data_dir.glob("aws-*-processed-*.tar.gz"))
    tarballs = sorted(set(data_dir.glob("aws-*.tar.gz")) - set(derived))
    ymls = sorted(data_dir.glob("gcp-pricing-yml-*.yml*"))
    offers = sorted(data_dir.glob("aws-*-offer-*.json*"))
    if not tarballs and not ymls:
        raise PriceBookError(f"{data_dir}: no aws-*.tar.gz feeds or gcp-pricing-yml-*.yml.gz found")
    seen: set[tuple] = set()
    if tarballs:
        codes = aws_feeds.region_codes(tarballs)
        feeds = [*aws_feeds.import_feeds(tarballs),
                 *(row for path in derived for row in aws_derived.import_derived(path, codes))]
        for row in newest(feeds):
            seen.add(row.key())
            yield row
    for path in ymls:
        yield from gcp_yml.import_yml(gcp_yml.load(path), path.name)
    for path in sorted(data_dir.glob("gcp-billing-catalog-*.tar.gz")):
        yield from gcp_billing.load_rows(path)
    yield from newest(azure_data.azure_rows(data_dir))
    for path in offers:
        try:
            offer = aws_offer.load_offer(path)
        except aws_offer.OfferError as err:
            raise PriceBookError(str(err)) from None
        yield from (row for row in aws_offer.offer_rows(offer, path.name) if row.key() not in seen)


def newest(rows: Iterable[Row]) -> Iterator[Row]:
    """One row per key: the one with the latest effective date (the first of equals)."""
    kept: dict[tuple, Row] = {}
    for row in rows:
        if row.key() not in kept or row.effective_date > kept[row.key()].effective_date:
            kept[row.key()] = row
    yield from kept.values()


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(allow_abbrev=False, prog="python -m pulumicost_policy.pricing.build", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="directory holding the vendor price files")
    parser.add_argument("--out", type=Path, required=True, help=f"directory to write {STORE_NAME} into")
    args = parser.parse_args(argv)
    try:
        count = write_store(args.out / STORE_NAME, build_rows(args.data_dir))
    except PriceBookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"wrote {count} prices to {args.out / STORE_NAME}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
