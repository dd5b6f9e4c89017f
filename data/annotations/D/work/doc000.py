DOC = '000_8ce9f93fccec955a'
# ---------------- Layer 1: mentions (key, context, span, type, level, entity[, nth occurrence in ctx])
H = 'Putin Agrees To Limited Ceasefire After Trump’s Push For Peace Talks'
S1 = 'President Donald Trump and Russian President Vladimir Putin agreed to a partial ceasefire in Ukraine during a phone call on Tuesday'
S2 = 'The two leaders discussed halting attacks on energy and infrastructure sites, with plans for further negotiations on broader ceasefire measures in the coming weeks'
S3 = 'According to a White House readout, Trump and Putin both acknowledged the need for peace and agreed that continued destruction serves neither side’s interests'
S4 = '“Both leaders agreed this conflict needs to end with a lasting peace,” said press secretary Karoline Leavitt'
S5 = 'Putin responded positively to Trump’s request for a 30-day halt on Russian strikes targeting Ukrainian energy infrastructure, according to Kremlin sources'
S6 = 'However, Moscow remains skeptical of a full ceasefire, citing concerns over Ukraine’s compliance and the continued flow of Western military aid'
S7 = 'The Russian government is demanding a complete cessation of U.S. and NATO support for Kyiv as part of any long-term agreement'
S8 = 'The negotiations will begin immediately in the Middle East, with a particular focus on securing a maritime ceasefire in the Black Sea'
S9 = 'The Trump administration is also aiming to improve relations with Moscow, a shift from the previous administration’s aggressive posture toward Russia'
S10 = 'The call also touched on broader global security concerns'
S11 = 'Both leaders agreed on the importance of preventing Iran from threatening Israel, though Putin did not directly commit to any new actions regarding Tehran’s influence in the region'
S12 = 'This diplomatic effort follows Trump’s recent decision to freeze some military aid to Ukraine and his insistence that Kyiv enter economic agreements with Washington before receiving further support'
S13 = 'The shift has been met with resistance from NATO allies, but Trump has maintained that his goal is to force a negotiated settlement rather than prolong the conflict'
S14 = 'Despite Putin’s willingness to pause certain strikes, he stopped short of agreeing to the 30-day full ceasefire proposal backed by the U.S., warning of “serious risks” if Ukraine does not uphold its commitments'
S15 = 'The next phase of negotiations will determine whether this initial progress can lead to a more comprehensive resolution or if tensions will persist'
S16 = 'For now, a temporary reprieve from infrastructure attacks provides a glimmer of hope for de-escalation, but with both sides still wary'

