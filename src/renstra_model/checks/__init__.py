"""Compliance checks: findings as data, the registry of rules and the engine that runs them,
the kit the rules share, the settings of ``renstra check``, and the rules themselves in
:mod:`renstra_model.checks.rules` (one module a family group).
"""

from .batch import Checked, check_many
from .config import ConfigError, Settings, load_settings
from .engine import RULE_MODULES, at_or_above, check, select_rules
from .findings import Finding, Location, Severity, Text
from .registry import FAMILIES, RULES, Context, Found, Rule, rule

__all__ = [
    "FAMILIES",
    "RULES",
    "RULE_MODULES",
    "Checked",
    "ConfigError",
    "Context",
    "Finding",
    "Found",
    "Location",
    "Rule",
    "Settings",
    "Severity",
    "Text",
    "at_or_above",
    "check",
    "check_many",
    "load_settings",
    "rule",
    "select_rules",
]
