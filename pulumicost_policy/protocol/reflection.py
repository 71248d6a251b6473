"""What a plugin's gRPC server reflection describes: the CostSourceService under both names.

The published plugin SDK registers server reflection, and tools (grpcurl, the finfocus host's
diagnostics) list and call a plugin through it. Our messages are one file, `pulumicost.v1`; hosts on
spec v0.5+ call the same messages as `finfocus.v1`. The pool holds that file and a copy renamed to
`finfocus.v1`, so a lookup of either service finds a complete description.
"""
from __future__ import annotations

from functools import lru_cache

from google.protobuf import descriptor_pb2, descriptor_pool

from . import costsource_pb2 as pb
from .methods import SERVICES

OURS = pb.DESCRIPTOR.package            # pulumicost.v1
ALIAS = "finfocus.v1"


def _renamed(proto: descriptor_pb2.FileDescriptorProto) -> descriptor_pb2.FileDescriptorProto:
    """The same file under the `finfocus.v1` package: every reference to our types follows."""
    copy = descriptor_pb2.FileDescriptorProto()
    copy.CopyFrom(proto)
    copy.name = proto.name.replace(".proto", "") + f".{ALIAS}.proto"
    copy.package = ALIAS

    def fix(name: str) -> str:
        return f".{ALIAS}." + name[len(OURS) + 2:] if name.startswith(f".{OURS}.") else name

    def walk(messages) -> None:
        for message in messages:
            for field in message.field:
                if field.HasField("type_name"):  # proto2 presence: scalars must stay without one
                    field.type_name = fix(field.type_name)
            walk(message.nested_type)

    walk(copy.message_type)
    for service in copy.service:
        for method in service.method:
            method.input_type, method.output_type = fix(method.input_type), fix(method.output_type)
    return copy


@lru_cache(maxsize=1)
def reflection_pool() -> descriptor_pool.DescriptorPool:
    pool = descriptor_pool.DescriptorPool()
    for dependency in pb.DESCRIPTOR.dependencies:
        dep = descriptor_pb2.FileDescriptorProto()
        dependency.CopyToProto(dep)
        pool.Add(dep)
    ours = descriptor_pb2.FileDescriptorProto()
    pb.DESCRIPTOR.CopyToProto(ours)
    pool.Add(ours)
    pool.Add(_renamed(ours))
    for service in SERVICES:
        pool.FindServiceByName(service)  # both are complete: fails here, not in a client's lookup
    return pool
