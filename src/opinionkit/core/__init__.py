"""The Qt-free core: domain types, storage and services.

Nothing under this package may import Qt, the UI, the renderer or the CLI;
an import-linter contract and tests/core/test_layering.py enforce it.
"""