MENTIONS = [
 ('h_putin', H, 'Putin', 'PERSON', 'NAM', 'putin'),
 ('h_trump', H, 'Trump', 'PERSON', 'NAM', 'trump'),
 ('s1_trump', S1, 'President Donald Trump', 'PERSON', 'NAM', 'trump'),
 ('s1_putin', S1, 'Russian President Vladimir Putin', 'PERSON', 'NAM', 'putin'),
 ('s1_russian', S1, 'Russian', 'STATE', 'NAM', 'russia'),
 ('s1_ukraine', S1, 'Ukraine', 'LOCATION', 'NAM', 'ukraine_place'),
 ('s1_tuesday', S1, 'Tuesday', 'TIME', 'NAM', 'time_tuesday'),
 ('s2_leaders', S2, 'two leaders', 'GROUP', 'NOM', 'leaders_trump_putin'),
 ('s2_sites', S2, 'energy and infrastructure sites', 'OBJECT', 'NOM', 'energy_infrastructure'),
 ('s2_weeks', S2, 'coming weeks', 'TIME', 'NOM', 'time_coming_weeks'),
 ('s3_wh', S3, 'White House', 'GOV_BODY', 'NAM', 'us_executive'),
 ('s3_trump', S3, 'Trump', 'PERSON', 'NAM', 'trump'),
 ('s3_putin', S3, 'Putin', 'PERSON', 'NAM', 'putin'),
 ('s3_side', S3, 'neither side', 'GROUP', 'NOM', 'sides_russia_ukraine'),
 ('s4_leaders', S4, 'Both leaders', 'GROUP', 'NOM', 'leaders_trump_putin'),
 ('s4_leavitt', S4, 'press secretary Karoline Leavitt', 'PERSON', 'NAM', 'leavitt'),
 ('s5_putin', S5, 'Putin', 'PERSON', 'NAM', 'putin'),
 ('s5_trump', S5, 'Trump', 'PERSON', 'NAM', 'trump'),
 ('s5_30day', S5, '30-day', 'TIME', 'NOM', 'time_30day'),
 ('s5_russian', S5, 'Russian', 'STATE', 'NAM', 'russia'),
 ('s5_infra', S5, 'Ukrainian energy infrastructure', 'OBJECT', 'NOM', 'energy_infrastructure'),
 ('s5_ukrainian', S5, 'Ukrainian', 'STATE', 'NAM', 'ukraine'),
 ('s5_sources', S5, 'Kremlin sources', 'GROUP', 'NOM', 'kremlin_sources'),
 ('s5_kremlin', S5, 'Kremlin', 'GOV_BODY', 'NAM', 'russia_executive'),
 ('s6_moscow', S6, 'Moscow', 'GOV_BODY', 'NAM', 'russia_executive'),
 ('s6_ukraine', S6, 'Ukraine', 'STATE', 'NAM', 'ukraine'),
 ('s6_western', S6, 'Western', 'GROUP', 'NAM', 'western_states'),
 ('s7_gov', S7, 'Russian government', 'GOV_BODY', 'NOM', 'russia_executive'),
 ('s7_russian', S7, 'Russian', 'STATE', 'NAM', 'russia'),
 ('s7_us', S7, 'U.S.', 'STATE', 'NAM', 'usa'),
 ('s7_nato', S7, 'NATO', 'IGO', 'NAM', 'nato'),
 ('s7_kyiv', S7, 'Kyiv', 'GOV_BODY', 'NAM', 'ukraine_executive'),
 ('s8_me', S8, 'Middle East', 'LOCATION', 'NAM', 'middle_east'),
 ('s8_bs', S8, 'Black Sea', 'LOCATION', 'NAM', 'black_sea'),
 ('s9_admin', S9, 'Trump administration', 'GOV_BODY', 'NOM', 'us_executive'),
 ('s9_trump', S9, 'Trump', 'PERSON', 'NAM', 'trump'),
 ('s9_moscow', S9, 'Moscow', 'GOV_BODY', 'NAM', 'russia_executive'),
 ('s9_prev', S9, 'previous administration', 'GOV_BODY', 'NOM', 'biden_administration'),
 ('s9_russia', S9, 'Russia', 'STATE', 'NAM', 'russia'),
 ('s11_leaders', S11, 'Both leaders', 'GROUP', 'NOM', 'leaders_trump_putin'),
 ('s11_iran', S11, 'Iran', 'STATE', 'NAM', 'iran'),
 ('s11_israel', S11, 'Israel', 'STATE', 'NAM', 'israel'),
 ('s11_putin', S11, 'Putin', 'PERSON', 'NAM', 'putin'),
 ('s11_tehran', S11, 'Tehran', 'GOV_BODY', 'NAM', 'iran_executive'),
 ('s12_trump', S12, 'Trump', 'PERSON', 'NAM', 'trump'),
 ('s12_ukraine', S12, 'Ukraine', 'STATE', 'NAM', 'ukraine'),
 ('s12_his', 'and his insistence', 'his', 'PERSON', 'PRO', 'trump'),
 ('s12_kyiv', S12, 'Kyiv', 'GOV_BODY', 'NAM', 'ukraine_executive'),
 ('s12_wash', S12, 'Washington', 'GOV_BODY', 'NAM', 'us_executive'),
 ('s13_allies', S13, 'NATO allies', 'GROUP', 'NOM', 'nato_allies'),
 ('s13_nato', S13, 'NATO', 'IGO', 'NAM', 'nato'),
 ('s13_trump', S13, 'Trump', 'PERSON', 'NAM', 'trump'),
 ('s13_his', 'that his goal', 'his', 'PERSON', 'PRO', 'trump'),
 ('s14_putin', S14, 'Putin', 'PERSON', 'NAM', 'putin'),
 ('s14_he', S14, 'he', 'PERSON', 'PRO', 'putin'),
 ('s14_30day', S14, '30-day', 'TIME', 'NOM', 'time_30day'),
 ('s14_us', S14, 'U.S.', 'STATE', 'NAM', 'usa'),
 ('s14_ukraine', S14, 'Ukraine', 'STATE', 'NAM', 'ukraine'),
 ('s14_its', S14, 'its', 'STATE', 'PRO', 'ukraine'),
 ('s16_infra', S16, 'infrastructure', 'OBJECT', 'NOM', 'energy_infrastructure'),
 ('s16_sides', S16, 'both sides', 'GROUP', 'NOM', 'sides_russia_ukraine'),
]

