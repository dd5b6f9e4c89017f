import json, re
BASE='/work/annot-F/given/articles/'
META={r['id']:r for r in json.load(open(BASE+'articles.json'))}
class Doc:
    def __init__(s, did):
        s.id=did; s.text=open(BASE+did+'.txt',encoding='utf-8').read()
        s.M={}; s.E={}; s.C={}; s.R=[]; s.ents={}
    def loc(s, text, ctx=None):
        t=s.text
        if ctx is None: ctx=text
        n=t.count(ctx)
        assert n==1, (s.id, 'ctx count', n, ctx)
        i=t.find(ctx); j=ctx.find(text); assert j>=0,(text,ctx)
        st=i+j; return {'start':st,'end':st+len(text),'text':text}
    def m(s,key,text,ctx,typ,lvl,ent):
        assert key not in s.M, key
        d=s.loc(text,ctx); d.update(type=typ,level=lvl,entity=ent); s.M[key]=d
    def e(s,key,text,ctx,typ,mode,pol,modal,cl,args=()):
        assert key not in s.E, key
        s.E[key]=dict(trigger=s.loc(text,ctx),type=typ,mode=mode,polarity=pol,modality=modal,cluster=cl,args=list(args))
    def c(s,key,src,cue,cuectx,cont,contctx,qt,cw,parent=None):
        s.C[key]=dict(source=src,cue=s.loc(cue,cuectx),content=s.loc(cont,contctx),quote_type=qt,check_worthiness=cw,parent=parent)
    def r(s,typ,h,t,detail=None): s.R.append((typ,h,t,detail))
    def build(s, entnames):
        idmap={}
        ms=sorted(s.M, key=lambda k:(s.M[k]['start'],-s.M[k]['end']))
        for i,k in enumerate(ms): idmap[k]='m%d'%(i+1)
        es=sorted(s.E, key=lambda k:s.E[k]['trigger']['start'])
        for i,k in enumerate(es): idmap[k]='v%d'%(i+1)
        cs=sorted(s.C, key=lambda k:(min(s.C[k]['cue']['start'],s.C[k]['content']['start']),s.C[k]['content']['start']))
        for i,k in enumerate(cs): idmap[k]='c%d'%(i+1)
        def pos(k):
            if k in s.M: return s.M[k]['start']
            if k in s.E: return s.E[k]['trigger']['start']
            return min(s.C[k]['cue']['start'],s.C[k]['content']['start'])
        mentions=[]; used=set()
        for k in ms:
            d=s.M[k]; mentions.append({'id':idmap[k],'start':d['start'],'end':d['end'],'text':d['text'],'type':d['type'],'level':d['level'],'entity':d['entity']}); used.add(d['entity'])
        entities=[]
        for en in sorted(used):
            typ={s.M[k]['type'] for k in s.M if s.M[k]['entity']==en}; assert len(typ)==1,(en,typ)
            nm,qid=entnames[en]
            entities.append({'id':en,'type':typ.pop(),'name':nm,'qid':qid})
        events=[]
        for k in es:
            d=s.E[k]
            events.append({'id':idmap[k],'type':d['type'],'mode':d['mode'],'trigger':d['trigger'],'polarity':d['polarity'],'modality':d['modality'],'cluster':d['cluster'],'arguments':[{'role':r,'ref':idmap[x]} for r,x in d['args']]})
        claims=[]
        for k in cs:
            d=s.C[k]
            claims.append({'id':idmap[k],'source':idmap[d['source']] if d['source'] else None,'cue':d['cue'],'content':d['content'],'quote_type':d['quote_type'],'check_worthiness':d['check_worthiness'],'parent':idmap[d['parent']] if d['parent'] else None})
        rels=sorted(s.R,key=lambda r:(pos(r[1]),pos(r[2])))
        relations=[]
        for i,(typ,h,t,det) in enumerate(rels):
            rr={'id':'r%d'%(i+1),'type':typ,'head':idmap[h],'tail':idmap[t]}
            if det: rr['detail']=det
            relations.append(rr)
        s.idmap=idmap
        meta=dict(META[s.id]['meta']); meta['seed_file']=META[s.id]['seed_file']; meta['sha256']=META[s.id]['sha256']
        return {'record':'document','id':s.id,'meta':meta,'text':s.text,'mentions':mentions,'entities':entities,'events':events,'claims':claims,'relations':relations}
