"""The compliance rules, one module a family group; each registers its rules on import."""
