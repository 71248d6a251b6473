"""Test tooling shipped with the package: the engine harness the tests and the benchmark drive the
pack with (the Pulumi CLI is not needed)."""
