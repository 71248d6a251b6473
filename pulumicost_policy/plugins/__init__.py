"""Cost-source plugins: the SDK a plugin is written with, and the host that discovers, launches and
calls them for the pack and for `actual` (`python -m pulumicost_policy.plugins install|list|validate|conformance`).
"""
