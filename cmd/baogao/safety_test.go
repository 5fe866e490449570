package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/baogao/baogao/output"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/pipeline/segment"
)

const sample = "../../corpus/testdata/reports"

// tree returns every file under dir with its content, to prove a command
// changed nothing.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[p] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestRunRefusesToDestroy: an -out that is an input, inside one, holding
// one, or holding someone else's files is a bad command line, and nothing
// is touched.
func TestRunRefusesToDestroy(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	reports := filepath.Join(proj, "reports")
	writeFile(t, filepath.Join(reports, "a.txt"), "2023年3月5日，市医院开展义诊活动。")
	writeFile(t, filepath.Join(proj, "notes.md"), "我的笔记")
	mydata := filepath.Join(root, "mydata")
	writeFile(t, filepath.Join(mydata, "notes.txt"), "不要删除")
	tests := []struct {
		name, out, in, want string
	}{
		{"out is the input", reports, reports, "is the input"},
		{"out contains the input", proj, reports, "contains the input"},
		{"out inside the input", filepath.Join(reports, "out"), reports, "inside the input"},
		{"out holds other files", mydata, reports, "did not write"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tree(t, root)
			r := baogao(t, nil, "run", "-out", tt.out, "-progress", "none", tt.in)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("run -out %s %s: exit %d, stderr %q; want exit 2 saying %q", tt.out, tt.in, r.code, r.stderr, tt.want)
			}
			if !sameTree(before, tree(t, root)) {
				t.Errorf("run -out %s %s changed files on disk", tt.out, tt.in)
			}
		})
	}
}

// TestRunBadInputRoot: a missing input is a bad command line named in the
// message, before anything is written; the previous outputs stay.
func TestRunBadInputRoot(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", sample); r.code != exitOK {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	before := tree(t, out)
	missing := filepath.Join(t.TempDir(), "nonexistent", "path")
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", missing)
	if r.code != exitUsage || !strings.Contains(r.stderr, missing) {
		t.Errorf("run over a missing path: exit %d, stderr %q; want exit 2 naming %s", r.code, r.stderr, missing)
	}
	if !sameTree(before, tree(t, out)) {
		t.Errorf("a run over a missing path changed the outputs")
	}
}

