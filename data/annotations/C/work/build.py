"""Build the three output records. Layers are switched on one by one (LAYERS)."""
import json, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from lib import Doc, dump_pretty, OUT
import actors

LAYERS = set(sys.argv[1:]) or {'actors', 'events', 'claims', 'relations'}


def build():
    docs = {}
    for did, fa in ((actors.D0, actors.actors_000), (actors.D4, actors.actors_004)):
        d = Doc(did)
        for eid, (t, n, q) in actors.ENTITIES.items():
            d.ent(eid, t, n, q)
        fa(d)
        used = {m['entity'] for m in d.mentions}
        d.entities = {k: v for k, v in d.entities.items() if k in used}
        docs[did] = d
    if 'events' in LAYERS:
        import events
        events.events_000(docs[actors.D0])
        events.events_004(docs[actors.D4])
    if 'claims' in LAYERS:
        import claims
        claims.claims_000(docs[actors.D0])
        claims.claims_004(docs[actors.D4])
    if 'relations' in LAYERS:
        import relations
        relations.relations_000(docs[actors.D0])
        relations.relations_004(docs[actors.D4])
    for d in docs.values():
        d.finalize()
    xrel = []
    if 'relations' in LAYERS and 'claims' in LAYERS and 'events' in LAYERS:
        import corrob
        xrel = corrob.apply(docs)   # adds in-doc links to d.rel_out, returns cross-doc ones
    recs = {did: d.record() for did, d in docs.items()}
    # corpus record
    ent_docs, ev_docs = {}, {}
    for did, r in recs.items():
        for m in r['mentions']:
            ent_docs.setdefault(m['entity'], set()).add(did)
        for e in r['events']:
            ev_docs.setdefault(e['cluster'], set()).add(did)
    order = list(recs)
    corpus = {'record': 'corpus', 'id': 'ceasefire-annot-C', 'documents': order,
              'entity_clusters': [{'id': k, 'documents': [x for x in order if x in v]}
                                  for k, v in sorted(ent_docs.items()) if len(v) > 1],
              'event_clusters': [{'id': k, 'documents': [x for x in order if x in v]}
                                 for k, v in sorted(ev_docs.items()) if len(v) > 1],
              'relations': xrel}
    os.makedirs(OUT, exist_ok=True)
    for did, r in recs.items():
        dump_pretty(r, f'{OUT}/{did}.json')
    dump_pretty(corpus, f'{OUT}/corpus.json')
    for did, r in recs.items():
        print(did, {k: len(r[k]) for k in ('mentions', 'entities', 'events', 'claims', 'relations')})
    print('corpus', {k: len(corpus[k]) for k in ('entity_clusters', 'event_clusters', 'relations')})
    return docs, recs, corpus


if __name__ == '__main__':
    build()
