import json, sys
from docA import A
from docB import B
EN={
'putin':('Vladimir Putin','Q7747'),'trump':('Donald Trump','Q22686'),'zelensky':('Volodymyr Zelensky','Q3881739'),
'vance':('JD Vance',None),'biden':('Joe Biden','Q6279'),'leavitt':('Karoline Leavitt',None),
'russia':('Russia','Q159'),'ukraine':('Ukraine','Q212'),'usa':('United States','Q30'),'israel':('Israel','Q801'),'iran':('Iran','Q794'),
'ukraine_place':('Ukraine (territory)',None),'tuesday_0318':('Tuesday 18 March 2025',None),'trump_putin':('Trump and Putin (the two leaders)',None),
'energy_infrastructure':('energy and infrastructure sites',None),'coming_weeks':('the coming weeks',None),'us_executive':('Trump administration / White House',None),
'russia_ukraine_sides':('the two sides of the war (Russia and Ukraine)',None),'duration_30day':('30 days',None),'kremlin_sources':('Kremlin sources',None),
'russia_executive':('Putin government (Kremlin, Moscow)',None),'western_states':('Western states',None),'nato':('NATO','Q7184'),
'ukraine_executive':('Ukrainian government (Kyiv)',None),'middle_east':('Middle East','Q7204'),'black_sea':('Black Sea','Q166'),
'biden_executive':('Biden administration',None),'iran_executive':('Iranian government (Tehran)',None),'nato_allies':('NATO allies',None),
'week_before_0318':('last week (the week before 18 March 2025)',None),'month_before_0318':('last month (February 2025)',None),
'us_russian_counterparts':('U.S. and Russian counterparts',None),'saudi_arabia':('Saudi Arabia','Q851'),'us_russian_officials':('U.S. and Russian officials',None),
'us_ukrainian_officials':('top U.S. and Ukrainian officials',None),'white_house_place':('White House (building)',None),
'three_years_before_0318':('over three years ago',None),'russian_military':('Russian armed forces',None),'ukrainian_military':('Ukrainian armed forces',None),
'everyone':('everyone in the world',None),'those_who_refused':('those who refused to acknowledge the truth',None),'week_duration':('a week',None),
'whole_world':('the whole world',None),'hamas':('Hamas',None),'monday_night_0317':('Monday night',None),'gaza':('Gaza',None),
'hamas_leaders_killed':('several senior Hamas leaders',None),
}
docs=[A,B]
recs=[d.build(EN) for d in docs]
# ---- 4.4 computation
SETS={'trump_putin':{'trump','putin'},'russia_ukraine_sides':{'russia','ukraine'}}
DUR={'duration_30day','week_duration','coming_weeks'}
def expand(es):
    out=set()
    for e in es: out|=SETS.get(e,{e})
    return out
links=[]
allm=[]  # (docidx, rec, event)
for di,(d,rec) in enumerate(zip(docs,recs)):
    ment={m['id']:m for m in rec['mentions']}; ev={v['id']:v for v in rec['events']}
    spk={}
    for r in rec['relations']:
        if r['type']=='SPOKESPERSON_FOR': spk[ment[r['head']]['entity']]=ment[r['tail']]['entity']
    cl={c['id']:c for c in rec['claims']}
    for v in rec['events']:
        s=v['trigger']['start']; src='author:'+rec['id']
        outer=[c for c in rec['claims'] if c['parent'] is None and c['content']['start']<=s<c['content']['end']]
        if outer:
            c=outer[0]
            if c['source'] is None: src='claim:'+rec['id']+':'+c['id']
            else:
                en=ment[c['source']]['entity']; src='ent:'+spk.get(en,en)
        det={}
        if v['modality']=='ASSERTED': det['OCC']=v['polarity']
        parts={ment[a['ref']]['entity'] for a in v['arguments'] if a['role'] in('ACTOR','RECIPIENT')}
        if parts: det['PARTICIPANTS']=parts
        th=set()
        for a in v['arguments']:
            if a['role']=='THEME': th.add(ev[a['ref']]['cluster'] if a['ref'] in ev else ment[a['ref']]['entity'])
        if th: det['SCOPE']=th
        for a in v['arguments']:
            if a['role']=='TIME':
                en=ment[a['ref']]['entity']; det.setdefault('DURATION' if en in DUR else 'TIME',set()).add(en)
            if a['role']=='LOCATION': det.setdefault('PLACE',set()).add(ment[a['ref']]['entity'])
        allm.append((di,rec['id'],v,src,det))
