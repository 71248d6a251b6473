from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RecommendationCategory(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECOMMENDATION_CATEGORY_UNSPECIFIED: _ClassVar[RecommendationCategory]
    RECOMMENDATION_CATEGORY_COST: _ClassVar[RecommendationCategory]

class RecommendationActionType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECOMMENDATION_ACTION_TYPE_UNSPECIFIED: _ClassVar[RecommendationActionType]
    RECOMMENDATION_ACTION_TYPE_RIGHTSIZE: _ClassVar[RecommendationActionType]
    RECOMMENDATION_ACTION_TYPE_MODIFY: _ClassVar[RecommendationActionType]
RECOMMENDATION_CATEGORY_UNSPECIFIED: RecommendationCategory
RECOMMENDATION_CATEGORY_COST: RecommendationCategory
RECOMMENDATION_ACTION_TYPE_UNSPECIFIED: RecommendationActionType
RECOMMENDATION_ACTION_TYPE_RIGHTSIZE: RecommendationActionType
RECOMMENDATION_ACTION_TYPE_MODIFY: RecommendationActionType

class ResourceDescriptor(_message.Message):
    __slots__ = ("provider", "resource_type", "sku", "region", "tags", "utilization_percentage", "id", "arn")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    UTILIZATION_PERCENTAGE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    ARN_FIELD_NUMBER: _ClassVar[int]
    provider: str
    resource_type: str
    sku: str
    region: str
    tags: _containers.ScalarMap[str, str]
    utilization_percentage: float
    id: str
    arn: str
    def __init__(self, provider: _Optional[str] = ..., resource_type: _Optional[str] = ..., sku: _Optional[str] = ..., region: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ..., utilization_percentage: _Optional[float] = ..., id: _Optional[str] = ..., arn: _Optional[str] = ...) -> None: ...

class NameRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class NameResponse(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class SupportsRequest(_message.Message):
    __slots__ = ("resource",)
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    resource: ResourceDescriptor
    def __init__(self, resource: _Optional[_Union[ResourceDescriptor, _Mapping]] = ...) -> None: ...

class SupportsResponse(_message.Message):
    __slots__ = ("supported", "reason", "capabilities")
    class CapabilitiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: bool
        def __init__(self, key: _Optional[str] = ..., value: bool = ...) -> None: ...
    SUPPORTED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    supported: bool
    reason: str
    capabilities: _containers.ScalarMap[str, bool]
    def __init__(self, supported: bool = ..., reason: _Optional[str] = ..., capabilities: _Optional[_Mapping[str, bool]] = ...) -> None: ...

class GetProjectedCostRequest(_message.Message):
    __slots__ = ("resource", "utilization_percentage")
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    UTILIZATION_PERCENTAGE_FIELD_NUMBER: _ClassVar[int]
    resource: ResourceDescriptor
    utilization_percentage: float
    def __init__(self, resource: _Optional[_Union[ResourceDescriptor, _Mapping]] = ..., utilization_percentage: _Optional[float] = ...) -> None: ...

class GetProjectedCostResponse(_message.Message):
    __slots__ = ("unit_price", "currency", "cost_per_month", "billing_detail", "expires_at")
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    COST_PER_MONTH_FIELD_NUMBER: _ClassVar[int]
    BILLING_DETAIL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    unit_price: float
    currency: str
    cost_per_month: float
    billing_detail: str
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, unit_price: _Optional[float] = ..., currency: _Optional[str] = ..., cost_per_month: _Optional[float] = ..., billing_detail: _Optional[str] = ..., expires_at: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetActualCostRequest(_message.Message):
    __slots__ = ("resource_id", "start", "end", "tags", "arn", "page_size", "page_token")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    ARN_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    resource_id: str
    start: _timestamp_pb2.Timestamp
    end: _timestamp_pb2.Timestamp
    tags: _containers.ScalarMap[str, str]
    arn: str
    page_size: int
    page_token: str
    def __init__(self, resource_id: _Optional[str] = ..., start: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., end: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., tags: _Optional[_Mapping[str, str]] = ..., arn: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ActualCostResult(_message.Message):
    __slots__ = ("timestamp", "cost", "usage_amount", "usage_unit", "source", "currency", "resource_id", "provider")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    USAGE_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    USAGE_UNIT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    timestamp: _timestamp_pb2.Timestamp
    cost: float
    usage_amount: float
    usage_unit: str
    source: str
    currency: str
    resource_id: str
    provider: str
    def __init__(self, timestamp: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., cost: _Optional[float] = ..., usage_amount: _Optional[float] = ..., usage_unit: _Optional[str] = ..., source: _Optional[str] = ..., currency: _Optional[str] = ..., resource_id: _Optional[str] = ..., provider: _Optional[str] = ...) -> None: ...

class GetActualCostResponse(_message.Message):
    __slots__ = ("results", "next_page_token")
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[ActualCostResult]
    next_page_token: str
    def __init__(self, results: _Optional[_Iterable[_Union[ActualCostResult, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class PricingTier(_message.Message):
    __slots__ = ("min_quantity", "max_quantity", "rate_per_unit", "description")
    MIN_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    MAX_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    RATE_PER_UNIT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    min_quantity: float
    max_quantity: float
    rate_per_unit: float
    description: str
    def __init__(self, min_quantity: _Optional[float] = ..., max_quantity: _Optional[float] = ..., rate_per_unit: _Optional[float] = ..., description: _Optional[str] = ...) -> None: ...

class PricingSpec(_message.Message):
    __slots__ = ("provider", "resource_type", "sku", "region", "billing_mode", "rate_per_unit", "currency", "description", "plugin_metadata", "source", "unit", "assumptions", "pricing_tiers")
    class PluginMetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    BILLING_MODE_FIELD_NUMBER: _ClassVar[int]
    RATE_PER_UNIT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PLUGIN_METADATA_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    ASSUMPTIONS_FIELD_NUMBER: _ClassVar[int]
    PRICING_TIERS_FIELD_NUMBER: _ClassVar[int]
    provider: str
    resource_type: str
    sku: str
    region: str
    billing_mode: str
    rate_per_unit: float
    currency: str
    description: str
    plugin_metadata: _containers.ScalarMap[str, str]
    source: str
    unit: str
    assumptions: _containers.RepeatedScalarFieldContainer[str]
    pricing_tiers: _containers.RepeatedCompositeFieldContainer[PricingTier]
    def __init__(self, provider: _Optional[str] = ..., resource_type: _Optional[str] = ..., sku: _Optional[str] = ..., region: _Optional[str] = ..., billing_mode: _Optional[str] = ..., rate_per_unit: _Optional[float] = ..., currency: _Optional[str] = ..., description: _Optional[str] = ..., plugin_metadata: _Optional[_Mapping[str, str]] = ..., source: _Optional[str] = ..., unit: _Optional[str] = ..., assumptions: _Optional[_Iterable[str]] = ..., pricing_tiers: _Optional[_Iterable[_Union[PricingTier, _Mapping]]] = ...) -> None: ...

class GetPricingSpecRequest(_message.Message):
    __slots__ = ("resource",)
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    resource: ResourceDescriptor
    def __init__(self, resource: _Optional[_Union[ResourceDescriptor, _Mapping]] = ...) -> None: ...

class GetPricingSpecResponse(_message.Message):
    __slots__ = ("spec",)
    SPEC_FIELD_NUMBER: _ClassVar[int]
    spec: PricingSpec
    def __init__(self, spec: _Optional[_Union[PricingSpec, _Mapping]] = ...) -> None: ...

class GetPluginInfoRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetPluginInfoResponse(_message.Message):
    __slots__ = ("name", "version", "spec_version", "providers", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    SPEC_VERSION_FIELD_NUMBER: _ClassVar[int]
    PROVIDERS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    spec_version: str
    providers: _containers.RepeatedScalarFieldContainer[str]
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ..., spec_version: _Optional[str] = ..., providers: _Optional[_Iterable[str]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class RecommendationFilter(_message.Message):
    __slots__ = ("provider", "region", "resource_type", "sku")
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    provider: str
    region: str
    resource_type: str
    sku: str
    def __init__(self, provider: _Optional[str] = ..., region: _Optional[str] = ..., resource_type: _Optional[str] = ..., sku: _Optional[str] = ...) -> None: ...

class GetRecommendationsRequest(_message.Message):
    __slots__ = ("filter", "projection_period", "page_size", "page_token", "excluded_recommendation_ids", "target_resources")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    PROJECTION_PERIOD_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_RECOMMENDATION_IDS_FIELD_NUMBER: _ClassVar[int]
    TARGET_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    filter: RecommendationFilter
    projection_period: str
    page_size: int
    page_token: str
    excluded_recommendation_ids: _containers.RepeatedScalarFieldContainer[str]
    target_resources: _containers.RepeatedCompositeFieldContainer[ResourceDescriptor]
    def __init__(self, filter: _Optional[_Union[RecommendationFilter, _Mapping]] = ..., projection_period: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., excluded_recommendation_ids: _Optional[_Iterable[str]] = ..., target_resources: _Optional[_Iterable[_Union[ResourceDescriptor, _Mapping]]] = ...) -> None: ...

class ResourceRecommendationInfo(_message.Message):
    __slots__ = ("id", "name", "provider", "resource_type", "region", "sku")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    provider: str
    resource_type: str
    region: str
    sku: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., provider: _Optional[str] = ..., resource_type: _Optional[str] = ..., region: _Optional[str] = ..., sku: _Optional[str] = ...) -> None: ...

class RightsizeAction(_message.Message):
    __slots__ = ("current_sku", "recommended_sku", "current_instance_type", "recommended_instance_type")
    CURRENT_SKU_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_SKU_FIELD_NUMBER: _ClassVar[int]
    CURRENT_INSTANCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_INSTANCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    current_sku: str
    recommended_sku: str
    current_instance_type: str
    recommended_instance_type: str
    def __init__(self, current_sku: _Optional[str] = ..., recommended_sku: _Optional[str] = ..., current_instance_type: _Optional[str] = ..., recommended_instance_type: _Optional[str] = ...) -> None: ...

class ModifyAction(_message.Message):
    __slots__ = ("modification_type", "current_config", "recommended_config")
    class CurrentConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class RecommendedConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    MODIFICATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_CONFIG_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_CONFIG_FIELD_NUMBER: _ClassVar[int]
    modification_type: str
    current_config: _containers.ScalarMap[str, str]
    recommended_config: _containers.ScalarMap[str, str]
    def __init__(self, modification_type: _Optional[str] = ..., current_config: _Optional[_Mapping[str, str]] = ..., recommended_config: _Optional[_Mapping[str, str]] = ...) -> None: ...

class RecommendationImpact(_message.Message):
    __slots__ = ("estimated_savings", "currency", "projection_period", "current_cost", "projected_cost")
    ESTIMATED_SAVINGS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PROJECTION_PERIOD_FIELD_NUMBER: _ClassVar[int]
    CURRENT_COST_FIELD_NUMBER: _ClassVar[int]
    PROJECTED_COST_FIELD_NUMBER: _ClassVar[int]
    estimated_savings: float
    currency: str
    projection_period: str
    current_cost: float
    projected_cost: float
    def __init__(self, estimated_savings: _Optional[float] = ..., currency: _Optional[str] = ..., projection_period: _Optional[str] = ..., current_cost: _Optional[float] = ..., projected_cost: _Optional[float] = ...) -> None: ...

class Recommendation(_message.Message):
    __slots__ = ("id", "category", "action_type", "resource", "rightsize", "modify", "impact", "description", "reasoning", "source", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    ACTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    RIGHTSIZE_FIELD_NUMBER: _ClassVar[int]
    MODIFY_FIELD_NUMBER: _ClassVar[int]
    IMPACT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    REASONING_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    id: str
    category: RecommendationCategory
    action_type: RecommendationActionType
    resource: ResourceRecommendationInfo
    rightsize: RightsizeAction
    modify: ModifyAction
    impact: RecommendationImpact
    description: str
    reasoning: _containers.RepeatedScalarFieldContainer[str]
    source: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, id: _Optional[str] = ..., category: _Optional[_Union[RecommendationCategory, str]] = ..., action_type: _Optional[_Union[RecommendationActionType, str]] = ..., resource: _Optional[_Union[ResourceRecommendationInfo, _Mapping]] = ..., rightsize: _Optional[_Union[RightsizeAction, _Mapping]] = ..., modify: _Optional[_Union[ModifyAction, _Mapping]] = ..., impact: _Optional[_Union[RecommendationImpact, _Mapping]] = ..., description: _Optional[str] = ..., reasoning: _Optional[_Iterable[str]] = ..., source: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetRecommendationsResponse(_message.Message):
    __slots__ = ("recommendations", "next_page_token")
    RECOMMENDATIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    recommendations: _containers.RepeatedCompositeFieldContainer[Recommendation]
    next_page_token: str
    def __init__(self, recommendations: _Optional[_Iterable[_Union[Recommendation, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DismissRecommendationRequest(_message.Message):
    __slots__ = ("recommendation_id", "reason", "custom_reason")
    RECOMMENDATION_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_REASON_FIELD_NUMBER: _ClassVar[int]
    recommendation_id: str
    reason: int
    custom_reason: str
    def __init__(self, recommendation_id: _Optional[str] = ..., reason: _Optional[int] = ..., custom_reason: _Optional[str] = ...) -> None: ...

class DismissRecommendationResponse(_message.Message):
    __slots__ = ("success", "message", "recommendation_id")
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDATION_ID_FIELD_NUMBER: _ClassVar[int]
    success: bool
    message: str
    recommendation_id: str
    def __init__(self, success: bool = ..., message: _Optional[str] = ..., recommendation_id: _Optional[str] = ...) -> None: ...
