package date

import (
	"testing"

	"github.com/baogao/baogao/corpus"
)

// The families of forms of issue 11, with cases written for these tests.
// The reference date is Friday 2021-06-25 (its week runs from Monday
// 2021-06-21 to Sunday 2021-06-27) unless a case gives another.

func TestExtractClockTimes(t *testing.T) {
	zero := corpus.Date{}
	runCases(t, []extractCase{
		{"afternoon 时 anchored on the document", "下午4时召开会议", nil, []string{"下午4时|2021-06-25T16:00|hour||inferred"}},
		{"anchored on the previous date", "6月20日上午开会，下午3点结束", nil, []string{
			"6月20日上午|2021-06-20|day||inferred", "下午3点|2021-06-20T15:00|hour||inferred"}},
		{"no anchor without a reference", "下午4时召开会议", &zero, []string{"下午4时|T16:00|hour||absolute"}},
		{"a quarter past", "8点一刻集合", nil, []string{"8点一刻|2021-06-25T08:15|minute||inferred"}},
		{"a quarter past in digits", "4月26日20时1刻", nil, []string{"4月26日20时1刻|2021-04-26T20:15|minute||inferred"}},
		{"three quarters", "晚上九点三刻", nil, []string{"晚上九点三刻|2021-06-25T21:45|minute||inferred"}},
		{"half past", "10点半出发", nil, []string{"10点半|2021-06-25T10:30|minute||inferred"}},
		{"a little after seven", "7点多钟到达", nil, []string{"7点多钟|2021-06-25T07:00|hour|多|inferred"}},
		{"about ten", "10时许，民警赶到", nil, []string{"10时许|2021-06-25T10:00|hour|许|inferred"}},
		{"around eight", "8点左右", nil, []string{"8点左右|2021-06-25T08:00|hour|左右|inferred"}},
		{"midnight at the start of a day", "24日零时起实施", nil, []string{"24日零时|2021-06-24T00:00|hour||inferred"}},
		{"hour 24 is the next day", "16日24时结束", nil, []string{"16日24时|2021-06-17T00:00|hour||inferred"}},
		{"midnight at night", "晚上12点", nil, []string{"晚上12点|2021-06-26T00:00|hour||inferred"}},
		{"before dawn", "凌晨3点发生", nil, []string{"凌晨3点|2021-06-25T03:00|hour||inferred"}},
		{"early morning", "早上6点", nil, []string{"早上6点|2021-06-25T06:00|hour||inferred"}},
		{"noon twelve", "中午12点", nil, []string{"中午12点|2021-06-25T12:00|hour||inferred"}},
		{"that evening", "5月3日入院，当晚8点手术", nil, []string{
			"5月3日|2021-05-03|day||inferred", "当晚8点|2021-05-03T20:00|hour||relative"}},
		{"minutes with a zero", "上午九点零九分", nil, []string{"上午九点零九分|2021-06-25T09:09|minute||inferred"}},
		{"seconds only when written", "8时30分15秒", nil, []string{"8时30分15秒|2021-06-25T08:30:15|second||inferred"}},
		{"pm", "3pm开会", nil, []string{"3pm|2021-06-25T15:00|hour||inferred"}},
		{"am clock", "10:30 a.m.", nil, []string{"10:30 a.m.|2021-06-25T10:30|minute||inferred"}},
		{"twelve am", "12am", nil, []string{"12am|2021-06-25T00:00|hour||inferred"}},
		{"noon before twelve", "上午12点", nil, []string{"上午12点|2021-06-25T12:00|hour||inferred"}},
		{"no meridiem in a word", "3 Apples", nil, nil},
		{"zero point five is no time", "增长零点五", nil, nil},
		{"three points is no time", "做好以下三点", nil, nil},
	})
}

