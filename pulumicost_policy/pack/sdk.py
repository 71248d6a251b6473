"""The policies as the pulumi-policy SDK runs them: each `CostPolicy` wrapped once, the same way.

A wrapped policy turns SDK args into what the check takes (an estimate, or a StackContext), and the
check's findings into SDK calls: violations are reported, not-applicable is declared, notes and
warnings stay data for the summary. Nothing may escape a validate function: an exception there
fails the user's whole preview, so a bug becomes a diagnostic on that resource.
"""
from __future__ import annotations

import os
import sys
from typing import Any, Callable

from pulumi_policy import (EnforcementLevel, Policy, PolicyConfigSchema, ResourceValidationArgs,
                           ResourceValidationPolicy, Severity, StackValidationArgs, StackValidationPolicy)

from ..policies import NOT_APPLICABLE, POLICIES, RESOURCE, VIOLATION, CostPolicy, Finding, StackContext
from .secrets import keep_secret_marks
from .state import PackState


def build_policies(state: PackState) -> list[Policy]:
    """One SDK policy per entry of POLICIES, in that order (stack policies run in it)."""
    keep_secret_marks()
    state.stack_order = [p.name for p in POLICIES if p.kind != RESOURCE]
    state.resource_order = [p.name for p in POLICIES if p.kind == RESOURCE]
    return [_wrap(policy, state) for policy in POLICIES]


def _wrap(policy: CostPolicy, state: PackState) -> Policy:
    validate = _resource_validate(policy, state) if policy.kind == RESOURCE else _stack_validate(policy, state)
    cls = ResourceValidationPolicy if policy.kind == RESOURCE else StackValidationPolicy
    schema = PolicyConfigSchema(properties=dict(policy.schema)) if policy.schema else None
    return cls(name=policy.name, description=policy.description, validate=validate,
               enforcement_level=EnforcementLevel.ADVISORY, config_schema=schema,
               severity=Severity(policy.severity), remediation_steps=policy.remediation or None,
               tags=["cost"])


def _resource_validate(policy: CostPolicy, state: PackState) -> Callable[..., None]:
    def validate(args: ResourceValidationArgs, report_violation) -> None:
        try:
            est = state.estimate_once(policy.name, args)
            findings = policy.run(est, args.get_config() or {})
        except Exception as err:  # noqa: BLE001 - never fail the user's preview
            print(f"pulumicost: internal error in {policy.name} on {args.urn}: {type(err).__name__}", file=sys.stderr)
            report_violation(f"{args.name}: {policy.name} could not run (internal error {type(err).__name__}); "
                             "please report it with the resource type")
            return
        _report(findings, args, report_violation, resource=True)

    return validate


def _stack_validate(policy: CostPolicy, state: PackState) -> Callable[..., None]:
    def validate(args: StackValidationArgs, report_violation) -> None:
        try:
            stack, run = state.stack_cost(policy.name, args)
            ctx = StackContext(stack, state.pricer, earlier=run.findings, problems=state.problems() + run.notes,
                               stack_name=os.environ.get("PULUMI_STACK", ""),
                               project=os.environ.get("PULUMI_PROJECT", ""))
            findings = policy.run(ctx, args.get_config() or {})
            run.findings[policy.name] = findings
        except Exception as err:  # noqa: BLE001 - never fail the user's preview
            print(f"pulumicost: internal error in {policy.name}: {type(err).__name__}", file=sys.stderr)
            report_violation(f"{policy.name} could not run (internal error {type(err).__name__}); please report it")
            return
        _report(findings, args, report_violation, resource=False)

    return validate


def _report(findings: list[Finding], args: Any, report_violation, resource: bool) -> None:
    for finding in findings:
        if finding.kind == VIOLATION:
            report_violation(finding.message, None if resource else finding.urn)
    reasons = [f.message for f in findings if f.kind == NOT_APPLICABLE]
    if reasons:
        args.not_applicable("; ".join(reasons))  # raises: the SDK records the policy as not applicable
