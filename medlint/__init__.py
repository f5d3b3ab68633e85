"""medlint: lint consumer medical articles stored as schema-validated YAML records."""

__version__ = "0.1.0"
