"""GUIDELINES 4.4: compute CORROBORATES / CONTRADICTS links from the annotation itself."""
import itertools
DETAILS = ['OCCURRENCE', 'PARTICIPANTS', 'SCOPE', 'DURATION', 'TIME', 'PLACE']
DURATION_ENTS = {'time_30day', 'time_week'}
# party normalisation for "a set and its members" / "more or less specific wording"
PARTY = {
 'trump': {'US'}, 'us_executive': {'US'}, 'usa': {'US'},
 'putin': {'RU'}, 'russia': {'RU'}, 'russia_executive': {'RU'}, 'russian_military': {'RU'},
 'ukraine': {'UA'}, 'ukraine_executive': {'UA'}, 'ukrainian_military': {'UA'},
 'leaders_trump_putin': {'US', 'RU'}, 'sides_russia_ukraine': {'RU', 'UA'},
 'us_russia_counterparts': {'US', 'RU'}, 'us_russia_officials': {'US', 'RU'}, 'us_ukraine_officials': {'US', 'UA'},
}
# which SCOPE values are compatible (same referent or more/less specific): by default different
# values are treated as compatible unless listed here as a conflict (judged by hand).
SCOPE_CONFLICTS = set()

def sources(rec, spk):
    """event id -> source key"""
    ms = {m['id']: m for m in rec['mentions']}
    cl = {c['id']: c for c in rec['claims']}
    out = {}
    for e in rec['events']:
        t = e['trigger']
        containing = [c for c in rec['claims'] if c['content']['start'] <= t['start'] and t['end'] <= c['content']['end']]
        if not containing:
            out[e['id']] = f"author:{rec['id']}"
            continue
        outer = [c for c in containing if c['parent'] is None or c['parent'] not in {x['id'] for x in containing}]
        # outermost: the one not nested in another containing claim
        c = min(outer, key=lambda c: (c['parent'] is not None, c['content']['start']))
        while c['parent']:
            c = cl[c['parent']]
        if c['source'] is None:
            out[e['id']] = f"null:{rec['id']}:{c['id']}"
        else:
            ent = ms[c['source']]['entity']
            out[e['id']] = spk.get(ent, ent)
    return out

def details(rec, e):
    ms = {m['id']: m for m in rec['mentions']}
    evs = {x['id']: x for x in rec['events']}
    d = {}
    parts = frozenset(ms[a['ref']]['entity'] for a in e['arguments'] if a['role'] in ('ACTOR', 'RECIPIENT'))
    if parts: d['PARTICIPANTS'] = parts
    sc = frozenset((evs[a['ref']]['cluster'] if a['ref'] in evs else ms[a['ref']]['entity']) for a in e['arguments'] if a['role'] == 'THEME')
    if sc: d['SCOPE'] = sc
    tm = [ms[a['ref']]['entity'] for a in e['arguments'] if a['role'] == 'TIME']
    du = frozenset(x for x in tm if x in DURATION_ENTS)
    pt = frozenset(x for x in tm if x not in DURATION_ENTS)
    if du: d['DURATION'] = du
    if pt: d['TIME'] = pt
    pl = frozenset(ms[a['ref']]['entity'] for a in e['arguments'] if a['role'] == 'LOCATION')
    if pl: d['PLACE'] = pl
    return d

def norm_parts(s):
    out = set()
    for x in s:
        out |= PARTY.get(x, {x})
    return out

def compare(det, a, b):
    """returns 'agree' or 'conflict'"""
    if det == 'PARTICIPANTS':
        na, nb = norm_parts(a), norm_parts(b)
        return 'agree' if (na <= nb or nb <= na) else 'conflict'
    if det == 'SCOPE':
        return 'conflict' if (a, b) in SCOPE_CONFLICTS or (b, a) in SCOPE_CONFLICTS else 'agree'
    return 'agree' if (a & b or a == b) else 'conflict'

def occ(ea, eb):
    """OCCURRENCE given by both? value compare"""
    if ea['modality'] == 'ASSERTED' and eb['modality'] == 'ASSERTED' and 'NEGATIVE' in (ea['polarity'], eb['polarity']):
        return 'agree' if ea['polarity'] == eb['polarity'] else 'conflict'
    return None

def compute(recs, spk):
    """recs: dict doc -> record. Returns list of (type, (doc, vid), (doc, vid), detail, note)."""
    mentions = []  # (doc, event, source, order)
    for doc, rec in recs.items():
        src = sources(rec, spk)
        for e in rec['events']:
            mentions.append((doc, e, src[e['id']]))
    order = {doc: i for i, doc in enumerate(recs)}
    links, report = [], []
    clusters = {}
    for m in mentions:
        clusters.setdefault(m[1]['cluster'], []).append(m)
    for cl, ms in sorted(clusters.items()):
        ms.sort(key=lambda m: (order[m[0]], m[1]['trigger']['start']))
        srcs = []
        for m in ms:
            if m[2] not in srcs: srcs.append(m[2])
        for sa, sb in itertools.combinations(srcs, 2):
            A = [m for m in ms if m[2] == sa]
            B = [m for m in ms if m[2] == sb]
            # step 1: conflicts, in table order
            found = None
            for det in DETAILS:
                for x in A:
                    for y in B:
                        if det == 'OCCURRENCE':
                            r = occ(x[1], y[1])
                        else:
                            dx, dy = details(recs[x[0]], x[1]), details(recs[y[0]], y[1])
                            r = compare(det, dx[det], dy[det]) if det in dx and det in dy else None
                        if r == 'conflict':
                            found = ('CONTRADICTS', x, y, det); break
                    if found: break
                if found: break
            if not found:
                for det in DETAILS:
                    for x in A:
                        for y in B:
                            if det == 'OCCURRENCE':
                                r = occ(x[1], y[1])
                            else:
                                dx, dy = details(recs[x[0]], x[1]), details(recs[y[0]], y[1])
                                r = 'both' if det in dx and det in dy else None
                            if r:
                                found = ('CORROBORATES', x, y, det); break
                        if found: break
                    if found: break
            desc = f"{cl}: {sa} vs {sb}: " + (f"{found[0]} {found[3]} {found[1][0][:3]}:{found[1][1]['id']}({found[1][1]['trigger']['text']}) ~ {found[2][0][:3]}:{found[2][1]['id']}({found[2][1]['trigger']['text']})" if found else 'no link')
            report.append(desc)
            if found:
                links.append((found[0], (found[1][0], found[1][1]['id']), (found[2][0], found[2][1]['id']), found[3]))
    return links, report
