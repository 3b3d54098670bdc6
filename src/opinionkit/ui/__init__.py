"""The window: pages, dialogs, Qt models and tasks over the core services."""
