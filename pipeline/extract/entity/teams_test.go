package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
)

// TestTeamLists covers lists of clubs with made-up sponsors after the
// heads that introduce them, and lists that are not of teams.
func TestTeamLists(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"甲组６队为杭州飞燕、成都蓝鲸、武汉金帆和西安长风。", "[杭州飞燕 成都蓝鲸 武汉金帆 西安长风]"},
		{"参赛的四支球队是广州白沙、辽宁和大连海鸥，比赛下周开始", "[广州白沙 大连海鸥]"}, // 辽宁 alone stays a place
		{"南区八队分别为重庆山城、昆明春晖与贵阳银杉", "[重庆山城 昆明春晖 贵阳银杉]"},
		{"晋级的球队有长沙湘云及南昌赣江", "[长沙湘云 南昌赣江]"},
		{"部队为人民服务，为杭州飞燕加油", "[]"},                // a clause, not a list
		{"他所在的球队是成都蓝鲸。", "[]"},                   // one team is no list
		{"试点城市为北京海淀、上海浦东和广州天河", "[]"},            // districts: no team head
		{"两队是本届比赛最强的两支队伍、也是去年的冠军和亚军", "[]"},      // items that are no names
		{"三队为杭州飞燕、成都蓝鲸（主场）和武汉金帆", "[杭州飞燕 成都蓝鲸]"}, // the clause ends at the bracket
		{"两队为", "[]"}, {"两队为，", "[]"}, {"两队为、、", "[]"}, {"两队为和", "[]"}, {"队：杭州飞燕、", "[]"}, // no items
	} {
		var got []string
		for _, m := range teamLists(c.text, nil) {
			if m.Kind != corpus.KindOrg || m.Rule != "org/team-list" {
				t.Errorf("%s: %+v", c.text, m)
			}
			got = append(got, c.text[m.Span.Start:m.Span.End])
		}
		if s := fmt.Sprint(strings.Join(got, " ")); "["+s+"]" != c.want {
			t.Errorf("teamLists(%q) = [%s], want %s", c.text, s, c.want)
		}
	}
	// A club replaces the place and the word jieba made of it.
	text := "东区两队为杭州飞燕和成都蓝鲸"
	at := strings.Index(text, "杭州")
	ms := []corpus.Mention{
		{Kind: corpus.KindPlace, Span: corpus.Span{Start: 0, End: len("东区")}, Value: "东区"},
		{Kind: corpus.KindPlace, Span: corpus.Span{Start: at, End: at + len("杭州")}, Value: "杭州"},
	}
	got := teamLists(text, ms)
	if len(got) != 3 || got[0].Value != "东区" || got[1].Kind != corpus.KindOrg || got[1].Value != "杭州飞燕" || got[2].Value != "成都蓝鲸" {
		t.Errorf("teamLists over mentions = %+v", got)
	}
}

// FuzzTeamLists checks that any text yields clubs inside it, in order,
// not overlapping.
func FuzzTeamLists(f *testing.F) {
	for _, s := range []string{"甲组６队为杭州飞燕、成都蓝鲸、武汉金帆和西安长风。", "两队为", "队为、和", "队：、", "队有及"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range teamLists(text, nil) {
			if m.Span.Start < end || m.Span.End > len(text) || m.Span.Start >= m.Span.End {
				t.Fatalf("teamLists(%q): span %v after %d", text, m.Span, end)
			}
			end = m.Span.End
		}
	})
}
