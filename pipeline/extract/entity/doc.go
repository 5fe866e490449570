// Package entity finds organisations, people and places from jieba's
// part-of-speech tags plus rules: jieba tags many person names as unknown
// words ("x") or cuts them apart, tags foreign place names as names
// (伊拉克/nrt, 莫斯科/nr) and splits organisation names into a place and
// common nouns (徐州市/ns 中心医院/nt), so tags alone are not enough.
//
// Extract is pure: it takes the repaired view of a document and jieba's
// tagged words of that same text (segment.Jieba.Tag), and returns
// mentions of kind org, person and place, non-overlapping, sorted by
// start. At each word the rules are tried in this order, and the first
// that reads a name takes its words:
//
//	place/facility   a place and nouns ending in a facility (玉溪博物馆,
//	                 青山网球中心: venues are places, as PFR has them)
//	org/suffix       name words ending in an organisation suffix (青山市
//	                 中心医院, 法国队, 河北省委宣传部, 交通银行上海分行);
//	                 an nt word that ends like an army, a union or a state
//	                 company (解放军, 全国工商联); a club and 队 in one word
//	                 (申花队); a university's faculties, presses and
//	                 associations go on its name (青山大学中文系), a
//	                 government after it does not. A name stops at a title (原常委), a verb
//	                 jieba tags as a noun (战胜, 会见, 主办), a number and a
//	                 measure word (15处), and restarts after a description
//	                 (足坛/n 劲旅/n 波尔多 队); a congress number is cut off
//	                 (九届全国人大)
//	org/known        a listed national body jieba cuts apart (农业农村部)
//	person/dotted    a foreign name with middle dots (海因里希·冯·皮勒)
//	person/translit  transliterated pieces jieba cut (阿克/nrt 谢年科/x),
//	                 without a preposition glued to the last (基以/x)
//	person/japanese  a listed Japanese surname and a given name (桥本龙太郎/n,
//	                 铃木/nr 一郎/x)
//	person/role      a name of any tag after a title (记者/n 许立群/m,
//	                 代总理/n 金钟泌/n); 先生 and 女士 only follow a name
//	person/...       nr, nrt, nrfg and unknown words with a surname, a
//	                 role (院长何建国, 习近平总书记) or a speech verb beside
//	                 them; names cut after the surname (倪/nr 宁/j, 刘/zg
//	                 宝山/nr) or after two characters (王成/x 喜/v); names
//	                 alone in a byline
//	place/gazetteer  countries, provinces, prefectures, capitals and large
//	                 cities, any tag
//	place/ns         words tagged ns, without the kinds of places (新区,
//	                 城镇, 山区), region abbreviations (亚太, 港澳) and the
//	                 words jieba mistags (上市, 长达, 治国); a prefecture
//	                 with 地区 (驻马店地区)
//	place/township   townships and villages jieba does not know (罗庄乡/nr,
//	                 半壁店/n 村/zg, 河南省 焦作市/n)
//
// A word no rule takes may hold a place or a person at its start
// (place/word: 英国首相, 北京站, 中国台北 → 中国 + 台北; person/word:
// 周恩来故居/nr).
//
// Organisations get a canonical value: short and informal names of the
// listed national organisations become their full name (中央政治局 →
// 中共中央政治局, 央行 → 中国人民银行; OrgCanonical). Persons and places
// keep the text as written.
//
// TestPFR measures the rules span-exact on the PFR 1998 People's Daily
// sentences (PER, LOC, ORG); -pfr-half even|odd scores one half of them,
// to tune on one and check on the other.
package entity
