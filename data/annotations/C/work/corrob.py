"""CORROBORATES / CONTRADICTS by the determinate rule of GUIDELINES 4.4.

The sources of event mentions, the details each mention gives and the pairs are computed
from the annotation; whether two values *conflict* is a judgment, recorded in CONFLICTS
(default: no conflict). The table of pairs is printed to work/corrob_table.txt for NOTES."""
import itertools

DETAILS = ['OCCURRENCE', 'PARTICIPANTS', 'SCOPE', 'DURATION', 'TIME', 'PLACE']
LENGTHS = {'duration_30d_partial', 'duration_30d_full', 'a_week', 'past_three_years'}

# (cluster, detail, frozenset of the two values' reprs) judged to conflict. Filled after review.
CONFLICTS = set()


def apply(docs):
    order = list(docs)
    mentions = []   # (doc_index, start, doc, event, source)
    for di, did in enumerate(order):
        d = docs[did]
        mby = {m['id']: m for m in d.mentions}
        eby = {e['id']: e for e in d.events}
        spokes = {}
        for r in d.rel_out:
            if r['type'] == 'SPOKESPERSON_FOR':
                spokes[mby[r['head']]['entity']] = mby[r['tail']]['entity']
        cby = {c['id']: c for c in d.claims}
        for e in d.events:
            ts, te = e['trigger']['start'], e['trigger']['end']
            cont = [c for c in d.claims if c['content']['start'] <= ts and te <= c['content']['end']]
            if cont:
                # outermost: walk to a claim without parent
                c = cont[0]
                outer = [x for x in cont if x['parent_id'] is None]
                c = outer[0] if outer else c
                while c['parent_id']:
                    c = cby[c['parent_id']]
                if c['source_id'] is None:
                    src = f'null:{did}:{c["id"]}'
                else:
                    ent = mby[c['source_id']]['entity']
                    src = spokes.get(ent, ent)
            else:
                src = f'author:{did}'
            vals = {}
            if e['modality'] == 'ASSERTED':
                vals['OCC'] = e['polarity']
            parts = sorted({mby[a['ref']]['entity'] for a in e['arguments'] if a['role'] in ('ACTOR', 'RECIPIENT')})
            if parts:
                vals['PARTICIPANTS'] = tuple(parts)
            th = sorted({(eby[a['ref']]['cluster'] if a['ref'] in eby else mby[a['ref']]['entity'])
                         for a in e['arguments'] if a['role'] == 'THEME'})
            if th:
                vals['SCOPE'] = tuple(th)
            tms = [mby[a['ref']]['entity'] for a in e['arguments'] if a['role'] == 'TIME']
            dur = sorted(x for x in tms if x in LENGTHS)
            pt = sorted(x for x in tms if x not in LENGTHS)
            if dur:
                vals['DURATION'] = tuple(dur)
            if pt:
                vals['TIME'] = tuple(pt)
            pl = sorted({mby[a['ref']]['entity'] for a in e['arguments'] if a['role'] == 'LOCATION'})
            if pl:
                vals['PLACE'] = tuple(pl)
            mentions.append({'di': di, 'start': ts, 'doc': did, 'ev': e, 'src': src, 'vals': vals})
    mentions.sort(key=lambda x: (x['di'], x['start']))

    def gives(a, b, det):
        """values of det given by a and b as a pair, or None"""
        if det == 'OCCURRENCE':
            pa, pb = a['vals'].get('OCC'), b['vals'].get('OCC')
            if pa and pb and 'NEGATIVE' in (pa, pb):
                return pa, pb
            return None
        va, vb = a['vals'].get(det), b['vals'].get(det)
        if va and vb:
            return va, vb
        return None

    def conflict(cl, det, va, vb):
        if det == 'OCCURRENCE':
            return va != vb
        return (cl, det, frozenset([repr(va), repr(vb)])) in CONFLICTS

    clusters = {}
    for m in mentions:
        clusters.setdefault(m['ev']['cluster'], []).append(m)
    links = []
    table = []
    for cl, ms in clusters.items():
        srcs = []
        for m in ms:
            if m['src'] not in srcs:
                srcs.append(m['src'])
        for s1, s2 in itertools.combinations(srcs, 2):
            A = [m for m in ms if m['src'] == s1]
            B = [m for m in ms if m['src'] == s2]
            link = None
            # 1. conflicts
            for det in DETAILS:
                for a in A:
                    for b in B:
                        g = gives(a, b, det)
                        if g and conflict(cl, det, *g):
                            link = ('CONTRADICTS', det, a, b)
                            break
                    if link:
                        break
                if link:
                    break
            # 2. corroboration: first detail given by both
            if not link:
                for det in DETAILS:
                    if det == 'OCCURRENCE':
                        pairs = [(a, b) for a in A for b in B if gives(a, b, det)]
                        if pairs:
                            link = ('CORROBORATES', det, pairs[0][0], pairs[0][1])
                            break
                        continue
                    ga = [a for a in A if det in a['vals']]
                    gb = [b for b in B if det in b['vals']]
                    if ga and gb:
                        link = ('CORROBORATES', det, ga[0], gb[0])
                        break
            row = f'{cl:32s} {s1:28s} {s2:28s} '
            if link:
                t, det, a, b = link
                row += f'{t} {det}: {a["doc"][:3]}/{a["ev"]["id"]} {a["ev"]["trigger"]["text"]!r} {a["vals"].get(det if det != "OCCURRENCE" else "OCC")} <> {b["doc"][:3]}/{b["ev"]["id"]} {b["ev"]["trigger"]["text"]!r} {b["vals"].get(det if det != "OCCURRENCE" else "OCC")}'
                links.append(link)
            else:
                row += 'no link'
            table.append(row)
            # full value listing for review
            for m in A + B:
                table.append(f'      {m["doc"][:3]}/{m["ev"]["id"]:4s} {m["src"]:26s} {m["ev"]["trigger"]["text"]!r:18s} {m["vals"]}')
    open('/work/annot-C/work/corrob_table.txt', 'w').write('\n'.join(table) + '\n')

    # place the links
    xrel = []
    for t, det, a, b in links:
        if a['doc'] == b['doc']:
            d = docs[a['doc']]
            d.rel_out.append({'id': None, 'type': t, 'head': a['ev']['id'], 'tail': b['ev']['id'], 'detail': det})
        else:
            xrel.append({'id': f'x{len(xrel) + 1}', 'type': t,
                         'head': {'doc': a['doc'], 'id': a['ev']['id']},
                         'tail': {'doc': b['doc'], 'id': b['ev']['id']}, 'detail': det})
    # renumber document relations by first character of head, then tail
    for d in docs.values():
        pos = {}
        for m in d.mentions:
            pos[m['id']] = m['start']
        for e in d.events:
            pos[e['id']] = e['trigger']['start']
        for c in d.claims:
            pos[c['id']] = min(c['cue']['start'], c['content']['start'])
        d.rel_out.sort(key=lambda r: (pos[r['head']], pos[r['tail']]))
        for i, r in enumerate(d.rel_out, 1):
            r['id'] = f'r{i}'
    return xrel
