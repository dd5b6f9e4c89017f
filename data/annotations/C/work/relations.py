"""Layer 4a: entity, event and stance relations (CORROBORATES / CONTRADICTS are computed
in corrob.py). Ends: 'E:key' event, 'K:key' mention, 'ent:id' closest mention of an entity
to the head mention (GUIDELINES 4.1)."""


def relations_000(d):
    R = d.R
    R('BEFORE', 'E:hl_push', 'E:hl_agree')             # "... After Trump's Push"
    R('LEADER_OF', 'K:putin_s1', 'ent:russia')          # Russian President Vladimir Putin -> Russian
    R('SUBEVENT_OF', 'E:s1_agreed', 'E:s1_call')        # agreed ... during a phone call
    R('SPOKESPERSON_FOR', 'K:leavitt', 'ent:us_executive')
    R('RESPONDS_TO', 'E:s5_resp', 'E:s5_req')           # responded positively to Trump's request
    R('MEMBER_OF', 'K:ks', 'K:kremlin')                 # Kremlin sources -> Kremlin
    R('OPPOSES', 'K:moscow1', 'E:s6_cf')                # Moscow remains skeptical of a full ceasefire
    R('SUBEVENT_OF', 'E:s7_cess', 'E:s7_agr')           # as part of any long-term agreement
    R('LEADER_OF', 'K:trump_tadm', 'K:tadm')            # Trump -> Trump administration
    R('BEFORE', 'E:s12_freeze', 'E:s12_effort')         # this effort follows ... decision to freeze
    R('BEFORE', 'E:s12_ins', 'E:s12_effort')            # ... and his insistence
    R('BEFORE', 'E:s12_agr', 'E:s12_recv')              # enter agreements before receiving support
    R('MEMBER_OF', 'K:natoallies', 'K:nato_nested')     # NATO allies -> NATO
    R('RESPONDS_TO', 'E:s14_agr', 'E:s14_prop')         # stopped short of agreeing to the proposal
    R('SUPPORTS', 'K:us_backed', 'E:s14_prop')          # proposal backed by the U.S.


def relations_004(d):
    R = d.R
    R('LEADER_OF', 'K:putin_s1', 'ent:russia')
    R('SUBEVENT_OF', 'E:s2_agr', 'E:s2_call')           # came to the agreement during a call
    R('BEFORE', 'E:s5_rej', 'E:s5_agr')                 # agreement comes after Putin rejected
    R('BEFORE', 'E:s5_dem', 'E:s5_agr')                 # ... and demanded
    R('RESPONDS_TO', 'E:s5_rej', 'E:s5_prop')           # rejected a U.S. proposal
    R('LEADER_OF', 'K:trump_tadm1', 'K:tadm1')
    R('LEADER_OF', 'K:trump_tadm2', 'K:tadm2')
    R('MEMBER_OF', 'K:counterparts', 'ent:usa')
    R('MEMBER_OF', 'K:counterparts', 'ent:russia')
    R('MEMBER_OF', 'K:usru_officials', 'ent:usa')
    R('MEMBER_OF', 'K:usru_officials', 'ent:russia')
    R('MEMBER_OF', 'K:usua_officials', 'ent:usa')
    R('MEMBER_OF', 'K:usua_officials', 'ent:ukraine')
    R('BEFORE', 'E:s7_neg', 'E:s7_agr')                 # agreed ... following negotiations
    R('SUBEVENT_OF', 'E:s8_res', 'E:s8_deal')           # as part of the deal, the U.S. resumed
    R('SUBEVENT_OF', 'E:s8_share', 'E:s8_deal')
    R('BEFORE', 'E:s8_cut', 'E:s8_res')                 # resumed ... after cutting off
    R('CAUSES', 'E:s8_blow', 'E:s8_cut')                # cutting off ... because of the blow up
    R('LEADER_OF', 'K:zel_full', 'ent:ukraine')         # Ukrainian President Volodymyr Zelensky
    R('SUBEVENT_OF', 'E:s9_inv', 'E:s9_war')            # the war began when ... invaded
    R('LEADER_OF', 'K:putin_forces', 'K:forces')        # Putin's forces
    R('MEMBER_OF', 'K:uamil', 'ent:ukraine')            # Ukrainian military -> Ukrainian
    R('RESPONDS_TO', 'E:s11_sq', 'E:s11_prop')          # unable to squeeze out 'yes' to the proposal
    R('BEFORE', 'E:s14_rej', 'E:s14_str')               # strikes ... after the terror group rejected
    R('RESPONDS_TO', 'E:s14_rej', 'E:s14_prop')         # rejected U.S. proposals
    R('MEMBER_OF', 'K:hamasleaders', 'K:hamas_nested')  # senior Hamas leaders -> Hamas
