"""The `pulumicost.v1` cost-source protocol: `costsource.proto` and the code generated from it.

Import the generated modules directly (`from pulumicost_policy.protocol import costsource_pb2`);
this package imports nothing itself so that `codegen` can run before they exist.
"""
