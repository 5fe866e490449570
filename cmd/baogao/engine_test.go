package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOneEngine: for the same document, options and lexicon, `extract`,
// `eval` and `run` give identical mentions (they share the engine), and a
// lexicon written by `learn` and read by `run -lexicon` gives what
// `run -learn` gives.
func TestOneEngine(t *testing.T) {
	seeds := sharedCorpus(t, "seeds")
	tmp := t.TempDir()
	lex := filepath.Join(tmp, "lexicon.tsv")
	if r := baogao(t, nil, "learn", "-out", lex, seeds); r.code != exitOK {
		t.Fatalf("learn: exit %d\n%s", r.code, r.stderr)
	}
	b, err := os.ReadFile(lex)
	if err != nil || !strings.HasPrefix(string(b), lexiconHeader) || strings.Count(string(b), "\n") < 2 {
		t.Fatalf("learned lexicon %q, %v; want a header and names", b, err)
	}
	learned := filepath.Join(tmp, "learned")
	given := filepath.Join(tmp, "given")
	if r := baogao(t, nil, "run", "-out", learned, "-progress", "none", seeds); r.code != exitOK {
		t.Fatalf("run -learn: exit %d\n%s", r.code, r.stderr)
	}
	if r := baogao(t, nil, "run", "-out", given, "-progress", "none", "-learn=false", "-lexicon", lex, seeds); r.code != exitOK {
		t.Fatalf("run -lexicon: exit %d\n%s", r.code, r.stderr)
	}
	runRows := func(out string) map[string][]string {
		docs, _ := readTable(t, filepath.Join(out, "documents.parquet"))
		pathOf := map[string]string{}
		for _, d := range docs {
			pathOf[d["id"].(string)] = filepath.Base(d["path"].(string))
		}
		mentions, _ := readTable(t, filepath.Join(out, "mentions.parquet"))
		rows := map[string][]string{}
		for _, m := range mentions {
			p := pathOf[m["doc_id"].(string)]
			rows[p] = append(rows[p], fmt.Sprintf("%v %v %v %v %v", m["kind"], m["start"], m["end"], m["value"], m["rule"]))
		}
		return rows
	}
	fromLearn, fromLexicon := runRows(learned), runRows(given)
	if fmt.Sprint(fromLearn) != fmt.Sprint(fromLexicon) {
		t.Errorf("run -learn and run -lexicon (learned file) differ")
	}
	// extract on each file gives the run's mentions of that file.
	names, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	var lines strings.Builder
	for _, name := range names {
		base := filepath.Base(name)
		r := baogao(t, nil, "extract", "-lexicon", lex, name)
		if r.code != exitOK {
			t.Fatalf("extract %s: exit %d\n%s", base, r.code, r.stderr)
		}
		if got := mentionLines(t, r.stdout); !slices.Equal(got, fromLexicon[base]) {
			t.Errorf("%s: extract gives %d mentions, run %d; first difference at %d", base, len(got), len(fromLexicon[base]), firstDiff(got, fromLexicon[base]))
		}
		text, _ := os.ReadFile(name)
		line, _ := json.Marshal(map[string]any{"id": base, "text": string(text), "date": "2021-06-25"})
		lines.Write(append(line, '\n'))
	}
	// The same documents as JSON Lines: extract -format jsonl gives the
	// mentions a run over the file gives, and eval, given those mentions
	// as gold, finds each of them with its span and value, and no other.
	jsonl := filepath.Join(tmp, "docs", "seeds.jsonl")
	if err := os.MkdirAll(filepath.Dir(jsonl), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(jsonl, []byte(lines.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := baogaoIn(t, nil, lines.String(), "extract", "-format", "jsonl", "-lexicon", lex)
	if r.code != exitOK {
		t.Fatalf("extract -format jsonl: exit %d\n%s", r.code, r.stderr)
	}
	byDoc := map[string][]map[string]any{}
	var all []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		byDoc[m["doc"].(string)] = append(byDoc[m["doc"].(string)], m)
		all = append(all, fmt.Sprintf("%v %v %v %v %v", m["kind"], m["start"], m["end"], m["value"], m["rule"]))
	}
	jsonlOut := filepath.Join(tmp, "jsonl")
	if r := baogao(t, nil, "run", "-out", jsonlOut, "-progress", "none", "-learn=false", "-lexicon", lex, filepath.Dir(jsonl)); r.code != exitOK {
		t.Fatalf("run over seeds.jsonl: exit %d\n%s", r.code, r.stderr)
	}
	if got := runRows(jsonlOut)["seeds.jsonl"]; !slices.Equal(got, all) {
		t.Errorf("run over seeds.jsonl gives %d mentions, extract -format jsonl %d; first difference at %d", len(got), len(all), firstDiff(got, all))
	}
	var gold strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(lines.String()), "\n") {
		var d map[string]any
		json.Unmarshal([]byte(line), &d)
		byKind := map[string][]any{}
		for _, m := range byDoc[d["id"].(string)] {
			k := m["kind"].(string)
			byKind[k] = append(byKind[k], map[string]any{"span": []any{m["start_char"], m["end_char"]}, "value": m["value"]})
		}
		d["gold"] = byKind
		b, _ := json.Marshal(d)
		gold.Write(append(b, '\n'))
	}
	goldFile := filepath.Join(tmp, "gold.jsonl")
	if err := os.WriteFile(goldFile, []byte(gold.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r = baogao(t, nil, "eval", "-gold", goldFile, "-lexicon", lex, "-json")
	var scores map[string]struct {
		Precision, Recall float64
		ValueAccuracy     float64 `json:"value_accuracy"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &scores); r.code != exitOK || err != nil {
		t.Fatalf("eval: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	if len(scores) < 5 {
		t.Errorf("eval judged %d kinds; want every kind the seeds have", len(scores))
	}
	for kind, s := range scores {
		if s.Precision != 1 || s.Recall != 1 || s.ValueAccuracy != 1 {
			t.Errorf("eval %s against the mentions extract printed: %+v; want precision, recall and value accuracy 1", kind, s)
		}
	}
}

// mentionLines returns "kind start end value rule" for each line extract
// printed.
func mentionLines(t *testing.T, out string) []string {
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("extract line %q: %v", line, err)
		}
		got = append(got, fmt.Sprintf("%v %v %v %v %v", m["kind"], m["start"], m["end"], m["value"], m["rule"]))
	}
	return got
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