func TestExtractWeekdays(t *testing.T) {
	runCases(t, []extractCase{
		{"zhou", "周四召开", nil, []string{"周四|2021-06-24|day||relative"}},
		{"xingqi", "星期五", nil, []string{"星期五|2021-06-25|day||relative"}},
		{"libai", "礼拜六", nil, []string{"礼拜六|2021-06-26|day||relative"}},
		{"traditional zhou", "週二", nil, []string{"週二|2021-06-22|day||relative"}},
		{"sunday tian", "星期天", nil, []string{"星期天|2021-06-27|day||relative"}},
		{"sunday ri", "周日", nil, []string{"周日|2021-06-27|day||relative"}},
		{"sunday libai ri", "礼拜日", nil, []string{"礼拜日|2021-06-27|day||relative"}},
		{"this monday", "本周一", nil, []string{"本周一|2021-06-21|day||relative"}},
		{"this wednesday zhe", "这周三", nil, []string{"这周三|2021-06-23|day||relative"}},
		{"last friday", "上周五", nil, []string{"上周五|2021-06-18|day||relative"}},
		{"next tuesday", "下周二", nil, []string{"下周二|2021-06-29|day||relative"}},
		{"two weeks back", "上上周三", nil, []string{"上上周三|2021-06-09|day||relative"}},
		{"two weeks ahead", "下下周一", nil, []string{"下下周一|2021-07-05|day||relative"}},
		{"last week ge", "上个星期四", nil, []string{"上个星期四|2021-06-17|day||relative"}},
		{"next week libai", "下个礼拜五", nil, []string{"下个礼拜五|2021-07-02|day||relative"}},
		{"this week ge", "这个星期天", nil, []string{"这个星期天|2021-06-27|day||relative"}},
		{"this week", "本周", nil, []string{"本周|2021-06-21/2021-06-27|week||relative"}},
		{"last week", "上周", nil, []string{"上周|2021-06-14/2021-06-20|week||relative"}},
		{"next week", "下周", nil, []string{"下周|2021-06-28/2021-07-04|week||relative"}},
		{"week before last", "上上周", nil, []string{"上上周|2021-06-07/2021-06-13|week||relative"}},
		{"this week xingqi", "这个星期", nil, []string{"这个星期|2021-06-21/2021-06-27|week||relative"}},
		{"next week libai alone", "下礼拜", nil, []string{"下礼拜|2021-06-28/2021-07-04|week||relative"}},
		{"weekend", "周末", nil, []string{"周末|2021-06-26/2021-06-27|day||relative"}},
		{"next weekend", "下周末", nil, []string{"下周末|2021-07-03/2021-07-04|day||relative"}},
		{"week then weekday", "下周周六", nil, []string{"下周周六|2021-07-03|day||relative"}},
		{"weekday range", "周一至周五", nil, []string{"周一至周五|2021-06-21/2021-06-25|day||relative"}},
		{"weekday range dao", "星期三到星期五", nil, []string{"星期三到星期五|2021-06-23/2021-06-25|day||relative"}},
		{"weekday with time", "周三下午3点", nil, []string{"周三下午3点|2021-06-23T15:00|hour||relative"}},
		{"weekday after a date", "6月22日（星期二）", nil, []string{"6月22日（星期二）|2021-06-22|day||inferred"}},
		{"weekday right after a date", "6月1日周二早上", nil, []string{"6月1日周二早上|2021-06-01|day||inferred"}},
		{"recurring", "每周一例会", nil, nil},
		{"inside a word", "加快样本周转", nil, nil},
		{"a fashion week", "时装周2023秋冬", nil, nil},
		{"three dynasties", "夏商周三代", nil, nil},
		{"period", "上周期", nil, nil},
		{"a week", "用了一周时间", nil, nil},
		{"two weeks", "两个星期", nil, nil},
		{"monday in another year", "下周一", &corpus.Date{Year: 2021, Month: 12, Day: 29}, []string{"下周一|2022-01-03|day||relative"}},
	})
}

