"""Layer 1: mentions and entities for both articles."""

D0 = '000_8ce9f93fccec955a'
D4 = '004_2b10ae636b3461d6'

ENTITIES = {
    'trump': ('PERSON', 'Donald Trump', 'Q22686'),
    'putin': ('PERSON', 'Vladimir Putin', 'Q7747'),
    'leavitt': ('PERSON', 'Karoline Leavitt', None),
    'vance': ('PERSON', 'JD Vance', None),
    'zelensky': ('PERSON', 'Volodymyr Zelensky', None),
    'biden': ('PERSON', 'Joe Biden', 'Q6279'),
    'russia': ('STATE', 'Russia', 'Q159'),
    'ukraine': ('STATE', 'Ukraine', 'Q212'),
    'usa': ('STATE', 'United States', 'Q30'),
    'iran': ('STATE', 'Iran', 'Q794'),
    'israel': ('STATE', 'Israel', 'Q801'),
    'us_executive': ('GOV_BODY', 'Trump administration (White House)', None),
    'biden_executive': ('GOV_BODY', 'Biden administration', None),
    'russia_executive': ('GOV_BODY', 'Russian government (Kremlin)', None),
    'ukraine_executive': ('GOV_BODY', 'Ukrainian government (Kyiv)', None),
    'iran_executive': ('GOV_BODY', 'Iranian government (Tehran)', None),
    'nato': ('IGO', 'NATO', 'Q7184'),
    'hamas': ('ORG', 'Hamas', None),
    'russian_military': ('MILITARY', "Russian armed forces (Putin's forces)", None),
    'ukrainian_military': ('MILITARY', 'Ukrainian military', None),
    'leaders_trump_putin': ('GROUP', 'the two leaders (Trump and Putin)', None),
    'sides_russia_ukraine': ('GROUP', 'the two sides of the war (Russia and Ukraine)', None),
    'kremlin_sources': ('GROUP', 'Kremlin sources', None),
    'western_states': ('GROUP', 'Western states', None),
    'nato_allies': ('GROUP', 'NATO allies', None),
    'us_russian_counterparts': ('GROUP', 'U.S. and Russian counterparts (February talks)', None),
    'us_russian_officials': ('GROUP', 'U.S. and Russian officials (implementation talks)', None),
    'us_ukrainian_officials': ('GROUP', 'top U.S. and Ukrainian officials (Saudi Arabia talks)', None),
    'everyone': ('GROUP', 'everyone in the world', None),
    'those_refused': ('GROUP', 'those who refused to acknowledge the truth', None),
    'whole_world': ('GROUP', 'the whole world', None),
    'hamas_leaders': ('GROUP', 'senior Hamas leaders killed in the strikes', None),
    'ukraine_place': ('LOCATION', 'Ukraine (territory)', 'Q212'),
    'middle_east': ('LOCATION', 'Middle East', 'Q7204'),
    'black_sea': ('LOCATION', 'Black Sea', 'Q166'),
    'saudi_arabia': ('LOCATION', 'Saudi Arabia', 'Q851'),
    'white_house_place': ('LOCATION', 'White House (building)', None),
    'gaza': ('LOCATION', 'Gaza', None),
    'tuesday_0318': ('TIME', 'Tuesday (18 March 2025)', None),
    'coming_weeks': ('TIME', 'the coming weeks', None),
    'duration_30d_partial': ('TIME', '30 days (energy-infrastructure ceasefire)', None),
    'duration_30d_full': ('TIME', '30 days (full ceasefire)', None),
    'last_week': ('TIME', 'last week (before 18 March 2025)', None),
    'last_month': ('TIME', 'last month (February 2025)', None),
    'three_years_ago': ('TIME', 'over three years ago', None),
    'past_three_years': ('TIME', 'the past three years', None),
    'a_week': ('TIME', 'a week', None),
    'monday_night': ('TIME', 'Monday night (17 March 2025)', None),
    'energy_infrastructure': ('OBJECT', 'energy and infrastructure sites', None),
}


