package date

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// Extractor finds date mentions. It holds only compiled patterns, so one
// Extractor is safe for concurrent use by any number of goroutines.
type Extractor struct {
	rules []rule
}

// New compiles the patterns. Build one Extractor and share it.
func New() *Extractor {
	return &Extractor{rules: rules()}
}

var _ corpus.Extractor = (*Extractor)(nil)

// Extract returns the dates in text, sorted by Span.Start and not
// overlapping. ref is the document's own date: it supplies missing years
// and months and anchors relative words; when it is zero, relative words
// are dropped and dates without a year keep the ISO "--MM-DD" form.
func (e *Extractor) Extract(text string, ref corpus.Date) []corpus.Mention {
	atoms := pick(e.find(text))
	if len(atoms) == 0 {
		return nil
	}
	s := &state{text: text, ref: ref, atoms: atoms}
	s.run()
	return s.out
}

// find runs the rules over text and returns the accepted atoms, in no
// particular order and possibly overlapping.
//
// Every pattern matches only characters of dateRunes, so the rules run
// on the runs of such characters rather than on the whole text: most
// of a report is prose the patterns would scan in vain, and Go's regexp
// cannot skip ahead to a literal when a pattern starts with a class.
// Within a run, a rule runs only when the run holds a character the
// rule cannot match without (its need): most runs (一个, 上海, 中) hold
// none, and each regexp call costs far more than the scan that decides.
//
// Holidays are words looked up where their first character is (see
// holidayAt), in the same pass.
func (e *Extractor) find(text string) []atom {
	var atoms []atom
	for start := 0; start < len(text); {
		r, n := decodeRune(text, start)
		if !isDateRune(r) {
			if isHolidayFirst(r) {
				atoms = appendHoliday(text, start, r, atoms)
			}
			start += n
			continue
		}
		end, runes, digits := start, 0, 0
		var keys key
		for end < len(text) {
			r, n := decodeRune(text, end)
			if !isDateRune(r) {
				break
			}
			if isHolidayFirst(r) {
				atoms = appendHoliday(text, end, r, atoms)
			}
			if isArabic(r) {
				keys |= kNum
				switch digits++; digits {
				case 4:
					keys |= kDigits4
				case 8:
					keys |= kDigits8
				}
			} else {
				digits = 0
				keys |= keyOf(r)
			}
			end += n
			runes++
		}
		if runes >= 2 && keys != 0 {
			atoms = e.findIn(text, start, end, keys, atoms)
		}
		start = end
	}
	return atoms
}

// findIn runs the rules whose need is in keys over text[start:end] and
// appends what they build. Builders see the whole text, so their context
// checks look past the run.
func (e *Extractor) findIn(text string, start, end int, keys key, atoms []atom) []atom {
	window := text[start:end]
	for _, r := range e.rules {
		if r.need&keys == 0 || r.also != 0 && r.also&keys == 0 {
			continue
		}
		for _, m := range r.re.FindAllStringSubmatchIndex(window, -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += start
				}
			}
			if a, ok := r.build(text, m); ok && a.span.End > a.span.Start {
				atoms = append(atoms, a)
			}
		}
	}
	return atoms
}

