"""Annotation pipeline: Label Studio round trip, dataset build and publishing."""
