"""OpinionKit: prepare and review a medical second opinion, on your own computer."""

__version__ = "0.1.0"
