"""The "Compare & decide" section: the comparison grid, questions for each doctor, and the decision guide."""
