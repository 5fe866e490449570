package date

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
)

var ref2021 = corpus.Date{Year: 2021, Month: 6, Day: 25}

// describe renders a mention as "surface|value|grain|approx|type", the
// form the table tests compare.
func describe(text string, m corpus.Mention) string {
	return strings.Join([]string{text[m.Span.Start:m.Span.End], m.Value, m.Grain, m.Approx, m.Type}, "|")
}

func describeAll(text string, ms []corpus.Mention) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, describe(text, m))
	}
	return out
}

type extractCase struct {
	name string
	in   string
	ref  *corpus.Date // nil: ref2021
	want []string     // "surface|value|grain|approx|type"
}

func runCases(t *testing.T, cases []extractCase) {
	t.Helper()
	e := New()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ref := ref2021
			if c.ref != nil {
				ref = *c.ref
			}
			got := describeAll(c.in, e.Extract(c.in, ref))
			if !slices.Equal(got, c.want) {
				t.Errorf("Extract(%q, %v) = %q; want %q", c.in, ref, got, c.want)
			}
		})
	}
}

func TestExtractAbsolute(t *testing.T) {
	runCases(t, []extractCase{
		{"ymd", "医院于2021年6月25日召开大会", nil, []string{"2021年6月25日|2021-06-25|day||absolute"}},
		{"iso with time", "发布日期：2021-06-25 10:00", nil, []string{"2021-06-25 10:00|2021-06-25T10:00|minute||absolute"}},
		{"slashes", "截止2021/6/25共收到", nil, []string{"2021/6/25|2021-06-25|day||absolute"}},
		{"dots", "通知（2021.06.25）", nil, []string{"2021.06.25|2021-06-25|day||absolute"}},
		{"mixed separators", "编号2021-06.25", nil, nil},
		{"compact after 于", "项目于20210625启动", nil, []string{"20210625|2021-06-25|day||absolute"}},
		{"compact before 讯", "本报20210625讯", nil, []string{"20210625|2021-06-25|day||absolute"}},
		{"compact without context", "订单号20210625已发货", nil, nil},
		{"chinese digits", "二〇二一年六月二十五日上午", nil, []string{"二〇二一年六月二十五日上午|2021-06-25|day||absolute"}},
		{"chinese year", "二零二一年是开局之年", nil, []string{"二零二一年|2021|year||absolute"}},
		{"year", "2021年是建党百年", nil, []string{"2021年|2021|year||absolute"}},
		{"fiscal year", "2020年度考核", nil, []string{"2020年度|2020|year||absolute"}},
		{"full-width ymd", "２０２１年６月２５日", nil, []string{"２０２１年６月２５日|2021-06-25|day||absolute"}},
		{"since year", "自1998年来变化很大", nil, []string{"1998年|1998|year||absolute"}},
		{"decade", "上世纪90年代建成", nil, []string{"上世纪90年代|1990/1999|decade||relative"}},
		{"decade alone", "90年代建成", nil, []string{"90年代|1990/1999|decade||absolute"}},
		{"two-digit year with month", "98年6月入院", nil, []string{"98年6月|1998-06|month||absolute"}},
		{"iso month", "统计期2021-05", nil, []string{"2021-05|2021-05|month||absolute"}},
	})
}

func TestExtractPartial(t *testing.T) {
	zero := corpus.Date{}
	runCases(t, []extractCase{
		{"month day from ref", "4月8日，医院党委开课", nil, []string{"4月8日|2021-04-08|day||inferred"}},
		{"full-width month day", "４月８日举行", nil, []string{"４月８日|2021-04-08|day||inferred"}},
		{"day from previous date", "3月15日开诊，16日正式运行", nil, []string{
			"3月15日|2021-03-15|day||inferred", "16日|2021-03-16|day||inferred"}},
		{"year carried from previous date", "2019年3月5日立项，5月20日开工", nil, []string{
			"2019年3月5日|2019-03-05|day||absolute", "5月20日|2019-05-20|day||inferred"}},
		{"day from ref", "定于25日举行", nil, []string{"25日|2021-06-25|day||inferred"}},
		{"month", "6月，医院开展义诊", nil, []string{"6月|2021-06|month||inferred"}},
		{"month with 份", "6月份门诊量上升", nil, []string{"6月份|2021-06|month||inferred"}},
		{"month day", "6月25日召开", nil, []string{"6月25日|2021-06-25|day||inferred"}},
		{"chinese month day", "十月一日放假", nil, []string{"十月一日|2021-10-01|day||inferred"}},
		{"line break inside", "7月29\n日凌晨", nil, []string{"7月29\n日凌晨|2021-07-29|day||inferred"}},
		{"spaces and line break", "8月\n11 日上午", nil, []string{"8月\n11 日上午|2021-08-11|day||inferred"}},
		{"blank line splits", "7月\n\n29日", &zero, []string{"7月|--07|month||absolute", "29日|--07-29|day||inferred"}},
		{"no ref month day", "4月8日举行", &zero, []string{"4月8日|--04-08|day||absolute"}},
		{"no ref day", "定于25日举行", &zero, []string{"25日|---25|day||absolute"}},
		{"house number", "住在25号楼", nil, nil},
		{"day with 号 after month", "6月25号开会", nil, []string{"6月25号|2021-06-25|day||inferred"}},
		{"invalid day", "2月30日", nil, nil},
		{"leap day without year", "2月29日", &zero, []string{"2月29日|--02-29|day||absolute"}},
		{"holiday", "五一期间门诊照常", nil, []string{"五一|2021-05-01|day||holiday"}},
		{"holiday street", "五一路社区", nil, nil},
	})
}

