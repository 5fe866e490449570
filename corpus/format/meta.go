package format

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// headerKeys maps the labels of a scraped page's metadata header to Meta
// keys. An empty key marks the body: the lines after it are the text.
var headerKeys = map[string]string{
	"标题":   "title",
	"题目":   "title",
	"发布日期": "date",
	"发布时间": "date",
	"发表时间": "date",
	"发文日期": "date",
	"日期":   "date",
	"时间":   "date",
	"浏览次数": "views",
	"阅读次数": "views",
	"点击数":  "views",
	"访问量":  "views",
	"来源":   "source",
	"作者":   "author",
	"编辑":   "editor",
	"责任编辑": "editor",
	"正文内容": "",
	"正文":   "",
}

var headerLine = regexp.MustCompile(`^[ \t\x{3000}]*(\p{Han}{2,4})[ \t\x{3000}]*[:：][ \t\x{3000}]*(.*)$`)

// nestedLabel is a label repeated inside a header value, as in
// "发布日期: 日期：2021-06-25 10:00".
var nestedLabel = regexp.MustCompile(`^(?:日期|时间)[:：][ \t\x{3000}]*`)

// parseHeader reads the metadata header at the top of text. It returns the
// header fields under their Meta keys and the body: the text after the
// 正文内容: line, or all of text when there is no such line.
func parseHeader(text string) (fields map[string]string, body string) {
	rest := text
	for rest != "" {
		line, next, _ := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "" && fields == nil {
			rest = next
			continue
		}
		m := headerLine.FindStringSubmatchIndex(line)
		if m == nil {
			break
		}
		key, known := headerKeys[line[m[2]:m[3]]]
		if !known {
			break
		}
		if key == "" {
			// The body starts right after the label, on the same line
			// if something is written there.
			lineStart := len(text) - len(rest)
			if m[4] < len(line) {
				return fields, text[lineStart+m[4]:]
			}
			if len(next) < len(rest)-len(line) {
				return fields, next
			}
			return fields, ""
		}
		value := strings.TrimSpace(nestedLabel.ReplaceAllString(line[m[4]:m[5]], ""))
		if fields == nil {
			fields = map[string]string{}
		}
		if _, dup := fields[key]; !dup && value != "" {
			fields[key] = value
		}
		rest = next
	}
	return fields, text
}

// lineRule copies a value from a source or author line into Meta.
type lineRule struct {
	key string
	re  *regexp.Regexp // group 1 is the value
	// byline rules only apply near the top (not the title line), where
	// bylines are printed.
	byline bool
	// need, when set, lists strings one of which every match contains:
	// the expression runs only on lines that hold one (most short lines
	// hold none, and the expressions with a bounded run of any character
	// before their literal backtrack over each).
	need []string
}

// mayMatch reports whether line holds one of the rule's needs.
func (r lineRule) mayMatch(line string) bool {
	if r.need == nil {
		return true
	}
	for _, n := range r.need {
		if strings.Contains(line, n) {
			return true
		}
	}
	return false
}

var lineRules = []lineRule{
	{"source", regexp.MustCompile(`^(?:来源|稿件来源|信息来源|转自)[:：]\s*(\S.*)$`), false, nil},
	{"author", regexp.MustCompile(`^(?:作者|撰稿|撰文|文)[:：/]\s*(\S.*)$`), false, nil},
	{"editor", regexp.MustCompile(`^(?:责任编辑|编辑|责编)[:：]\s*(\S.*)$`), false, nil},
	// 原文刊发于2021年6月25日《陕西日报》11版 (originally published in …)
	{"source", regexp.MustCompile(`^(?:原文|本文)?(?:刊发|刊登|刊载|发表|原载|转载)于?[^《》]{0,30}《([^《》]{2,20})》`), false, []string{"《"}},
	{"url", regexp.MustCompile(`^(?:原文链接|原文地址|链接|网址)[:：]\s*(https?://\S+)`), false, []string{"http"}},
	// ●乌日娜: a bullet before the author's name.
	{"author", regexp.MustCompile(`^[●■◆]\s*(\S.{0,30})$`), true, nil},
	// 随州日报全媒体记者 王松 通讯员 熊仕伟 (reporter … correspondent …):
	// anywhere, since features put it under a second headline, but never
	// a clause of a sentence.
	{"author", regexp.MustCompile(`^([^。！？，；：:,;]{0,20}(?:记者|通讯员)[^。！？，；：:,;]{1,40})$`), false, []string{"记者", "通讯员"}},
	{"author", nameList, true, []string{" ", "\u3000"}},
}

// nameList matches 陈贻贵 李文娟 孟天笑: a line of personal names under the
// headline. Two-part headlines (聚焦民生 办好实事) look the same, so it
// does not stop a line from being the title.
var nameList = regexp.MustCompile(`^(\p{Han}{2,4}(?:[ \x{3000}]+\p{Han}{2,4})+)$`)

// bylineLines is how many non-blank lines from the top may hold a byline.
const bylineLines = 6

// maxMetaLine is the longest line (in runes) read as a metadata line; a
// longer line is body text that merely mentions a source.
const maxMetaLine = 80

