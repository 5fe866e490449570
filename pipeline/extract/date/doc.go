// Package date finds calendar dates, periods and times of day in Chinese
// text and normalises them to ISO 8601 at the precision written.
//
// It recognises absolute forms (2021年6月25日, 二〇二一年六月二十五日,
// 2021-06-25 10:00, 2021/6/25, 2021.06.25, 2019.03-08, 20210625,
// 2023 09 15, 2020-05-0614:30), partial forms whose missing year or month
// comes from the previous date in the text or from the document date
// (6月25日, 25日, 6月份, 07-01 08:30, 7·1, 22年底, 零九年), expressions
// relative to the document date (今年, 去年同期, 上月, 本季度, 昨天, 大后天,
// 周四, 下周三, 上上周, 周末, 三年前, 10天后, 上世纪九十年代), expressions
// relative to the previous date (次日, 当天, 同年, 当月, 当晚, 4月30日入院，10天后),
// parts of years and months (上半年, 第三季度, 一季度末, 年初, 2023年年底,
// 月底, 5月中旬, 前三个月, 6月前10天), weeks (2021年第3周, 6月第二周,
// 十月第一个星期一), centuries and decades (19世纪, 本世纪初, 90年代), times of
// day (清晨7:30, 下午三点十五, 8点一刻, 7点多钟, 10时许, 24日零时),
// holidays (元旦, 春节, 元宵, 清明, 五一, 端午, 中秋, 国庆 …) and ranges
// (5月11日至20日, 1—7月, 8~10点半, 22:00~次日06:00, 周一至周五,
// 2021年1月1日起至12月31日止). Chinese numerals are read by
// corpus/numeral. Full-width digits count as digits, and a line break
// inside an expression (OCR text: "7月29\n日") does not split it.
//
// # Values
//
// Value is ISO 8601 at the written precision; Grain names it:
//
//	grain    example input    Value
//	century  19世纪           1800/1899
//	decade   90年代           1990/1999
//	year     2021年           2021
//	half     2021年上半年     2021-01/2021-06
//	quarter  第三季度         2021-07/2021-09
//	month    6月份            2021-06    (no year known: --06)
//	week     下周             2021-06-28/2021-07-04
//	day      4月8日           2021-04-08 (no year known: --04-08; no month: ---25)
//	day      5月中旬          2021-05-11/2021-05-20 (Approx "旬")
//	hour     晚上10点         2021-06-25T22:00 (no date known: T22:00)
//	minute   7月2日傍晚6点半  2021-07-02T18:30
//	second   10:00:05         2021-06-25T10:00:05
//
// Halves, quarters and weeks are written as ranges so that every Value is
// plain ISO 8601; Grain keeps what was written. Ranges are "A/B" at the
// grain of their ends. An hour is written with :00 so that every value
// casts; seconds only when written. Bounds gives the half-open interval
// a Value covers, for typed columns. Approx marks fuzzy values: "初",
// "中" and "末" (年初, 本世纪中叶, 九十年代末), "底" (年底, 月底), "旬"
// (上旬, 中旬, 下旬), "同期" (去年同期, "the same period last year": the
// period is not written, so the Value is the previous year at year
// grain), "许", "多" and "左右" after a time (10时许, 7点多钟).
//
// Type is "absolute" when everything is written, "inferred" when the year,
// month or day came from the previous date in the text (Rule suffix
// "+prev") or from the document date (suffix "+ref"), "relative" for
// words counted from a date (今天, 去年, 周四, 次日, 三年前) and "holiday"
// for festivals. Relative expressions are dropped when the document date
// is unknown; nothing is ever resolved against the clock.
//
// # Anchors
//
// A date without its year or month (19日, 4月, 一季度), a clock time
// without a date, and 次日, 当天 or 10天后 count from the previous date
// in the text only when it is a plausible anchor: in the same sentence,
// or not after the document date. A report tells what happened; a date
// it puts in the future is a plan or the far end of a period
// (项目周期为2026年5月至2027年4月。), and the next sentence returns to the
// report's own time (19日，专家组到场验收。 is the 19th of the document's
// month). A year alone anchors only what needs no month (2022年…一季度);
// after 1998年出生的他, 6月 is this June. Completed from its base, a month
// and day more than 300 days ahead are of the year before (12月30日 in a
// report of 2 January), and so is a quarter more than 120 days ahead (三季度
// in January); a holiday without a year is the occurrence nearest to its
// base (元旦、春节将至 in December are the coming ones). Weekdays and weeks
// are Monday-start calendar weeks around the document date (周四 is the
// Thursday of its week). Years and months before (三年前, 两个月前) count
// from the document date; other offsets (两年后, 10天后, 半小时后) and the
// words of a story's timeline (次日, 当天, 同年) from the previous date when
// there is a plausible one, else from the document date.
// Sub-day offsets without a time before them count from the start of the
// day (半小时后 is 00:30 of it).
//
// Lunar holidays come from a table of the lunar calendar for 1900–2088
// (lunar.go); outside it they are not reported.
//
// # What is not a date
//
// A year needs four digits (2021年, 一九九八年); a two-digit one (98年) is
// accepted only with a month or a part after it (98年6月, 22年底) or in
// Chinese digits that are not a range (九八年, but 七八年 is "seven or
// eight years"), because 30年 is far more often a duration. Plan periods
// (十四五), vague words (日前, 近年来, 几年前), durations (3年, 两个月, 30天,
// 5年来, 一周), ordinals (第3日), recurrences (每周一, 每年年底) and numbers
// inside longer digit runs (phone numbers, IDs, 订单号20210625) produce
// nothing. 点 after a Chinese numeral (三点 is also "three points") counts
// as a time only after a part of the day (下午三点) or a date, or with 钟,
// 整, 一刻 or 许; single-digit Chinese days (一日) need a month.
// Part-of-day words alone (上午) are not reported, nor holiday words that
// are parts of names (王国庆, 五一路, “七一”勋章, 清明上河图) or quoted dot
// dates that name a past event (“7·20”特大暴雨).
package date
