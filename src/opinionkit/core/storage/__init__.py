"""The sqlite-utils database, its migrations and the data folder."""
