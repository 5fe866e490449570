package date

import (
	"strings"
	"unicode/utf8"
)

// holiday is a festival as a date: a fixed Gregorian day (solar) or a
// lunar one (m, d of the lunar calendar; see holidayDate).
type holiday struct {
	name  string // canonical name, the rule code
	solar bool
	m, d  int
	// nth and wd make a solar holiday the nth weekday wd (1 Monday … 7
	// Sunday) of month m: 母亲节 is the second Sunday of May.
	nth, wd int
}

var (
	hYuandan   = holiday{"元旦", true, 1, 1, 0, 0}
	hValentine = holiday{"情人节", true, 2, 14, 0, 0}
	hWomen     = holiday{"妇女节", true, 3, 8, 0, 0}
	hArbor     = holiday{"植树节", true, 3, 12, 0, 0}
	hLabour    = holiday{"劳动节", true, 5, 1, 0, 0}
	hYouth     = holiday{"青年节", true, 5, 4, 0, 0}
	hChildren  = holiday{"儿童节", true, 6, 1, 0, 0}
	hParty     = holiday{"建党节", true, 7, 1, 0, 0}
	hArmy      = holiday{"建军节", true, 8, 1, 0, 0}
	hTeachers  = holiday{"教师节", true, 9, 10, 0, 0}
	hNational  = holiday{"国庆", true, 10, 1, 0, 0}
	hXmas      = holiday{"圣诞节", true, 12, 25, 0, 0}
	hXmasEve   = holiday{"平安夜", true, 12, 24, 0, 0}
	hFools     = holiday{"愚人节", true, 4, 1, 0, 0}
	hNurses    = holiday{"护士节", true, 5, 12, 0, 0}
	hHalloween = holiday{"万圣节", true, 10, 31, 0, 0}
	hJournal   = holiday{"记者节", true, 11, 8, 0, 0}
	hConsumer  = holiday{"消费者权益日", true, 3, 15, 0, 0}
	hMothers   = holiday{"母亲节", true, 5, 0, 2, 7}
	hFathers   = holiday{"父亲节", true, 6, 0, 3, 7}
	hThanks    = holiday{"感恩节", true, 11, 0, 4, 4}
	hGhost     = holiday{"中元节", false, 7, 15, 0, 0}
	hSpring    = holiday{"春节", false, 1, 1, 0, 0}
	hLantern   = holiday{"元宵", false, 1, 15, 0, 0}
	hDragon    = holiday{"端午", false, 5, 5, 0, 0}
	hQixi      = holiday{"七夕", false, 7, 7, 0, 0}
	hMidAutumn = holiday{"中秋", false, 8, 15, 0, 0}
	hDouble9   = holiday{"重阳", false, 9, 9, 0, 0}
	hLaba      = holiday{"腊八", false, 12, 8, 0, 0}
	hEve       = holiday{"除夕", false, 12, 30, 0, 0}
	hQingming  = holiday{"清明", false, 0, 0, 0, 0}
)

// holidayWord is one way of writing a holiday. guarded words are also
// other words or parts of names (王国庆, 清明上河图, 五一路, 吃元宵): they need
// a free-standing start (see holidayStartOK).
type holidayWord struct {
	word    string
	h       *holiday
	guarded bool
}

// holidayWords lists the written forms, longest first for each first
// rune (holidayAt takes the first that matches).
var holidayWords = func() map[rune][]holidayWord {
	list := []holidayWord{
		{"元旦节", &hYuandan, false}, {"元旦", &hYuandan, false},
		{"情人节", &hValentine, false},
		{"三八妇女节", &hWomen, false}, {"三八国际妇女节", &hWomen, false}, {"国际妇女节", &hWomen, false}, {"妇女节", &hWomen, false},
		{"植树节", &hArbor, false},
		{"五一国际劳动节", &hLabour, false}, {"五一劳动节", &hLabour, false}, {"国际劳动节", &hLabour, false}, {"劳动节", &hLabour, false}, {"五一", &hLabour, true},
		{"五四青年节", &hYouth, false}, {"青年节", &hYouth, false}, {"五四", &hYouth, true},
		{"六一国际儿童节", &hChildren, false}, {"六一儿童节", &hChildren, false}, {"国际儿童节", &hChildren, false}, {"儿童节", &hChildren, false}, {"六一", &hChildren, true},
		{"建党节", &hParty, false}, {"七一", &hParty, true},
		{"八一建军节", &hArmy, false}, {"建军节", &hArmy, false},
		{"教师节", &hTeachers, false},
		{"国庆节", &hNational, false}, {"国庆", &hNational, true}, {"十一黄金周", &hNational, false}, {"十一长假", &hNational, false}, {"十一假期", &hNational, false},
		{"圣诞节", &hXmas, false}, {"圣诞", &hXmas, true},
		{"平安夜", &hXmasEve, false}, {"愚人节", &hFools, false}, {"国际护士节", &hNurses, false}, {"护士节", &hNurses, false},
		{"万圣节", &hHalloween, false}, {"记者节", &hJournal, false}, {"国际消费者权益日", &hConsumer, false}, {"消费者权益日", &hConsumer, false},
		{"母亲节", &hMothers, false}, {"父亲节", &hFathers, false}, {"感恩节", &hThanks, false}, {"中元节", &hGhost, false},
		{"春节", &hSpring, false}, {"农历新年", &hSpring, false}, {"大年初一", &hSpring, false}, {"正月初一", &hSpring, false},
		{"元宵节", &hLantern, false}, {"元宵", &hLantern, true}, {"正月十五", &hLantern, false},
		{"端午节", &hDragon, false}, {"端午", &hDragon, true},
		{"七夕节", &hQixi, false}, {"七夕", &hQixi, true},
		{"中秋节", &hMidAutumn, false}, {"中秋", &hMidAutumn, true},
		{"重阳节", &hDouble9, false}, {"重阳", &hDouble9, true},
		{"腊八节", &hLaba, false}, {"腊八", &hLaba, true},
		{"除夕", &hEve, false}, {"大年三十", &hEve, false},
		{"清明节", &hQingming, false}, {"清明", &hQingming, true},
	}
	m := map[rune][]holidayWord{}
	for _, w := range list {
		r, _ := utf8.DecodeRuneInString(w.word)
		m[r] = append(m[r], w)
	}
	for _, ws := range m {
		for i := 1; i < len(ws); i++ { // longest first
			for j := i; j > 0 && len(ws[j].word) > len(ws[j-1].word); j-- {
				ws[j], ws[j-1] = ws[j-1], ws[j]
			}
		}
	}
	return m
}()