func TestExtractRelativeDays(t *testing.T) {
	runCases(t, []extractCase{
		{"today", "今天", nil, []string{"今天|2021-06-25|day||relative"}},
		{"day before yesterday", "前天", nil, []string{"前天|2021-06-23|day||relative"}},
		{"three days ago", "大前天", nil, []string{"大前天|2021-06-22|day||relative"}},
		{"day after tomorrow", "后天", nil, []string{"后天|2021-06-27|day||relative"}},
		{"three days ahead", "大后天", nil, []string{"大后天|2021-06-28|day||relative"}},
		{"tomorrow evening", "明晚", nil, []string{"明晚|2021-06-26|day||relative"}},
		{"next day", "6月1日签约，次日开工", nil, []string{"6月1日|2021-06-01|day||inferred", "次日|2021-06-02|day||relative"}},
		{"following day", "3月8日抵达，翌日返回", nil, []string{"3月8日|2021-03-08|day||inferred", "翌日|2021-03-09|day||relative"}},
		{"same day", "3月8日抵达，同日返回", nil, []string{"3月8日|2021-03-08|day||inferred", "同日|2021-03-08|day||relative"}},
		{"that day", "5月9日，当天下午", nil, []string{"5月9日|2021-05-09|day||inferred", "当天下午|2021-05-09|day||relative"}},
		{"next day alone is after the document", "次日出院", nil, []string{"次日|2021-06-26|day||relative"}},
	})
}

func TestExtractOffsets(t *testing.T) {
	runCases(t, []extractCase{
		{"days after", "10天后", nil, []string{"10天后|2021-07-05|day||relative"}},
		{"years ago", "三年前", nil, []string{"三年前|2018|year||relative"}},
		{"months after", "两个月后", nil, []string{"两个月后|2021-08|month||relative"}},
		{"half an hour after midnight of the reference", "半小时后", nil, []string{"半小时后|2021-06-25T00:30|minute||relative"}},
		{"half an hour after a time", "下午3点开会，半小时后结束", nil, []string{
			"下午3点|2021-06-25T15:00|hour||inferred", "半小时后|2021-06-25T15:30|minute||relative"}},
		{"days ago", "3天前", nil, []string{"3天前|2021-06-22|day||relative"}},
		{"weeks after", "两周后", nil, []string{"两周后|2021-07-09|day||relative"}},
		{"a week after", "一个星期后", nil, []string{"一个星期后|2021-07-02|day||relative"}},
		{"years after yi hou", "5年以后", nil, []string{"5年以后|2026|year||relative"}},
		{"years before zhi qian", "两年之前", nil, []string{"两年之前|2019|year||relative"}},
		{"minutes after", "20分钟后", nil, []string{"20分钟后|2021-06-25T00:20|minute||relative"}},
		{"hours after", "2小时后", nil, []string{"2小时后|2021-06-25T02:00|hour||relative"}},
		{"a quarter of an hour", "一刻钟后", nil, []string{"一刻钟后|2021-06-25T00:15|minute||relative"}},
		{"half a year", "半年后", nil, []string{"半年后|2021-12|month||relative"}},
		{"after the previous date", "4月30日入院，10天后出院", nil, []string{
			"4月30日|2021-04-30|day||inferred", "10天后|2021-05-10|day||relative"}},
		{"hundred years", "一百年前", nil, []string{"一百年前|1921|year||relative"}},
		{"years ago count from the document", "2012年以来，十年前的数据", nil, []string{"2012年|2012|year||absolute", "十年前|2011|year||relative"}},
		{"years after count from the event", "2019年3月立项，两年后建成", nil, []string{"2019年3月|2019-03|month||absolute", "两年后|2021|year||relative"}},
		{"going is no offset", "3天前往灾区", nil, nil},
		{"before an event", "会议举行的四十五日前", nil, nil},
		{"after an event", "自公布之日起三十日后", nil, nil},
		{"vague count", "几年前", nil, nil},
		{"more than ten years", "十多年前", nil, nil},
		{"after the fifth", "5日后", nil, []string{"5日|2021-06-05|day||inferred"}},
		{"a duration", "用了三年时间", nil, nil},
	})
}

