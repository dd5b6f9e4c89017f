"""Layer 3: claims. source = key of a mention (or None)."""


def claims_000(d):
    C = d.C
    C('wh', 'wh', 'According to',
      'Trump and Putin both acknowledged the need for peace and agreed that continued destruction serves neither side’s interests',
      'INDIRECT', 'CFS')
    C('wh_in', None, 'agreed', 'continued destruction serves neither side’s interests', 'INDIRECT', 'NFS',
      parent='wh', cue_ctx='agreed that continued destruction')
    C('lv', 'leavitt', 'said', 'Both leaders agreed this conflict needs to end with a lasting peace',
      'DIRECT', 'CFS', cue_ctx='” said press secretary')
    C('lv_in', 'bothleaders', 'agreed', 'this conflict needs to end with a lasting peace', 'DIRECT', 'NFS',
      parent='lv', cue_ctx='“Both leaders agreed this conflict')
    C('ks', 'ks', 'according to',
      'Putin responded positively to Trump’s request for a 30-day halt on Russian strikes targeting Ukrainian energy infrastructure',
      'INDIRECT', 'CFS', cue_ctx='according to Kremlin sources')
    C('ins', 'his_ins', 'insistence',
      'Kyiv enter economic agreements with Washington before receiving further support', 'INDIRECT', 'NFS')
    C('maint', 'trump_maint', 'maintained',
      'his goal is to force a negotiated settlement rather than prolong the conflict', 'INDIRECT', 'NFS')
    C('warn', 'he_warn', 'warning of', '“serious risks” if Ukraine does not uphold its commitments',
      'MIXED', 'NFS')


def claims_004(d):
    C = d.C
    C('wh1', 'wh_a', 'said',
      'Trump and Putin came to the partial cease-fire agreement during a call about ending the Ukraine conflict and improving relations between the U.S. and Russia',
      'INDIRECT', 'CFS', cue_ctx='the White House said.')
    t = d.text
    s = t.index('The leaders agreed that the movement')
    e = t.index(' in the Middle East,”') + len(' in the Middle East')
    C('rd', 'wh_b', 'said', t[s:e], 'DIRECT', 'CFS', cue_ctx='White House said in a readout')
    C('rd_in', 'leaders3', 'agreed',
      'the movement to peace will begin with an energy and infrastructure ceasefire, as well as technical negotiations on implementation of a maritime ceasefire in the Black Sea, full ceasefire and permanent peace',
      'DIRECT', 'NFS', parent='rd', cue_ctx='“The leaders agreed')
    s = t.index('The two leaders agreed that a future')
    e = t.index('when peace has been achieved') + len('when peace has been achieved')
    # continuation quote (GUIDELINES 3.3): same source mention and same cue span as the claim it continues
    C('cont', 'wh_b', 'said', t[s:e], 'DIRECT', 'CFS', cue_ctx='White House said in a readout')
    C('cont_in', 'twoleaders', 'agreed',
      'a future with an improved bilateral relationship between the United States and Russia has huge upside',
      'DIRECT', 'NFS', parent='cont', cue_ctx='“The two leaders agreed')
    s = t.index('Now, almost a week later')
    e = t.index('wants to hear,”') + len('wants to hear')
    C('zel', 'zel', 'said', t[s:e], 'DIRECT', 'CFS', cue_ctx='Zelensky said Monday')
    C('zel_in', 'everyone', 'clear', 'it is Putin who continues to drag out this war', 'DIRECT', 'NFS',
      parent='zel', cue_ctx='clear to everyone')
    C('tr', 'trump_ass', 'asserted',
      'Putin never would have invaded Ukraine if he was President at the time instead of Joe Biden',
      'INDIRECT', 'NFS')