def actors_000(d):
    M = d.M
    # headline
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='Putin Agrees')
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='Trump’s Push')
    # S1
    c = 'President Donald Trump and Russian President Vladimir Putin agreed'
    M('President Donald Trump', 'PERSON', 'NAM', 'trump', ctx=c)
    M('Russian President Vladimir Putin', 'PERSON', 'NAM', 'putin', ctx=c, key='putin_s1')
    M('Russian', 'STATE', 'NAM', 'russia', ctx=c)
    M('Ukraine', 'LOCATION', 'NAM', 'ukraine_place', ctx='partial ceasefire in Ukraine')
    M('Tuesday', 'TIME', 'NAM', 'tuesday_0318', ctx='phone call on Tuesday')
    # S2
    M('two leaders', 'GROUP', 'NOM', 'leaders_trump_putin', ctx='The two leaders discussed')
    M('energy and infrastructure sites', 'OBJECT', 'NOM', 'energy_infrastructure')
    M('coming weeks', 'TIME', 'NOM', 'coming_weeks')
    # S3
    M('White House', 'GOV_BODY', 'NAM', 'us_executive', ctx='According to a White House readout', key='wh')
    c = 'Trump and Putin both acknowledged'
    M('Trump', 'PERSON', 'NAM', 'trump', ctx=c)
    M('Putin', 'PERSON', 'NAM', 'putin', ctx=c)
    M('neither side', 'GROUP', 'NOM', 'sides_russia_ukraine')
    # S4
    M('Both leaders', 'GROUP', 'NOM', 'leaders_trump_putin', ctx='“Both leaders agreed this conflict', key='bothleaders')
    M('press secretary Karoline Leavitt', 'PERSON', 'NAM', 'leavitt', key='leavitt')
    # S5
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='Putin responded positively')
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='Trump’s request')
    M('30-day', 'TIME', 'NOM', 'duration_30d_partial', ctx='a 30-day halt')
    M('Russian', 'STATE', 'NAM', 'russia', ctx='Russian strikes')
    M('Ukrainian energy infrastructure', 'OBJECT', 'NOM', 'energy_infrastructure')
    M('Ukrainian', 'STATE', 'NAM', 'ukraine', ctx='Ukrainian energy infrastructure')
    M('Kremlin sources', 'GROUP', 'NOM', 'kremlin_sources', key='ks')
    M('Kremlin', 'GOV_BODY', 'NAM', 'russia_executive', ctx='Kremlin sources', key='kremlin')
    # S6
    M('Moscow', 'GOV_BODY', 'NAM', 'russia_executive', ctx='Moscow remains skeptical', key='moscow1')
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='Ukraine’s compliance')
    M('Western', 'GROUP', 'NAM', 'western_states')
    # S7
    M('Russian government', 'GOV_BODY', 'NOM', 'russia_executive')
    M('Russian', 'STATE', 'NAM', 'russia', ctx='Russian government')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx='U.S. and NATO support')
    M('NATO', 'IGO', 'NAM', 'nato', ctx='U.S. and NATO support')
    M('Kyiv', 'GOV_BODY', 'NAM', 'ukraine_executive', ctx='support for Kyiv')
    # S8
    M('Middle East', 'LOCATION', 'NAM', 'middle_east', ctx='immediately in the Middle East, with')
    M('Black Sea', 'LOCATION', 'NAM', 'black_sea')
    # S9
    M('Trump administration', 'GOV_BODY', 'NOM', 'us_executive', ctx='The Trump administration is also', key='tadm')
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='The Trump administration is also', key='trump_tadm')
    M('Moscow', 'GOV_BODY', 'NAM', 'russia_executive', ctx='relations with Moscow')
    M('previous administration', 'GOV_BODY', 'NOM', 'biden_executive')
    M('Russia', 'STATE', 'NAM', 'russia', ctx='posture toward Russia')
    # S11
    M('Both leaders', 'GROUP', 'NOM', 'leaders_trump_putin', ctx='Both leaders agreed on the importance')
    M('Iran', 'STATE', 'NAM', 'iran', ctx='preventing Iran')
    M('Israel', 'STATE', 'NAM', 'israel', ctx='threatening Israel')
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='though Putin did not')
    M('Tehran', 'GOV_BODY', 'NAM', 'iran_executive')
    # S12
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='follows Trump’s recent decision')
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='military aid to Ukraine and his insistence')
    M('his', 'PERSON', 'PRO', 'trump', ctx='his insistence', key='his_ins')
    M('Kyiv', 'GOV_BODY', 'NAM', 'ukraine_executive', ctx='Kyiv enter')
    M('Washington', 'GOV_BODY', 'NAM', 'us_executive')
    # S13
    M('NATO allies', 'GROUP', 'NOM', 'nato_allies', key='natoallies')
    M('NATO', 'IGO', 'NAM', 'nato', ctx='NATO allies', key='nato_nested')
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='but Trump has maintained', key='trump_maint')
    M('his', 'PERSON', 'PRO', 'trump', ctx='his goal')
    # S14
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='Despite Putin’s willingness')
    M('he', 'PERSON', 'PRO', 'putin', ctx='he stopped short', key='he_warn')
    M('30-day', 'TIME', 'NOM', 'duration_30d_full', ctx='the 30-day full ceasefire')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx='backed by the U.S.', key='us_backed')
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='if Ukraine does not')
    M('its', 'STATE', 'PRO', 'ukraine', ctx='uphold its commitments')
    # S16
    M('infrastructure', 'OBJECT', 'NOM', 'energy_infrastructure', ctx='infrastructure attacks')
    M('both sides', 'GROUP', 'NOM', 'sides_russia_ukraine')


