"""Step 1 of the flow: a Pulumi resource becomes a ResourceDescriptor (or Free, or Unpriced)."""
from .catalog import describe
from ..inputs.resource import ResourceInput
from .model import CostComponent, Description, Free, ResourceDescriptor, Unpriced, provider_of
from .values import to_plain

__all__ = ["describe", "provider_of", "CostComponent", "Description", "Free", "ResourceDescriptor",
           "ResourceInput", "Unpriced", "to_plain"]
