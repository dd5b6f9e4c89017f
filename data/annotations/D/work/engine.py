import json, re, os
GIVEN = '/work/annot-D/given'
OUT = '/work/annot-D/out'
META = {d['id']: d for d in json.load(open(f'{GIVEN}/articles/articles.json'))}

def load_text(doc):
    return open(f"{GIVEN}/articles/{META[doc]['seed_file']}", encoding='utf-8').read()

def find_ctx(text, ctx, span=None, n=0, base=0):
    """Locate `span` (n-th occurrence) inside the unique context string `ctx`."""
    i = text.find(ctx, base)
    assert i >= 0, f'ctx not found: {ctx!r}'
    assert text.find(ctx, i + 1) < 0 or base, f'ctx not unique: {ctx!r}'
    if span is None:
        return i, i + len(ctx)
    j = -1
    for _ in range(n + 1):
        j = ctx.find(span, j + 1)
        assert j >= 0, f'span {span!r} not in ctx {ctx!r}'
    return i + j, i + j + len(span)

def sentences(text):
    """Sentence boundaries: newline, or . ! ? (plus closing quote) followed by space and a capital/quote."""
    bounds = []
    start = 0
    for m in re.finditer(r'\n+|(?<=[.!?])[”"]?\s+(?=[A-Z“"])', text):
        # avoid splitting after abbreviations like U.S.
        pre = text[max(0, m.start() - 4):m.start()]
        if pre.endswith('U.S.') and not m.group().startswith('\n'):
            continue
        bounds.append((start, m.start() if m.group().startswith('\n') else m.start() + (1 if m.group()[0] in '”"' else 0)))
        start = m.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if b > a]

def sent_of(sents, pos):
    for k, (a, b) in enumerate(sents):
        if a <= pos < b:
            return k
    raise ValueError(pos)

