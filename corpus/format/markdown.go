package format

import (
	"html"
	"regexp"
	"strings"
	"unicode"
)

// This file removes Markdown markup and the raw inline HTML that scraped
// Markdown carries (《新闻联播》 transcripts put each item's body in <p>…</p>).

var (
	htmlComment   = regexp.MustCompile(`(?s)<!--.*?-->`)
	fence         = regexp.MustCompile("^ {0,3}(?:```|~~~)")
	thematicBreak = regexp.MustCompile(`^ {0,3}([-*_])(?:[ \t]*[-*_]){2,}[ \t]*$`)
	blockquote    = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	bullet        = regexp.MustCompile(`^[ \t]*[-*+][ \t]+`)
	// A line that is only a link back to the original page: dropped from
	// the text, its URL kept as Meta "url".
	sourceLink = regexp.MustCompile(`^\[(?:查看原文|阅读原文|原文链接|原文|来源)\]\((\S+?)\)$`)

	image    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	link     = regexp.MustCompile(`\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)`)
	autolink = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	strong   = regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*|__(\S(?:.*?\S)?)__|~~(\S(?:.*?\S)?)~~`)
	// *x*: single-star emphasis hugging its text, not a lone * in prose.
	emphasis   = regexp.MustCompile(`(^|[^*\\])\*([^*\s](?:[^*]*[^*\s])?)\*`)
	inlineCode = regexp.MustCompile("`([^`]+)`")
	escaped    = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
)

// breakTags are the inline HTML tags read as a paragraph break; other
// known tags are removed. Unknown names (<5%, a<b>c in prose) are text.
var breakTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"tr": true, "table": true, "blockquote": true, "section": true,
	"article": true, "hr": true, "pre": true, "center": true,
}

var dropTags = map[string]bool{
	"span": true, "strong": true, "b": true, "em": true, "i": true, "u": true,
	"a": true, "img": true, "font": true, "sup": true, "sub": true, "td": true,
	"th": true, "tbody": true, "thead": true, "small": true, "big": true,
	"s": true, "strike": true, "del": true, "ins": true, "mark": true,
	"code": true, "label": true, "figure": true, "figcaption": true,
}

// cleanMarkdown returns the text of a Markdown document with markup
// removed. Headings stay as their text followed by a blank line. url is
// the target of a source-link line ([查看原文](…)), "" if none.
func cleanMarkdown(text string) (clean, url string) {
	if strings.Contains(text, "<!--") {
		text = htmlComment.ReplaceAllString(text, "")
	}
	var b strings.Builder
	b.Grow(len(text))
	inFence := false
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\n")
		// The block rules below start with a marker character after the
		// indent; most lines (prose) start with none and skip them all.
		var mark byte
		if t := strings.TrimLeftFunc(line, unicode.IsSpace); t != "" {
			mark = t[0]
		}
		if mark == 0 || !strings.ContainsRune("`~[-*_#>+", rune(mark)) {
			if !inFence {
				line = cleanInline(line)
			}
			b.WriteString(line)
			b.WriteByte('\n')
			continue
		}
		if fence.MatchString(line) {
			inFence = !inFence
			continue
		}
		if inFence {
			b.WriteString(line)
			b.WriteByte('\n')
			continue
		}
		// Each block rule's expression runs only on lines starting with
		// its marker: Go's backtracker clears state in proportion to the
		// line before it fails at the first character.
		if m := sourceLinkOf(mark, line); m != nil {
			if url == "" {
				url = m[1]
			}
			continue
		}
		if strings.IndexByte("-*_", mark) >= 0 && thematicBreak.MatchString(line) {
			b.WriteByte('\n')
			continue
		}
		if h, ok := atxHeadingOf(mark, line); ok {
			b.WriteString("\n")
			b.WriteString(cleanInline(h))
			b.WriteString("\n\n")
			continue
		}
		for blockquote.MatchString(line) {
			line = blockquote.ReplaceAllString(line, "")
		}
		line = bullet.ReplaceAllString(line, "")
		b.WriteString(cleanInline(line))
		b.WriteByte('\n')
	}
	return tidy(b.String()), url
}

// sourceLinkOf matches sourceLink on a line whose first non-blank byte is
// mark.
func sourceLinkOf(mark byte, line string) []string {
	if mark != '[' || !strings.Contains(line, "](") {
		return nil
	}
	return sourceLink.FindStringSubmatch(strings.TrimSpace(line))
}

// atxHeadingOf is atxHeading on a line whose first non-blank byte is
// mark.
func atxHeadingOf(mark byte, line string) (string, bool) {
	if mark != '#' {
		return "", false
	}
	return atxHeading(line)
}

// cleanInline removes inline markup from one line: images, links (their
// text stays), emphasis, code marks, known HTML tags (block tags become
// paragraph breaks) and entities.
func cleanInline(s string) string {
	// Each rule runs only when its marker occurs: 《新闻联播》 items are one
	// long line each, and most lines have no markup at all.
	if strings.Contains(s, "](") {
		s = image.ReplaceAllString(s, "")
		s = link.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_~") {
		for strong.MatchString(s) {
			s = strong.ReplaceAllString(s, "$1$2$3")
		}
		s = emphasis.ReplaceAllString(s, "$1$2")
	}
	if strings.Contains(s, "`") {
		s = inlineCode.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		if strings.Contains(s, "<http") {
			s = autolink.ReplaceAllString(s, "$1")
		}
		s = replaceTags(s)
	}
	if strings.Contains(s, `\`) {
		s = escaped.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") {
		s = strings.ReplaceAll(html.UnescapeString(s), "\u00a0", " ")
	}
	return s
}

// replaceTags removes the known HTML tags of s; block tags become a
// paragraph break. It scans by hand: the regular expression equivalent
// dominated the time spent on scraped Markdown.
func replaceTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		n, name := tagAt(s)
		switch {
		case n == 0:
			b.WriteByte('<')
			s = s[1:]
			continue
		case breakTags[name]:
			b.WriteString("\n\n")
		case dropTags[name]:
		default:
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	b.WriteString(s)
	return b.String()
}

// tagAt returns the length and lower-case name of the tag that s starts
// with: <name ...>, </name>, <name/>. n is 0 when s does not start a tag.
func tagAt(s string) (n int, name string) {
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	start := i
	for i < len(s) && (isASCIILetter(s[i]) || i > start && s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == start {
		return 0, ""
	}
	name = strings.ToLower(s[start:i])
	if i < len(s) && s[i] != '>' && s[i] != '/' && s[i] != ' ' && s[i] != '\t' {
		return 0, ""
	}
	end := strings.IndexAny(s[i:], "<>")
	if end < 0 || s[i+end] != '>' {
		return 0, ""
	}
	return i + end + 1, name
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tidy trims every line, keeps at most one blank line between paragraphs
// and drops blank lines at both ends.
func tidy(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			blank = b.Len() > 0
			continue
		case blank:
			b.WriteString("\n\n")
		case b.Len() > 0:
			b.WriteByte('\n')
		}
		b.WriteString(line)
		blank = false
	}
	return b.String()
}