# ---------------- Layer 2: events (key, ctx, trigger, type, mode, polarity, modality, cluster, args)
# args: ('ROLE', '@entity') -> closest mention of that entity (2.3); ('ROLE', 'event_key')
P, N = 'POSITIVE', 'NEGATIVE'
A, PR, HY, GE = 'ASSERTED', 'PROPOSED', 'HYPOTHETICAL', 'GENERIC'
EVENTS = [
 ('h_agrees', H, 'Agrees', 'AGREE', None, P, A, 'agree_energy_ceasefire', [('ACTOR', '@putin'), ('THEME', 'h_ceasefire')]),
 ('h_ceasefire', H, 'Ceasefire', 'CONCEDE', None, P, A, 'ceasefire_energy', []),
 ('h_push', H, 'Push', 'REQUEST', 'meet', P, A, 'trump_push_talks', [('ACTOR', '@trump'), ('THEME', 'h_talks')]),
 ('h_talks', H, 'Talks', 'CONSULT', None, P, PR, 'peace_talks', []),
 ('s1_agreed', S1, 'agreed', 'AGREE', None, P, A, 'agree_energy_ceasefire', [('ACTOR', '@trump'), ('ACTOR', '@putin'), ('THEME', 's1_ceasefire')]),
 ('s1_ceasefire', S1, 'ceasefire', 'CONCEDE', None, P, A, 'ceasefire_energy', [('LOCATION', '@ukraine_place')]),
 ('s1_call', S1, 'call', 'CONSULT', 'phone', P, A, 'call_0318', [('ACTOR', '@trump'), ('ACTOR', '@putin'), ('TIME', '@time_tuesday')]),
 ('s1_war', 'toward ending the war', 'war', 'ASSAULT', None, P, A, 'war_ukraine', []),
 ('s2_discussed', S2, 'discussed', 'CONSULT', 'phone', P, A, 'call_0318', [('ACTOR', '@leaders_trump_putin'), ('THEME', 's2_halting')]),
 ('s2_halting', S2, 'halting', 'CONCEDE', None, P, PR, 'ceasefire_energy', [('THEME', 's2_attacks')]),
 ('s2_attacks', S2, 'attacks', 'ASSAULT', None, P, A, 'strikes_energy', [('THEME', '@energy_infrastructure')]),
 ('s2_negotiations', S2, 'negotiations', 'CONSULT', None, P, PR, 'negotiations_mideast', [('THEME', 's2_ceasefire'), ('TIME', '@time_coming_weeks')]),
 ('s2_ceasefire', S2, 'ceasefire', 'CONCEDE', None, P, PR, 'ceasefire_broader_measures', []),
 ('s3_agreed', 'and agreed that continued', 'agreed', 'AGREE', None, P, A, 'agree_destruction_interests', [('ACTOR', '@trump'), ('ACTOR', '@putin')]),
 ('s3_destruction', S3, 'destruction', 'ASSAULT', None, P, GE, 'destruction_generic', []),
 ('s4_agreed', S4, 'agreed', 'AGREE', None, P, A, 'agree_end_conflict', [('ACTOR', '@leaders_trump_putin')]),
 ('s4_conflict', S4, 'conflict', 'ASSAULT', None, P, A, 'war_ukraine', []),
 ('s5_responded', S5, 'responded', 'AGREE', None, P, A, 'agree_energy_ceasefire', [('ACTOR', '@putin'), ('RECIPIENT', '@trump'), ('THEME', 's5_request')]),
 ('s5_request', S5, 'request', 'REQUEST', 'yield', P, A, 'request_energy_halt', [('ACTOR', '@trump'), ('THEME', 's5_halt')]),
 ('s5_halt', S5, 'halt', 'CONCEDE', None, P, PR, 'ceasefire_energy', [('THEME', 's5_strikes'), ('TIME', '@time_30day')]),
 ('s5_strikes', S5, 'strikes', 'ASSAULT', None, P, A, 'strikes_energy', [('ACTOR', '@russia'), ('RECIPIENT', '@ukraine'), ('THEME', '@energy_infrastructure')]),
 ('s6_ceasefire', S6, 'ceasefire', 'CONCEDE', None, P, PR, 'ceasefire_full', []),
 ('s6_aid', S6, 'aid', 'AID', None, P, A, 'western_military_aid', [('ACTOR', '@western_states'), ('RECIPIENT', '@ukraine')]),
 ('s7_demanding', S7, 'demanding', 'REQUEST', 'yield', P, A, 'russia_demand_end_support', [('ACTOR', '@russia_executive'), ('THEME', 's7_cessation')]),
 ('s7_cessation', S7, 'cessation', 'SANCTION', 'withdraw', P, PR, 'cessation_support_demanded', [('ACTOR', '@usa'), ('ACTOR', '@nato'), ('RECIPIENT', '@ukraine_executive')]),
 ('s7_agreement', S7, 'agreement', 'AGREE', None, P, HY, 'longterm_agreement', []),
 ('s8_negotiations', S8, 'negotiations', 'CONSULT', None, P, PR, 'negotiations_mideast', [('THEME', 's8_ceasefire'), ('LOCATION', '@middle_east')]),
 ('s8_ceasefire', S8, 'ceasefire', 'CONCEDE', None, P, PR, 'ceasefire_maritime', [('LOCATION', '@black_sea')]),
 ('s9_improve', S9, 'improve', 'SUPPORT', None, P, PR, 'improve_relations_us_russia', [('ACTOR', '@us_executive'), ('RECIPIENT', '@russia_executive')]),
 ('s10_call', S10, 'call', 'CONSULT', 'phone', P, A, 'call_0318', []),
 ('s11_agreed', S11, 'agreed', 'AGREE', None, P, A, 'agree_iran_israel', [('ACTOR', '@leaders_trump_putin')]),
 ('s11_threatening', S11, 'threatening', 'THREATEN', None, P, HY, 'iran_threaten_israel', [('ACTOR', '@iran'), ('RECIPIENT', '@israel')]),
 ('s11_commit', S11, 'commit', 'AGREE', None, N, A, 'putin_commit_iran', [('ACTOR', '@putin')]),
 ('s12_effort', S12, 'effort', 'CONSULT', 'phone', P, A, 'call_0318', []),
 ('s12_freeze', S12, 'freeze', 'SANCTION', 'withdraw', P, A, 'aid_freeze', [('ACTOR', '@trump'), ('RECIPIENT', '@ukraine')]),
 ('s12_insistence', S12, 'insistence', 'REQUEST', 'assist', P, A, 'insist_economic_deals', [('ACTOR', '@trump'), ('RECIPIENT', '@ukraine_executive'), ('THEME', 's12_agreements')]),
 ('s12_agreements', S12, 'agreements', 'AGREE', None, P, PR, 'kyiv_economic_agreements', [('ACTOR', '@ukraine_executive'), ('ACTOR', '@us_executive')]),
 ('s12_receiving', S12, 'receiving', 'AID', None, P, PR, 'kyiv_further_support', [('RECIPIENT', '@ukraine_executive')]),
 ('s13_shift', S13, 'shift', 'SANCTION', 'withdraw', P, A, 'aid_freeze', []),
 ('s13_settlement', S13, 'settlement', 'AGREE', None, P, PR, 'negotiated_settlement', []),
 ('s13_conflict', S13, 'conflict', 'ASSAULT', None, P, A, 'war_ukraine', []),
 ('s14_willingness', S14, 'willingness', 'AGREE', None, P, A, 'agree_energy_ceasefire', [('ACTOR', '@putin'), ('THEME', 's14_pause')]),
 ('s14_pause', S14, 'pause', 'CONCEDE', None, P, PR, 'ceasefire_energy', [('THEME', 's14_strikes')]),
 ('s14_strikes', S14, 'strikes', 'ASSAULT', None, P, A, 'strikes_energy', []),
 ('s14_agreeing', S14, 'agreeing', 'AGREE', None, N, A, 'agree_full_ceasefire_failed', [('ACTOR', '@putin'), ('THEME', 's14_proposal')]),
 ('s14_ceasefire', S14, 'ceasefire', 'CONCEDE', None, P, PR, 'ceasefire_30day_full', [('TIME', '@time_30day')]),
 ('s14_proposal', S14, 'proposal', 'REQUEST', 'yield', P, A, 'us_proposal_30day', [('THEME', 's14_ceasefire')]),
 ('s14_warning', S14, 'warning', 'THREATEN', None, P, A, 'putin_warning_risks', [('ACTOR', '@putin')]),
 ('s14_uphold', S14, 'uphold', 'RETREAT', None, N, HY, 'ukraine_uphold_commitments', [('ACTOR', '@ukraine')]),
 ('s15_negotiations', S15, 'negotiations', 'CONSULT', None, P, PR, 'negotiations_mideast', []),
 ('s16_reprieve', S16, 'reprieve', 'CONCEDE', None, P, A, 'ceasefire_energy', [('THEME', 's16_attacks')]),
 ('s16_attacks', S16, 'attacks', 'ASSAULT', None, P, A, 'strikes_energy', [('THEME', '@energy_infrastructure')]),
]

