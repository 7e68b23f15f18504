"""RAMLens engine: memory lists, backends and actions. Never imports Qt."""

__version__ = "0.1.0"
