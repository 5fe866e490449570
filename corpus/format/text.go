package format

import (
	"fmt"
	"strings"
)

// section is one part of a split file.
type section struct {
	item int    // 1-based; 0 when the file is not split
	line int    // 1-based line of the section's first line
	text string // from the split line (included) to the next one
}

// splitSections cuts text at lines starting with prefix. The front matter
// before the first such line is dropped; in Markdown a thematic break
// ends a section. Without prefix, or without any split line, the whole
// text is one section with item 0.
func splitSections(text, prefix string, markdown bool) []section {
	if prefix == "" {
		return []section{{line: 1, text: text}}
	}
	var out []section
	start, lineNo, open := -1, 0, false
	pos := 0
	closeAt := func(end int) {
		if open {
			out[len(out)-1].text = text[start:end]
			open = false
		}
	}
	for line := range strings.Lines(text) {
		lineNo++
		switch {
		case strings.HasPrefix(line, prefix):
			closeAt(pos)
			out = append(out, section{item: len(out) + 1, line: lineNo})
			start, open = pos, true
		case markdown && thematicBreak.MatchString(strings.TrimRight(line, "\n")):
			closeAt(pos)
		}
		pos += len(line)
	}
	closeAt(len(text))
	if len(out) == 0 {
		return []section{{line: 1, text: text}}
	}
	return out
}

// placeholder is what a failed scrape leaves as an item's heading and
// body (《新闻联播》 transcripts have a few).
const placeholder = "undefined"

// parseText reads .txt and .md files (and unknown extensions as text).
func parseText(name, text, split string, markdown bool) ([]Record, []error) {
	var recs []Record
	var errs []error
	for _, s := range splitSections(text, split, markdown) {
		rec, ok := textRecord(name, s, split, markdown)
		if !ok {
			what := "empty item"
			if s.item == 0 {
				what = "no body text"
			}
			errs = append(errs, &Error{Line: s.line, Item: s.item, Err: fmt.Errorf("%s: %w", what, ErrNoText)})
			continue
		}
		recs = append(recs, rec)
	}
	return recs, errs
}

// textRecord builds the record of one section; ok is false when the
// section has no text.
func textRecord(name string, s section, split string, markdown bool) (rec Record, ok bool) {
	rec = Record{Item: s.item, Line: s.line, Meta: map[string]string{}}
	body := s.text
	var heading string
	if s.item > 0 {
		first, rest, _ := strings.Cut(body, "\n")
		heading = strings.TrimSpace(strings.TrimPrefix(first, split))
		if markdown {
			heading = cleanInline(strings.TrimLeft(heading, "# "))
		}
		// The heading stays as the first paragraph of the text.
		body = heading + "\n\n" + rest
	}
	fields, body := parseHeader(body)
	for k, v := range fields {
		rec.Meta[k] = v
	}
	rec.Title = cleanTitle(fields["title"])
	if markdown {
		var url string
		body, url = cleanMarkdown(body)
		setMeta(rec.Meta, "url", url)
	}
	if rec.Title == "" {
		rec.Title = cleanTitle(heading)
	}
	if rec.Title == "" {
		rec.Title = headingTitle(s.text)
	}
	rec.Text = body
	if isEmptyItem(body, heading) {
		return rec, false
	}
	rec.Date, _ = firstDate(fields["date"])
	return rec, true
}

// isEmptyItem reports whether a section has no text besides its heading,
// or only the scraper's placeholder.
func isEmptyItem(body, heading string) bool {
	rest := strings.TrimSpace(body)
	if heading != "" {
		rest = strings.TrimSpace(strings.TrimPrefix(rest, heading))
	}
	return rest == "" || rest == placeholder
}