# ---------------- Layer 3: claims (key, source mention key, cue ctx, cue, content, quote_type, check_worthiness, parent)
CLAIMS = [
 ('c_wh', 's3_wh', S3, 'According to', 'Trump and Putin both acknowledged the need for peace and agreed that continued destruction serves neither side’s interests', 'INDIRECT', 'CFS', None),
 ('c_wh_agreed', None, 'and agreed that continued', 'agreed', 'continued destruction serves neither side’s interests', 'INDIRECT', 'NFS', 'c_wh'),
 ('c_leavitt', 's4_leavitt', S4, 'said', 'Both leaders agreed this conflict needs to end with a lasting peace', 'DIRECT', 'CFS', None),
 ('c_leavitt_agreed', 's4_leaders', S4, 'agreed', 'this conflict needs to end with a lasting peace', 'DIRECT', 'NFS', 'c_leavitt'),
 ('c_kremlin', 's5_sources', S5, 'according to', 'Putin responded positively to Trump’s request for a 30-day halt on Russian strikes targeting Ukrainian energy infrastructure', 'INDIRECT', 'CFS', None),
 ('c_insistence', 's12_his', S12, 'insistence', 'Kyiv enter economic agreements with Washington before receiving further support', 'INDIRECT', 'NFS', None),
 ('c_maintained', 's13_trump', S13, 'maintained', 'his goal is to force a negotiated settlement rather than prolong the conflict', 'INDIRECT', 'NFS', None),
 ('c_warning', 's14_he', S14, 'warning of', '“serious risks” if Ukraine does not uphold its commitments', 'MIXED', 'NFS', None),
]

# ---------------- Layer 4: relations within the article (type, head key, tail key[, detail])
RELATIONS = [
 ('BEFORE', 'h_push', 'h_agrees'),
 ('LEADER_OF', 's1_putin', 's1_russian'),
 ('SUBEVENT_OF', 's1_agreed', 's1_call'),
 ('SPOKESPERSON_FOR', 's4_leavitt', 's3_wh'),
 ('RESPONDS_TO', 's5_responded', 's5_request'),
 ('MEMBER_OF', 's5_sources', 's5_kremlin'),
 ('SUBEVENT_OF', 's7_cessation', 's7_agreement'),
 ('LEADER_OF', 's9_trump', 's9_admin'),
 ('BEFORE', 's12_freeze', 's12_effort'),
 ('BEFORE', 's12_insistence', 's12_effort'),
 ('BEFORE', 's12_agreements', 's12_receiving'),
 ('MEMBER_OF', 's13_allies', 's13_nato'),
 ('OPPOSES', 's13_allies', 's13_shift'),
 ('RESPONDS_TO', 's14_agreeing', 's14_proposal'),
 ('SUPPORTS', 's14_us', 's14_proposal'),
]