def build(doc, MENTIONS, ENTITIES, EVENTS, CLAIMS, RELATIONS):
    text = load_text(doc)
    sents = sentences(text)
    ms = {}
    for spec in MENTIONS:
        key, ctx, span, typ, lvl, ent = spec[:6]
        n = spec[6] if len(spec) > 6 else 0
        s, e = find_ctx(text, ctx, span, n)
        assert key not in ms, key
        ms[key] = dict(start=s, end=e, text=text[s:e], type=typ, level=lvl, entity=ent)
    evs = {}
    for spec in EVENTS:
        key, ctx, span, typ, mode, pol, mod, cl, args = spec
        s, e = find_ctx(text, ctx, span)
        assert key not in evs, key
        evs[key] = dict(type=typ, mode=mode, trigger=dict(start=s, end=e, text=text[s:e]),
                        polarity=pol, modality=mod, cluster=cl, args=args)
    # resolve arguments: '@entity' -> closest mention of entity in same sentence, else closest preceding
    def resolve(ent, s, e):
        k = sent_of(sents, s)
        cands = [(key, m) for key, m in ms.items() if m['entity'] == ent]
        same = [(key, m) for key, m in cands if sent_of(sents, m['start']) == k]
        if same:
            return min(same, key=lambda km: (max(km[1]['start'] - e, s - km[1]['end'], 0), km[1]['start']))[0]
        prev = [(key, m) for key, m in cands if m['end'] <= s]
        assert prev, f'no mention of {ent} before {s}'
        return max(prev, key=lambda km: km[1]['end'])[0]
    for key, ev in evs.items():
        out = []
        for role, ref in ev['args']:
            if ref.startswith('@'):
                ref = resolve(ref[1:], ev['trigger']['start'], ev['trigger']['end'])
            elif ref.startswith('='):
                ref = ref[1:]
                assert ref in ms, ref
            else:
                assert ref in evs, (key, ref)
            out.append((role, ref))
        ev['args'] = out
    cls = {}
    for spec in CLAIMS:
        key, src, cue_ctx, cue, content, qt, cw, parent = spec
        cs, ce = find_ctx(text, cue_ctx, cue)
        ks = text.find(content)
        assert ks >= 0 and text.find(content, ks + 1) < 0, f'content not unique/found: {content!r}'
        cls[key] = dict(source=src, cue=dict(start=cs, end=ce, text=text[cs:ce]),
                        content=dict(start=ks, end=ks + len(content), text=content),
                        quote_type=qt, check_worthiness=cw, parent=parent)
    # assign ids by first character
    idmap = {}
    for i, (k, m) in enumerate(sorted(ms.items(), key=lambda kv: (kv[1]['start'], -kv[1]['end'])), 1):
        idmap[k] = f'm{i}'
    for i, (k, v) in enumerate(sorted(evs.items(), key=lambda kv: kv[1]['trigger']['start']), 1):
        idmap[k] = f'v{i}'
    for i, (k, c) in enumerate(sorted(cls.items(), key=lambda kv: (min(kv[1]['cue']['start'], kv[1]['content']['start']), kv[1]['content']['start'], -kv[1]['content']['end'])), 1):
        idmap[k] = f'c{i}'
    def pos(k):
        if k in ms: return ms[k]['start']
        if k in evs: return evs[k]['trigger']['start']
        c = cls[k]; return min(c['cue']['start'], c['content']['start'])
    rels = []
    for spec in RELATIONS:
        typ, h, t = spec[:3]
        det = spec[3] if len(spec) > 3 else None
        for x in (h, t):
            assert x in ms or x in evs or x in cls, (spec, x)
        rels.append((typ, h, t, det))
    rels.sort(key=lambda r: (pos(r[1]), pos(r[2])))
    for i, r in enumerate(rels, 1):
        idmap[('rel', i)] = f'r{i}'
    rec = {'record': 'document', 'id': doc,
           'meta': dict(META[doc]['meta'], seed_file=META[doc]['seed_file'], sha256=META[doc]['sha256']),
           'text': text}
    rec['mentions'] = [dict(id=idmap[k], start=m['start'], end=m['end'], text=m['text'], type=m['type'],
                            level=m['level'], entity=m['entity'])
                       for k, m in sorted(ms.items(), key=lambda kv: idmap[kv[0]] and int(idmap[kv[0]][1:]))]
    used = {m['entity'] for m in ms.values()}
    ent_types = {}
    for m in ms.values():
        ent_types.setdefault(m['entity'], set()).add(m['type'])
    for e, ts in ent_types.items():
        assert len(ts) == 1, (e, ts)
    assert used <= set(ENTITIES), used - set(ENTITIES)
    rec['entities'] = [dict(id=e, type=ent_types[e].pop(), name=ENTITIES[e][0], qid=ENTITIES[e][1])
                       for e in sorted(used, key=lambda e: min(m['start'] for m in ms.values() if m['entity'] == e))]
    rec['events'] = [dict(id=idmap[k], type=v['type'], mode=v['mode'], trigger=v['trigger'], polarity=v['polarity'],
                          modality=v['modality'], cluster=v['cluster'],
                          arguments=[dict(role=r, ref=idmap[x]) for r, x in v['args']])
                     for k, v in sorted(evs.items(), key=lambda kv: int(idmap[kv[0]][1:]))]
    rec['claims'] = [dict(id=idmap[k], source=idmap[c['source']] if c['source'] else None, cue=c['cue'],
                          content=c['content'], quote_type=c['quote_type'], check_worthiness=c['check_worthiness'],
                          parent=idmap[c['parent']] if c['parent'] else None)
                     for k, c in sorted(cls.items(), key=lambda kv: int(idmap[kv[0]][1:]))]
    rec['relations'] = []
    for i, (typ, h, t, det) in enumerate(rels, 1):
        r = dict(id=f'r{i}', type=typ, head=idmap[h], tail=idmap[t])
        if det: r['detail'] = det
        rec['relations'].append(r)
    return rec, dict(ms=ms, evs=evs, cls=cls, idmap=idmap, text=text, sents=sents)

def dump_doc(rec, path):
    # one line per annotation, pretty enough
    lines = ['{']
    keys = list(rec.keys())
    for i, k in enumerate(keys):
        v = rec[k]
        comma = ',' if i < len(keys) - 1 else ''
        if isinstance(v, list) and k in ('mentions', 'entities', 'events', 'claims', 'relations'):
            if not v:
                lines.append(f' {json.dumps(k)}: []{comma}')
            else:
                lines.append(f' {json.dumps(k)}: [')
                for j, it in enumerate(v):
                    lines.append('  ' + json.dumps(it, ensure_ascii=False) + (',' if j < len(v) - 1 else ''))
                lines.append(f' ]{comma}')
        else:
            lines.append(f' {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{comma}')
    lines.append('}')
    open(path, 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