func TestExtractRelative(t *testing.T) {
	zero := corpus.Date{}
	runCases(t, []extractCase{
		{"this year month", "今年7月在省医保支持下", nil, []string{"今年7月|2021-07|month||relative"}},
		{"this year", "今年以来", nil, []string{"今年|2021|year||relative"}},
		{"last year", "去年", nil, []string{"去年|2020|year||relative"}},
		{"year before last", "前年", nil, []string{"前年|2019|year||relative"}},
		{"next year", "明年再办", nil, []string{"明年|2022|year||relative"}},
		{"this month", "本月底完成", nil, []string{"本月底|2021-06|month|底|relative"}},
		{"this month plain", "本月召开", nil, []string{"本月|2021-06|month||relative"}},
		{"last month", "上月", nil, []string{"上月|2021-05|month||relative"}},
		{"next month", "下月", nil, []string{"下月|2021-07|month||relative"}},
		{"last month across year", "上个月", &corpus.Date{Year: 2021, Month: 1, Day: 5}, []string{"上个月|2020-12|month||relative"}},
		{"today", "今天", nil, []string{"今天|2021-06-25|day||relative"}},
		{"today written 今日", "今日刊发", nil, []string{"今日|2021-06-25|day||relative"}},
		{"yesterday", "昨天", nil, []string{"昨天|2021-06-24|day||relative"}},
		{"yesterday written 昨日", "昨日", nil, []string{"昨日|2021-06-24|day||relative"}},
		{"tomorrow", "明天", nil, []string{"明天|2021-06-26|day||relative"}},
		{"next day after date", "4月30日入院，次日手术", nil, []string{
			"4月30日|2021-04-30|day||inferred", "次日|2021-05-01|day||relative"}},
		{"next day from ref", "次日出院", nil, []string{"次日|2021-06-26|day||relative"}},
		{"same day after date", "4月20日清晨7:30分流，当日就诊的患者", nil, []string{
			"4月20日清晨7:30|2021-04-20T07:30|minute||inferred", "当日|2021-04-20|day||relative"}},
		{"story day needs a date", "住院第二天做完检查", nil, nil},
		{"that day without a date is the document's", "住院第二天，当天做完检查", nil, []string{"当天|2021-06-25|day||relative"}},
		{"year start", "在年初召开的会议上", nil, []string{"年初|2021|year|初|inferred"}},
		{"year end", "年底前完成", nil, []string{"年底|2021|year|底|inferred"}},
		{"year end 末", "年末", nil, []string{"年末|2021|year|末|inferred"}},
		{"last year end", "去年底", nil, []string{"去年底|2020|year|底|relative"}},
		{"this year start written out", "今年年初", nil, []string{"今年年初|2021|year|初|relative"}},
		{"last year end written out", "去年年底前", nil, []string{"去年年底|2020|year|底|relative"}},
		{"year end written out", "2023年年底开通", nil, []string{"2023年年底|2023|year|底|absolute"}},
		{"chinese year start written out", "二〇二一年年初", nil, []string{"二〇二一年年初|2021|year|初|absolute"}},
		{"one year end is not a year", "一年年底", nil, nil},
		{"every year end", "每年年底", nil, nil},
		{"expected year", "预计2023年建成", nil, []string{"2023年|2023|year||absolute"}},
		{"expected next year start", "预计明年年初通水", nil, []string{"明年年初|2022|year|初|relative"}},
		{"estimated next month", "估计下月完工", nil, []string{"下月|2021-07|month||relative"}},
		{"month end", "月底", nil, []string{"月底|2021-06|month|底|inferred"}},
		{"month start", "月初", nil, []string{"月初|2021-06|month|初|inferred"}},
		{"early month", "上旬", nil, []string{"上旬|2021-06-01/2021-06-10|day|旬|inferred"}},
		{"mid month", "中旬", nil, []string{"中旬|2021-06-11/2021-06-20|day|旬|inferred"}},
		{"late month", "下旬", nil, []string{"下旬|2021-06-21/2021-06-30|day|旬|inferred"}},
		{"early march", "3月上旬", nil, []string{"3月上旬|2021-03-01/2021-03-10|day|旬|inferred"}},
		{"mid may", "5月中旬", nil, []string{"5月中旬|2021-05-11/2021-05-20|day|旬|inferred"}},
		{"late february", "2020年2月下旬", nil, []string{"2020年2月下旬|2020-02-21/2020-02-29|day|旬|absolute"}},
		{"first half", "上半年", nil, []string{"上半年|2021-01/2021-06|half||inferred"}},
		{"second half", "下半年", nil, []string{"下半年|2021-07/2021-12|half||inferred"}},
		{"this year first half", "今年上半年", nil, []string{"今年上半年|2021-01/2021-06|half||relative"}},
		{"year first half", "2021年上半年", nil, []string{"2021年上半年|2021-01/2021-06|half||absolute"}},
		{"first quarter", "一季度", nil, []string{"一季度|2021-01/2021-03|quarter||inferred"}},
		{"third quarter", "第三季度", nil, []string{"第三季度|2021-07/2021-09|quarter||inferred"}},
		{"third quarter short", "三季度", nil, []string{"三季度|2021-07/2021-09|quarter||inferred"}},
		{"first three quarters", "前三季度", nil, []string{"前三季度|2021-01/2021-09|quarter||inferred"}},
		{"same period last year", "较去年同期增长", nil, []string{"去年同期|2020|year|同期|relative"}},
		{"relative without ref", "今年7月，去年，次日", &zero, nil},
		{"nowadays is not this year", "如今年轻人", nil, nil},
		{"current year is not 前年", "当前年度", nil, nil},
	})
}