var urlPattern = regexp.MustCompile(`https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+`)

// lineMeta copies source, author, editor and URL lines of text into meta,
// never replacing a value already there. The first line is the title's
// place, so byline rules skip it.
func lineMeta(meta map[string]string, text string) []corpus.Span {
	var spans []corpus.Span
	n, off := 0, 0
	for raw := range strings.Lines(text) {
		start := off
		off += len(raw)
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		n++
		if !shortLine(line, maxMetaLine) {
			continue
		}
		for _, r := range lineRules {
			if r.byline && (n == 1 || n > bylineLines) || !r.mayMatch(line) {
				continue
			}
			if m := r.re.FindStringSubmatch(line); m != nil {
				setMeta(meta, r.key, strings.TrimSpace(m[1]))
				lead := strings.Index(raw, line)
				spans = append(spans, corpus.Span{Start: start + lead, End: start + lead + len(line)})
				break
			}
		}
	}
	if loc := urlPattern.FindStringIndex(text); loc != nil {
		// A sentence's full stop or comma is not part of the address.
		u := strings.TrimRight(text[loc[0]:loc[1]], ".,;:!?'")
		setMeta(meta, "url", u)
		spans = append(spans, corpus.Span{Start: loc[0], End: loc[0] + len(u)})
	}
	return spans
}

// shortLine reports whether line has at most max runes. The byte length
// decides most lines without counting: a rune is 1 to 4 bytes.
func shortLine(line string, max int) bool {
	switch {
	case len(line) <= max:
		return true
	case len(line) > 4*max:
		return false
	}
	return utf8.RuneCountInString(line) <= max
}

func setMeta(meta map[string]string, key, value string) {
	if _, ok := meta[key]; !ok && value != "" {
		meta[key] = value
	}
}

// fieldDatePattern is a date label that an explicit date follows.
var fieldDatePattern = regexp.MustCompile(`(?:发布日期|发布时间|发表时间|发文日期|成文日期|更新时间|日期|时间)[ \t\x{3000}]*[:：][ \t\x{3000}]*`)

// fieldLines is how many non-blank lines from the top may hold a date
// field; further down, 时间： introduces event times, not the document's.
const fieldLines = 15

// fieldHints are substrings every date label contains.
var fieldHints = []string{"日期", "时间"}

// fieldDate finds an explicit date field near the top of text.
func fieldDate(text string) (corpus.Date, bool) {
	n := 0
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if n++; n > fieldLines {
			break
		}
		if !shortLine(line, maxMetaLine) || !hasAny(line, fieldHints) {
			continue
		}
		for _, m := range fieldDatePattern.FindAllStringIndex(line, -1) {
			value := nestedLabel.ReplaceAllString(line[m[1]:], "")
			if ds := findDates(value); len(ds) > 0 && ds[0].Start == 0 {
				return ds[0].Date, true
			}
		}
	}
	return corpus.Date{}, false
}

// datelineCue is a cue that dates the document by its source when a full
// date follows it closely.
type datelineCue struct {
	re     *regexp.Regexp
	within int // the date must start at most this many bytes after the cue
}

var datelineCues = []datelineCue{
	// 原文刊发于2021年6月25日《陕西日报》 (originally published on … in …);
	// 创刊于 (founded on) is not a publication date.
	{regexp.MustCompile(`(?:^|[^创])(?:刊发|刊登|刊载|发表|原载)于?[ \t]*`), 0},
	// 本报讯 …（2021年6月25日）: this paper reports; the date is in the
	// opening words.
	{regexp.MustCompile(`^[（(【]?本报讯`), 60},
}

// wireSuffix follows the date of a wire dateline: 新华社北京2021年6月25日电,
// （记者 … 2021年6月25日电）.
var wireSuffix = regexp.MustCompile(`^[ \t]*电`)

// datelineHints are substrings every dateline cue contains.
var datelineHints = []string{"电", "刊", "发表", "原载", "本报讯"}

func hasAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// datelineDate finds the first dateline in text.
func datelineDate(text string) (corpus.Date, bool) {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || !shortLine(line, maxMetaLine*2) || !hasAny(line, datelineHints) {
			continue // no cue: skip the date scan, most lines are like this
		}
		ds := findDates(line)
		for _, d := range ds {
			if wireSuffix.MatchString(line[d.End:]) {
				return d.Date, true
			}
		}
		for _, c := range datelineCues {
			loc := c.re.FindStringIndex(line)
			if loc == nil {
				continue
			}
			for _, d := range ds {
				if d.Start >= loc[1] && d.Start <= loc[1]+c.within {
					return d.Date, true
				}
			}
		}
	}
	return corpus.Date{}, false
}

// documentDate picks the document date by the order documented in the
// package comment. explicit is a date given as a field (JSONL, CSV, HTML
// meta, header), zero if none.
func documentDate(explicit corpus.Date, text, name string) (corpus.Date, string) {
	return dateOf(explicit, corpus.Date{}, text, name)
}

