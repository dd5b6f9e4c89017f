import json,re
for did in ['000_8ce9f93fccec955a','004_2b10ae636b3461d6']:
    r=json.load(open(f'/work/annot-C/out/{did}.json')); t=r['text']
    spans={(m['start'],m['end']) for m in r['mentions']}
    names={m['text'] for m in r['mentions'] if m['level']=='NAM'}
    for n in sorted(names):
        for mm in re.finditer(re.escape(n), t):
            s,e=mm.start(),mm.end()
            # word boundary
            if (s>0 and t[s-1].isalnum()) or (e<len(t) and t[e].isalnum()): continue
            covered=any(a<=s and e<=b for a,b in spans) and (s,e) in spans or any(a<=s and e<=b and (a,b)!=(s,e) for a,b in spans)
            if (s,e) not in spans:
                print(did[:3],'NOT exact-annotated:',repr(n),s, repr(t[max(0,s-30):e+30]))
