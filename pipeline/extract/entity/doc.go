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
//	place/facility   a place and words ending in a facility (玉溪博物馆)
//	org/suffix       name words ending in an organisation suffix (青山市
//	                 中心医院, 法国队); a single word jieba tags nt
//	org/known        a listed national body jieba cuts apart (农业农村部)
//	person/dotted    a foreign name with middle dots (海因里希·冯·皮勒)
//	person/translit  transliterated pieces jieba cut (阿克/nrt 谢年科/x)
//	person/...       nr, nrt, nrfg and unknown words with a surname, a
//	                 role (院长何建国, 习近平总书记) or a speech verb beside
//	                 them; names cut after the surname (倪/nr 宁/j) or after
//	                 two characters (王成/x 喜/v); names alone in a byline
//	place/gazetteer  countries, provinces, capitals and large cities, any tag
//	place/ns         words tagged ns, without the kinds of places (新区,
//	                 城镇, 山区) and the words jieba mistags (上市, 长达)
//
// Organisations get a canonical value: short and informal names of the
// listed national organisations become their full name (中央政治局 →
// 中共中央政治局, 央行 → 中国人民银行; OrgCanonical). Persons and places
// keep the text as written.
//
// TestPFR measures the rules span-exact on the PFR 1998 People's Daily
// sentences (PER, LOC, ORG).
package entity