// dateOf is documentDate for a file whose metadata gives its creation
// date, zero if none (binary formats: FileRecord). The creation date
// comes after every full date the document writes: it is when the file
// was made, which for a scan, a re-export or a copy of last year's file
// is years after the report; it fills in for a text without full dates,
// unless the text names another year most.
func dateOf(explicit, created corpus.Date, text, name string) (corpus.Date, string) {
	if !explicit.IsZero() {
		return explicit, "field"
	}
	if d, ok := fieldDate(text); ok {
		return d, "field"
	}
	if d, ok := datelineDate(text); ok {
		return d, "dateline"
	}
	if d, ok := dateFromFilename(name); ok {
		return d, "filename"
	}
	if d, ok := latestDate(text); ok {
		return d, "text"
	}
	y, ok := commonYear(text)
	if !created.IsZero() && (!ok || created.Year == y) {
		return created, "metadata"
	}
	if ok {
		return corpus.Date{Year: y}, "text-year"
	}
	return corpus.Date{}, ""
}

// maxTitle is the longest line (in runes) taken as a title.
const maxTitle = 60

// titleLines is how many non-blank lines from the top may hold the title.
const titleLines = 3

// atxHeading returns the text of an ATX heading line (## 标题 ##), as
// the expression ^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$ reads it
// (its group 1; the test holds the expression as the reference): written
// out, since Go's backtracker took a tenth of the learning pass over the
// headings of 《新闻联播》 transcripts.
func atxHeading(line string) (string, bool) {
	rest := line
	for k := 0; k < 3 && strings.HasPrefix(rest, " "); k++ {
		rest = rest[1:]
	}
	hashes := len(rest) - len(strings.TrimLeft(rest, "#"))
	if hashes < 1 || hashes > 6 {
		return "", false
	}
	rest = rest[hashes:]
	text := strings.TrimLeft(rest, " \t")
	switch blanks := len(rest) - len(text); {
	case blanks == 0 || strings.Contains(text, "\n"):
		return "", false
	case text == "" && blanks == 1:
		return "", false
	case text == "":
		return rest[blanks-1:], true // "#  ": the text is the last blank
	}
	text = strings.TrimRight(text, " \t")
	// A closing run of #, after a blank, is not the text; the text keeps
	// at least one character.
	if body := strings.TrimRight(text, "#"); len(body) < len(text) {
		if trimmed := strings.TrimRight(body, " \t"); len(trimmed) < len(body) && trimmed != "" {
			text = trimmed
		}
	}
	return text, true
}

// headingTitle returns the text of the first Markdown heading among the
// first titleLines non-blank lines of text; a heading further down titles
// a section, not the document.
func headingTitle(text string) string {
	n := 0
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if n++; n > titleLines {
			break
		}
		if h, ok := atxHeading(strings.TrimRight(line, "\n")); ok {
			return cleanTitle(cleanInline(h))
		}
	}
	return ""
}

// lineTitle returns the first short line of text that reads as a title:
// at most maxTitle runes, among the first titleLines non-blank lines, not
// a date, source or caption line. A long first line means the text opens
// with a paragraph and has no title; so does a sentence.
func lineTitle(text string) string {
	n := 0
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n++; n > titleLines || utf8.RuneCountInString(line) > maxTitle || isSentence(line) {
			return ""
		}
		if h, ok := atxHeading(line); ok {
			line = h
		}
		if titleLike(line) {
			return cleanTitle(line)
		}
	}
	return ""
}

// notTitle matches lines that open a report without being its title:
// subtitles (——…), captions (▲), editor's notes (【编者按】).
var notTitle = regexp.MustCompile(`^(?:—|--|▲|【编者按】|【阅读提示】|https?://)`)

// isSentence reports whether line is body text rather than a headline.
func isSentence(line string) bool { return strings.ContainsAny(line, "。；") }

func titleLike(line string) bool {
	if notTitle.MatchString(line) || fieldDatePattern.MatchString(line) {
		return false
	}
	if ds := findDates(line); len(ds) > 0 && ds[0].Start == 0 {
		return false
	}
	for _, r := range lineRules {
		if r.re != nameList && r.re.MatchString(line) {
			return false
		}
	}
	return strings.IndexFunc(line, func(r rune) bool { return unicode.IsLetter(r) }) >= 0
}

// cleanTitle collapses spaces and undoes OCR's doubled headline fragments:
// each space-separated part made of the same half twice is taken once,
// 提升品质为民生提升品质为民生 → 提升品质为民生.
func cleanTitle(s string) string {
	parts := strings.Fields(s)
	for i, p := range parts {
		parts[i] = undouble(p)
	}
	return strings.Join(parts, " ")
}

// minDoubled is the shortest half (in runes) treated as an OCR repeat;
// shorter doubles are real words (天天, 谢谢).
const minDoubled = 3

func undouble(s string) string {
	n := utf8.RuneCountInString(s)
	if n%2 != 0 || n/2 < minDoubled {
		return s
	}
	half := 0
	for range n / 2 {
		_, size := utf8.DecodeRuneInString(s[half:])
		half += size
	}
	if s[:half] == s[half:] {
		return s[:half]
	}
	return s
}
