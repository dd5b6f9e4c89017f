"""Layer 2: events. Arguments: (role, entity_id) resolved by the closest-mention rule,
(role, 'E:key') for an event, (role, 'K:key') for a keyed mention."""

A, R, T, L, TM = 'ACTOR', 'RECIPIENT', 'THEME', 'LOCATION', 'TIME'
P, H, G = 'PROPOSED', 'HYPOTHETICAL', 'GENERIC'
NEG = 'NEGATIVE'


def events_000(d):
    E = d.E
    # headline
    E('hl_agree', 'Agrees', 'AGREE', 'agree_partial_ceasefire', ctx='Putin Agrees',
      args=[(A, 'putin'), (T, 'E:hl_cf')])
    E('hl_cf', 'Ceasefire', 'CONCEDE', 'partial_ceasefire', ctx='Limited Ceasefire')
    E('hl_push', 'Push', 'REQUEST', 'trump_push_talks', ctx='Trump’s Push', mode='meet',
      args=[(A, 'trump'), (T, 'E:hl_talks')])
    E('hl_talks', 'Talks', 'CONSULT', 'ukraine_peace_talks', ctx='Peace Talks', mod=P)
    # S1
    E('s1_agreed', 'agreed', 'AGREE', 'agree_partial_ceasefire', ctx='Vladimir Putin agreed to a partial',
      args=[(A, 'trump'), (A, 'putin'), (T, 'E:s1_cf')])
    E('s1_cf', 'ceasefire', 'CONCEDE', 'partial_ceasefire', ctx='partial ceasefire in Ukraine',
      args=[(L, 'ukraine_place')])
    E('s1_call', 'call', 'CONSULT', 'call_0318', ctx='phone call on Tuesday', mode='phone',
      args=[(A, 'trump'), (A, 'putin'), (TM, 'tuesday_0318')])
    E('s1_war', 'war', 'ASSAULT', 'russia_ukraine_war', ctx='ending the war')
    # S2
    E('s2_disc', 'discussed', 'CONSULT', 'call_0318', ctx='leaders discussed', mode='phone',
      args=[(A, 'leaders_trump_putin'), (T, 'E:s2_halt')])
    E('s2_halt', 'halting', 'CONCEDE', 'partial_ceasefire', mod=P, args=[(T, 'E:s2_att')])
    E('s2_att', 'attacks', 'ASSAULT', 'russian_energy_strikes', ctx='halting attacks', mode='destroy',
      args=[(T, 'energy_infrastructure')])
    E('s2_neg', 'negotiations', 'CONSULT', 'followup_negotiations', ctx='further negotiations on', mod=P,
      args=[(T, 'E:s2_cf'), (TM, 'coming_weeks')])
    E('s2_cf', 'ceasefire', 'CONCEDE', 'broader_ceasefire_measures', ctx='broader ceasefire measures', mod=P)
    # S3
    E('s3_agreed', 'agreed', 'AGREE', 'agree_destruction_no_interest', ctx='agreed that continued destruction',
      args=[(A, 'trump'), (A, 'putin')])
    E('s3_destr', 'destruction', 'ASSAULT', 'generic_continued_destruction', mode='destroy', mod=G)
    # S4
    E('s4_agreed', 'agreed', 'AGREE', 'agree_conflict_must_end', ctx='“Both leaders agreed this conflict',
      args=[(A, 'leaders_trump_putin')])
    E('s4_conf', 'conflict', 'ASSAULT', 'russia_ukraine_war', ctx='this conflict needs')
    # S5
    E('s5_resp', 'responded', 'AGREE', 'agree_partial_ceasefire', args=[(A, 'putin'), (T, 'E:s5_req')])
    E('s5_req', 'request', 'REQUEST', 'trump_request_energy_halt', ctx='Trump’s request', mode='yield',
      args=[(A, 'trump'), (T, 'E:s5_halt')])
    E('s5_halt', 'halt', 'CONCEDE', 'partial_ceasefire', ctx='30-day halt', mod=P,
      args=[(T, 'E:s5_str'), (TM, 'duration_30d_partial')])
    E('s5_str', 'strikes', 'ASSAULT', 'russian_energy_strikes', ctx='Russian strikes', mode='destroy',
      args=[(A, 'russia'), (R, 'ukraine'), (T, 'energy_infrastructure')])
    # S6
    E('s6_cf', 'ceasefire', 'CONCEDE', 'full_ceasefire', ctx='skeptical of a full ceasefire', mod=P)
    E('s6_aid', 'aid', 'AID', 'western_aid_ukraine', ctx='Western military aid', args=[(A, 'western_states')])
    # S7
    E('s7_dem', 'demanding', 'REQUEST', 'russia_demands_end_of_support', mode='yield',
      args=[(A, 'russia_executive'), (T, 'E:s7_cess')])
    E('s7_cess', 'cessation', 'SANCTION', 'cessation_western_support', mode='withdraw', mod=P,
      args=[(A, 'usa'), (A, 'nato'), (R, 'ukraine_executive')])
    E('s7_agr', 'agreement', 'AGREE', 'long_term_agreement', ctx='long-term agreement', mod=H)
    # S8
    E('s8_neg', 'negotiations', 'CONSULT', 'followup_negotiations', ctx='The negotiations will begin', mod=P,
      args=[(L, 'middle_east'), (T, 'E:s8_cf')])
    E('s8_cf', 'ceasefire', 'CONCEDE', 'maritime_ceasefire', ctx='maritime ceasefire in the Black Sea', mod=P,
      args=[(L, 'black_sea')])
    # S9
    E('s9_impr', 'improve', 'SUPPORT', 'improve_us_russia_relations', ctx='improve relations with Moscow', mod=P,
      args=[(A, 'us_executive'), (R, 'russia_executive')])
    # S10
    E('s10_call', 'call', 'CONSULT', 'call_0318', ctx='The call also touched', mode='phone')
    # S11
    E('s11_agr', 'agreed', 'AGREE', 'agree_iran_israel', ctx='Both leaders agreed on the importance',
      args=[(A, 'leaders_trump_putin')])
    E('s11_thr', 'threatening', 'THREATEN', 'iran_threatens_israel', mod=H,
      args=[(A, 'iran'), (R, 'israel')])
    E('s11_commit', 'commit', 'AGREE', 'putin_commit_iran', ctx='directly commit', pol=NEG,
      args=[(A, 'putin')])
    # S12
    E('s12_effort', 'effort', 'CONSULT', 'call_0318', ctx='This diplomatic effort', mode='phone')
    E('s12_freeze', 'freeze', 'SANCTION', 'us_aid_freeze', ctx='decision to freeze', mode='withdraw',
      args=[(A, 'trump'), (R, 'ukraine')])
    E('s12_ins', 'insistence', 'REQUEST', 'trump_insists_economic_deal', mode='assist',
      args=[(A, 'trump'), (R, 'ukraine_executive'), (T, 'E:s12_agr')])
    E('s12_agr', 'agreements', 'AGREE', 'us_ukraine_economic_agreements', ctx='economic agreements with Washington',
      mod=P, args=[(A, 'ukraine_executive'), (A, 'us_executive')])
    E('s12_recv', 'receiving', 'AID', 'us_further_support_ukraine', ctx='receiving further support', mod=P,
      args=[(R, 'ukraine_executive')])
    # S13
    E('s13_settle', 'settlement', 'AGREE', 'negotiated_settlement', ctx='negotiated settlement', mod=P)
    E('s13_conf', 'conflict', 'ASSAULT', 'russia_ukraine_war', ctx='prolong the conflict')
    # S14
    E('s14_will', 'willingness', 'AGREE', 'agree_partial_ceasefire', args=[(A, 'putin'), (T, 'E:s14_pause')])
    E('s14_pause', 'pause', 'CONCEDE', 'partial_ceasefire', ctx='to pause certain strikes',
      args=[(A, 'putin'), (T, 'E:s14_str')])
    E('s14_str', 'strikes', 'ASSAULT', 'russian_energy_strikes', ctx='certain strikes')
    E('s14_agr', 'agreeing', 'AGREE', 'agree_full_ceasefire', ctx='short of agreeing', pol=NEG,
      args=[(A, 'putin'), (T, 'E:s14_prop')])
    E('s14_cf', 'ceasefire', 'CONCEDE', 'full_ceasefire', ctx='30-day full ceasefire proposal', mod=P,
      args=[(TM, 'duration_30d_full')])
    E('s14_prop', 'proposal', 'REQUEST', 'us_full_ceasefire_proposal', ctx='full ceasefire proposal backed',
      mode='yield', args=[(T, 'E:s14_cf')])
    E('s14_warn', 'warning', 'THREATEN', 'putin_warns_risks', ctx='warning of', args=[(A, 'putin')])
    # S15
    E('s15_neg', 'negotiations', 'CONSULT', 'followup_negotiations', ctx='next phase of negotiations', mod=P)
    # S16
    E('s16_repr', 'reprieve', 'CONCEDE', 'partial_ceasefire', args=[(T, 'E:s16_att')])
    E('s16_att', 'attacks', 'ASSAULT', 'russian_energy_strikes', ctx='infrastructure attacks', mode='destroy',
      args=[(T, 'energy_infrastructure')])


