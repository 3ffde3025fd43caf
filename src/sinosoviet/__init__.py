"""sinosoviet: cited figures on the Soviet deportations of Chinese people and the 1962 exodus.

Every table is a pandas DataFrame typed from its Frictionless Table Schema::

    >>> import sinosoviet
    >>> sinosoviet.tables()            # the table names
    >>> sinosoviet.load("deportations")  # one row per claim, with its quote
    >>> sinosoviet.describe("deportations")  # the codebook of that table
    >>> sinosoviet.cite("dep-1938-vladivostok-ayagoz-first-batch")

Importing the package reads no file: schemas and data are read on first use.
"""

__version__ = "0.1.0"

from sinosoviet.citation import cite
from sinosoviet.tables import describe, figure_tables, load, tables

__all__ = ["__version__", "cite", "describe", "figure_tables", "load", "tables"]