func TestExtractRelativePeriods(t *testing.T) {
	runCases(t, []extractCase{
		{"this month", "这个月", nil, []string{"这个月|2021-06|month||relative"}},
		{"month after next", "下下个月", nil, []string{"下下个月|2021-08|month||relative"}},
		{"this quarter", "本季度", nil, []string{"本季度|2021-04/2021-06|quarter||relative"}},
		{"last quarter", "上季度", nil, []string{"上季度|2021-01/2021-03|quarter||relative"}},
		{"next quarter", "下个季度", nil, []string{"下个季度|2021-07/2021-09|quarter||relative"}},
		{"last quarter across a year", "上个季度", &corpus.Date{Year: 2021, Month: 2, Day: 3}, []string{"上个季度|2020-10/2020-12|quarter||relative"}},
		{"three years ago da", "大前年", nil, []string{"大前年|2018|year||relative"}},
		{"year after next", "后年", nil, []string{"后年|2023|year||relative"}},
		{"three years ahead da", "大后年", nil, []string{"大后年|2024|year||relative"}},
		{"the year before", "上一年", nil, []string{"上一年|2020|year||relative"}},
		{"the following year", "2019年立项，次年开工", nil, []string{"2019年|2019|year||absolute", "次年|2020|year||relative"}},
		{"the same year", "2019年立项，同年开工", nil, []string{"2019年|2019|year||absolute", "同年|2019|year||relative"}},
		{"that year", "2020年投产，当年实现盈利", nil, []string{"2020年|2020|year||absolute", "当年|2020|year||relative"}},
		{"back then is no year", "想当年", nil, nil},
		{"that month", "6月产量创新高，当月出口", nil, []string{"6月|2021-06|month||inferred", "当月|2021-06|month||relative"}},
		{"same period", "较去年同期", nil, []string{"去年同期|2020|year|同期|relative"}},
		{"this one year", "这一年", nil, []string{"这一年|2021|year||relative"}},
		{"end of the year wei", "今年年尾", nil, []string{"今年年尾|2021|year|底|relative"}},
		{"start of a month tou", "三月头", nil, []string{"三月头|2021-03|month|初|inferred"}},
		{"end of a month wei", "六月尾", nil, []string{"六月尾|2021-06|month|底|inferred"}},
		{"middle of a month", "五月中", nil, []string{"五月中|2021-05-11/2021-05-20|day|旬|inferred"}},
		{"may in china", "5月中国出口", nil, []string{"5月|2021-05|month||inferred"}},
		{"month day without ri", "二月十五，", nil, []string{"二月十五|2021-02-15|day||inferred"}},
		{"year month day without ri", "二零一五年三月三", nil, []string{"二零一五年三月三|2015-03-03|day||absolute"}},
		{"once in march is no day", "三月一次", nil, []string{"三月|2021-03|month||inferred"}},
	})
}

func TestExtractWeeksOfPeriods(t *testing.T) {
	runCases(t, []extractCase{
		{"iso week of a year", "2021年第3周", nil, []string{"2021年第3周|2021-01-18/2021-01-24|week||absolute"}},
		{"week of a month", "6月第二周", nil, []string{"6月第二周|2021-06-07/2021-06-13|week||inferred"}},
		{"first monday of a month", "十月第一个星期一", nil, []string{"十月第一个星期一|2021-10-04|day||inferred"}},
		{"first tuesday", "8月第一个周二", nil, []string{"8月第一个周二|2021-08-03|day||inferred"}},
		{"first tuesday with de", "八月份的第一个周二", nil, []string{"八月份的第一个周二|2021-08-03|day||inferred"}},
		{"third sunday", "6月第3个星期日", nil, []string{"6月第3个星期日|2021-06-20|day||inferred"}},
		{"weekday of a week of a month", "6月第二周周三", nil, []string{"6月第二周周三|2021-06-09|day||inferred"}},
		{"a week alone is a course's", "第3周", nil, nil},
		{"no fifth monday", "6月第五个星期一", nil, nil},
	})
}

