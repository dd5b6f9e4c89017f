import links44
SPK = {'leavitt': 'us_executive'}  # SPOKESPERSON_FOR: Leavitt -> White House (us_executive)

def corpus_links(recs, infos):
    links, report = links44.compute(recs, SPK)
    open('/work/annot-D/work/links44_report.txt', 'w').write('\n'.join(report) + '\n')
    xrel = []
    for typ, (da, va), (db, vb), det in links:
        if da == db:
            rec = recs[da]
            rec['relations'].append(dict(id='tmp', type=typ, head=va, tail=vb, detail=det))
        else:
            xrel.append(dict(id=f'x{len(xrel) + 1}', type=typ, head=dict(doc=da, id=va), tail=dict(doc=db, id=vb), detail=det))
    # renumber document relations in order of the head's (then tail's) first character
    for rec in recs.values():
        pos = {m['id']: m['start'] for m in rec['mentions']}
        pos.update({e['id']: e['trigger']['start'] for e in rec['events']})
        pos.update({c['id']: min(c['cue']['start'], c['content']['start']) for c in rec['claims']})
        rec['relations'].sort(key=lambda r: (pos[r['head']], pos[r['tail']]))
        for i, r in enumerate(rec['relations'], 1):
            r['id'] = f'r{i}'
    return xrel
