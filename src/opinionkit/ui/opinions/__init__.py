"""The "Opinions" section: each doctor's opinion with its letter, and two letters side by side.

``comparison_view.ComparisonView`` shows any ``Comparison`` (aligned sentences,
word differences, key terms); ``compare_task.compare_opinions`` makes the task
that produces one for two opinions off the GUI thread. Both are meant to be
reused wherever opinions are compared.
"""
