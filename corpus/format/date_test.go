package format

import (
	"testing"

	"github.com/baogao/baogao/corpus"
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"chinese", "会议于2021年6月25日召开", []string{"2021-06-25"}},
		{"chinese with spaces", "2021 年 6 月 5 号上午", []string{"2021-06-05"}},
		{"dash", "发布于2021-06-25 10:00", []string{"2021-06-25"}},
		{"slash", "2021/6/25", []string{"2021-06-25"}},
		{"dot", "2021.06.25讯", []string{"2021-06-25"}},
		{"full-width digits", "２０２１年６月２５日", []string{"2021-06-25"}},
		{"chinese numerals", "二〇二一年六月二十五日印发", []string{"2021-06-25"}},
		{"chinese numerals ten", "二〇二二年十月十日", []string{"2022-10-10"}},
		{"two dates in order", "2022年1月3日至2022年2月28日", []string{"2022-01-03", "2022-02-28"}},
		{"mixed separators", "2021-06.25", nil},
		{"inside a longer number", "编号12021-06-25", nil},
		{"month and day only", "6月25日召开", nil},
		{"year and month only", "2021年6月", nil},
		{"invalid day", "2021年2月30日", nil},
		{"leap day", "2024年2月29日", []string{"2024-02-29"}},
		{"non-leap century", "1900年2月29日", nil},
		{"year out of range", "1850年6月1日", nil},
		{"phone number", "0516-8570-7122", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range findDates(tt.in) {
				got = append(got, d.Date.String())
				if tt.in[d.Start:d.End] == "" {
					t.Errorf("findDates(%q): empty span %v", tt.in, d)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("findDates(%q) = %v; want %v", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("findDates(%q) = %v; want %v", tt.in, got, tt.want)
				}
			}
		})
	}
}

func TestDateFromFilename(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"compact", "xwlb/20230105.md", "2023-01-05"},
		{"dashed with suffix", "2021-06-25_report.txt", "2021-06-25"},
		{"underscores", "通报_2022_3_8.txt", "2022-03-08"},
		{"chinese", "2021年6月25日院务会纪要.txt", "2021-06-25"},
		{"directory date ignored", "2021-06-25/report.txt", ""},
		{"hash not a date", "000_50101eb0aab7898d.txt", ""},
		{"too many digits", "202301051.md", ""},
		{"invalid month", "20231305.md", ""},
		{"windows path", `报告\20220101.txt`, "2022-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := dateFromFilename(tt.in)
			if d.String() != tt.want || ok != (tt.want != "") {
				t.Errorf("dateFromFilename(%q) = %v, %v; want %q", tt.in, d, ok, tt.want)
			}
		})
	}
}

func TestDocumentDate(t *testing.T) {
	field := corpus.Date{Year: 2022, Month: 1, Day: 2}
	tests := []struct {
		name     string
		explicit corpus.Date
		text     string
		file     string
		want     string
		source   string
	}{
		{"explicit field wins", field, "原文刊发于2021年6月25日《某日报》", "20200101.txt", "2022-01-02", "field"},
		{"header field", corpus.Date{}, "标题：院务公开\n发布时间：2021-07-01 08:00\n正文略，2021年8月1日更新。", "a.txt", "2021-07-01", "field"},
		{"nested label", corpus.Date{}, "发布日期: 日期：2021-06-25 10:00\n", "a.txt", "2021-06-25", "field"},
		{"field on a line with others", corpus.Date{}, "发布时间：2021年9月3日  来源：县医院  浏览：88\n", "a.txt", "2021-09-03", "field"},
		{"published-in line", corpus.Date{}, "正文。\n原文刊发于2021年6月25日《某日报》3版", "20200101.txt", "2021-06-25", "dateline"},
		{"wire dateline", corpus.Date{}, "新华社北京2021年3月5日电 政府工作报告提出……", "20200101.txt", "2021-03-05", "dateline"},
		{"reporter dateline", corpus.Date{}, "（记者 林晓 2021年4月2日电）", "a.txt", "2021-04-02", "dateline"},
		{"this paper reports", corpus.Date{}, "本报讯（2021年5月6日）市医保局召开会议。", "a.txt", "2021-05-06", "dateline"},
		{"this paper reports without year", corpus.Date{}, "本报讯 5月6日，市医保局召开会议。", "a.txt", "", ""},
		{"founded on is no dateline", corpus.Date{}, "该报创刊于1986年1月1日。", "20260101.md", "2026-01-01", "filename"},
		{"takes effect is no dateline", corpus.Date{}, "记者今天获悉，办法将于2025年10月1日起施行。", "20250831.md", "2025-08-31", "filename"},
		{"latest date in text", corpus.Date{}, "2020年3月1日启动，2021年1月9日验收，2020年12月1日试运行。", "a.txt", "2021-01-09", "text"},
		{"field deep in text ignored", corpus.Date{}, "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n十一\n十二\n十三\n十四\n十五\n十六\n时间：2021年5月1日", "a.txt", "2021-05-01", "text"},
		{"month-day only", corpus.Date{}, "4月8日，医院党委开展主题党日活动。", "a.txt", "", ""},
		{"nothing", corpus.Date{}, "没有日期的文字。", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, src := documentDate(tt.explicit, tt.text, tt.file)
			if d.String() != tt.want || src != tt.source {
				t.Errorf("documentDate(%v, %q, %q) = %v, %q; want %q, %q", tt.explicit, tt.text, tt.file, d, src, tt.want, tt.source)
			}
		})
	}
}

func TestCommonYear(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"2021年是建院七十周年。4月8日召开大会。", 2021},
		{"2022年完成目标；力争到2025年建成，到2035年基本实现。2022年底验收。", 2022},
		{"2020年与2021年各一次。", 2021},
		{"共有300年历史，编号12345年。", 0},
		{"没有年份。", 0},
	}
	for _, tt := range tests {
		got, ok := commonYear(tt.text)
		if got != tt.want || ok != (tt.want != 0) {
			t.Errorf("commonYear(%q) = %d, %v; want %d", tt.text, got, ok, tt.want)
		}
	}
}