from collections import defaultdict
bycl=defaultdict(list)
for x in allm: bycl[x[2]['cluster']].append(x)
ORDER=['OCCURRENCE','PARTICIPANTS','SCOPE','DURATION','TIME','PLACE']
def gives(det,other_det,k):
    if k=='OCCURRENCE':
        a=det.get('OCC'); b=other_det.get('OCC')
        return a=='NEGATIVE' or (a=='POSITIVE' and b=='NEGATIVE')
    return k in det
def conflict(k,a,b):
    if k=='OCCURRENCE': return a['OCC']!=b['OCC']
    x,y=expand(a[k]),expand(b[k])
    if k=='PARTICIPANTS': return False  # judged by hand: all compatible
    if k=='SCOPE': return False  # judged by hand: topics/themes compatible
    if k in('DURATION','TIME','PLACE'): return not (x&y)
    return False
for clid,ms in bycl.items():
    srcs=[]
    for x in ms:
        if x[3] not in srcs: srcs.append(x[3])
    for i in range(len(srcs)):
        for j in range(i+1,len(srcs)):
            M1=[x for x in ms if x[3]==srcs[i]]; M2=[x for x in ms if x[3]==srcs[j]]
            found=None
            # CONTRADICTS
            for k in ORDER:
                for a in M1:
                    for b in M2:
                        if gives(a[4],b[4],k) and gives(b[4],a[4],k) and conflict(k,a[4],b[4]):
                            found=('CONTRADICTS',k,a,b); break
                    if found: break
                if found: break
            if not found:
                for k in ORDER:
                    A1=[a for a in M1 if any(gives(a[4],b[4],k) for b in M2)]
                    B1=[b for b in M2 if any(gives(b[4],a[4],k) for a in M1)]
                    if A1 and B1:
                        found=('CORROBORATES',k,A1[0],B1[0]); break
            if found:
                typ,k,a,b=found
                links.append((typ,k,a,b))
                print(typ,k,clid,a[1][:3],a[2]['id'],a[2]['trigger']['text'],a[3],'|',b[1][:3],b[2]['id'],b[2]['trigger']['text'],b[3],file=sys.stderr)
xrel=[]
for typ,k,a,b in links:
    if a[1]==b[1]:
        rec=recs[a[0]]; n=len(rec['relations'])+1
        rec['relations'].append({'id':'r%d'%n,'type':typ,'head':a[2]['id'],'tail':b[2]['id'],'detail':k})
    else:
        xrel.append({'id':'x%d'%(len(xrel)+1),'type':typ,'head':{'doc':a[1],'id':a[2]['id']},'tail':{'doc':b[1],'id':b[2]['id']},'detail':k})
for rec in recs:
    P={}
    for m in rec['mentions']: P[m['id']]=m['start']
    for v in rec['events']: P[v['id']]=v['trigger']['start']
    for c in rec['claims']: P[c['id']]=min(c['cue']['start'],c['content']['start'])
    rec['relations'].sort(key=lambda r:(min(P[r['head']],P[r['tail']]),max(P[r['head']],P[r['tail']])))
    for i,r in enumerate(rec['relations']): r['id']='r%d'%(i+1)
ids=[r['id'] for r in recs]
def used(layer,key):
    u=defaultdict(set)
    for r in recs:
        for x in r[layer]: u[x[key]].add(r['id'])
    return [{'id':k,'documents':sorted(v)} for k,v in sorted(u.items()) if len(v)>1]
corpus={'record':'corpus','id':'ceasefire-annot-F','documents':ids,'entity_clusters':used('mentions','entity'),'event_clusters':used('events','cluster'),'relations':xrel}
import os
out='/work/annot-F/out/'
for r in recs: json.dump(r,open(out+r['id']+'.json','w'),ensure_ascii=False,indent=1)
json.dump(corpus,open(out+'corpus.json','w'),ensure_ascii=False,indent=1)
print('written', [ (len(r['mentions']),len(r['events']),len(r['claims']),len(r['relations'])) for r in recs], len(corpus['entity_clusters']),len(corpus['event_clusters']),len(xrel))
