"""spaCy named entities as Ceasefire mentions: an extractor for `ceasefire-eval run examples.spacy_ner:extract`.

Needs `pip install spacy` and `python -m spacy download en_core_web_sm`.
"""

import spacy

nlp = spacy.load("en_core_web_sm")
TYPES = {"PERSON": "PERSON", "GPE": "STATE", "NORP": "STATE", "ORG": "ORG", "LOC": "LOCATION", "DATE": "TIME"}

def extract(text):
    doc = nlp(text)
    mentions = [{"id": f"m{i}", "start": e.start_char, "end": e.end_char, "text": e.text, "type": TYPES[e.label_]}
                for i, e in enumerate(doc.ents) if e.label_ in TYPES]
    return {"mentions": mentions}
