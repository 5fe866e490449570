package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/summary/summarytest"
)

// bin is the baogao binary built once for the tests that need a process
// of their own: signals, kills, builds without the module cache. The other
// end-to-end tests run the commands in process (baogao).
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "baogao-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "baogao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sharedCorpus returns ../shared/corpus/NAME (see corpustest.Shared).
func sharedCorpus(t testing.TB, name string) string { return corpustest.Shared(t, name) }

type result struct {
	code           int
	stdout, stderr string
}

// baogao runs a command in process, as main does, with env set for its
// duration (nil: none).
func baogao(t *testing.T, env []string, args ...string) result {
	t.Helper()
	return baogaoIn(t, env, "", args...)
}

// baogaoIn runs a command in process with stdin.
func baogaoIn(t *testing.T, env []string, stdin string, args ...string) result {
	t.Helper()
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// runBinary runs a baogao binary with args and extra environment.
func runBinary(t *testing.T, binary string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{code, out.String(), errb.String()}
}

// readTable reads a Parquet file with arrow-go, an implementation
// independent of the writer, into rows keyed by column name, and returns
// the Arrow schema so tests can check the column types.
func readTable(t *testing.T, path string) ([]map[string]any, *arrow.Schema) {
	schema, rows := summarytest.ReadTable(t, path)
	return rows, schema
}

func TestRunSeeds(t *testing.T) {
	seeds := sharedCorpus(t, "seeds")
	out := filepath.Join(t.TempDir(), "out")
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", seeds)
	if r.code != exitOK {
		t.Fatalf("baogao run: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "baogao: 5 documents") {
		t.Errorf("summary line missing from stderr:\n%s", r.stderr)
	}

	docs, schema := readTable(t, filepath.Join(out, "documents.parquet"))
	if len(docs) != 5 {
		t.Fatalf("documents.parquet has %d rows; want 5", len(docs))
	}
	for name, want := range map[string]arrow.DataType{
		"id": arrow.BinaryTypes.String, "title": arrow.BinaryTypes.String, "text": arrow.BinaryTypes.String,
		"doc_date": arrow.FixedWidthTypes.Date32, "bytes": arrow.PrimitiveTypes.Int64, "chars": arrow.PrimitiveTypes.Int64,
	} {
		f, ok := schema.FieldsByName(name)
		if !ok || !arrow.TypeEqual(f[0].Type, want) {
			t.Errorf("documents.%s type = %v; want %v", name, f, want)
		}
	}
	wantTitles := map[string]string{
		"000": "聚焦为民办实事 开创发展新局面",
		"001": "【我为师生办实事】一附院：把人民群众的生命健康放在第一位",
		"002": "奋斗百年路 启航新征程·我为群众办实事",
		"003": "徐州市中心医院为民办实事--解决“急难愁盼”厚植为民情怀",
		"004": "用心为民办实事 提升品质为民生",
	}
	idOf := map[string]string{} // seed number → document id
	for _, d := range docs {
		n := filepath.Base(d["path"].(string))[:3]
		idOf[n] = d["id"].(string)
		if d["title"] != wantTitles[n] {
			t.Errorf("title of %s = %q; want %q", n, d["title"], wantTitles[n])
		}
		if d["status"] != "ok" {
			t.Errorf("status of %s = %v; want ok", n, d["status"])
		}
	}
	if docs[1]["doc_date"] != "2021-06-25" {
		t.Errorf("doc_date of 001 = %v; want 2021-06-25", docs[1]["doc_date"])
	}

	mentions, _ := readTable(t, filepath.Join(out, "mentions.parquet"))
	has := func(doc, kind, text, value, approx string) bool {
		for _, m := range mentions {
			if m["doc_id"] == idOf[doc] && m["kind"] == kind && strings.HasPrefix(m["text"].(string), text) &&
				m["value"] == value && (approx == "" || m["approx"] == approx) {
				return true
			}
		}
		return false
	}
	if !has("000", "date", "4月8日", "2021-04-08", "") {
		t.Errorf("000: no date 4月8日 = 2021-04-08")
	}
	if !has("000", "number", "4000余", "4000", "余") {
		t.Errorf("000: no number 4000余 = 4000 (余)")
	}
	plan := false
	for _, m := range mentions {
		if m["doc_id"] == idOf["000"] && m["kind"] == "initiative" && m["value"] == "十四五" && m["period"] == "2021/2025" {
			plan = true
		}
		if m["doc_id"] == idOf["000"] && m["kind"] == "date" && strings.Contains(m["text"].(string), "十四五") {
			t.Errorf("000: the plan name 十四五 came out as a date: %v", m)
		}
	}
	if !plan {
		t.Errorf("000: no initiative 十四五 with period 2021/2025")
	}
	// Author, source and URL lines are metadata columns, not mentions (当天
	// in the text is the document's date too, counted from it).
	for _, m := range mentions {
		if (m["doc_id"] == idOf["002"] && m["value"] == "王松") || (m["doc_id"] == idOf["000"] && m["value"] == "乌日娜") ||
			(m["doc_id"] == idOf["001"] && m["value"] == "2021-06-25" && m["type"] == "absolute") || strings.Contains(m["text"].(string), "http") {
			t.Errorf("mention %v taken from an author, source or URL line", m)
		}
	}
	for n, want := range map[string][2]string{"000": {"author", "乌日娜"}, "001": {"source", "陕西日报"}} {
		for _, d := range docs {
			if d["id"] == idOf[n] && d[want[0]] != want[1] {
				t.Errorf("%s: %s = %v; want %s", n, want[0], d[want[0]], want[1])
			}
		}
	}
	for n := range wantTitles {
		found := false
		for _, m := range mentions {
			if m["doc_id"] == idOf[n] && m["kind"] == "initiative" && m["value"] == "我为群众办实事" {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: no initiative 我为群众办实事", n)
		}
	}
	// Offsets are true in both units: the text column slices to the mention.
	texts := map[string][]rune{}
	btexts := map[string]string{}
	for _, d := range docs {
		texts[d["id"].(string)] = []rune(d["text"].(string))
		btexts[d["id"].(string)] = d["text"].(string)
	}
	for _, m := range mentions {
		id := m["doc_id"].(string)
		s, e := m["start"].(int64), m["end"].(int64)
		sc, ec := m["start_char"].(int64), m["end_char"].(int64)
		if got := btexts[id][s:e]; got != m["text"] {
			t.Fatalf("bytes [%d,%d) of %s = %q; mention text %q", s, e, id, got, m["text"])
		}
		if got := string(texts[id][sc:ec]); got != m["text"] {
			t.Fatalf("chars [%d,%d) of %s = %q; mention text %q", sc, ec, id, got, m["text"])
		}
	}

	man, err := output.ReadManifest(out)
	if err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if man.Counts["documents"] != 5 || man.Counts["mentions"] != int64(len(mentions)) {
		t.Errorf("manifest counts = %v; want 5 documents, %d mentions", man.Counts, len(mentions))
	}

	r = baogao(t, nil, "search", "-index", filepath.Join(out, "index"), "-json", "急诊")
	if r.code != exitOK {
		t.Fatalf("baogao search: exit %d\n%s", r.code, r.stderr)
	}
	var res struct {
		Hits []struct {
			Path     string   `json:"path"`
			Snippets []string `json:"snippets"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res.Hits) == 0 {
		t.Fatalf("search output %q: %v", r.stdout, err)
	}
	first := res.Hits[0]
	if !strings.HasPrefix(filepath.Base(first.Path), "000_") {
		t.Errorf("first hit for 急诊 = %s; want 000_…", first.Path)
	}
	if !strings.Contains(strings.Join(first.Snippets, " "), "<mark>急诊</mark>") {
		t.Errorf("snippets of the first hit do not highlight 急诊: %q", first.Snippets)
	}
}

// TestRunDeterministic runs twice over the sample corpus: same rows, same
// bytes.
func TestRunDeterministic(t *testing.T) {
	var prev [3][]byte
	for i := range 2 {
		out := filepath.Join(t.TempDir(), "out")
		if r := baogao(t, nil, "run", "-out", out, "-progress", "none", "-workers", fmt.Sprint(i*3+1), "../../corpus/testdata/reports"); r.code != exitOK {
			t.Fatalf("run %d: exit %d\n%s", i, r.code, r.stderr)
		}
		for k, name := range []string{"documents.parquet", "mentions.parquet", "problems.parquet"} {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 && !bytes.Equal(b, prev[k]) {
				t.Errorf("%s differs between a run with 1 worker and one with 4", name)
			}
			prev[k] = b
		}
	}
}

func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "reports")
	write := func(name string, b []byte) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a_good.txt", []byte("2023年3月5日，市医院开展“健康守门人”义诊活动，服务群众300余人。\n"))
	write("b_empty.txt", nil)
	write("c_binary.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 64)...))
	write("sub/d_good.md", []byte("# 社区卫生工作\n\n4月，街道组织义诊12场。\n"))
	write("f_nobody.html", []byte("<html><head><title>空页面</title></head><body><script>var a;</script></body></html>"))
	whole := zipOf(t, map[string]string{"x.txt": "镇卫生院今年接诊群众1200余人次。"})
	write("g_truncated.zip", whole[:len(whole)/2])
	if err := os.Symlink(root, filepath.Join(root, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "gone.txt"), filepath.Join(root, "e_unreadable.txt")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", root)
	if r.code != exitProblems {
		t.Fatalf("exit %d; want %d (problems)\n%s", r.code, exitProblems, r.stderr)
	}
	docs, _ := readTable(t, filepath.Join(out, "documents.parquet"))
	status := map[string]any{}
	for _, d := range docs {
		status[strings.TrimPrefix(d["path"].(string), filepath.Base(root)+"/")] = d["status"]
	}
	for name, want := range map[string]string{
		"a_good.txt": "ok", "sub/d_good.md": "ok",
		"b_empty.txt": "skipped", "c_binary.txt": "skipped", "e_unreadable.txt": "skipped", "sub/loop": "skipped",
		"f_nobody.html": "skipped", "g_truncated.zip": "skipped",
	} {
		if status[name] != want {
			t.Errorf("status of %s = %v; want %s (all: %v)", name, status[name], want, status)
		}
	}
	problems, _ := readTable(t, filepath.Join(out, "problems.parquet"))
	msgs := map[string]string{}
	for _, p := range problems {
		msgs[strings.TrimPrefix(p["path"].(string), filepath.Base(root)+"/")] = p["message"].(string)
	}
	for name, want := range map[string]string{
		"b_empty.txt": "empty", "c_binary.txt": "binary", "e_unreadable.txt": "dangling", "sub/loop": "loop",
		"f_nobody.html": "no text", "g_truncated.zip": "archive",
	} {
		if !strings.Contains(msgs[name], want) {
			t.Errorf("problem of %s = %q; want it to say %q", name, msgs[name], want)
		}
	}
}

// TestRunFailureKeepsOldOutputs: a run that fails publishes nothing and
// leaves the previous outputs whole.
func TestRunFailureKeepsOldOutputs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", "../../corpus/testdata/reports"); r.code != exitOK {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "mentions.parquet"))
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", "-dict-dir", t.TempDir(), "../../corpus/testdata/reports")
	if r.code != exitFatal {
		t.Fatalf("run with an empty -dict-dir: exit %d; want %d\n%s", r.code, exitFatal, r.stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "mentions.parquet"))
	if len(before) == 0 || !bytes.Equal(before, after) {
		t.Errorf("a failed run changed the published outputs")
	}
}

// TestBinaryWithoutModuleCache builds the binary the ways a user does
// (go build, and the README's release command) and runs each where the
// gojieba module cache cannot be reached: -trimpath removes the build-time
// source paths gojieba would look in, and the environment points every Go
// cache at an empty place. The embedded dictionaries must do.
func TestBinaryWithoutModuleCache(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries")
	}
	tmp := t.TempDir()
	plain := filepath.Join(tmp, "plain", "baogao")
	release := filepath.Join(tmp, "release", "baogao")
	for _, b := range []struct {
		out   string
		flags []string
	}{{plain, nil}, {release, []string{"-trimpath", "-ldflags", "-X main.version=v0.0.0-test"}}} {
		cmd := exec.Command("go", append(append([]string{"build"}, b.flags...), "-o", b.out, ".")...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %v: %v\n%s", b.flags, err, out)
		}
	}
	empty := filepath.Join(tmp, "nothing")
	env := []string{"HOME=" + filepath.Join(tmp, "home"), "XDG_CACHE_HOME=" + filepath.Join(tmp, "cache"),
		"GOPATH=" + empty, "GOMODCACHE=" + empty, "BAOGAO_DICT_DIR="}
	for i, binary := range []string{plain, release} {
		r := runBinary(t, binary, env, "run", "-out", filepath.Join(tmp, fmt.Sprint("out", i)), "-progress", "none", "../../corpus/testdata/reports")
		if r.code != exitOK || !strings.Contains(r.stderr, "baogao: 5 documents") {
			t.Errorf("%s without the module cache: exit %d\n%s", binary, r.code, r.stderr)
		}
	}
	if r := runBinary(t, release, env, "version"); !strings.HasPrefix(r.stdout, "baogao v0.0.0-test") {
		t.Errorf("release binary version = %q; want the stamped v0.0.0-test", r.stdout)
	}
}

func TestExtractJSONL(t *testing.T) {
	in := `{"id": "r1", "text": "4月8日，医院为4000余名职工体检。", "date": "2021-06-25"}` + "\n" +
		`{"id": "r2", "text": "今年7月开展“我为群众办实事”实践活动。", "date": "2022-01-10T08:00:00", "source": "县报"}` + "\n"
	r := baogaoIn(t, nil, in, "extract", "-format", "jsonl")
	if r.code != exitOK {
		t.Fatalf("extract: exit %d\n%s", r.code, r.stderr)
	}
	out := []byte(r.stdout)
	type mention struct {
		Doc, Kind, Text, Value, Grain, Unit, Approx, Rule string
		Start, End, StartChar, EndChar                    int
	}
	var got []mention
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		// The twelve keys other tools rely on, then the typed ones
		// appended after them, in this order.
		keys := []string{"doc", "kind", "text", "start", "end", "start_char", "end_char", "value", "grain", "unit", "approx", "rule",
			"date_start", "date_end", "num", "num_low", "num_high", "sent_start_char", "sent_end_char"}
		if got := jsonKeys(t, sc.Bytes()); !slices.Equal(got, keys) {
			t.Errorf("line has keys %v; want exactly %v", got, keys)
		}
		switch raw["kind"] {
		case "date":
			if raw["text"] == "4月8日" && (raw["date_start"] != "2021-04-08T00:00:00" || raw["date_end"] != "2021-04-09T00:00:00" || raw["num"] != nil) {
				t.Errorf("date 4月8日: date_start %v, date_end %v, num %v; want 2021-04-08T00:00:00, 2021-04-09T00:00:00, null", raw["date_start"], raw["date_end"], raw["num"])
			}
		case "number":
			if raw["num"] != 4000.0 || raw["num_low"] != 4000.0 || raw["num_high"] != 4000.0 || raw["date_start"] != nil {
				t.Errorf("number: num %v, num_low %v, num_high %v, date_start %v; want 4000 three times and null", raw["num"], raw["num_low"], raw["num_high"], raw["date_start"])
			}
		}
		if raw["doc"] == "r1" && (raw["sent_start_char"] != 0.0 || raw["sent_end_char"] != float64(len([]rune("4月8日，医院为4000余名职工体检。")))) {
			t.Errorf("r1 mention %v: sentence [%v, %v); want the whole text", raw["text"], raw["sent_start_char"], raw["sent_end_char"])
		}
		var m mention
		json.Unmarshal(sc.Bytes(), &m)
		m.StartChar, m.EndChar = int(raw["start_char"].(float64)), int(raw["end_char"].(float64))
		got = append(got, m)
	}
	want := map[string]string{"r1/date/4月8日": "2021-04-08", "r1/number": "4000", "r2/date/今年7月": "2022-07", "r2/initiative": "我为群众办实事"}
	for key, value := range want {
		found := false
		for _, m := range got {
			k := m.Doc + "/" + m.Kind
			if strings.Count(key, "/") == 2 {
				k += "/" + m.Text
			}
			if k == key && m.Value == value {
				found = true
			}
		}
		if !found {
			t.Errorf("extract: no %s = %s in %+v", key, value, got)
		}
	}
	texts := map[string]string{"r1": "4月8日，医院为4000余名职工体检。", "r2": "今年7月开展“我为群众办实事”实践活动。"}
	for _, m := range got {
		if texts[m.Doc][m.Start:m.End] != m.Text || string([]rune(texts[m.Doc])[m.StartChar:m.EndChar]) != m.Text {
			t.Errorf("offsets of %+v do not slice to its text", m)
		}
	}
}

// jsonKeys returns the keys of a JSON object in the order written.
func jsonKeys(t *testing.T, line []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("line %s: not an object", line)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("line %s: %v", line, err)
		}
		keys = append(keys, tok.(string))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("line %s: %v", line, err)
		}
	}
	return keys
}

// TestExtractExplain: -explain adds the audit trail without changing the
// contract keys.
func TestExtractExplain(t *testing.T) {
	r := baogaoIn(t, nil, "７月２９日，医院为４０００余人体检。", "extract", "-explain", "-entities=false", "-ref-date", "2021-06-25")
	if r.code != exitOK {
		t.Fatalf("extract -explain: exit %d\n%s", r.code, r.stderr)
	}
	out := r.stdout
	var dateSeen, numberSeen bool
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var m struct {
			Kind, Value string
			Explain     *explanation
		}
		if err := json.Unmarshal([]byte(line), &m); err != nil || m.Explain == nil {
			t.Fatalf("line %q: %v, explain %v", line, err, m.Explain)
		}
		steps := strings.Join(m.Explain.Steps, "; ")
		switch m.Kind {
		case "date":
			dateSeen = m.Value == "2021-07-29" && m.Explain.Matched == "7月29日" &&
				strings.Contains(steps, "reference date 2021-06-25 (-ref-date)")
		case "number":
			numberSeen = m.Value == "4000" && strings.Contains(steps, `approximation marker "余"`)
		}
	}
	if !dateSeen || !numberSeen {
		t.Errorf("extract -explain output lacks the expected trails:\n%s", out)
	}
}

// TestEval scores the extractors against a small gold file written here:
// spans as code-point pairs and as surface text, one deliberate miss.
func TestEval(t *testing.T) {
	gold := `{"id": "g1", "text": "4月8日，医院为4000余名职工体检。", "date": "2021-06-25", "dates": [{"span": [0, 4], "value": "2021-04-08"}], "numbers": [{"span": "4000余名", "value": "4000"}]}
{"id": "g2", "text": "今年7月开展“我为群众办实事”实践活动，历时三周。", "date": "2022-01-10", "dates": [{"span": "今年7月", "value": "2022-07"}, {"span": "三周", "value": "P3W"}], "initiatives": [{"span": "“我为群众办实事”实践活动", "value": "我为群众办实事"}]}
`
	p := filepath.Join(t.TempDir(), "gold.jsonl")
	if err := os.WriteFile(p, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	r := baogao(t, nil, "eval", "-gold", p, "-json")
	if r.code != exitOK {
		t.Fatalf("eval: exit %d\n%s", r.code, r.stderr)
	}
	var scores map[string]struct {
		Gold, Predicted int
		Recall          float64
		ValueAccuracy   float64 `json:"value_accuracy"`
		Misses          []struct{ What, Text string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &scores); err != nil {
		t.Fatalf("eval -json output %q: %v", r.stdout, err)
	}
	d := scores["date"]
	if d.Gold != 3 || d.Recall != 2.0/3 || d.ValueAccuracy != 1 {
		t.Errorf("date score = %+v; want 3 gold, recall 2/3 (三周 is a duration), value accuracy 1", d)
	}
	if len(d.Misses) != 1 || d.Misses[0].What != "missed" || d.Misses[0].Text != "三周" {
		t.Errorf("date misses = %+v; want the missed 三周", d.Misses)
	}
	if n := scores["number"]; n.Gold != 1 || n.Recall != 1 || n.ValueAccuracy != 1 {
		t.Errorf("number score = %+v; want 1 gold found with its value", n)
	}
	if i := scores["initiative"]; i.Gold != 1 || i.Recall != 1 || i.ValueAccuracy != 1 {
		t.Errorf("initiative score = %+v; want 1 gold found with its value", i)
	}
}

// TestEvalInitiatives scores `extract` alone (no corpus learning) on the
// annotated set in testdata/initiatives.gold.jsonl: report and news
// sentences written for this repository, one or more for each family of
// unquoted names (national slogans, 健康 + a place, honours, one-X-one-Y,
// named days, dash and enumerated names, programmes on a place) and the
// false ones (events on a named year, headline phrases, quoted
// sentences). The floors sit a little under what was measured (precision
// 1.000, recall 0.986).
//
//	go run ./cmd/baogao eval -gold cmd/baogao/testdata/initiatives.gold.jsonl
func TestEvalInitiatives(t *testing.T) {
	r := baogao(t, nil, "eval", "-gold", filepath.Join("testdata", "initiatives.gold.jsonl"), "-json")
	if r.code != exitOK {
		t.Fatalf("eval: exit %d\n%s", r.code, r.stderr)
	}
	var scores map[string]struct {
		Gold, Predicted   int
		Precision, Recall float64
		Misses            []struct{ What, Text string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &scores); err != nil {
		t.Fatalf("eval -json output %q: %v", r.stdout, err)
	}
	s := scores["initiative"]
	if s.Gold < 60 || s.Precision < 0.95 || s.Recall < 0.95 {
		t.Errorf("initiative score = gold %d, predicted %d, precision %.3f, recall %.3f; want precision and recall ≥ 0.95\nmisses: %+v",
			s.Gold, s.Predicted, s.Precision, s.Recall, s.Misses)
	}
}

// duckdbClient returns the directory of DuckDB's Node.js client
// (BAOGAO_DUCKDB_NODE, the parent of its node_modules). Without it the
// test skips on a developer's machine and fails in CI.
func duckdbClient(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BAOGAO_DUCKDB_NODE")
	if dir == "" {
		missing(t, "CI", "BAOGAO_DUCKDB_NODE not set: npm install --prefix DIR @duckdb/node-api, then BAOGAO_DUCKDB_NODE=DIR (.ci/run does)")
	}
	return dir
}

// missing skips a test whose tool is not installed here, or fails it
// when the environment variable gate is set: CI sets the gates, and
// there a missing tool is a broken CI, not a reason to skip.
func missing(t *testing.T, gate, what string) {
	t.Helper()
	if os.Getenv(gate) != "" {
		t.Fatalf("%s is set, but %s", gate, what)
	}
	t.Skip(what)
}

// duckdbNode runs testdata/SCRIPT with node and args, and returns its
// standard output. Node resolves packages from the script's directory
// upwards, so the script runs from a copy inside the client's directory.
func duckdbNode(t *testing.T, client, script string, args ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", script))
	if err != nil {
		t.Fatal(err)
	}
	local := filepath.Join(client, "baogao-test-"+script)
	if err := os.WriteFile(local, b, 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(local)
	var stderr bytes.Buffer
	cmd := exec.Command("node", append([]string{local}, args...)...)
	cmd.Stderr = &stderr
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.String())
	}
	return res
}

// TestDuckDBReadsTables reads a run's tables with DuckDB (its Node.js
// client, the way a notebook would): the README's join works, the types
// are DATE, MAP and LIST, and code-point offsets slice DuckDB's strings to
// the mention text. CI installs the client and sets BAOGAO_DUCKDB_NODE to
// its node_modules parent; elsewhere the test needs the same.
func TestDuckDBReadsTables(t *testing.T) {
	client := duckdbClient(t)
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", "../../corpus/testdata/reports"); r.code != exitOK {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	res := duckdbNode(t, client, "duckdb.mjs", out)
	var got struct {
		Documents, Mentions, Initiatives map[string]string
		Joined                           []map[string]string
		Sliced                           []map[string]string
		Typed                            []map[string]string
		Growth                           []map[string]any
	}
	if err := json.Unmarshal(res, &got); err != nil {
		t.Fatalf("duckdb output %s: %v", res, err)
	}
	for _, c := range []struct{ table, col, want string }{
		{"documents", "doc_date", "DATE"}, {"documents", "title", "VARCHAR"}, {"documents", "meta", "MAP(VARCHAR, VARCHAR)"},
		{"mentions", "start_char", "BIGINT"}, {"initiatives", "aliases", "VARCHAR[]"}, {"initiatives", "first_date", "DATE"},
		{"mentions", "date_start", "TIMESTAMP"}, {"mentions", "date_end", "TIMESTAMP"},
		{"mentions", "num", "DOUBLE"}, {"mentions", "num_low", "DOUBLE"}, {"mentions", "num_high", "DOUBLE"},
		{"mentions", "sent_start_char", "BIGINT"}, {"mentions", "sent_end_char", "BIGINT"},
		{"documents", "pages", "INTEGER"}, {"documents", "ocr", "BOOLEAN"}, {"mentions", "page", "INTEGER"},
	} {
		types := map[string]map[string]string{"documents": got.Documents, "mentions": got.Mentions, "initiatives": got.Initiatives}[c.table]
		if types[c.col] != c.want {
			t.Errorf("DuckDB type of %s.%s = %q; want %q", c.table, c.col, types[c.col], c.want)
		}
	}
	if len(got.Joined) == 0 || got.Joined[0]["value"] == "" {
		t.Errorf("README join returned %v; want the initiatives with their titles", got.Joined)
	}
	if len(got.Sliced) != 1 || got.Sliced[0]["bad"] != "0" {
		t.Errorf("mentions whose start_char/end_char do not slice DuckDB's text to the mention: %v", got.Sliced)
	}
	if len(got.Typed) != 1 {
		t.Fatalf("typed query returned %v", got.Typed)
	}
	ty := got.Typed[0]
	if ty["dates"] == "0" || ty["placed"] == "0" || ty["numbers"] == "0" {
		t.Errorf("typed columns: %v; want dates and numbers, placed on the calendar", ty)
	}
	for _, k := range []string{"bad_days", "bad_intervals", "bad_numbers", "bad_ranges", "bad_sentences"} {
		if ty[k] != "0" {
			t.Errorf("typed columns: %s = %s; want 0 (%v)", k, ty[k], ty)
		}
	}
	if len(got.Growth) != 1 || !strings.Contains(fmt.Sprint(got.Growth[0]["sentence"]), fmt.Sprint(got.Growth[0]["text"])) {
		t.Errorf("the percentage with its sentence: %v; want one row whose sentence holds the mention", got.Growth)
	}
}

// TestRunCPUProfile: -cpuprofile writes a profile pprof can read.
func TestRunCPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.prof")
	if r := baogao(t, nil, "run", "-out", filepath.Join(dir, "out"), "-progress", "none", "-cpuprofile", prof, "../../corpus/testdata/reports"); r.code != exitOK {
		t.Fatalf("run -cpuprofile: exit %d\n%s", r.code, r.stderr)
	}
	out, err := exec.Command("go", "tool", "pprof", "-top", bin, prof).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "flat") {
		t.Errorf("go tool pprof on the profile: %v\n%s", err, out)
	}
}