// decodeRune is utf8.DecodeRuneInString(text[i:]) with the three-byte
// sequences of Chinese text decoded inline: find decodes every rune of
// the text, and the general decoder's call was a fifth of its time.
func decodeRune(text string, i int) (rune, int) {
	if b := text[i]; b < utf8.RuneSelf {
		return rune(b), 1
	} else if b&0xF0 == 0xE0 && i+2 < len(text) {
		b1, b2 := text[i+1], text[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// key is a set of characters that rules need; see rule.need.
type key uint32

const (
	kYear      key = 1 << iota // 年
	kMonth                     // 月
	kDay                       // 日 号
	kHour                      // 时 点
	kColon                     // : ：
	kDash                      // -
	kSep                       // - / .
	kConn                      // - — – ~ ～ 〜 至 到
	kQuarter                   // 季
	kHalf                      // 半
	kXun                       // 旬
	kRelDay                    // 天 日 晚 早 晨 夜, one in every relative day word
	kPOD                       // 晨 上 午 晚 夜, one in every part of the day
	kCentury                   // 纪
	kWeek                      // 周 星 礼 拜 週
	kFirstLast                 // 前 后 头 最 首
	kShift                     // 前 后, after every offset
	kDot                       // · •
	kDigits4                   // four Arabic digits in a row
	kDigits8                   // eight Arabic digits in a row
	kNum                       // a digit or a Chinese numeral
	kRel                       // 今 去 明 昨 次 翌 同 当 本 上 下 大 前 后 这 隔 第: the start of a relative word
	kMeridiem                  // m M, of am and pm
)

// keyOf returns the keys r stands for.
func keyOf(r rune) key {
	k := key(0)
	switch r {
	case '〇', '零', '○', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '廿', '卅':
		return kNum
	case '今', '去', '明', '昨', '次', '翌', '同', '当', '本', '大', '这', '隔', '第':
		return kRel
	case '上':
		k = kRel
	case '下':
		return kRel
	}
	return k | keyOf2(r)
}

// keyOf2 returns the keys of the characters that stand for more than a
// numeral or the start of a relative word.
func keyOf2(r rune) key {
	switch r {
	case '年':
		return kYear
	case '月':
		return kMonth
	case '日':
		return kDay | kRelDay
	case '号', '號':
		return kDay
	case '时', '点':
		return kHour
	case ':', '：':
		return kColon
	case '-':
		return kDash | kSep | kConn
	case '/', '.':
		return kSep
	case '—', '–', '~', '～', '〜', '至', '到', '－':
		return kConn
	case '季':
		return kQuarter
	case '半':
		return kHalf | kPOD
	case '旬':
		return kXun
	case '天', '早':
		return kRelDay
	case '晚', '晨', '夜':
		return kRelDay | kPOD
	case '上', '午':
		return kPOD
	case '纪':
		return kCentury
	case '周', '星', '礼', '拜', '週':
		return kWeek
	case '前', '后':
		return kFirstLast | kShift | kRel
	case '头', '最', '首':
		return kFirstLast
	case '·', '•':
		return kDot
	case 'm', 'M':
		return kMeridiem
	}
	return 0
}

// dateChars lists every character the patterns in rules can match,
// besides digits and spaces. Adding a pattern with a new character means
// adding the character here, and to keyOf when the pattern needs it.
const dateChars = "〇零○一二两三四五六七八九十百廿卅" +
	"年度初底末同期代月份个上中下旬日号號时点钟整正半分秒刻" +
	"凌清早晨午间傍晚夜里深今本去前明昨后次翌第天当季隔大这" +
	"世纪叶周星礼拜週头尾最首之以过小" +
	"aApPmM" +
	"-/.—–~～〜至到－:：·•"

// dateRuneBits is dateChars, digits and spaces as a bit set over the
// Basic Multilingual Plane, which holds all of them: a map lookup per
// rune of the text cost a tenth of the whole extraction.
var dateRuneBits = func() *[1 << 10]uint64 {
	var set [1 << 10]uint64
	add := func(r rune) { set[r>>6] |= 1 << (r & 63) }
	for _, r := range dateChars + "0123456789０１２３４５６７８９ \t\n　" {
		add(r)
	}
	return &set
}()

// isDateRune reports whether r can occur inside a date expression.
func isDateRune(r rune) bool {
	return r < 1<<16 && dateRuneBits[r>>6]&(1<<(r&63)) != 0
}

// pick keeps, of overlapping atoms, the longest (the first on a tie), and
// returns the rest sorted by start.
func pick(atoms []atom) []atom {
	slices.SortStableFunc(atoms, func(a, b atom) int {
		if c := cmp.Compare(a.span.Start, b.span.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.span.Len(), a.span.Len())
	})
	out := atoms[:0]
	for _, a := range atoms {
		if n := len(out); n > 0 && a.span.Start < out[n-1].span.End {
			if a.span.Len() > out[n-1].span.Len() {
				out[n-1] = a
			}
			continue
		}
		out = append(out, a)
	}
	return out
}

// follows reports whether an atom starting at level next may continue a
// chain whose finest level so far is prev: 年→月→日→time of day, with
// weeks (2021年第3周, 6月第二周, 下周 + 周六) between months and days.
func follows(prev, next level) bool {
	switch prev {
	case lvYear:
		return next == lvHalf || next == lvQuarter || next == lvMonth || next == lvWeek
	case lvMonth:
		return next == lvWeek || next == lvDay
	case lvWeek:
		return next == lvDay
	case lvDay:
		return next == lvPOD || next == lvTime
	case lvPOD:
		return next == lvTime
	}
	return false
}

// onlySpace reports whether s is what sp allows between the parts of
// one expression: spaces and at most one line break.
func onlySpace(s string) bool {
	return strings.Trim(s, " \t　\n") == "" && strings.Count(s, "\n") <= 1
}

// isConn reports whether s joins the two ends of a range: 至, 到 or a
// dash or tilde, with optional spaces.
func isConn(s string) bool {
	switch strings.Trim(s, " \t　") {
	case "-", "—", "–", "~", "～", "〜", "至", "到", "——", "--", "－", "ー", "起至", "起到", "至到":
		return true
	}
	return false
}