// TestRunNothingFound: a run that finds no document publishes nothing and
// says so with exit 1.
func TestRunNothingFound(t *testing.T) {
	empty := t.TempDir()
	writeFile(t, filepath.Join(empty, ".hidden.txt"), "隐藏文件") // excluded by default
	out := filepath.Join(t.TempDir(), "out")
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", empty)
	if r.code != exitFatal || !strings.Contains(r.stderr, "nothing was published") {
		t.Errorf("run over an empty folder: exit %d, stderr %q; want exit 1, nothing published", r.code, r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output directory created: %v", err)
	}
	// Only files of formats baogao cannot read: nothing analysed either.
	pdfs := t.TempDir()
	writeFile(t, filepath.Join(pdfs, "a.xml"), "<a/>")
	r = baogao(t, nil, "run", "-out", out, "-progress", "none", pdfs)
	if r.code != exitFatal || !strings.Contains(r.stderr, "unsupported format .xml") {
		t.Errorf("run over unsupported files only: exit %d, stderr %q; want exit 1 naming the reason", r.code, r.stderr)
	}
}

// TestRunReplacesOwnOutputsOnly: -out may be an empty directory or an
// earlier run's output; the second run replaces the first whole.
func TestRunReplacesOwnOutputsOnly(t *testing.T) {
	out := t.TempDir() // exists, empty
	for i := range 2 {
		if r := baogao(t, nil, "run", "-out", out, "-progress", "none", sample); r.code != exitOK {
			t.Fatalf("run %d into %s: exit %d\n%s", i, out, r.code, r.stderr)
		}
	}
	m, err := output.ReadManifest(out)
	if err != nil || m.Format != output.FormatName || m.Counts["documents"] != 5 {
		t.Errorf("manifest = %+v, %v", m, err)
	}
	siblings, _ := filepath.Glob(out + ".*")
	if len(siblings) != 0 {
		t.Errorf("left beside the output: %v", siblings)
	}
}

// TestRunReportsWhatItCannotRead: files of formats baogao cannot read are
// problem rows counted in the summary, damaged bytes do not lose the
// document, a JSONL date of year or month precision is a reference, and
// every problem has its place.
func TestRunReportsWhatItCannotRead(t *testing.T) {
	root := writeCorpus(t, map[string][]byte{
		"a.txt":     []byte("2023年3月5日，市医院开展义诊活动。\n"),
		"b_bad.txt": []byte("2023年3月5日，卫生院接诊caf\xe9群众120人次。\n"),
		"c.xml":     []byte("<report>2023</report>"),
		"d.srt":     []byte("1\n00:00:01,000 --> 00:00:02,000\n你好\n"),
		"e.jsonl":   []byte(`{"id": "y", "text": "今年3月，街道开展义诊。", "date": "2022"}` + "\n" + `{"id": "z", "text": "5月，社区开展筛查。", "date": "sometime"}` + "\n"),
		"sub/f.xml": []byte("<x/>"),
		"sub/g.mp3": []byte("ID3\x04\x00"),
	})
	out := filepath.Join(t.TempDir(), "out")
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", root)
	if r.code != exitProblems {
		t.Fatalf("exit %d; want 3\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"2× unsupported format .xml", "MB read", "baogao problems " + out} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stderr)
		}
	}
	if !regexp.MustCompile(`level=INFO msg="baogao run" inputs=\S+ files=7 `).MatchString(r.stderr) {
		t.Errorf("no start log line naming the inputs and 7 files:\n%s", r.stderr)
	}
	docs, _ := readTable(t, filepath.Join(out, "documents.parquet"))
	status := map[string]string{}
	for _, d := range docs {
		name := strings.TrimPrefix(d["path"].(string), filepath.Base(root)+"/")
		if item := d["item"].(int32); item > 0 {
			name += fmt.Sprintf("#%d", item)
		}
		status[name] = d["status"].(string)
	}
	for name, want := range map[string]string{"a.txt": "ok", "b_bad.txt": "partial", "c.xml": "skipped", "d.srt": "skipped",
		"e.jsonl#1": "ok", "e.jsonl#2": "partial", "sub/f.xml": "skipped", "sub/g.mp3": "skipped"} {
		if status[name] != want {
			t.Errorf("status of %s = %q; want %s (all %v)", name, status[name], want, status)
		}
	}
	problems, _ := readTable(t, filepath.Join(out, "problems.parquet"))
	byPath := map[string]map[string]any{}
	for _, p := range problems {
		if p["offset"] == nil {
			t.Errorf("problem without an offset: %v", p)
		}
		byPath[strings.TrimPrefix(p["path"].(string), filepath.Base(root)+"/")] = p
	}
	for name, want := range map[string][2]string{
		"c.xml": {"walk", "unsupported format .xml"}, "d.srt": {"walk", "unsupported format .srt"},
		"sub/g.mp3": {"walk", "unsupported format .mp3"}, "b_bad.txt": {"decode", "invalid bytes replaced"},
		"e.jsonl": {"parse", "unparseable date field"},
	} {
		p := byPath[name]
		if p == nil || p["stage"] != want[0] || p["reason"] != want[1] {
			t.Errorf("problem of %s = %v; want stage %s, reason %s", name, p, want[0], want[1])
		}
	}
	if p := byPath["b_bad.txt"]; p != nil && p["offset"] != int64(len("2023年3月5日，卫生院接诊caf")) {
		t.Errorf("offset of the replaced byte = %v; want %d", p["offset"], len("2023年3月5日，卫生院接诊caf"))
	}
	if p := byPath["e.jsonl"]; p != nil && (p["line"] != int32(2) || !strings.Contains(p["message"].(string), "sometime")) {
		t.Errorf("date problem = %v; want line 2 naming the value", p)
	}
	mentions, _ := readTable(t, filepath.Join(out, "mentions.parquet"))
	var dates []string
	for _, m := range mentions {
		if m["kind"] == "date" {
			dates = append(dates, fmt.Sprint(m["text"], "=", m["value"]))
		}
	}
	for _, want := range []string{"2023年3月5日=2023-03-05", "今年3月=2022-03"} {
		if !strings.Contains(strings.Join(dates, " "), want) {
			t.Errorf("dates %v lack %s", dates, want)
		}
	}

	// baogao problems lists them all, grouped.
	r = baogao(t, nil, "problems", out)
	if r.code != exitOK || !strings.Contains(r.stdout, "2  unsupported format .xml  [walk]") || !strings.Contains(r.stdout, "sub/f.xml") {
		t.Errorf("baogao problems: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = baogao(t, nil, "problems", "-json", out)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != exitOK || len(lines) != len(problems) {
		t.Fatalf("baogao problems -json: exit %d, %d lines; want %d\n%s", r.code, len(lines), len(problems), r.stderr)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"path", "doc_id", "stage", "reason", "offset", "line", "message"} {
		if _, ok := first[k]; !ok {
			t.Errorf("problems -json line lacks %q: %s", k, lines[0])
		}
	}
}

// TestRunNamedUnsupportedFile: naming a file baogao cannot read is a
// problem, not a silent success.
func TestRunNamedUnsupportedFile(t *testing.T) {
	root := writeCorpus(t, map[string][]byte{"a.txt": []byte("2023年3月5日，市医院开展义诊活动。"), "b.xml": []byte("<a/>")})
	out := filepath.Join(t.TempDir(), "out")
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", filepath.Join(root, "a.txt"), filepath.Join(root, "b.xml"))
	if r.code != exitProblems || !strings.Contains(r.stderr, "unsupported format .xml") {
		t.Errorf("run naming b.xml: exit %d, stderr %q; want 3", r.code, r.stderr)
	}
}

// TestRunSummaryCountsDisk: the summary counts the bytes of the files as
// stored, not the decoded text.
func TestRunSummaryCountsDisk(t *testing.T) {
	html := "<html><head><title>页</title><style>" + strings.Repeat("p{color:red}", 20000) + "</style></head><body><p>2023年3月5日，医院开展义诊。</p></body></html>"
	root := writeCorpus(t, map[string][]byte{"a.html": []byte(html)})
	out := filepath.Join(t.TempDir(), "out")
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", root)
	if want := fmt.Sprintf("%.1f MB read", float64(len(html))/1e6); r.code != exitOK || !strings.Contains(r.stderr, want) {
		t.Errorf("summary %q; want %q", r.stderr, want)
	}
}

// TestStrictCommandLines: values a command cannot take are exit 2 with a
// message that says what it takes.
func TestStrictCommandLines(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", sample); r.code != exitOK {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "-out", t.TempDir() + "/x", "-progress", "fancy", sample}, "auto, bar, log, none"},
		{[]string{"run", "-out", t.TempDir() + "/x", "-encoding", "klingon", sample}, "gb18030"},
		{[]string{"run", "-out", t.TempDir() + "/x", "-partition", "month", sample}, `-partition "month": unknown; one of year`},
		{[]string{"search", "-index", out, "-n", "-5", "义诊"}, "-n -5"},
		{[]string{"search", "-index", out, `"未闭合`}, "unterminated"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := baogao(t, nil, tt.args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("baogao %v: exit %d, stderr %q; want exit 2 mentioning %q", tt.args, r.code, r.stderr, tt.want)
			}
		})
	}
}

