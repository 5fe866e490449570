// Package number finds quantities in Chinese text: Arabic, full-width and
// Chinese numerals (三, 两千余, 壹佰贰拾万, 二〇二一), numerals with a
// multiplier (1.2万, 3.5亿元), percentages (23.35%, 百分之九十, 三成),
// fractions (三分之一), ordinals (第十届), ranges (15-17岁, 三五天) and
// negatives (零下9℃), each with its unit or measure word, its
// approximation marker (余, 多, 以上, 约, 上万, 数百) and, when easy, the
// counted noun (4000余名职工 → 职工).
//
// Values are exact decimal text, never float formatting: 30万 → "300000",
// 3.5亿 → "350000000", 3.50 → "3.5". Multipliers are folded into the value
// and dropped from the unit (3亿元 → "300000000" 元).
//
// # Grains
//
//   - "cardinal": a count or measure, integer or not (4000余名, 8.53天).
//   - "ordinal": a rank written with 第 (第十届 → "10").
//   - "range": two values written as one ("15/17" for 15-17岁, 三五天 → "3/5").
//   - "percent": Value is the written number and Unit says of what:
//     23.35% → "23.35" %, 百分之九十 → "90" %, 三成 (three tenths) → "30" %,
//     千分之五 → "5" ‰, 提高2.5个百分点 → "2.5" 百分点.
//   - "fraction": numerator/denominator, 三分之一 (one third) → "1/3".
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
// Nor are numerals that name or label: quoted slogans (“两个维护”),
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