def events_004(d):
    E = d.E
    # S1
    E('s1_neg', 'negotiated', 'AGREE', 'agree_partial_ceasefire',
      args=[(A, 'trump'), (A, 'putin'), (T, 'E:s1_cf'), (TM, 'tuesday_0318')])
    E('s1_cf', 'cease-fire', 'CONCEDE', 'partial_ceasefire', ctx='cease-fire deal Tuesday',
      args=[(T, 'energy_infrastructure')])
    E('s1_agr', 'agreement', 'AGREE', 'agree_full_ceasefire', ctx='short of an agreement on', pol=NEG,
      args=[(A, 'trump'), (A, 'putin'), (T, 'E:s1_halt')])
    E('s1_halt', 'halt', 'CONCEDE', 'full_ceasefire', ctx='total halt', mod=P, args=[(T, 'E:s1_war')])
    E('s1_war', 'war', 'ASSAULT', 'russia_ukraine_war', ctx='Russia’s war', args=[(A, 'russia'), (R, 'ukraine')])
    # S2
    E('s2_agr', 'agreement', 'AGREE', 'agree_partial_ceasefire', ctx='cease-fire agreement during',
      args=[(A, 'trump'), (A, 'putin'), (T, 'E:s2_cf')])
    E('s2_cf', 'cease-fire', 'CONCEDE', 'partial_ceasefire', ctx='the partial cease-fire agreement during')
    E('s2_call', 'call', 'CONSULT', 'call_0318', ctx='during a call about', mode='phone',
      args=[(A, 'trump'), (A, 'putin'), (T, 'E:s2_conf'), (T, 'E:s2_impr')])
    E('s2_conf', 'conflict', 'ASSAULT', 'russia_ukraine_war', ctx='Ukraine conflict', args=[(L, 'ukraine_place')])
    E('s2_impr', 'improving', 'SUPPORT', 'improve_us_russia_relations', mod=P, args=[(A, 'usa'), (A, 'russia')])
    # S3 (readout quote)
    E('s3_agr', 'agreed', 'AGREE', 'agree_partial_ceasefire', ctx='“The leaders agreed',
      args=[(A, 'leaders_trump_putin')])
    E('s3_cf1', 'ceasefire', 'CONCEDE', 'partial_ceasefire', ctx='energy and infrastructure ceasefire,',
      args=[(T, 'energy_infrastructure')])
    E('s3_neg', 'negotiations', 'CONSULT', 'followup_negotiations', ctx='technical negotiations on', mod=P,
      args=[(T, 'E:s3_impl')])
    E('s3_impl', 'implementation', 'RETREAT', 'implementation_of_ceasefires', mode='ceasefire', mod=P,
      args=[(T, 'E:s3_cf2'), (T, 'E:s3_cf3')])
    E('s3_cf2', 'ceasefire', 'CONCEDE', 'maritime_ceasefire', ctx='maritime ceasefire in the Black Sea, full', mod=P,
      args=[(L, 'black_sea')])
    E('s3_cf3', 'ceasefire', 'CONCEDE', 'full_ceasefire', ctx='full ceasefire and permanent', mod=P)
    E('s3_neg2', 'negotiations', 'CONSULT', 'followup_negotiations', ctx='These negotiations will begin', mod=P,
      args=[(L, 'middle_east')])
    # S4
    E('s4_agr', 'agreed', 'AGREE', 'agree_future_relationship', ctx='“The two leaders agreed',
      args=[(A, 'leaders_trump_putin')])
    E('s4_impr', 'improved', 'SUPPORT', 'improve_us_russia_relations', mod=H, args=[(A, 'usa'), (A, 'russia')])
    E('s4_deals', 'deals', 'AGREE', 'us_russia_economic_deals', ctx='economic deals', mod=H)
    # S5
    E('s5_agr', 'agreement', 'AGREE', 'agree_partial_ceasefire', ctx='cease-fire agreement comes',
      args=[(T, 'E:s5_cf')])
    E('s5_cf', 'cease-fire', 'CONCEDE', 'partial_ceasefire', ctx='The 30-day partial cease-fire',
      args=[(TM, 'duration_30d_partial')])
    E('s5_rej', 'rejected', 'REJECT', 'putin_rejects_us_proposal', ctx='Putin rejected last week', mode='yield',
      args=[(A, 'putin'), (T, 'E:s5_prop'), (TM, 'last_week')])
    E('s5_prop', 'proposal', 'REQUEST', 'us_full_ceasefire_proposal', ctx='U.S. proposal to', mode='yield',
      args=[(A, 'usa'), (T, 'E:s5_pause')])
    E('s5_pause', 'pause', 'CONCEDE', 'full_ceasefire', ctx='temporarily pause', mod=P, args=[(T, 'E:s5_fight')])
    E('s5_fight', 'fighting', 'ASSAULT', 'russia_ukraine_war', args=[(L, 'ukraine_place')])
    E('s5_dem', 'demanded', 'REQUEST', 'putin_demands_concessions', mode='yield',
      args=[(A, 'putin'), (T, 'E:s5_conc')])
    E('s5_conc', 'concessions', 'CONCEDE', 'further_concessions_demanded', mod=P)
    E('s5_acc', 'accommodate', 'CONCEDE', 'us_accommodates_russia',
      args=[(A, 'us_executive'), (R, 'russia')])
    # S6
    E('s6_call', 'call', 'CONSULT', 'call_february', ctx='with a call between', mode='phone',
      args=[(A, 'trump'), (A, 'putin'), (TM, 'last_month')])
    E('s6_talks', 'talks', 'CONSULT', 'talks_us_russia_saudi_february', ctx='and talks between U.S.',
      args=[(A, 'us_russian_counterparts'), (L, 'saudi_arabia'), (TM, 'last_month')])
    E('s6_hash', 'hash out', 'CONSULT', 'followup_negotiations', mod=P,
      args=[(A, 'us_russian_officials'), (T, 'E:s6_cf')])
    E('s6_cf', 'cease-fire', 'CONCEDE', 'partial_ceasefire', ctx='specifics of the partial cease-fire')
    # S7
    E('s7_agr', 'agreed', 'AGREE', 'ukraine_agrees_ceasefire', ctx='Ukraine agreed to a 30-day',
      args=[(A, 'ukraine'), (T, 'E:s7_cf'), (TM, 'last_week')])
    E('s7_cf', 'cease-fire', 'CONCEDE', 'full_ceasefire', ctx='30-day cease-fire last week',
      args=[(TM, 'duration_30d_full')])
    E('s7_neg', 'negotiations', 'CONSULT', 'talks_us_ukraine_saudi', ctx='following negotiations between',
      args=[(A, 'us_ukrainian_officials'), (L, 'saudi_arabia')])
    # S8
    E('s8_deal', 'deal', 'AGREE', 'ukraine_agrees_ceasefire', ctx='As part of the deal')
    E('s8_res', 'resumed', 'AID', 'us_aid_resumed', args=[(A, 'usa'), (R, 'ukraine')])
    E('s8_share', 'sharing', 'COOPERATE', 'us_intel_sharing_resumed', args=[(A, 'usa'), (R, 'ukraine')])
    E('s8_cut', 'cutting off', 'SANCTION', 'us_aid_freeze', mode='withdraw', args=[(A, 'usa'), (R, 'ukraine')])
    E('s8_blow', 'blow up', 'ACCUSE', 'white_house_blowup', mode='disapprove',
      args=[(A, 'trump'), (A, 'vance'), (A, 'zelensky'), (L, 'white_house_place'),
            (T, 'E:s8_sup'), (T, 'E:s8_talks')])
    E('s8_sup', 'support', 'AID', 'us_support_ukraine', ctx='U.S. support for Ukraine',
      args=[(A, 'usa'), (R, 'ukraine')])
    E('s8_talks', 'talks', 'CONSULT', 'us_talks_with_russians', ctx='talks with the Russians',
      args=[(A, 'russia')])
    # S9
    E('s9_war', 'war', 'ASSAULT', 'russia_ukraine_war', ctx='The war in Ukraine',
      args=[(L, 'ukraine_place'), (TM, 'three_years_ago')])
    E('s9_inv', 'invaded', 'ASSAULT', 'russian_invasion_2022', ctx='forces invaded',
      args=[(A, 'russian_military'), (R, 'ukraine')])
    E('s9_fight', 'fight', 'ASSAULT', 'ukrainian_resistance', ctx='than expected fight',
      args=[(A, 'ukrainian_military'), (R, 'russian_military')])
    # S10
    E('s10_aid', 'aid', 'AID', 'us_support_ukraine', ctx='American military and economic aid', args=[(A, 'usa')])
    # S11 (Zelensky quote)
    E('s11_ref', 'refused', 'REJECT', 'refusal_to_acknowledge', ctx='who refused',
      args=[(A, 'those_refused'), (TM, 'past_three_years')])
    E('s11_war', 'war', 'ASSAULT', 'russia_ukraine_war', ctx='drag out this war')
    E('s11_sq', 'squeeze out', 'AGREE', 'agree_full_ceasefire', pol=NEG,
      args=[(A, 'putin'), (T, 'E:s11_prop'), (TM, 'a_week')])
    E('s11_cf', 'ceasefire', 'CONCEDE', 'full_ceasefire', ctx='the ceasefire proposal', mod=P)
    E('s11_prop', 'proposal', 'REQUEST', 'us_full_ceasefire_proposal', ctx='ceasefire proposal. He', mode='yield',
      args=[(T, 'E:s11_cf')])
    # S12
    E('s12_brk', 'breakthrough', 'AGREE', 'agree_partial_ceasefire', args=[(A, 'trump'), (A, 'putin')])
    # S13
    E('s13_disc', 'discussed', 'CONSULT', 'call_0318', ctx='also discussed', mode='phone',
      args=[(A, 'trump'), (A, 'putin'), (T, 'E:s13_coop')])
    E('s13_coop', 'cooperation', 'COOPERATE', 'us_russia_mideast_cooperation', mod=H,
      args=[(L, 'middle_east')])
    E('s13_conf', 'conflict', 'ASSAULT', 'future_mideast_conflict', ctx='prevent future conflict', mod=H)
    E('s13_destr', 'destroy', 'ASSAULT', 'iran_destroys_israel', ctx='able to destroy', mod=H, pol=NEG,
      args=[(A, 'iran'), (R, 'israel')])
    # S14
    E('s14_cf', 'cease-fire', 'RETREAT', 'israel_hamas_ceasefire_in_effect', ctx='The Jewish state’s cease-fire',
      mode='ceasefire', args=[(A, 'israel')])
    E('s14_conf', 'conflict', 'ASSAULT', 'israel_hamas_war', ctx='its conflict against Hamas',
      args=[(A, 'israel'), (A, 'hamas')])
    E('s14_str', 'strikes', 'ASSAULT', 'israeli_strikes_gaza_0317', ctx='air strikes in Gaza', mode='aerial',
      args=[(L, 'gaza'), (TM, 'monday_night')])
    E('s14_kill', 'killed', 'ASSAULT', 'hamas_leaders_killed', ctx='that killed', mode='targeted',
      args=[(R, 'hamas_leaders')])
    E('s14_rej', 'rejected', 'REJECT', 'hamas_rejects_extension', ctx='terror group rejected', mode='yield',
      args=[(A, 'hamas'), (T, 'E:s14_prop')])
    E('s14_prop', 'proposals', 'REQUEST', 'us_proposals_gaza_extension', ctx='U.S. proposals', mode='yield',
      args=[(A, 'usa'), (T, 'E:s14_cf2')])
    E('s14_cf2', 'cease-fire', 'CONCEDE', 'gaza_extended_ceasefire', ctx='extended cease-fire', mod=P)
    # S15
    E('s15_blood', 'bloodshed', 'ASSAULT', 'russia_ukraine_war', args=[(L, 'ukraine_place')])
    E('s15_table', 'bargaining table', 'CONSULT', 'ukraine_peace_talks', mod=P,
      args=[(A, 'sides_russia_ukraine')])
    # S16
    E('s16_inv', 'invaded', 'ASSAULT', 'hypothetical_invasion_under_trump', ctx='never would have invaded',
      mod=H, pol=NEG, args=[(A, 'putin'), (R, 'ukraine')])