def actors_004(d):
    M = d.M
    # S1
    c = 'President Donald Trump and Russian President Vladimir Putin negotiated'
    M('President Donald Trump', 'PERSON', 'NAM', 'trump', ctx=c)
    M('Russian President Vladimir Putin', 'PERSON', 'NAM', 'putin', ctx=c, key='putin_s1')
    M('Russian', 'STATE', 'NAM', 'russia', ctx=c)
    M('energy and infrastructure', 'OBJECT', 'NOM', 'energy_infrastructure', ctx='“energy and infrastructure” cease-fire deal')
    M('Tuesday', 'TIME', 'NAM', 'tuesday_0318')
    M('Russia', 'STATE', 'NAM', 'russia', ctx='Russia’s war')
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='war against Ukraine')
    # S2
    c = 'Trump and Putin came to'
    M('Trump', 'PERSON', 'NAM', 'trump', ctx=c)
    M('Putin', 'PERSON', 'NAM', 'putin', ctx=c)
    M('Ukraine', 'LOCATION', 'NAM', 'ukraine_place', ctx='the Ukraine conflict')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx='between the U.S. and Russia')
    M('Russia', 'STATE', 'NAM', 'russia', ctx='the U.S. and Russia, the White House said')
    M('White House', 'GOV_BODY', 'NAM', 'us_executive', ctx='Russia, the White House said', key='wh_a')
    # S3
    M('leaders', 'GROUP', 'NOM', 'leaders_trump_putin', ctx='“The leaders agreed', key='leaders3')
    M('energy and infrastructure', 'OBJECT', 'NOM', 'energy_infrastructure', ctx='an energy and infrastructure ceasefire')
    M('Black Sea', 'LOCATION', 'NAM', 'black_sea')
    M('Middle East', 'LOCATION', 'NAM', 'middle_east', ctx='immediately in the Middle East,”')
    M('White House', 'GOV_BODY', 'NAM', 'us_executive', ctx='the White House said in a readout', key='wh_b')
    # S4
    M('two leaders', 'GROUP', 'NOM', 'leaders_trump_putin', ctx='“The two leaders agreed', key='twoleaders')
    M('United States', 'STATE', 'NAM', 'usa')
    M('Russia', 'STATE', 'NAM', 'russia', ctx='United States and Russia has')
    # S5
    M('30-day', 'TIME', 'NOM', 'duration_30d_partial', ctx='The 30-day partial')
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='after Putin rejected')
    M('last week', 'TIME', 'NOM', 'last_week', ctx='rejected last week')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx='a U.S. proposal')
    M('Ukraine', 'LOCATION', 'NAM', 'ukraine_place', ctx='the fighting in Ukraine')
    M('Trump administration', 'GOV_BODY', 'NOM', 'us_executive', ctx='despite the Trump administration’s', key='tadm1')
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='despite the Trump administration’s', key='trump_tadm1')
    M('Russia', 'STATE', 'NAM', 'russia', ctx='accommodate Russia')
    # S6
    M('Trump administration', 'GOV_BODY', 'NOM', 'us_executive', ctx='The Trump administration began', key='tadm2')
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='The Trump administration began', key='trump_tadm2')
    M('its', 'GOV_BODY', 'PRO', 'us_executive', ctx='its diplomatic outreach')
    M('Russia', 'STATE', 'NAM', 'russia', ctx='outreach to Russia')
    M('last month', 'TIME', 'NOM', 'last_month')
    c = 'call between Trump and Putin'
    M('Trump', 'PERSON', 'NAM', 'trump', ctx=c)
    M('Putin', 'PERSON', 'NAM', 'putin', ctx=c)
    c = 'U.S. and Russian counterparts'
    M(c, 'GROUP', 'NOM', 'us_russian_counterparts', key='counterparts')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx=c)
    M('Russian', 'STATE', 'NAM', 'russia', ctx=c)
    M('Saudi Arabia', 'LOCATION', 'NAM', 'saudi_arabia', ctx='counterparts in Saudi Arabia')
    M('Russia', 'STATE', 'NAM', 'russia', ctx='whether Russia will')
    M('its', 'STATE', 'PRO', 'russia', ctx='its word')
    c = 'U.S. and Russian officials'
    M(c, 'GROUP', 'NOM', 'us_russian_officials', key='usru_officials')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx=c)
    M('Russian', 'STATE', 'NAM', 'russia', ctx=c)
    # S7
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='Ukraine agreed to a 30-day')
    M('30-day', 'TIME', 'NOM', 'duration_30d_full', ctx='a 30-day cease-fire last week')
    M('last week', 'TIME', 'NOM', 'last_week', ctx='cease-fire last week following')
    c = 'top U.S. and Ukrainian officials'
    M(c, 'GROUP', 'NOM', 'us_ukrainian_officials', key='usua_officials')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx=c)
    M('Ukrainian', 'STATE', 'NAM', 'ukraine', ctx=c)
    M('Saudi Arabia', 'LOCATION', 'NAM', 'saudi_arabia', ctx='Ukrainian officials in Saudi Arabia')
    # S8
    M('U.S.', 'STATE', 'NAM', 'usa', ctx='the U.S. resumed')
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='military aid to Ukraine and intelligence')
    M('Ukrainians', 'STATE', 'NOM', 'ukraine')
    M('White House', 'LOCATION', 'NAM', 'white_house_place', ctx='the White House blow up')
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='between Trump, Vice President')
    M('Vice President JD Vance', 'PERSON', 'NAM', 'vance')
    M('Ukrainian President Volodymyr Zelensky', 'PERSON', 'NAM', 'zelensky', key='zel_full')
    M('Ukrainian', 'STATE', 'NAM', 'ukraine', ctx='Ukrainian President Volodymyr Zelensky')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx='over U.S. support')
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='support for Ukraine and talks')
    M('Russians', 'STATE', 'NOM', 'russia')
    # S9
    M('Ukraine', 'LOCATION', 'NAM', 'ukraine_place', ctx='The war in Ukraine began')
    M('over three years ago', 'TIME', 'NOM', 'three_years_ago')
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='when Putin’s forces', key='putin_forces')
    M('forces', 'MILITARY', 'NOM', 'russian_military', ctx='Putin’s forces', key='forces')
    M('their', 'MILITARY', 'PRO', 'russian_military', ctx='their sovereign neighbor')
    M('sovereign neighbor', 'STATE', 'NOM', 'ukraine')
    M('Ukrainian military', 'MILITARY', 'NOM', 'ukrainian_military', key='uamil')
    M('Ukrainian', 'STATE', 'NAM', 'ukraine', ctx='Ukrainian military')
    # S10
    M('American', 'STATE', 'NAM', 'usa')
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='for Ukraine’s success')
    M('its', 'STATE', 'PRO', 'ukraine', ctx='its territory')
    M('its', 'STATE', 'PRO', 'ukraine', ctx='its larger foe')
    M('larger foe', 'STATE', 'NOM', 'russia')
    # S11 (Zelensky quote)
    M('everyone', 'GROUP', 'PRO', 'everyone', ctx='clear to everyone', key='everyone')
    M('those', 'GROUP', 'PRO', 'those_refused', ctx='those who refused')
    M('past three years', 'TIME', 'NOM', 'past_three_years')
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='that it is Putin who')
    M('a week', 'TIME', 'NOM', 'a_week', ctx='For a week now')
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='now, Putin has been unable')
    M('He', 'PERSON', 'PRO', 'putin', ctx='He’s saying')
    M('he', 'PERSON', 'PRO', 'putin', ctx='whatever he wants')
    M('whole world', 'GROUP', 'NOM', 'whole_world')
    M('Zelensky', 'PERSON', 'NAM', 'zelensky', ctx='Zelensky said Monday', key='zel')
    # S12
    M('He', 'PERSON', 'PRO', 'zelensky', ctx='He has not yet')
    c = 'breakthrough between Trump and Putin'
    M('Trump', 'PERSON', 'NAM', 'trump', ctx=c)
    M('Putin', 'PERSON', 'NAM', 'putin', ctx=c)
    # S13
    c = 'Trump and Putin also discussed'
    M('Trump', 'PERSON', 'NAM', 'trump', ctx=c)
    M('Putin', 'PERSON', 'NAM', 'putin', ctx=c)
    M('Middle East', 'LOCATION', 'NAM', 'middle_east', ctx='cooperation in the Middle East')
    M('Iran', 'STATE', 'NAM', 'iran')
    M('Israel', 'STATE', 'NAM', 'israel', ctx='destroy Israel')
    # S14
    M('Jewish state', 'STATE', 'NOM', 'israel')
    M('its', 'STATE', 'PRO', 'israel', ctx='its conflict against Hamas')
    M('Hamas', 'ORG', 'NAM', 'hamas', ctx='against Hamas ended')
    M('Monday night', 'TIME', 'NAM', 'monday_night')
    M('Gaza', 'LOCATION', 'NAM', 'gaza')
    M('several senior Hamas leaders', 'GROUP', 'NOM', 'hamas_leaders', key='hamasleaders')
    M('Hamas', 'ORG', 'NAM', 'hamas', ctx='senior Hamas leaders', key='hamas_nested')
    M('terror group', 'ORG', 'NOM', 'hamas')
    M('U.S.', 'STATE', 'NAM', 'usa', ctx='rejected U.S. proposals')
    # S15
    M('his', 'PERSON', 'PRO', 'trump', ctx='start of his term')
    M('President Trump', 'PERSON', 'NAM', 'trump')
    M('his', 'PERSON', 'PRO', 'trump', ctx='his desire')
    M('Ukraine', 'LOCATION', 'NAM', 'ukraine_place', ctx='bloodshed in Ukraine')
    M('to sides', 'GROUP', 'NOM', 'sides_russia_ukraine')
    # S16
    M('Trump', 'PERSON', 'NAM', 'trump', ctx='Trump has asserted', key='trump_ass')
    M('Putin', 'PERSON', 'NAM', 'putin', ctx='that Putin never')
    M('Ukraine', 'STATE', 'NAM', 'ukraine', ctx='invaded Ukraine if')
    M('he', 'PERSON', 'PRO', 'trump', ctx='if he was President')
    M('Joe Biden', 'PERSON', 'NAM', 'biden')
