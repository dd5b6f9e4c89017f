"""Extractors that misbehave in the ways user code does, for the bad-input tests of `run`."""

import sys


def returns_set(text):
    return {"mentions": {"Putin"}}


class Mention:
    pass


def returns_object(text):
    return {"mentions": [Mention()]}


def returns_surrogate(text):
    return {"mentions": [{"id": "m\ud800", "text": "Putin", "type": "PERSON"}]}


def exits(text):
    sys.exit(3)


def corpus_list(records):
    return [{"type": "CORROBORATES"}]


def prints(text):
    print("loading my model ...")
    return {"mentions": [{"id": "m1", "text": "Putin", "type": "PERSON"}]}
