"""The Ceasefire schema, record format and validator.

``load_schema()`` reads schema.yaml; ``validate_records()`` checks records
against it and against their text; ``read_records()`` parses files.
"""

from .model import Schema, SchemaError, load_schema
from .problems import InputError, Location, Problem
from .records import Loaded, read_records

__all__ = ["Schema", "SchemaError", "load_schema", "InputError", "Location", "Problem", "Loaded", "read_records"]
