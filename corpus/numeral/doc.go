// Package numeral reads the digits and numerals Chinese text writes
// numbers with: Arabic and full-width digits (2021, ２０２１), Chinese
// digits read one by one (二〇二一, 二○二一, 九八), positional Chinese
// numerals (一万零四十, 三百五, 一百十五), their financial forms
// (壹佰贰拾, 貳參, 萬, 億) and the contracted tens 廿, 卅 and 卌 (廿五 is
// 25).
//
// It is the one home of this knowledge: the reader of document dates
// (corpus/format), the date extractor and the number extractor all call
// it, so a numeral one of them reads the others read the same way. It
// answers questions about characters and whole numerals only; where a
// numeral starts and ends in running text, and what it counts, is for
// its callers to decide.
package numeral