// holidayFirst is the first runes of holidayWords as a bit set, checked
// at every rune of the text.
var holidayFirst = func() *[1 << 10]uint64 {
	var set [1 << 10]uint64
	for r := range holidayWords {
		set[r>>6] |= 1 << (r & 63)
	}
	return &set
}()

// notHolidayNext holds what makes a guarded holiday word part of a
// number, a name or a plan (五一路 "May First Road", 五一广场, 七一五, 国庆70周年
// is the anniversary, 清明上河图 a painting).
const notHolidayNext = "〇零一二三四五六七八九十百千万届次个名号条路广村街大中小型上1234567890"

// notHolidayAfter holds the words after a guarded holiday word (quoted or
// not) that make it part of a name: “七一”勋章 (the July 1 Medal), 五四奖章,
// “七一”重要讲话 (a speech of some past July 1), 五四运动 (the movement of
// 1919).
var notHolidayAfter = []string{"勋章", "奖章", "讲话", "重要讲话", "运动", "精神", "大道", "大街", "广场", "公园", "路", "街", "村", "号"}

func namesAfter(s string) bool {
	for _, w := range notHolidayAfter {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// holidayStartOK holds what may precede a guarded holiday word besides
// what freeStanding allows: the end of a year (今年国庆, 2021年中秋) and
// the verbs of festivals (喜迎国庆, 欢度春节) and 农历 (农历元宵).
const holidayStartOK = "年迎度庆过欢贺逢值闹祝共个历"

// notHolidayPrev holds what before 元宵 makes it the food: 吃元宵, 煮元宵.
const notHolidayPrev = "吃煮包卖做买碗颗个"

// isHolidayFirst reports whether a holiday word starts with r.
func isHolidayFirst(r rune) bool {
	return r < 1<<16 && holidayFirst[r>>6]&(1<<(r&63)) != 0
}

// appendHoliday appends the holiday written at byte i, whose first rune
// is r, if there is one: an atom of month and day (春节, 国庆节, 五一, 中秋)
// that a year before it (2021年春节, 去年中秋) or the document date
// completes, and that a time of day may follow (儿童节下午三点).
func appendHoliday(text string, i int, r rune, atoms []atom) []atom {
	w, ok := holidayAt(text, i, r)
	if !ok {
		return atoms
	}
	a := newAtom(i, i+len(w.word), lvMonth, lvDay, "holiday/"+w.h.name)
	a.hol = w.h
	return append(atoms, a)
}

// holidayAt returns the holiday word at byte i, whose first rune is r.
func holidayAt(text string, i int, r rune) (holidayWord, bool) {
	for _, w := range holidayWords[r] {
		if !strings.HasPrefix(text[i:], w.word) {
			continue
		}
		if !w.guarded {
			return w, true
		}
		p, next := prevRune(text, i), nextRune(text, i+len(w.word))
		after := text[i+len(w.word):]
		if next == '”' || next == '"' {
			after = after[utf8.RuneLen(next):]
		}
		if isNumeral(p) || p == '第' || p == '周' || strings.ContainsRune(notHolidayNext, next) || namesAfter(after) ||
			w.h == &hLantern && strings.ContainsRune(notHolidayPrev, p) ||
			!(freeStanding(text, i) || strings.ContainsRune(holidayStartOK, p)) {
			return holidayWord{}, false
		}
		return w, true
	}
	return holidayWord{}, false
}
