"""Nationality words and the countries they name: "Syrian" → Syria, "Turkish" → Turkey.

A nationality word used as a modifier ("Syrian President", "Russian troops") is a mention
of its country; used as a noun for people ("the Syrians", "Ukrainians said") it is a group
of its own. ``COUNTRY_OF`` maps the adjective, and the plural noun where English forms one,
to the country's usual English name.
"""

from __future__ import annotations

from reader.lexicon.words import wordset

#: "Country: adjective[, other adjective]" — one country per line.
_TABLE = """
Afghanistan: Afghan
Albania: Albanian
Algeria: Algerian
Argentina: Argentine, Argentinian
Armenia: Armenian
Australia: Australian
Austria: Austrian
Azerbaijan: Azerbaijani, Azeri
Bangladesh: Bangladeshi
Belarus: Belarusian
Belgium: Belgian
Bolivia: Bolivian
Bosnia: Bosnian
Brazil: Brazilian
Britain: British
Bulgaria: Bulgarian
Cambodia: Cambodian
Cameroon: Cameroonian
Canada: Canadian
Chile: Chilean
China: Chinese
Colombia: Colombian
Croatia: Croatian
Cuba: Cuban
Cyprus: Cypriot
Czech Republic: Czech
Denmark: Danish
Ecuador: Ecuadorian
Egypt: Egyptian
England: English
Eritrea: Eritrean
Estonia: Estonian
Ethiopia: Ethiopian
Finland: Finnish
France: French
Georgia: Georgian
Germany: German
Ghana: Ghanaian
Greece: Greek
Guatemala: Guatemalan
Haiti: Haitian
Honduras: Honduran
Hungary: Hungarian
Iceland: Icelandic
India: Indian
Indonesia: Indonesian
Iran: Iranian
Iraq: Iraqi
Ireland: Irish
Israel: Israeli
Italy: Italian
Jamaica: Jamaican
Japan: Japanese
Jordan: Jordanian
Kazakhstan: Kazakh
Kenya: Kenyan
Kosovo: Kosovar
Kuwait: Kuwaiti
Latvia: Latvian
Lebanon: Lebanese
Libya: Libyan
Lithuania: Lithuanian
Malaysia: Malaysian
Mali: Malian
Mexico: Mexican
Moldova: Moldovan
Mongolia: Mongolian
Morocco: Moroccan
Myanmar: Burmese
Nepal: Nepalese, Nepali
Netherlands: Dutch
New Zealand: New Zealander
Nicaragua: Nicaraguan
Niger: Nigerien
Nigeria: Nigerian
North Korea: North Korean
Norway: Norwegian
Pakistan: Pakistani
Palestine: Palestinian
Panama: Panamanian
Paraguay: Paraguayan
Peru: Peruvian
Philippines: Filipino, Philippine
Poland: Polish
Portugal: Portuguese
Qatar: Qatari
Romania: Romanian
Russia: Russian
Rwanda: Rwandan
Saudi Arabia: Saudi
Scotland: Scottish
Senegal: Senegalese
Serbia: Serbian
Singapore: Singaporean
Slovakia: Slovak, Slovakian
Slovenia: Slovenian
Somalia: Somali
South Africa: South African
South Korea: South Korean
Spain: Spanish
Sri Lanka: Sri Lankan
Sudan: Sudanese
Sweden: Swedish
Switzerland: Swiss
Syria: Syrian
Taiwan: Taiwanese
Tanzania: Tanzanian
Thailand: Thai
Tunisia: Tunisian
Turkey: Turkish
Uganda: Ugandan
Ukraine: Ukrainian
United Arab Emirates: Emirati
United States: American
Uruguay: Uruguayan
Uzbekistan: Uzbek
Venezuela: Venezuelan
Vietnam: Vietnamese
Wales: Welsh
Yemen: Yemeni
Zambia: Zambian
Zimbabwe: Zimbabwean
"""

#: Words after a nationality adjective that show it is used as a noun: "the British said".
NOUN_USE_FOLLOWERS: frozenset[str] = wordset(
    "said say says told were are have has had was is will would could did also"
)

#: Adjectives whose plural is the adjective itself ("the Chinese", "the Swiss", "the French").
_NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "sh")


def _table() -> tuple[dict[str, str], dict[str, str]]:
    adjectives: dict[str, str] = {}
    plurals: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        country, _, words = line.partition(":")
        for adjective in (w.strip() for w in words.split(",")):
            if adjective in adjectives:
                raise ValueError(f"nationality listed twice: {adjective}")
            adjectives[adjective] = country.strip()
            if not adjective.endswith(_NO_PLURAL_ENDINGS):
                plurals[adjective + "s"] = country.strip()
    return adjectives, plurals


#: "Syrian" → "Syria".
COUNTRY_OF_ADJECTIVE, COUNTRY_OF_PLURAL = _table()
#: Every country name the table knows, for telling a country from a demonym.
COUNTRIES: frozenset[str] = frozenset(COUNTRY_OF_ADJECTIVE.values())
#: Other spellings of countries: "Türkiye" is Turkey, "the UK" is Britain.
COUNTRY_ALIASES: dict[str, str] = {
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
    "UK": "Britain",
    "U.K.": "Britain",
    "United Kingdom": "Britain",
    "Great Britain": "Britain",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "Holland": "Netherlands",
    "the Netherlands": "Netherlands",
    "Burma": "Myanmar",
    "Czechia": "Czech Republic",
    "UAE": "United Arab Emirates",
}