func TestExtractFirstLast(t *testing.T) {
	runCases(t, []extractCase{
		{"first three months of this year", "今年前三个月", nil, []string{"今年前三个月|2021-01/2021-03|month||relative"}},
		{"first eleven months", "2022年前十一个月", nil, []string{"2022年前十一个月|2022-01/2022-11|month||absolute"}},
		{"first ten months alone", "前10个月，全国", nil, []string{"前10个月|2021-01/2021-10|month||inferred"}},
		{"first two months without ge", "前2月我国对外贸易", nil, []string{"前2月|2021-01/2021-02|month||inferred"}},
		{"last three months", "2020年后三个月", nil, []string{"2020年后三个月|2020-10/2020-12|month||absolute"}},
		{"last three months without ge", "二零二一年后三月", nil, []string{"二零二一年后三月|2021-10/2021-12|month||absolute"}},
		{"after march alone", "后三月", nil, nil},
		{"first two months tou", "今年头两个月", nil, []string{"今年头两个月|2021-01/2021-02|month||relative"}},
		{"first month shou", "2005年首月", nil, []string{"2005年首月|2005-01|month||absolute"}},
		{"first ten days of a month", "6月前10天", nil, []string{"6月前10天|2021-06-01/2021-06-10|day||inferred"}},
		{"last three days", "5月最后三天", nil, []string{"5月最后三天|2021-05-29/2021-05-31|day||inferred"}},
		{"first two quarters", "前两个季度", nil, []string{"前两个季度|2021-01/2021-06|quarter||inferred"}},
		{"last two quarters", "2020年后两个季度", nil, []string{"2020年后两个季度|2020-07/2020-12|quarter||absolute"}},
		{"first quarter shou", "首季度", nil, []string{"首季度|2021-01/2021-03|quarter||inferred"}},
		{"end of a quarter", "一季度末", nil, []string{"一季度末|2021-01/2021-03|quarter|末|inferred"}},
		{"start of a quarter", "三季度初", nil, []string{"三季度初|2021-07/2021-09|quarter|初|inferred"}},
		{"a couple of days ago", "前两天", nil, nil},
		{"before this", "此前三个月", nil, nil},
		{"three quarters is a duration", "用了三个季度", nil, nil},
	})
}

func TestExtractCenturies(t *testing.T) {
	runCases(t, []extractCase{
		{"century arabic", "19世纪", nil, []string{"19世纪|1800/1899|century||absolute"}},
		{"century chinese", "十九世纪中叶", nil, []string{"十九世纪中叶|1800/1899|century|中|absolute"}},
		{"last century decade", "上世纪九十年代", nil, []string{"上世纪九十年代|1990/1999|decade||relative"}},
		{"this century start", "本世纪初", nil, []string{"本世纪初|2000/2099|century|初|relative"}},
		{"century and decade", "20世纪50年代", nil, []string{"20世纪50年代|1950/1959|decade||absolute"}},
		{"end of a decade", "二十世纪九十年代末", nil, []string{"二十世纪九十年代末|1990/1999|decade|末|absolute"}},
		{"decade chinese", "八十年代", nil, []string{"八十年代|1980/1989|decade||absolute"}},
		{"decade four digits", "1990年代", nil, []string{"1990年代|1990/1999|decade||absolute"}},
		{"twenty-first century", "二十一世纪", nil, []string{"二十一世纪|2000/2099|century||absolute"}},
		{"zhong of zhongguo", "21世纪中国的发展", nil, []string{"21世纪|2000/2099|century||absolute"}},
	})
}

func TestExtractShortYears(t *testing.T) {
	runCases(t, []extractCase{
		{"chinese zero nine", "零九年", nil, []string{"零九年|2009|year||absolute"}},
		{"chinese nine eight", "九八年", nil, []string{"九八年|1998|year||absolute"}},
		{"end of a short year", "22年底", nil, []string{"22年底|2022|year|底|absolute"}},
		{"short year with a date", "03年2月28日", nil, []string{"03年2月28日|2003-02-28|day||absolute"}},
		{"century from the reference", "45年8月", &corpus.Date{Year: 2021, Month: 1, Day: 1}, []string{"45年8月|1945-08|month||absolute"}},
		{"near future year", "35年底", nil, []string{"35年底|2035|year|底|absolute"}},
		{"a range of years", "七八年", nil, nil},
		{"three to five years", "三五年内", nil, nil},
		{"thirty years", "工作30年", nil, nil},
	})
}

func TestExtractLayouts(t *testing.T) {
	runCases(t, []extractCase{
		{"compact", "截至20230915", nil, []string{"20230915|2023-09-15|day||absolute"}},
		{"spaced", "日期 2023 09 15", nil, []string{"2023 09 15|2023-09-15|day||absolute"}},
		{"dot then dash", "2019.03-08", nil, []string{"2019.03-08|2019-03-08|day||absolute"}},
		{"glued time", "2020-05-0614:30", nil, []string{"2020-05-0614:30|2020-05-06T14:30|minute||absolute"}},
		{"month day time", "07-01 08:30", nil, []string{"07-01 08:30|2021-07-01T08:30|minute||inferred"}},
		{"dot date", "7·1前完成", nil, []string{"7·1|2021-07-01|day||inferred"}},
		{"event name is no date", "“7·20”特大暴雨", nil, nil},
		{"date with seconds", "2024-03-18 09:15:00", nil, []string{"2024-03-18 09:15:00|2024-03-18T09:15:00|second||absolute"}},
		{"order number", "订单号20210625已发货", nil, nil},
		{"amount", "金额20210625元", nil, nil},
	})
}

