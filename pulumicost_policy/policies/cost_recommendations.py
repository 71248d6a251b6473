"""`cost-recommendations`: cheaper equivalents of the stack's resources, with the saving and the
exact property change (advisory by default: a recommendation is advice, not a gate).

Ours come from `recommend` (each proposal re-priced like the resource, in its region); cost plugins
that answer finfocus.v1 GetRecommendations add theirs; the merge keeps one per advice, naming
every source. `ignore` drops recommendation ids and types, and is passed to plugins as the ids
to exclude (finfocus's way of honouring a dismissal).
"""
from __future__ import annotations

from typing import Any, Mapping, Optional

from ..money import money
from ..plugins.recommendations import plugin_recommendations
from ..pricing.finite import total
from ..pricing.recommendation import Recommendation, merge
from ..recommend import recommend
from ..recommend.engine import ignored
from ..recommend.rules import RULE_IDS
from ..recommend.settings import DEV_STACKS, Settings
from .config import MONEY
from .model import NOTE, STACK, CostPolicy, Finding, StackContext

NAME = "cost-recommendations"
RECOMMENDATIONS = "recommendations"  # the data key of the summary finding

SCHEMA = {
    "minMonthlySaving": {**MONEY, "default": 1.0,
                         "description": "Smallest monthly saving worth a recommendation, in the resource's currency."},
    "ignore": {"type": "array", "items": {"type": "string"}, "default": [],
               "description": f"Recommendation ids ({', '.join(RULE_IDS)}, or a plugin's id) and "
                              "type tokens (globs allowed) not to recommend; plugins are asked to exclude the ids."},
    "s3InfrequentAccessShare": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5,
                                "description": "The share of an S3 bucket's data assumed unread for 30 days (what "
                                               "Intelligent-Tiering moves to its infrequent tier)."},
    "s3AverageObjectMb": {"type": "number", "exclusiveMinimum": 0, "default": 1.0,
                          "description": "The average S3 object size assumed for Intelligent-Tiering's monitoring "
                                         "fee (charged per object)."},
    "devStacks": {"type": "array", "items": {"type": "string"}, "default": list(DEV_STACKS),
                  "description": "Stack names (globs, any case) of development stacks, where one NAT gateway "
                                 "serves every AZ."},
    "askPlugins": {"type": "boolean", "default": True,
                   "description": "Also ask cost plugins that serve finfocus.v1 GetRecommendations."},
}


def collect(ctx: StackContext, config: Mapping[str, Any]) -> list[Recommendation]:
    """Ours and the plugins', merged, filtered by `ignore` and `minMonthlySaving`."""
    ignore = list(config.get("ignore") or [])
    minimum = float(config["minMonthlySaving"])
    estimates = list(ctx.stack.estimates.values())
    settings = Settings(float(config.get("s3InfrequentAccessShare", 0.5)), float(config.get("s3AverageObjectMb", 1.0)),
                        tuple(config.get("devStacks", DEV_STACKS)))
    ours = recommend(estimates, ctx.pricer, ignore, minimum, settings)
    theirs = plugin_recommendations(ctx.pricer, estimates, ignore) if config.get("askPlugins", True) else []
    return [r for r in merge(ours, theirs) if r.saving >= minimum and not ignored(r.id, r.type, ignore)]


def check(ctx: StackContext, config: Mapping[str, Any]) -> list[Finding]:
    recs = collect(ctx, config)
    found = [Finding(rec.message(), urn=rec.urn or None) for rec in recs]
    best: dict[tuple[str, str], float] = {}  # alternatives for one resource do not add up
    for rec in recs:
        best[(rec.urn, rec.currency)] = max(best.get((rec.urn, rec.currency), 0.0), rec.saving)
    by_currency: dict[str, list[float]] = {}
    for (_, currency), saving in best.items():
        by_currency.setdefault(currency, []).append(saving)
    text = " + ".join(f"{money(total(v), c)} {c}" for c, v in sorted(by_currency.items()))
    summary = f"{len(recs)} recommendation{'' if len(recs) == 1 else 's'}" + \
        (f", up to {text}/month (the best one per resource)" if recs else "")
    return found + [Finding(summary, NOTE, data={RECOMMENDATIONS: [r.as_json() for r in recs], "text": summary})]


def recommendations_of(findings: list[Finding]) -> Optional[list[dict]]:
    """The recommendations the policy made in this run, if it ran (for the summary and reports)."""
    return next((list(f.data[RECOMMENDATIONS]) for f in findings if RECOMMENDATIONS in f.data), None)


def summary_of(findings: list[Finding]) -> Optional[str]:
    return next((f.data["text"] for f in findings if RECOMMENDATIONS in f.data), None)


POLICY = CostPolicy(NAME, "Cheaper equivalents of the stack's resources, priced from the book.", STACK, SCHEMA, check,
                    severity="low",
                    remediation="Make the property change the message shows, or list the recommendation id or the "
                                "type in `ignore`.")
