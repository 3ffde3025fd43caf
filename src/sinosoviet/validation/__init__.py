"""Validation of the dataset: file structure, types, rules, keys and quotes, all in one report.

Imported only when validation is asked for: it pays for pandera.
"""

from sinosoviet.validation.problems import Problem, ValidationError
from sinosoviet.validation.validate import validate_datasets

__all__ = ["Problem", "ValidationError", "validate_datasets"]
