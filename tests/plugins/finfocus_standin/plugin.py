"""A stand-in for the published finfocus aws-public plugin (v0.1.8, spec v0.5), written from the
spec and shared/protocols/costsource.md, not from our SDK:

- serves only `finfocus.v1.CostSourceService` (pulumicost.v1 calls get UNIMPLEMENTED);
- port from `--port=N` / `--port N`, else FINFOCUS_PLUGIN_PORT; prints `PORT=<n>`;
- GetProjectedCost understands the Pulumi type token or the bare service (`ec2`), never the
  seeds' short form `ec2:Instance`; prices EC2 from the price book (its figures are the book's);
  answers OK with $0 and "Resource type ... not supported for cost estimation" for anything else,
  OK with $0 and "vpc has no direct AWS charges" for a VPC, FAILED_PRECONDITION for another region;
- Supports answers INVALID_ARGUMENT "no plugin registered" (SDK <= v0.6);
- GetActualCost refuses an ARN without a `sku` tag (INVALID_ARGUMENT), else returns one record a
  day, in pages of STANDIN_PAGE_SIZE (default 3) through next_page_token;
- STANDIN_MODE=nameonly serves Name only (every other call UNIMPLEMENTED);
- GetRecommendations: m4 -> m5 and t3 -> t3a of the same size, savings from the price book,
  honouring excluded_recommendation_ids;
- every GetProjectedCost/GetActualCost is appended to STANDIN_LOG (if set) so tests count calls.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import time
from concurrent import futures

import grpc

from pulumicost_policy.pricing.pricebook import PriceBook
from pulumicost_policy.protocol import costsource_pb2 as pb

SERVICE = "finfocus.v1.CostSourceService"
REGION = os.environ.get("STANDIN_REGION", "us-east-1")  # set by its launcher: one binary per region
LOG = os.environ.get("STANDIN_LOG")
PAGE = int(os.environ.get("STANDIN_PAGE_SIZE", "3"))
BOOK = PriceBook.load()


def _log(line: str) -> None:
    if LOG:
        with open(LOG, "a", encoding="utf-8") as out:
            out.write(line + "\n")


def name(request, context):
    return pb.NameResponse(name="aws-public")


def info(request, context):
    return pb.GetPluginInfoResponse(name="aws-public", version="0.1.8", spec_version="0.5.0", providers=["aws"])


def supports(request, context):
    context.abort(grpc.StatusCode.INVALID_ARGUMENT, "no plugin registered for this resource")


def projected(request, context):
    res = request.resource
    _log(f"projected {res.resource_type} {res.sku} {res.region} id={res.id} tags={sorted(res.tags.items())} served-by={REGION}")
    if res.region != REGION:
        context.abort(grpc.StatusCode.FAILED_PRECONDITION, f"this binary serves {REGION}, not {res.region}")
    if res.resource_type in ("aws:ec2/instance:Instance", "ec2"):
        spec = BOOK.get("aws", "ec2:Instance", res.sku, res.region)
        if spec is not None:
            return pb.GetProjectedCostResponse(unit_price=spec.rate_per_unit, currency="USD",
                                               cost_per_month=spec.rate_per_unit * 730,
                                               billing_detail="On-demand Linux, Shared tenancy, 730 hrs/month")
    if res.resource_type in ("aws:ec2/vpc:Vpc", "vpc"):
        return pb.GetProjectedCostResponse(currency="USD", billing_detail="vpc has no direct AWS charges")
    return pb.GetProjectedCostResponse(
        currency="USD", billing_detail=f'Resource type "{res.resource_type}" not supported for cost estimation')


def actual(request, context):
    _log(f"actual {request.resource_id} arn={request.arn} tags={sorted(request.tags.items())} page={request.page_token}"
         f" served-by={REGION}")
    if request.tags.get("region", REGION) != REGION:
        context.abort(grpc.StatusCode.FAILED_PRECONDITION, f"this binary serves {REGION}, not {request.tags['region']}")
    if request.arn and not request.tags.get("sku"):
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, "sku tag is required when an ARN is given")
    start = request.start.ToDatetime(tzinfo=dt.timezone.utc)
    days = (request.end.ToDatetime(tzinfo=dt.timezone.utc) - start).days
    first = int(request.page_token or 0)
    results = []
    for day in range(first, min(days, first + PAGE)):
        stamp = pb.ActualCostResult().timestamp
        stamp.FromDatetime(start + dt.timedelta(days=day))
        results.append(pb.ActualCostResult(timestamp=stamp, cost=1.25, source="aws-public"))
    more = first + PAGE < days
    return pb.GetActualCostResponse(results=results, next_page_token=str(first + PAGE) if more else "")


# What the stand-in recommends (finfocus's rightsizing shape): an m4 to the m5 of its size (the same
# advice as ours: the host must merge them) and a t3 to the t3a of its size (ours has no such rule).
SWAPS = {"m4": "m5", "t3": "t3a"}


def recommendations(request, context):
    _log(f"recommendations targets={len(request.target_resources)} excluded={sorted(request.excluded_recommendation_ids)}")
    out = []
    for res in request.target_resources:
        family, _, size = res.sku.partition(".")
        if res.resource_type != "aws:ec2/instance:Instance" or res.region != REGION or family not in SWAPS:
            continue
        new = f"{SWAPS[family]}.{size}"
        now, then = BOOK.get("aws", "ec2:Instance", res.sku, REGION), BOOK.get("aws", "ec2:Instance", new, REGION)
        rec_id = f"standin-{SWAPS[family]}-{res.id.rsplit('::', 1)[-1]}"
        if now is None or then is None or then.rate_per_unit >= now.rate_per_unit \
                or rec_id in request.excluded_recommendation_ids:
            continue
        out.append(pb.Recommendation(
            id=rec_id, category=pb.RECOMMENDATION_CATEGORY_COST, action_type=pb.RECOMMENDATION_ACTION_TYPE_RIGHTSIZE,
            resource=pb.ResourceRecommendationInfo(id=res.id, provider="aws", resource_type=res.resource_type,
                                                   region=REGION, sku=res.sku),
            rightsize=pb.RightsizeAction(current_sku=res.sku, recommended_sku=new),
            impact=pb.RecommendationImpact(estimated_savings=(now.rate_per_unit - then.rate_per_unit) * 730,
                                           currency="USD", projection_period="monthly",
                                           current_cost=now.rate_per_unit * 730, projected_cost=then.rate_per_unit * 730),
            description=f"Rightsize {family} to {SWAPS[family]}", source="aws-public"))
    return pb.GetRecommendationsResponse(recommendations=out)


HANDLERS = {
    "Name": (name, pb.NameRequest, pb.NameResponse),
    "GetPluginInfo": (info, pb.GetPluginInfoRequest, pb.GetPluginInfoResponse),
    "Supports": (supports, pb.SupportsRequest, pb.SupportsResponse),
    "GetProjectedCost": (projected, pb.GetProjectedCostRequest, pb.GetProjectedCostResponse),
    "GetActualCost": (actual, pb.GetActualCostRequest, pb.GetActualCostResponse),
    "GetRecommendations": (recommendations, pb.GetRecommendationsRequest, pb.GetRecommendationsResponse),
}


if os.environ.get("STANDIN_MODE") == "nameonly":  # a plugin that answers nothing useful
    HANDLERS = {"Name": HANDLERS["Name"]}


def port_from_args(argv: list[str]) -> int:
    for i, arg in enumerate(argv):
        if arg.startswith("--port="):
            return int(arg.split("=", 1)[1])
        if arg == "--port" and i + 1 < len(argv):
            return int(argv[i + 1])
    return int(os.environ.get("FINFOCUS_PLUGIN_PORT") or 0)


def main() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE, {
        method: grpc.unary_unary_rpc_method_handler(fn, request_deserializer=req.FromString,
                                                    response_serializer=resp.SerializeToString)
        for method, (fn, req, resp) in HANDLERS.items()}),))
    port = server.add_insecure_port(f"127.0.0.1:{port_from_args(sys.argv[1:])}")
    server.start()
    print(f"PORT={port}", flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
