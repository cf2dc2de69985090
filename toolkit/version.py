"""The toolkit's version: one home, imported by the package and recorded in every table's ``attrs``."""

__version__ = "0.1.0"