// TestSearchCommandLine: -index takes the run's output directory, -n 0
// counts, -initiative takes any written form, -json is one object with
// snake_case keys, the total and the facets.
func TestSearchCommandLine(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", sample); r.code != exitOK {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	r := baogao(t, nil, "search", "-index", out, "-n", "0", "义诊")
	if r.code != exitOK || !regexp.MustCompile(`^[1-9][0-9]* hits for 义诊`).MatchString(r.stdout) || strings.Contains(r.stdout, "\n1. ") {
		t.Errorf("search -n 0: exit %d\n%s%s; want the count and no hits", r.code, r.stdout, r.stderr)
	}
	var res struct {
		Query  string `json:"query"`
		Total  int    `json:"total"`
		Hits   []map[string]any
		Facets map[string][]map[string]any
	}
	r = baogao(t, nil, "search", "-index", out, "-json", "-initiative", "乡村振兴战略", "")
	if err := json.Unmarshal([]byte(r.stdout), &res); r.code != exitOK || err != nil {
		t.Fatalf("search -json: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	if res.Total == 0 || len(res.Hits) == 0 || len(res.Facets["initiative"]) == 0 {
		t.Errorf("search -initiative 乡村振兴战略 = %+v; want hits (the run names it 乡村振兴) and facets", res)
	}
	for _, k := range []string{"id", "path", "title", "date", "score", "snippets"} {
		if _, ok := res.Hits[0][k]; !ok {
			t.Errorf("hit lacks key %q: %v", k, res.Hits[0])
		}
	}
	for _, k := range []string{"initiative", "year", "month"} {
		if _, ok := res.Facets[k]; !ok {
			t.Errorf("facets lack %q: %v", k, res.Facets)
		}
	}
	// A query that does not parse: exit 2 with the column of the error.
	r = baogao(t, nil, "search", "-index", out, "义诊 AND (医院")
	if r.code != exitUsage || !strings.Contains(r.stderr, "column 8") {
		t.Errorf("search with an unclosed parenthesis: exit %d, %q; want 2 naming column 8", r.code, r.stderr)
	}
	// Two outputs searched as one: the hits of both; -or widens.
	out2 := filepath.Join(t.TempDir(), "out2")
	if r := baogao(t, nil, "run", "-out", out2, "-progress", "none", sharedCorpus(t, "seeds")); r.code != exitOK {
		t.Fatalf("run over the seeds: exit %d\n%s", r.code, r.stderr)
	}
	count := func(args ...string) int {
		var res struct {
			Total int `json:"total"`
		}
		r := baogao(t, nil, append([]string{"search", "-json", "-n", "0"}, args...)...)
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || r.code != exitOK {
			t.Fatalf("search %v: exit %d, %v\n%s", args, r.code, err, r.stderr)
		}
		return res.Total
	}
	one, two := count("-index", out, "义诊"), count("-index", out2, "义诊")
	if both := count("-index", out, "-index", out2, "义诊"); both != one+two || one == 0 || two == 0 {
		t.Errorf("义诊: %d + %d hits in the two outputs, %d searched together", one, two, both)
	}
	if and, or := count("-index", out2, "义诊 急诊"), count("-index", out2, "-or", "义诊 急诊"); or < and {
		t.Errorf("-or gives %d hits, fewer than the %d of AND", or, and)
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		r := baogao(t, nil, arg)
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "baogao ") {
			t.Errorf("baogao %s: exit %d, %q", arg, r.code, r.stdout)
		}
	}
	stamped := filepath.Join(t.TempDir(), "baogao")
	if out, err := exec.Command("go", "build", "-ldflags", "-X main.version=v9.9.9", "-o", stamped, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if r := runBinary(t, stamped, nil, "version"); !strings.HasPrefix(r.stdout, "baogao v9.9.9") {
		t.Errorf("stamped binary prints %q; want baogao v9.9.9", r.stdout)
	}
}

// TestPublishKeepsOpenIndex: a reader that has OUT/index open, as a search
// server does, keeps searching it while a new run publishes over OUT.
func TestPublishKeepsOpenIndex(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", sample); r.code != exitOK {
		t.Fatalf("run: exit %d\n%s", r.code, r.stderr)
	}
	j, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	ix, err := searchindex.Open(filepath.Join(out, "index"), j)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	before, err := ix.Search(context.Background(), searchindex.Request{Query: "义诊", N: 10})
	if err != nil || before.Total == 0 {
		t.Fatalf("search before: %v, %v", before, err)
	}
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", sample); r.code != exitOK {
		t.Fatalf("second run: exit %d\n%s", r.code, r.stderr)
	}
	after, err := ix.Search(context.Background(), searchindex.Request{Query: "义诊", N: 10})
	if err != nil || after.Total != before.Total {
		t.Errorf("search on the open index after a publish = %v, %v; want %d hits", after, err, before.Total)
	}
}