func TestExtractRanges(t *testing.T) {
	runCases(t, []extractCase{
		{"hours to half past", "8~10点半", nil, []string{"8~10点半|2021-06-25T08:00/2021-06-25T10:30|minute||inferred"}},
		{"across midnight with ci ri", "22:00~次日06:00", nil, []string{"22:00~次日06:00|2021-06-25T22:00/2021-06-26T06:00|minute||relative"}},
		{"across midnight", "晚上11点至凌晨2点", nil, []string{"晚上11点至凌晨2点|2021-06-25T23:00/2021-06-26T02:00|hour||inferred"}},
		{"qi zhi zhi", "2021年1月1日起至12月31日止", nil, []string{"2021年1月1日起至12月31日止|2021-01-01/2021-12-31|day||absolute"}},
		{"clock range", "9:30~11:30", nil, []string{"9:30~11:30|2021-06-25T09:30/2021-06-25T11:30|minute||inferred"}},
		{"months of a year", "2017年8月至11月", nil, []string{"2017年8月至11月|2017-08/2017-11|month||absolute"}},
		{"days with a bare start", "2019年4月12-19日", nil, []string{"2019年4月12-19日|2019-04-12/2019-04-19|day||absolute"}},
		{"juxtaposed months", "1994年六七月间", nil, []string{"1994年六七月|1994-06/1994-07|month||absolute"}},
		{"juxtaposed months alone", "七八月份", nil, []string{"七八月份|2021-07/2021-08|month||inferred"}},
		{"months across a year end", "十二月至一月", nil, []string{"十二月至一月|2021-12/2022-01|month||inferred"}},
		{"days across a year end", "12月1号到1月1号", nil, []string{"12月1号到1月1号|2021-12-01/2022-01-01|day||inferred"}},
		{"days across a month end", "6月28号到3号", nil, []string{"6月28号到3号|2021-06-28/2021-07-03|day||inferred"}},
		{"am to pm", "6点30pm-11点pm", nil, []string{"6点30pm-11点pm|2021-06-25T18:30/2021-06-25T23:00|minute||inferred"}},
		{"morning to evening relative", "今早八点十分至下午11点32分", nil, []string{"今早八点十分至下午11点32分|2021-06-25T08:10/2021-06-25T23:32|minute||relative"}},
		{"today to next friday", "今天 - 下周五", nil, []string{"今天 - 下周五|2021-06-25/2021-07-02|day||relative"}},
	})
}