func TestExtractTime(t *testing.T) {
	runCases(t, []extractCase{
		{"clock", "7:30", nil, []string{"7:30|2021-06-25T07:30|minute||inferred"}},
		{"clock without a reference", "7:30", &corpus.Date{}, []string{"7:30|T07:30|minute||absolute"}},
		{"clock padded", "07:30集合", nil, []string{"07:30|2021-06-25T07:30|minute||inferred"}},
		{"clock seconds", "10:00:05", nil, []string{"10:00:05|2021-06-25T10:00:05|second||inferred"}},
		{"early morning clock", "清晨7:30", nil, []string{"清晨7:30|2021-06-25T07:30|minute||inferred"}},
		{"evening hour", "晚上10点结束", nil, []string{"晚上10点|2021-06-25T22:00|hour||inferred"}},
		{"evening hour without a reference", "晚上10点结束", &corpus.Date{}, []string{"晚上10点|T22:00|hour||absolute"}},
		{"afternoon chinese", "下午三点十五", nil, []string{"下午三点十五|2021-06-25T15:15|minute||inferred"}},
		{"bare hour", "做完检查都12点了", nil, []string{"12点|2021-06-25T12:00|hour||inferred"}},
		{"morning 时", "上午9时", nil, []string{"上午9时|2021-06-25T09:00|hour||inferred"}},
		{"hour minute", "10时30分", nil, []string{"10时30分|2021-06-25T10:30|minute||inferred"}},
		{"chinese hour minute", "十二时四十分", nil, []string{"十二时四十分|2021-06-25T12:40|minute||inferred"}},
		{"date with time", "7月2日傍晚6点半", nil, []string{"7月2日傍晚6点半|2021-07-02T18:30|minute||inferred"}},
		{"noon", "中午1点", nil, []string{"中午1点|2021-06-25T13:00|hour||inferred"}},
		{"today morning", "今天上午9时", nil, []string{"今天上午9时|2021-06-25T09:00|hour||relative"}},
		{"points not hours", "提出三点意见", nil, nil},
		{"arabic points not hours", "提出3点建议", nil, nil},
		{"chinese decimal", "增长十五点五", nil, nil},
		{"moment", "一时陷入僵局", nil, nil},
		{"ratio", "比例1:2", nil, nil},
		{"hours duration", "5小时", nil, nil},
	})
}

