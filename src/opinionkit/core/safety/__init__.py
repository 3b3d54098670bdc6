"""Keeping the data safe: backups, restoring them, and checking the data folder."""
