"""Preparing the visit in the window: the case overview with its next steps, questions, coverage,
appointments, the Today list and the calendar file."""
