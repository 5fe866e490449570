// Package number finds quantities in Chinese text: Arabic, full-width and
// Chinese numerals (三, 两千余, 壹佰贰拾万, 參拾萬, 廿一, 二〇二一, .25,
// 三百点五), numerals with a multiplier (1.2万, 3.5亿元, 三个亿) and with
// lower places after it (3万500, 20万零八千), money with its 角 and 分
// (贰佰叁拾元伍角, 八块五毛), percentages (23.35%, 百分之九十, 三成),
// fractions and halves (三分之一, 一半, 过半), ordinals (第十届), ranges
// (15-17岁, 三五天, 三到五万元) and negatives (零下9℃, 负五), each with
// its unit or measure word, its approximation marker (余, 多, 以上, 约,
// 上万, 数百) and, when easy, the counted noun (4000余名职工 → 职工).
// Chinese numerals are read by corpus/numeral.
//
// Values are exact decimal text, never float formatting: 30万 → "300000",
// 3.5亿 → "350000000", 3.50 → "3.5". Multipliers are folded into the value
// and dropped from the unit (3亿元 → "300000000" 元). A multiplier written
// after the upper end of a range applies to the lower end too when the
// lower end is smaller than the upper one without it: 三到五万元 is
// "30000/50000", 1200到2万元 is "1200/20000". 角 and 分 are decimals of
// 元 (八块五毛 → "8.5" 元). Values returns the value as float64s for
// typed columns.
//
// # Grains
//
//   - "cardinal": a count or measure, integer or not (4000余名, 8.53天).
//   - "ordinal": a rank written with 第 (第十届 → "10").
//   - "range": two values written as one ("15/17" for 15-17岁, 三五天 → "3/5").
//   - "percent": Value is the written number and Unit says of what:
//     23.35% → "23.35" %, 百分之九十 → "90" %, 三成 (three tenths) → "30" %,
//     千分之五 → "5" ‰, 提高2.5个百分点 → "2.5" 百分点.
//   - "fraction": the ratio as a decimal, 四分之一 (one quarter) → "0.25",
//     三分之一 → "0.3333333333333333" (exact when the decimal ends, else
//     the shortest float64 text); 一半, 半数, 大半 (Approx "大") and 过半
//     (Approx "过") → "0.5".
//
// Several approximation markers on one quantity are joined with "+" in
// written order (数万余 → "数+余").
//
// Not quantities, and never reported: telephone numbers (0516-85707122,
// 11-digit mobiles, digits after 电话/热线), codes mixing letters and
// digits (No.2021-033, COVID-19, 5G), URLs and e-mail addresses, clock
// times (7:30), all-numeric dates (2021-06-25, 5·12), and words whose
// numeral is not a quantity (统一, 一些, 进一步, 一步一个脚印, 十分). A bare
// Chinese digit such as 一 counts only when a measure word or another
// marker follows (一个, 一名, 一次).
//
// Nor are grades and classes (三级医院, 二级响应, 三类手术, 三等奖),
// cohorts (2022级, 2023届), set terms (一站式, 一把手, 双一流), slogans
// and codes joined with letters (1+N, 4G, H7N9), numbers after 拨打 or
// 致电 (a hotline), or numerals that name or label: quoted slogans (“两个维护”),
// spacecraft and other numbered names (神舟十七号, “猎鹰9”), years
// in event names (2023中国国际智能产业博览会), generations (“90后”),
// distributive pairs (一户一策), repeated measure words (一株株) and a
// list number before a digit (5.5月 is item 5 about May).
//
// Numerals that rank without 第 are ordinals: 十四届全国人大, 人大一次
// 会议, 二期工程, 8号机组.
//
// Years in dates and numerals inside named initiatives are reported: the
// extract stage drops numbers that overlap a date or an initiative.
package number
