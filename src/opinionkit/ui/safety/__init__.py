"""Data safety in the window: backup, restore, the data check, the trash, rolling backups."""
