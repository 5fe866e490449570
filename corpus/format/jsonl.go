package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/baogao/baogao/corpus"
)

// parseJSONL reads one document per line. Blank lines are skipped and
// not counted as items; a bad line is one *Error and the others still
// come out.
func parseJSONL(name, text string) ([]Record, []error) {
	var recs []Record
	var errs []error
	lineNo, item := 0, 0
	for line := range strings.Lines(text) {
		lineNo++
		if strings.TrimSpace(line) == "" {
			continue
		}
		item++
		rec, err := jsonRecord(name, line)
		if err != nil {
			errs = append(errs, &Error{Line: lineNo, Item: item, Err: err})
			continue
		}
		rec.Item, rec.Line = item, lineNo
		recs = append(recs, rec)
	}
	return recs, errs
}

// jsonRecord reads one JSON object: "text" is required; "id", "title",
// "date", "source" and "url" have their meaning; other keys go to Meta,
// non-string values as compact JSON.
func jsonRecord(name, line string) (Record, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(line), &obj); err != nil {
		return Record{}, fmt.Errorf("invalid json: %w", err)
	}
	raw, ok := obj["text"]
	if !ok {
		return Record{}, fmt.Errorf("no \"text\" key: %w", ErrNoText)
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		return Record{}, fmt.Errorf("\"text\" is not a string: %s", truncate(string(raw)))
	}
	if strings.TrimSpace(text) == "" {
		return Record{}, fmt.Errorf("empty \"text\": %w", ErrNoText)
	}
	rec := Record{Text: text, Meta: map[string]string{}}
	for k, v := range obj {
		if k == "text" {
			continue
		}
		rec.Meta[k] = jsonValue(v)
	}
	return fieldRecord(name, rec), nil
}

// fieldRecord moves the id and title fields out of Meta into the record,
// parses the date field and completes the record from its text.
func fieldRecord(name string, rec Record) Record {
	rec.ID = rec.Meta["id"]
	rec.Title = cleanTitle(rec.Meta["title"])
	delete(rec.Meta, "id")
	delete(rec.Meta, "title")
	var explicit corpus.Date
	if v, ok := rec.Meta["date"]; ok && strings.TrimSpace(v) != "" {
		d, err := recordDate(v)
		if err != nil {
			rec.Warnings = append(rec.Warnings, err)
		}
		explicit = d
	}
	rec.Date = explicit
	return rec
}

// yearMonth matches a date field of year or month precision: 2022,
// 2022-03, 2022/3, 2022.03, 2022年3月, 2022年.
var yearMonth = regexp.MustCompile(`^([0-9]{4})(?:年|(?:[-/.]|年)([0-9]{1,2})月?)?$`)

// ErrDateField is wrapped by the warning about a date field that is no date.
var ErrDateField = errors.New("date field is not a date")

// recordDate reads the date field of a record: a full date anywhere in it
// (2021-06-25, 2021-06-25T10:00:00+08:00, 2021年6月25日), else a year or a
// month alone, which is a reference of that precision (今年3月 in a record
// dated 2022 is March 2022).
func recordDate(v string) (corpus.Date, error) {
	if d, ok := firstDate(v); ok {
		return d, nil
	}
	if m := yearMonth.FindStringSubmatch(strings.TrimSpace(v)); m != nil {
		y, mo := atoi(m[1]), 0
		if m[2] != "" {
			mo = atoi(m[2])
		}
		if y >= 1900 && y <= 2100 && mo >= 0 && mo <= 12 {
			return corpus.Date{Year: y, Month: mo}, nil
		}
	}
	return corpus.Date{}, fmt.Errorf("%w: %q (want YYYY-MM-DD, YYYY-MM or YYYY)", ErrDateField, truncate(v))
}

// jsonValue is a string's value, or any other value as compact JSON
// (numbers keep their written digits).
func jsonValue(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	if b.String() == "null" {
		return ""
	}
	return b.String()
}

// truncate shortens s for an error message.
func truncate(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
