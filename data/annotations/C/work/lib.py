"""Small helper library: locate spans in the verbatim text, resolve arguments by the
closest-mention rule (GUIDELINES 2.3 / 4.1), number ids in order of first character,
and compute CORROBORATES / CONTRADICTS by the determinate rule (GUIDELINES 4.4)."""
import json, re, os

GIVEN = '/work/annot-C/given'
OUT = '/work/annot-C/out'


def load_meta():
    return {a['id']: a for a in json.load(open(f'{GIVEN}/articles/articles.json'))}


class Doc:
    def __init__(self, doc_id):
        self.id = doc_id
        meta = load_meta()[doc_id]
        self.meta = dict(meta['meta'])
        self.meta['seed_file'] = meta['seed_file']
        self.meta['sha256'] = meta['sha256']
        self.text = open(f"{GIVEN}/articles/{meta['seed_file']}", encoding='utf-8').read()
        self.mentions = []   # dicts with key
        self.entities = {}
        self.events = []
        self.claims = []
        self.relations = []
        self._sent = self._sentences()

    # ---------------------------------------------------------------- spans
    def span(self, surface, ctx=None, k=0):
        """Locate `surface`: inside the unique string `ctx` (k-th occurrence inside ctx),
        or, without ctx, the k-th occurrence in the document."""
        t = self.text
        if ctx is None:
            ctx, base = t, 0
        else:
            n = t.count(ctx)
            assert n == 1, f'{self.id}: context {ctx!r} occurs {n} times'
            base = t.index(ctx)
            ctx = ctx
        pos = -1
        for _ in range(k + 1):
            pos = ctx.find(surface, pos + 1)
            assert pos >= 0, f'{self.id}: {surface!r} not found in context'
        s = base + pos
        e = s + len(surface)
        assert t[s:e] == surface
        assert surface == surface.strip(), surface
        return {'start': s, 'end': e, 'text': surface}

    def _sentences(self):
        t = self.text
        bounds = [0]
        for m in re.finditer(r'(?:[.!?][”"]?|\n)(\s+)(?=[A-Z“"])', t):
            # do not split after U.S.
            pre = t[max(0, m.start() - 3):m.start() + 1]
            if pre.endswith('U.S.'):
                continue
            bounds.append(m.end())
        for m in re.finditer(r'\n', t):
            bounds.append(m.end())
        bounds = sorted(set(bounds)) + [len(t)]
        return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]

    def sent_of(self, pos):
        for i, (s, e) in enumerate(self._sent):
            if s <= pos < e:
                return i
        return len(self._sent) - 1

    # ---------------------------------------------------------------- layers
    def ent(self, eid, typ, name, qid=None):
        self.entities[eid] = {'id': eid, 'type': typ, 'name': name, 'qid': qid}

    def M(self, surface, typ, level, entity, ctx=None, k=0, key=None):
        sp = self.span(surface, ctx, k)
        m = dict(sp, type=typ, level=level, entity=entity, key=key)
        for o in self.mentions:
            assert not (o['start'] == m['start'] and o['end'] == m['end']), f'dup mention {surface}'
        self.mentions.append(m)
        return m

    def E(self, key, surface, typ, cluster, ctx=None, k=0, mode=None, pol='POSITIVE',
          mod='ASSERTED', args=()):
        sp = self.span(surface, ctx, k)
        ev = {'key': key, 'type': typ, 'mode': mode, 'trigger': sp, 'polarity': pol,
              'modality': mod, 'cluster': cluster, 'args': list(args)}
        assert key not in [e['key'] for e in self.events], key
        self.events.append(ev)
        return ev

    def C(self, key, source, cue, content, qt, cw, parent=None, cue_ctx=None, cue_k=0,
          content_ctx=None):
        c = {'key': key, 'source': source, 'cue': self.span(cue, cue_ctx, cue_k),
             'content': self.span(content, content_ctx), 'quote_type': qt,
             'check_worthiness': cw, 'parent': parent}
        self.claims.append(c)
        return c

    def R(self, typ, head, tail, detail=None):
        self.relations.append({'type': typ, 'head': head, 'tail': tail, 'detail': detail})

    # ---------------------------------------------------------------- resolution
    def mention_by_key(self, key):
        ms = [m for m in self.mentions if m['key'] == key]
        assert len(ms) == 1, f'{self.id}: mention key {key!r}: {len(ms)}'
        return ms[0]

    def closest(self, entity, span):
        """closest mention of `entity` in the same sentence as `span`, else the closest
        preceding one (GUIDELINES 2.3, 4.1)."""
        cands = [m for m in self.mentions if m['entity'] == entity and m is not span]
        assert cands, f'{self.id}: no mention of {entity}'
        si = self.sent_of(span['start'])

        def gap(m):
            if m['end'] <= span['start']:
                return span['start'] - m['end']
            if m['start'] >= span['end']:
                return m['start'] - span['end']
            return 0
        same = [m for m in cands if self.sent_of(m['start']) == si]
        if same:
            return min(same, key=lambda m: (gap(m), m['start']))
        prev = [m for m in cands if m['end'] <= span['start']]
        assert prev, f'{self.id}: no preceding mention of {entity} for {span["text"]}'
        return max(prev, key=lambda m: m['end'])

    def finalize(self):
        # ids in order of first character
        self.mentions.sort(key=lambda m: (m['start'], -m['end']))
        for i, m in enumerate(self.mentions, 1):
            m['id'] = f'm{i}'
        self.events.sort(key=lambda e: e['trigger']['start'])
        for i, e in enumerate(self.events, 1):
            e['id'] = f'v{i}'
        evk = {e['key']: e for e in self.events}
        # resolve args
        for e in self.events:
            out = []
            for role, tgt in e['args']:
                if tgt.startswith('E:'):
                    ref = evk[tgt[2:]]['id']
                elif tgt.startswith('K:'):
                    ref = self.mention_by_key(tgt[2:])['id']
                else:
                    ref = self.closest(tgt, e['trigger'])['id']
                out.append({'role': role, 'ref': ref})
            e['arguments'] = out
        # claims
        def src_start(c):
            return self.mention_by_key(c['source'])['start'] if c['source'] else 10**9
        self.claims.sort(key=lambda c: (min(c['cue']['start'], c['content']['start'], src_start(c)),
                                        0 if c['parent'] is None else 1))
        for i, c in enumerate(self.claims, 1):
            c['id'] = f'c{i}'
        ck = {c['key']: c for c in self.claims}
        for c in self.claims:
            c['source_id'] = self.mention_by_key(c['source'])['id'] if c['source'] else None
            c['parent_id'] = ck[c['parent']]['id'] if c['parent'] else None
        # relations
        def res(x, anchor=None):
            if x.startswith('E:'):
                return evk[x[2:]]
            if x.startswith('C:'):
                return ck[x[2:]]
            if x.startswith('K:'):
                return self.mention_by_key(x[2:])
            if x.startswith('ent:'):
                return self.closest(x[4:], anchor)
            raise ValueError(x)

        def first_char(o):
            if 'trigger' in o:
                return o['trigger']['start']
            if 'cue' in o:
                return min(o['cue']['start'], o['content']['start'])
            return o['start']
        rels = []
        for r in self.relations:
            h = res(r['head'])
            t = res(r['tail'], h if 'start' in h else (h.get('trigger')))
            rels.append((first_char(h), first_char(t), r, h, t))
        rels.sort(key=lambda x: (x[0], x[1]))
        self.rel_out = []
        for i, (_, _, r, h, t) in enumerate(rels, 1):
            d = {'id': f'r{i}', 'type': r['type'], 'head': h['id'], 'tail': t['id']}
            if r['detail']:
                d['detail'] = r['detail']
            self.rel_out.append(d)

    def record(self):
        used = []
        for m in self.mentions:
            if m['entity'] not in used:
                used.append(m['entity'])
        for u in used:
            assert u in self.entities, f'{self.id}: entity {u} undeclared'
            assert self.entities[u]['type'] in {m['type'] for m in self.mentions if m['entity'] == u}
        for u in self.entities:
            assert u in used, f'{self.id}: entity {u} unused'
        return {
            'id': self.id,
            'meta': self.meta,
            'text': self.text,
            'mentions': [{k: m[k] for k in ('id', 'start', 'end', 'text', 'type', 'level', 'entity')}
                         for m in self.mentions],
            'entities': [self.entities[u] for u in used],
            'events': [{'id': e['id'], 'type': e['type'], 'mode': e['mode'],
                        'trigger': e['trigger'], 'polarity': e['polarity'],
                        'modality': e['modality'], 'cluster': e['cluster'],
                        'arguments': e['arguments']} for e in self.events],
            'claims': [{'id': c['id'], 'source': c['source_id'], 'cue': c['cue'],
                        'content': c['content'], 'quote_type': c['quote_type'],
                        'check_worthiness': c['check_worthiness'], 'parent': c['parent_id']}
                       for c in self.claims],
            'relations': self.rel_out,
        }


def dump_pretty(rec, path):
    """one line per annotation, as the shipped gold format describes"""
    lines = ['{']
    keys = list(rec.keys())
    for i, k in enumerate(keys):
        v = rec[k]
        comma = ',' if i < len(keys) - 1 else ''
        if isinstance(v, list) and v and isinstance(v[0], dict):
            lines.append(f' {json.dumps(k)}: [')
            for j, it in enumerate(v):
                lines.append('  ' + json.dumps(it, ensure_ascii=False) + (',' if j < len(v) - 1 else ''))
            lines.append(' ]' + comma)
        else:
            lines.append(f' {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{comma}')
    lines.append('}')
    open(path, 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
