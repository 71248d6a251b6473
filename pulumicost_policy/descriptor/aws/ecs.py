"""ECS services (Fargate vCPU and memory hours; on EC2, free) and the Fargate task lines."""
from __future__ import annotations

from ..model import Free, Mapped, Unpriced, running
from ..resolve import RESOLVED_TASK
from ..registry import MONTHLY_HRS, PricedType, keys
from ..values import Props
from .common import INSTANCES


def ecs_service(p: Props) -> Mapped | Free | Unpriced:
    launch = (p.str("launchType") or "").upper()
    strategy = (p.str("capacityProviderStrategies[0].capacityProvider") or "").upper()
    if launch == "EC2" or (not launch and not strategy.startswith("FARGATE")):
        return Free("an ECS service on EC2 is billed by its container instances")
    if not p.has(f"{RESOLVED_TASK}.cpu"):
        return Unpriced("Fargate task size (cpu, memory) comes from the task definition, not found in this stack "
                        "view (resolved when the whole stack is priced: offline run, stack summary)")
    cpu, memory = p.num(f"{RESOLVED_TASK}.cpu"), p.num(f"{RESOLVED_TASK}.memory")
    if not cpu or not memory:
        return Unpriced("the task definition sets no cpu or memory (Fargate needs both)")
    arch = (p.str(f"{RESOLVED_TASK}.runtimePlatform.cpuArchitecture", "X86_64") or "X86_64").lower()
    return fargate_task(cpu, memory, p.num("desiredCount", 1.0) or 0.0, "arm64" if arch == "arm64" else "x86_64")


def fargate_task(cpu_units: float, memory_mb: float, count: float, arch: str) -> Mapped:
    """Fargate per-task vCPU and memory hours (used when the task definition is resolved)."""
    return Mapped(f"fargate-{arch}", [
        running("Per GB per hour", "ecs:Fargate", f"memory-{arch}", memory_mb / 1024 * count, "instances"),
        running("Per vCPU per hour", "ecs:Fargate", f"vcpu-{arch}", cpu_units / 1024 * count, "instances"),
    ])


TYPES = (
    PricedType(("aws:ecs/service:Service",), "ecs:Service", ecs_service,
               keys("ecs:Fargate vcpu-x86_64", "ecs:Fargate memory-x86_64", "ecs:Fargate vcpu-arm64",
                    "ecs:Fargate memory-arm64"), (MONTHLY_HRS, INSTANCES),
               "Fargate vCPU and memory hours x tasks (task definition resolved in the stack); EC2 launch free"),
)
