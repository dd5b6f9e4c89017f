import json, os
GIVEN='/work/annot-E/given/articles/'
class Doc:
    def __init__(s, docid):
        s.id=docid; s.text=open(GIVEN+docid+'.txt',encoding='utf-8').read()
        meta=[a for a in json.load(open(GIVEN+'articles.json')) if a['id']==docid][0]
        s.meta=dict(meta['meta']); s.meta['seed_file']=meta['seed_file']; s.meta['sha256']=meta['sha256']
        s.M={}; s.E={}; s.C={}; s.R=[]; s.ents={}
    def loc(s, ctx, sub):
        if ctx=='' : ctx=sub
        if sub=='' : sub=ctx
        i=s.text.find(ctx); assert i>=0, ('ctx not found',ctx)
        assert s.text.find(ctx,i+1)<0, ('ctx not unique',ctx)
        j=ctx.find(sub); assert j>=0,(ctx,sub)
        return (i+j, i+j+len(sub))
    def m(s,key,ctx,sub,typ,lvl,ent):
        assert key not in s.M, key
        s.M[key]=dict(span=s.loc(ctx,sub),type=typ,level=lvl,entity=ent)
    def e(s,key,ctx,sub,typ,mode,pol,mod,cl,args=()):
        assert key not in s.E, key
        s.E[key]=dict(span=s.loc(ctx,sub),type=typ,mode=mode,polarity=pol,modality=mod,cluster=cl,args=list(args))
    def c(s,key,src,cuectx,cue,conctx,con,qt,cw,parent=None,cuespan=None):
        cs = cuespan if cuespan else s.loc(cuectx,cue)
        s.C[key]=dict(source=src,cue=cs,content=s.loc(conctx,con),qt=qt,cw=cw,parent=parent)
    def r(s,typ,h,t,detail=None): s.R.append((typ,h,t,detail))
    def ent(s,eid,typ,name,qid=None): s.ents[eid]=dict(id=eid,type=typ,name=name,qid=qid)
    def span(s,sp): return dict(start=sp[0],end=sp[1],text=s.text[sp[0]:sp[1]])
    def build(s):
        ids={}
        for pre,D in (('m',s.M),('v',s.E),('c',s.C)):
            keys=sorted(D, key=lambda k:(D[k]['span'] if 'span' in D[k] else (min(D[k]['cue'][0],D[k]['content'][0]),))[0] if 'span' in D[k] else min(D[k]['cue'][0],D[k]['content'][0]))
            for n,k in enumerate(keys,1): ids[k]=pre+str(n)
        s.ids=ids
        ms=[]
        for k in sorted(s.M,key=lambda k:int(ids[k][1:])):
            d=s.M[k]; ms.append(dict(id=ids[k],**s.span(d['span']),type=d['type'],level=d['level'],entity=d['entity']))
        used=[]
        for x in ms:
            if x['entity'] not in used: used.append(x['entity'])
        for x in ms: assert s.ents[x['entity']]['type']==x['type'], (x, s.ents[x['entity']])
        es=[]
        for k in sorted(s.E,key=lambda k:int(ids[k][1:])):
            d=s.E[k]
            es.append(dict(id=ids[k],type=d['type'],mode=d['mode'],trigger=s.span(d['span']),polarity=d['polarity'],modality=d['modality'],cluster=d['cluster'],
                arguments=[dict(role=r,ref=ids[a]) for r,a in d['args']]))
        cs=[]
        for k in sorted(s.C,key=lambda k:int(ids[k][1:])):
            d=s.C[k]
            cs.append(dict(id=ids[k],source=ids[d['source']] if d['source'] else None,cue=s.span(d['cue']),content=s.span(d['content']),quote_type=d['qt'],check_worthiness=d['cw'],parent=ids[d['parent']] if d['parent'] else None))
        rs=[]
        for n,(typ,h,t,det) in enumerate(sorted(s.R,key=lambda r:(s.startof(r[1]),s.startof(r[2]))),1):
            rr=dict(id='r%d'%n,type=typ,head=ids[h],tail=ids[t])
            if det: rr['detail']=det
            rs.append(rr)
        return dict(record='document',id=s.id,meta=s.meta,text=s.text,mentions=ms,entities=[s.ents[e] for e in used],events=es,claims=cs,relations=rs)
    def startof(s,k):
        for D in (s.M,s.E):
            if k in D: return D[k]['span'][0]
        return s.C[k]['cue'][0]
