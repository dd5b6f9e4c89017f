import json, sys, itertools
sys.path.insert(0,'/work/annot-E/work')
import doc000, doc004
OUT='/work/annot-E/out/'
DURATION_ENTS={'time_30day','time_past_three_years','time_a_week_zel'}
# judged conflicts: (cluster, detail) -> True (none found; see NOTES)
CONFLICTS={}
docs=[doc000.make(), doc004.make()]
recs=[d.build() for d in docs]
def info(rec):
    ms={m['id']:m for m in rec['mentions']}; evs={v['id']:v for v in rec['events']}
    claims=rec['claims']; spk={}
    for r in rec['relations']:
        if r['type']=='SPOKESPERSON_FOR': spk[ms[r['head']]['entity']]=ms[r['tail']]['entity']
    out=[]
    for v in rec['events']:
        t=v['trigger']['start']
        cont=[c for c in claims if c['content']['start']<=t<v['trigger']['end']<=c['content']['end']]
        outer=[c for c in cont if c['parent'] is None or c['parent'] not in [x['id'] for x in cont]]
        if outer:
            c=outer[0]
            if c['source'] is None: src='nullsrc:%s:%s'%(rec['id'],c['id'])
            else:
                en=ms[c['source']]['entity']; src=spk.get(en,en)
        else: src='author:'+rec['id']
        det={}
        if v['modality']=='ASSERTED' and v['polarity']=='NEGATIVE': det['OCCURRENCE']='NEG'
        p=frozenset(ms[a['ref']]['entity'] for a in v['arguments'] if a['role'] in('ACTOR','RECIPIENT'))
        if p: det['PARTICIPANTS']=p
        sc=frozenset((evs[a['ref']]['cluster'] if a['ref'] in evs else ms[a['ref']]['entity']) for a in v['arguments'] if a['role']=='THEME')
        if sc: det['SCOPE']=sc
        for a in v['arguments']:
            if a['role']=='TIME':
                en=ms[a['ref']]['entity']; det['DURATION' if en in DURATION_ENTS else 'TIME']=en
            if a['role']=='LOCATION': det['PLACE']=ms[a['ref']]['entity']
        out.append(dict(doc=rec['id'],id=v['id'],cluster=v['cluster'],src=src,det=det,pos=(rec['id'],v['trigger']['start']),v=v))
    return out
allm=[x for r in recs for x in info(r)]
ORDER=['OCCURRENCE','PARTICIPANTS','SCOPE','DURATION','TIME','PLACE']
links=[]
for cl in sorted(set(x['cluster'] for x in allm)):
    ms=sorted([x for x in allm if x['cluster']==cl],key=lambda x:x['pos'])
    srcs=[]
    for x in ms:
        if x['src'] not in srcs: srcs.append(x['src'])
    for a,b in itertools.combinations(srcs,2):
        A=[x for x in ms if x['src']==a]; B=[x for x in ms if x['src']==b]
        # OCCURRENCE: ASSERTED POSITIVE against NEGATIVE
        if any('OCCURRENCE' in x['det'] for x in A+B):
            for X in (A,B):
                for x in X:
                    if 'OCCURRENCE' not in x['det'] and x['v']['modality']=='ASSERTED': x['det']['OCCURRENCE']='POS'
        conf=None
        for d in ORDER:
            ga=[x for x in A if d in x['det']]; gb=[x for x in B if d in x['det']]
            if ga and gb:
                vals_conflict = (d=='OCCURRENCE' and len({x['det'][d] for x in ga+gb})>1) or CONFLICTS.get((cl,d))
                if vals_conflict: conf=d; break
        if conf: links.append(('CONTRADICTS',cl,conf,ga[0],gb[0])); continue
        for d in ORDER:
            ga=[x for x in A if d in x['det']]; gb=[x for x in B if d in x['det']]
            if ga and gb:
                links.append(('CORROBORATES',cl,d,ga[0],gb[0])); print('LINK',cl,d,a,b,ga[0]['doc'][:3],ga[0]['id'],ga[0]['det'].get(d),gb[0]['doc'][:3],gb[0]['id'],gb[0]['det'].get(d)); break
        else: print('nolink',cl,a,b)
xrels=[]
for typ,cl,d,x,y in links:
    if x['doc']==y['doc']:
        rec=[r for r in recs if r['id']==x['doc']][0]
        rec['relations'].append(dict(id='r%d'%(len(rec['relations'])+1),type=typ,head=x['id'],tail=y['id'],detail=d))
    else:
        xrels.append(dict(id='x%d'%(len(xrels)+1),type=typ,head=dict(doc=x['doc'],id=x['id']),tail=dict(doc=y['doc'],id=y['id']),detail=d))
for rec in recs:
    ev={v['id']:v['trigger']['start'] for v in rec['events']}; mm={m['id']:m['start'] for m in rec['mentions']}; cc={c['id']:min(c['cue']['start'],c['content']['start']) for c in rec['claims']}
    pos=lambda k: ev.get(k, mm.get(k, cc.get(k)))
    rec['relations'].sort(key=lambda r:(pos(r['head']),pos(r['tail'])))
    for n,r in enumerate(rec['relations'],1): r['id']='r%d'%n
def shared(key):
    s={}
    for r in recs:
        vals={m['entity'] for m in r['mentions']} if key=='e' else {v['cluster'] for v in r['events']}
        for v in vals: s.setdefault(v,[]).append(r['id'])
    return [dict(id=k,documents=v) for k,v in sorted(s.items()) if len(v)>1]
corpus=dict(record='corpus',id='annot-E',documents=[r['id'] for r in recs],entity_clusters=shared('e'),event_clusters=shared('v'),relations=xrels)
for r in recs:
    with open(OUT+r['id']+'.json','w',encoding='utf-8') as f: json.dump(r,f,ensure_ascii=False,indent=1)
with open(OUT+'corpus.json','w',encoding='utf-8') as f: json.dump(corpus,f,ensure_ascii=False,indent=1)
for r in recs: print(r['id'],len(r['mentions']),len(r['entities']),len(r['events']),len(r['claims']),len(r['relations']))
print('corpus',len(corpus['entity_clusters']),len(corpus['event_clusters']),len(xrels))