func TestExtractRange(t *testing.T) {
	runCases(t, []extractCase{
		{"month day to day", "5月11日至20日", nil, []string{"5月11日至20日|2021-05-11/2021-05-20|day||inferred"}},
		{"months em dash", "1—7月", nil, []string{"1—7月|2021-01/2021-07|month||inferred"}},
		{"months en dash", "1–7月", nil, []string{"1–7月|2021-01/2021-07|month||inferred"}},
		{"months hyphen", "1-7月", nil, []string{"1-7月|2021-01/2021-07|month||inferred"}},
		{"months tilde", "1～7月", nil, []string{"1～7月|2021-01/2021-07|month||inferred"}},
		{"months 到", "1到7月", nil, []string{"1到7月|2021-01/2021-07|month||inferred"}},
		{"year months", "今年1—7月", nil, []string{"今年1—7月|2021-01/2021-07|month||relative"}},
		{"absolute year months", "2020年3-5月", nil, []string{"2020年3-5月|2020-03/2020-05|month||absolute"}},
		{"years", "2021—2025年", nil, []string{"2021—2025年|2021/2025|year||absolute"}},
		{"full dates", "3月1日-3月5日", nil, []string{"3月1日-3月5日|2021-03-01/2021-03-05|day||inferred"}},
		{"across months", "6月28日至7月2日", nil, []string{"6月28日至7月2日|2021-06-28/2021-07-02|day||inferred"}},
		{"quarters", "一至三季度", nil, []string{"一至三季度|2021-01/2021-09|quarter||inferred"}},
		{"hours", "下午2点至4点", nil, []string{"下午2点至4点|2021-06-25T14:00/2021-06-25T16:00|hour||inferred"}},
		{"backwards is not a range", "2025—2021年", nil, []string{"2021年|2021|year||absolute"}},
		{"phone number", "热线0516——85707122", nil, nil},
	})
}

func TestExtractNotDates(t *testing.T) {
	runCases(t, []extractCase{
		{"plan period", "“十四五”开局之年", nil, nil},
		{"plan period bare", "十四五规划", nil, nil},
		{"recently", "日前，目前，近年来，近日", nil, nil},
		{"durations", "3年，两个月，30天", nil, nil},
		{"years since", "5年来", nil, nil},
		{"long duration", "2000年来", nil, nil},
		{"two-digit year alone", "98年", nil, nil},
		{"ordinal day", "第3日", nil, nil},
		{"working days", "14个工作日", nil, nil},
		{"total days", "共计30日", nil, nil},
		{"total year end", "共计2023年年底", nil, nil},
		{"within days", "3日内办结", nil, nil},
		{"one day", "一日三餐", nil, nil},
		{"phone", "电话13912345678", nil, nil},
		{"id number", "身份证号320102199001011234", nil, nil},
		{"url", "content/202106/25/content_759491.html", nil, nil},
		{"preliminary", "2021年初步建成", nil, []string{"2021年|2021|year||absolute"}},
		{"every year end", "每年年底", nil, nil},
		{"decimal years", "1.5年", nil, nil},
	})
}

func TestRuleAndSpan(t *testing.T) {
	e := New()
	cases := []struct{ in, rule string }{
		{"2021年6月25日", "ymd"},
		{"6月25日", "md+ref"},
		{"去年", "relative/去年"},
		{"5月11日至20日", "range/md-d+ref"},
		{"2021-06-25 10:00", "iso/ymd+t"},
		{"今年7月", "relative/今年+m"},
		{"今年年底", "relative/今年+y"},
		{"2023年年底", "yy"},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			ms := e.Extract(c.in, ref2021)
			if len(ms) != 1 || ms[0].Rule != c.rule || ms[0].Kind != corpus.KindDate {
				t.Errorf("Extract(%q) = %v; want one date with rule %q", c.in, ms, c.rule)
			}
		})
	}
}

func Example() {
	text := "4月8日，医院开展义诊；5月11日至20日举办护理技能比赛。"
	for _, m := range New().Extract(text, corpus.Date{Year: 2021, Month: 6, Day: 25}) {
		fmt.Println(text[m.Span.Start:m.Span.End], m.Value, m.Grain, m.Rule)
	}
	// Output:
	// 4月8日 2021-04-08 day md+ref
	// 5月11日至20日 2021-05-11/2021-05-20 day range/md-d+prev
}
