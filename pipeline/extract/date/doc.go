// Package date finds calendar dates, periods and times of day in Chinese
// text and normalises them to ISO 8601 at the precision written.
//
// It recognises absolute forms (2021年6月25日, 二〇二一年六月二十五日,
// 2021-06-25 10:00, 2021/6/25, 2021.06.25, 20210625 in context), partial
// forms whose missing year or month comes from the previous date in the
// text or from the document date (6月25日, 25日, 6月份), expressions
// relative to the document date (今年, 去年同期, 上月, 昨天, 次日), parts
// of years and months (上半年, 第三季度, 年初, 2023年年底, 月底, 5月中旬),
// times of day (清晨7:30, 下午三点十五, 10时30分) and ranges (5月11日至20日,
// 1—7月).
// Full-width digits count as digits, and a line break inside an
// expression (OCR text: "7月29\n日") does not split it.
//
// # Values
//
// Value is ISO 8601 at the written precision; Grain names it:
//
//	grain    example input    Value
//	decade   90年代           199
//	year     2021年           2021
//	half     2021年上半年     2021-01/2021-06
//	quarter  第三季度         2021-07/2021-09
//	month    6月份            2021-06    (no year known: --06)
//	day      4月8日           2021-04-08 (no year known: --04-08; no month: ---25)
//	day      5月中旬          2021-05-11/2021-05-20 (Approx "旬")
//	hour     晚上10点         T22
//	minute   7月2日傍晚6点半  2021-07-02T18:30
//	second   10:00:05         T10:00:05
//
// Halves and quarters are written as month ranges so that every Value is
// plain ISO 8601; Grain keeps what was written. Ranges are "A/B" at the
// grain of their ends. Approx marks fuzzy values: "初" (年初, 6月初), "底"
// and "末" (年底, 月末), "旬" (上旬, 中旬, 下旬) and "同期" (去年同期, "the
// same period last year": the period is not written, so the Value is the
// previous year at year grain).
//
// Type is "absolute" when everything is written, "inferred" when the year
// or month came from the previous date in the text (Rule suffix "+prev")
// or from the document date (suffix "+ref"), and "relative" for words
// counted from the document date (今天, 去年). Relative expressions are
// dropped when the document date is unknown; nothing is ever resolved
// against the clock.
//
// # What is not a date
//
// A year needs four digits (2021年, 一九九八年); a two-digit year (98年) is
// accepted only when a month follows it (98年6月), because 30年 is far more
// often a duration. Plan periods (十四五), vague words (日前, 近年来),
// durations (3年, 两个月, 30天, 5年来), ordinals (第3日) and numbers inside
// longer digit runs (phone numbers, IDs) produce nothing. 点 after a
// Chinese numeral (三点 is also "three points") counts as a time only after
// a part of the day (下午三点) or a date; single-digit Chinese days (一日)
// need a month. Part-of-day words alone (上午) and festival names without
// a numeral (国庆) are not reported.
package date
