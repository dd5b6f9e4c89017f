"""Annotation pipeline, in rooms by job (imports go one way: corpus <- lint, labelstudio, dataset):

- ``corpus/``: the corpus folder, add, preannotate, diff, adjudicate, writing records
- ``lint/``: data lint beyond the validator
- ``labelstudio/``: the Label Studio round trip (config, tasks, import, serve, pull)
- ``dataset/``: the Hugging Face dataset (build, card, summary, datasheet, publish)

``cli.py`` dispatches ``ceasefire-annotate`` to the commands each room declares.
"""
