"""The policy pack Pulumi runs: `pulumi preview --policy-pack <this directory>`.

Only builds the PolicyPack; the policies are `pulumicost_policy.policies.POLICIES`, wrapped for the
SDK by `pulumicost_policy.pack`. Nothing may be printed on stdout before PolicyPack() starts: the
engine reads its first line as the port.
"""
from pulumi_policy import PolicyPack

from pulumicost_policy.gctune import tune_for_batch
from pulumicost_policy.pack import PACK_NAME, PackState, build_policies

state = PackState.start()
tune_for_batch()
PolicyPack(name=PACK_NAME, policies=build_policies(state), display_name="Pulumi cost estimates and budgets",
           description="Projected monthly cost of every resource and the stack, budget gates, cost-increase limits "
                       "and unpriced-resource checks, from a dated price book and cost plugins.",
           tags=["cost", "finops", "budget"])
