"""Phase one: the registry read from data/*.yaml, validated, frozen; or every problem at once."""

from builder.registry.loader import FILES, Registry, load, validate_entries

__all__ = ["FILES", "Registry", "load", "validate_entries"]
