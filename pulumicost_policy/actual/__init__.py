"""Step 5 of the flow: actual historical costs (aggregation rules from the seeds' algorithms)."""
