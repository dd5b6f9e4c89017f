"""Data lint of an annotated corpus beyond the validator, and the determinate rule for
CORROBORATES/CONTRADICTS it checks. Imports only the corpus room."""
