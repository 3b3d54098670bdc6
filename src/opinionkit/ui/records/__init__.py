"""The case's records tracker: every record, scan and slide, its holder, its timeline and its letters."""
