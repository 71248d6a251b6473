"""Pulumi inputs, the lowest layer: what Pulumi gives us (resources from the engine or from saved
plans, states and event streams), before anything knows about prices."""
