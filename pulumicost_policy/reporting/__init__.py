"""The versioned JSON report of a projected run and its safe writing (below the policies, which
write it from the stack summary, and the offline run, which writes it with --report)."""
