"""Validation and scoring of predictions against the gold."""
