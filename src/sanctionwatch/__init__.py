"""sanctionwatch: sanctions monitoring for a multilateral panel."""

__version__ = "0.1.0"