// TestRunKilledAnywhere kills `baogao run` with SIGKILL at random moments
// over an existing output: each time OUT holds one whole output, the old
// one or the new one (the manifest's counts equal the tables' rows, the
// index opens), and the next run succeeds and leaves nothing beside it.
func TestRunKilledAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("runs baogao many times")
	}
	corpus := writeCorpus(t, map[string][]byte{})
	for i := range 40 {
		writeFile(t, filepath.Join(corpus, fmt.Sprintf("r%02d.txt", i)),
			strings.Repeat(fmt.Sprintf("2023年%d月5日，第%d卫生院开展“健康守门人”义诊活动，服务群众%d人。\n", i%12+1, i, 100+i), 40))
	}
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", sample); r.code != exitOK {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	// How long a whole run takes, to spread the kills over it.
	start := time.Now()
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", corpus); r.code != exitOK {
		t.Fatalf("timed run: exit %d\n%s", r.code, r.stderr)
	}
	full := time.Since(start)
	j, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	wholeOld, wholeNew := 0, 0
	for k := range 12 {
		input := sample
		if k%2 == 1 {
			input = corpus
		}
		cmd := exec.Command(bin, "run", "-out", out, "-progress", "none", input)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration((0.2 + rng.Float64()) * float64(full))) // most runs end in the last part: load, walk, write, publish
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		docs := checkWhole(t, j, out)
		switch docs {
		case 5:
			wholeOld++
		case 40:
			wholeNew++
		default:
			t.Fatalf("kill %d: output has %d documents; want 5 or 40", k, docs)
		}
	}
	t.Logf("after 12 kills: %d outputs of the sample corpus, %d of the 40-file corpus", wholeOld, wholeNew)
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", sample); r.code != exitOK {
		t.Fatalf("run after the kills: exit %d\n%s", r.code, r.stderr)
	}
	if docs := checkWhole(t, j, out); docs != 5 {
		t.Errorf("run after the kills published %d documents; want 5", docs)
	}
	if left, _ := filepath.Glob(out + ".*"); len(left) != 0 {
		t.Errorf("left beside the output after a clean run: %v", left)
	}
}

// checkWhole checks that out holds one whole output and returns its
// document count.
func checkWhole(t *testing.T, j *segment.Jieba, out string) int64 {
	t.Helper()
	m, err := output.ReadManifest(out)
	if err != nil {
		t.Fatalf("output not whole: %v", err)
	}
	for _, table := range []string{"documents", "mentions", "problems", "initiatives", "entities", "files", "learned"} {
		rows, _ := readTable(t, filepath.Join(out, table+".parquet"))
		if int64(len(rows)) != m.Counts[table] {
			t.Fatalf("%s.parquet has %d rows; the manifest says %d", table, len(rows), m.Counts[table])
		}
	}
	ixs, err := searchindex.OpenSet(out, j)
	if err != nil {
		t.Fatalf("index does not open: %v", err)
	}
	res, err := searchindex.Search(context.Background(), ixs, searchindex.Request{Query: "", N: 0})
	for _, ix := range ixs {
		ix.Close()
	}
	if err != nil || int64(res.Total) > m.Counts["documents"] || res.Total == 0 {
		t.Fatalf("index search: %v, %v", res, err)
	}
	return m.Counts["documents"]
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
