"""The text of cost diagnostics: one place, so the pack and the offline run say the same thing.

Messages quote only what is safe: resource names, SKUs the price book knows, regions, prices.
"""
from __future__ import annotations

from typing import Optional

from ..money import money, signed
from ..pricing.estimate import FREE, PRICED, UNPRICED, USAGE_BASED, CostEstimate
from ..pricing.freshness import stale_warning
from ..pricing.rollup import StackCost
from ..reporting.text import partial_lines, why_no_change


def resource_message(est: CostEstimate) -> str:
    where = f" ({est.sku}, {est.region})" if est.sku else ""
    if est.sku and est.region_from:
        where = f" ({est.sku}, region {est.region} from {est.region_from})"
    if est.status == PRICED:
        text = (f"{est.name}{where}: {money(est.monthly or 0.0, est.currency)} {est.currency}/month "
                f"({est.unit_price}; source: {est.source})")
        if est.usage_notes:
            text += "; plus usage-based: " + "; ".join(est.usage_notes)
        return text
    if est.status == USAGE_BASED:
        return f"{est.name}{where}: cost depends on usage: " + "; ".join(est.usage_notes) + f" (source: {est.source})"
    if est.status == FREE:
        return f"{est.name}: {est.reason}"
    return f"{est.name}: unpriced: {est.reason}"


def summary_message(stack: StackCost) -> str:
    cov = stack.coverage
    counts = (f"{cov[PRICED]} priced, {cov[FREE]} free, {cov[USAGE_BASED]} usage-based, "
              f"{cov[UNPRICED]} unpriced")
    if not stack.totals:
        lines = [f"Projected monthly cost: $0.00 ({counts})"]
    else:
        lines = ["Projected monthly cost: " + " + ".join(f"{money(t, c)} {c}" for c, t in stack.totals.items())
                 + f" ({counts})"]
        if stack.mixed_currencies:
            lines.append("Costs are in several currencies and are not summed together.")
    lines += partial_lines(stack)
    for currency, providers in stack.by_provider.items():
        lines.append("By provider: " + ", ".join(f"{p} {money(v, currency)} {currency}" for p, v in providers.items()))
    for currency, types in stack.by_type.items():
        lines.append("By type: " + ", ".join(f"{t} {money(v, currency)} {currency}" for t, v in types.items()))
    top = stack.top(5)
    if top and len(stack.estimates) > 1:
        lines.append("Most expensive: " + ", ".join(f"{e.name} {money(e.monthly or 0.0, e.currency)}" for e in top))
    if stack.unpriced_types:
        lines.append("Unpriced types: " + ", ".join(f"{t} ({n})" for t, n in stack.unpriced_types.items()))
        reasons = sorted({f"{e.name}: {e.reason}" for e in stack.estimates.values() if e.status == UNPRICED})
        lines += [f"  - {r}" for r in reasons[:20]]
        if len(reasons) > 20:
            lines.append(f"  - ... and {len(reasons) - 20} more")
    stale = stale_warning(stack.estimates.values())
    if stale:
        lines.append(stale)
    return "\n".join(lines)


def change_message(past: StackCost, current: StackCost, diff: Optional[float]) -> str:
    """`Monthly cost change: $60.74 -> $280.32 USD (+$219.58)`: past, current and diff totals."""
    if diff is None:
        return f"Monthly cost change: not computable ({why_no_change(past, current)})"
    currency = current.currency or past.currency or "USD"  # nothing priced on either side: $0 -> $0
    return (f"Monthly cost change: {money(past.totals.get(currency, 0.0), currency)} -> "
            f"{money(current.totals.get(currency, 0.0), currency)} {currency} ({signed(diff, currency)})")
