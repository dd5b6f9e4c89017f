import json, sys, importlib
import engine, ents, doc000, doc004
DOCS = [doc000, doc004]
recs, infos = {}, {}
for d in DOCS:
    rel = list(d.RELATIONS) + list(getattr(d, 'LINKS', []))
    rec, info = engine.build(d.DOC, d.MENTIONS, ents.ENTITIES, d.EVENTS, d.CLAIMS, rel)
    recs[d.DOC], infos[d.DOC] = rec, info
# corpus record
ids = list(recs)
def users(kind):
    u = {}
    for doc, rec in recs.items():
        vals = {m['entity'] for m in rec['mentions']} if kind == 'e' else {e['cluster'] for e in rec['events']}
        for v in vals:
            u.setdefault(v, []).append(doc)
    return [dict(id=k, documents=v) for k, v in sorted(u.items()) if len(v) > 1]
try:
    import xlinks
    xrel = xlinks.corpus_links(recs, infos)
except ImportError:
    xrel = []
corpus = {'record': 'corpus', 'id': 'ceasefire-annot-D', 'documents': ids,
          'entity_clusters': users('e'), 'event_clusters': users('v'), 'relations': xrel}
for doc, rec in recs.items():
    engine.dump_doc(rec, f'{engine.OUT}/{doc}.json')
with open(f'{engine.OUT}/corpus.json', 'w', encoding='utf-8') as f:
    f.write('{\n')
    keys = list(corpus)
    for i, k in enumerate(keys):
        v = corpus[k]
        c = ',' if i < len(keys) - 1 else ''
        if isinstance(v, list) and v and isinstance(v[0], dict):
            f.write(f' {json.dumps(k)}: [\n' + ',\n'.join('  ' + json.dumps(x, ensure_ascii=False) for x in v) + f'\n ]{c}\n')
        else:
            f.write(f' {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{c}\n')
    f.write('}\n')
for doc, rec in recs.items():
    print(doc, {k: len(rec[k]) for k in ('mentions', 'entities', 'events', 'claims', 'relations')})
print('corpus', {k: len(corpus[k]) for k in ('entity_clusters', 'event_clusters', 'relations')})