func TestExtractHolidays(t *testing.T) {
	runCases(t, []extractCase{
		{"new year", "元旦假期", nil, []string{"元旦|2021-01-01|day||holiday"}},
		{"spring festival", "春节前夕", nil, []string{"春节|2021-02-12|day||holiday"}},
		{"lantern", "元宵节", nil, []string{"元宵节|2021-02-26|day||holiday"}},
		{"qingming", "清明期间", nil, []string{"清明|2021-04-04|day||holiday"}},
		{"labour day", "五一假期", nil, []string{"五一|2021-05-01|day||holiday"}},
		{"dragon boat", "端午节", nil, []string{"端午节|2021-06-14|day||holiday"}},
		{"mid-autumn", "中秋佳节", nil, []string{"中秋|2021-09-21|day||holiday"}},
		{"national day", "国庆期间", nil, []string{"国庆|2021-10-01|day||holiday"}},
		{"national day jie", "迎接国庆节", nil, []string{"国庆节|2021-10-01|day||holiday"}},
		{"new year's eve", "除夕夜", nil, []string{"除夕|2021-02-11|day||holiday"}},
		{"qixi", "七夕节", nil, []string{"七夕节|2021-08-14|day||holiday"}},
		{"double ninth", "重阳节", nil, []string{"重阳节|2021-10-14|day||holiday"}},
		{"laba", "腊八节", nil, []string{"腊八节|2021-01-20|day||holiday"}},
		{"spring festival of a year", "2019年春节", nil, []string{"2019年春节|2019-02-05|day||holiday"}},
		{"last year's mid-autumn", "去年中秋", nil, []string{"去年中秋|2020-10-01|day||holiday"}},
		{"next year's dragon boat", "明年端午", nil, []string{"明年端午|2022-06-03|day||holiday"}},
		{"holiday with a time", "儿童节下午三点", nil, []string{"儿童节下午三点|2021-06-01T15:00|hour||holiday"}},
		{"mother's day", "母亲节", nil, []string{"母亲节|2021-05-09|day||holiday"}},
		{"father's day", "父亲节", nil, []string{"父亲节|2021-06-20|day||holiday"}},
		{"thanksgiving", "感恩节", nil, []string{"感恩节|2021-11-25|day||holiday"}},
		{"christmas eve", "平安夜", nil, []string{"平安夜|2021-12-24|day||holiday"}},
		{"nurses day", "国际护士节", nil, []string{"国际护士节|2021-05-12|day||holiday"}},
		{"ghost festival", "中元节", nil, []string{"中元节|2021-08-22|day||holiday"}},
		{"a name", "王国庆说", nil, nil},
		{"a painting", "清明上河图", nil, nil},
		{"a road", "五一路社区", nil, nil},
		{"the food", "吃元宵", nil, nil},
		{"lunar lantern", "农历元宵", nil, []string{"元宵|2021-02-26|day||holiday"}},
		{"an anniversary", "国庆70周年", nil, nil},
		{"outside the lunar table", "春节", &corpus.Date{Year: 2150, Month: 1, Day: 1}, nil},
		{"the coming spring festival", "元旦、春节将至", &corpus.Date{Year: 2022, Month: 12, Day: 20}, []string{
			"元旦|2023-01-01|day||holiday", "春节|2023-01-22|day||holiday"}},
		{"the past spring festival", "春节期间", &corpus.Date{Year: 2023, Month: 3, Day: 2}, []string{"春节|2023-01-22|day||holiday"}},
		{"a medal", "“七一”勋章获得者", nil, nil},
		{"a movement", "五四运动", nil, nil},
	})
}

// TestExtractAnchors: a date without its year or month is completed from
// the previous date only when that date is a plausible anchor.
func TestExtractAnchors(t *testing.T) {
	may20 := corpus.Date{Year: 2026, Month: 5, Day: 20}
	jan2 := corpus.Date{Year: 2023, Month: 1, Day: 2}
	runCases(t, []extractCase{
		{"far end of a plan's range", "项目周期为2026年5月至2027年4月。19日，专家组到场验收。", &may20, []string{
			"2026年5月至2027年4月|2026-05/2027-04|month||absolute", "19日|2026-05-19|day||inferred"}},
		{"a plan in the same sentence", "计划2027年3月开工，4月完工。", &may20, []string{
			"2027年3月|2027-03|month||absolute", "4月|2027-04|month||inferred"}},
		{"a past date across sentences", "2026年5月8日，会议召开。9日，代表们分组讨论。", &may20, []string{
			"2026年5月8日|2026-05-08|day||absolute", "9日|2026-05-09|day||inferred"}},
		{"last december in january", "12月30日以来，客流增加", &jan2, []string{"12月30日|2022-12-30|day||inferred"}},
		{"last december after a january date", "1月1日起施行。12月30日以来，客流增加", &jan2, []string{
			"1月1日|2023-01-01|day||inferred", "12月30日|2022-12-30|day||inferred"}},
		{"quarters of last year in january", "较三季度增速提高", &jan2, []string{"三季度|2022-07/2022-09|quarter||inferred"}},
		{"quarters of a year before", "2022年，一季度增长4.5%", &jan2, []string{
			"2022年|2022|year||absolute", "一季度|2022-01/2022-03|quarter||inferred"}},
		{"a birth year does not anchor a month", "1998年出生的他，6月来到这里", nil, []string{
			"1998年|1998|year||absolute", "6月|2021-06|month||inferred"}},
	})
}
