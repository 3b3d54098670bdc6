"""Forms that create and edit people, cases and providers through the core services."""
