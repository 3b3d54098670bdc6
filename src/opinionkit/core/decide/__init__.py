"""Comparing opinions and deciding: the grid, questions for each doctor, the decision guide, the printable report.

Qt-free. ``grid.grid`` sets two or three opinions side by side; ``question_drafts.draft``
turns their differences into questions; ``guide`` keeps the decision guide and records
the decision; ``report.comparison_report_html`` builds the printable comparison.
"""
