package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// writeCorpus writes files (name → content) under a new directory.
func writeCorpus(t *testing.T, files map[string][]byte) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "reports")
	for name, b := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func gb18030(t *testing.T, s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16le(t *testing.T, s string) []byte {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func zipOf(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, s := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(s))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// searchPaths runs `baogao search -json` and returns the base names of
// the hits' paths.
func searchPaths(t *testing.T, index string, args ...string) []string {
	t.Helper()
	r := baogao(t, nil, append([]string{"search", "-index", index, "-json", "-n", "1000"}, args...)...)
	if r.code != exitOK {
		t.Fatalf("search %v: exit %d\n%s", args, r.code, r.stderr)
	}
	var res struct {
		Hits []struct {
			Path string `json:"path"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("search output %q: %v", r.stdout, err)
	}
	var paths []string
	for _, h := range res.Hits {
		paths = append(paths, filepath.Base(h.Path))
	}
	return paths
}

// TestRunFormatsAndEncodings runs baogao over a corpus in every supported
// format and several encodings and checks each document came out whole,
// with its encoding recorded, and that a traditional-script report is
// found by a simplified query.
func TestRunFormatsAndEncodings(t *testing.T) {
	root := writeCorpus(t, map[string][]byte{
		"a_gb.txt":    gb18030(t, "县医院报告\n\n2022年3月5日，县医院开展“光明行动”义诊，服务群众三百余人。"),
		"b_utf16.txt": utf16le(t, "区卫健委通报\n\n4月，区卫健委组织家庭医生上门服务1200人次。"),
		"c_trad.txt":  []byte("縣醫院開展義診活動\n\n2021年5月，縣醫院組織醫生下鄉義診，服務群眾五百餘人。"),
		"d.jsonl": []byte(`{"id": "n1", "text": "6月1日，街道开展儿童健康筛查。", "date": "2023-06-02", "source": "街道办"}` + "\n" +
			`{"id": "n2", "text": ` + "\n" +
			`{"id": "n3", "text": "7月，社区新建健康小屋2所。", "date": "2023-07-20"}` + "\n"),
		"e.csv":   []byte("id,title,date,text\nc1,筛查通报,2023-08-01,8月1日起全镇开展免费筛查。\n"),
		"f.html":  []byte("<html><head><title>镇卫生院</title></head><body><p>镇卫生院新增床位20张。</p><script>x=1</script></body></html>"),
		"g.zip":   zipOf(t, map[string]string{"inner/h.txt": "村卫生室报告\n\n村卫生室今年接诊1500余人次。"}),
		"h.md":    []byte("# 年度小结\n\n**全年**完成[随访](http://example.org)三千余人次。\n"),
		"i_x.csv": []byte("id,body\nq1,没有名为text的列\n"),
	})
	out := filepath.Join(t.TempDir(), "out")
	r := baogao(t, nil, "run", "-out", out, "-progress", "none", root)
	if r.code != exitProblems {
		t.Fatalf("exit %d; want %d (the bad JSON line and the CSV without a text column)\n%s", r.code, exitProblems, r.stderr)
	}
	docs, _ := readTable(t, filepath.Join(out, "documents.parquet"))
	byName := map[string]map[string]any{}
	for _, d := range docs {
		name := strings.TrimPrefix(d["path"].(string), filepath.Base(root)+"/")
		if item := d["item"].(int32); item > 0 {
			name += "#" + string(rune('0'+item))
		}
		byName[name] = d
	}
	want := []struct{ name, encoding, status, textHas string }{
		{"a_gb.txt", "gb18030", "ok", "光明行动"},
		{"b_utf16.txt", "utf-16le", "ok", "家庭医生"},
		{"c_trad.txt", "utf-8", "ok", "縣醫院"},
		{"d.jsonl#1", "utf-8", "ok", "儿童健康筛查"},
		{"d.jsonl#2", "utf-8", "skipped", ""},
		{"d.jsonl#3", "utf-8", "ok", "健康小屋"},
		{"e.csv#1", "utf-8", "ok", "免费筛查"},
		{"f.html", "utf-8", "ok", "新增床位"},
		{"g.zip!/inner/h.txt", "utf-8", "ok", "1500余人次"},
		{"h.md", "utf-8", "ok", "全年完成随访三千余人次"},
		{"i_x.csv", "utf-8", "skipped", ""},
	}
	for _, w := range want {
		d, ok := byName[w.name]
		if !ok {
			t.Errorf("no document %s; have %v", w.name, keys(byName))
			continue
		}
		if d["status"] != w.status || d["encoding"] != w.encoding || !strings.Contains(str(d["text"]), w.textHas) {
			t.Errorf("%s: status %v, encoding %v, text %q; want %s, %s, containing %q", w.name, d["status"], d["encoding"], d["text"], w.status, w.encoding, w.textHas)
		}
	}
	if strings.Contains(str(byName["f.html"]["text"]), "x=1") {
		t.Errorf("html script text indexed: %q", byName["f.html"]["text"])
	}
	if l := byName["d.jsonl#3"]["line"]; l != int32(3) || byName["a_gb.txt"]["line"] != nil {
		t.Errorf("line of d.jsonl#3 = %v, of a_gb.txt = %v; want 3 and null", l, byName["a_gb.txt"]["line"])
	}
	if byName["d.jsonl#1"]["doc_date"] != "2023-06-02" {
		t.Errorf("jsonl date = %v; want 2023-06-02", byName["d.jsonl#1"]["doc_date"])
	}
	index := filepath.Join(out, "index")
	if got := searchPaths(t, index, "医生下乡"); len(got) != 1 || got[0] != "c_trad.txt" {
		t.Errorf("simplified query 医生下乡 = %v; want c_trad.txt, written in traditional script (醫生下鄉)", got)
	}
	if got := searchPaths(t, index, "光明行动"); len(got) != 1 || got[0] != "a_gb.txt" {
		t.Errorf("search 光明行动 = %v; want a_gb.txt", got)
	}
}

func str(v any) string { s, _ := v.(string); return s }

func keys(m map[string]map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestRunLearnsInitiatives: a name quoted with a head noun in one report is
// recognised unquoted in another, and a phrase search for it finds both.
func TestRunLearnsInitiatives(t *testing.T) {
	root := writeCorpus(t, map[string][]byte{
		"a.txt": []byte("县卫健委启动“银龄守护行动”专项行动，为老人上门体检。"),
		"b.txt": []byte("今年银龄守护行动覆盖全县十二个乡镇，受到老人欢迎。"),
	})
	for _, learn := range []bool{true, false} {
		out := filepath.Join(t.TempDir(), "out")
		r := baogao(t, nil, "run", "-out", out, "-progress", "none", "-learn="+map[bool]string{true: "true", false: "false"}[learn], root)
		if r.code != exitOK {
			t.Fatalf("exit %d\n%s", r.code, r.stderr)
		}
		mentions, _ := readTable(t, filepath.Join(out, "mentions.parquet"))
		docs, _ := readTable(t, filepath.Join(out, "documents.parquet"))
		idB := ""
		for _, d := range docs {
			if strings.HasSuffix(d["path"].(string), "b.txt") {
				idB = d["id"].(string)
			}
		}
		found := false
		for _, m := range mentions {
			if m["doc_id"] == idB && m["kind"] == "initiative" && m["value"] == "银龄守护行动" {
				found = true
			}
		}
		if found != learn {
			t.Errorf("-learn=%v: unquoted 银龄守护行动 in b.txt recognised = %v; want %v", learn, found, learn)
		}
		if learn {
			if got := searchPaths(t, filepath.Join(out, "index"), `"银龄守护行动"`); len(got) != 2 {
				t.Errorf(`search "银龄守护行动" = %v; want both reports`, got)
			}
		}
	}
}

// TestRunLexicon: a name from the user's lexicon is found unquoted and
// searchable as a phrase; an excluded name is not an initiative.
func TestRunLexicon(t *testing.T) {
	root := writeCorpus(t, map[string][]byte{
		"a.txt": []byte("全县推进清风护苗计划，同时开展“平安过冬”专项行动。"),
	})
	lex := filepath.Join(t.TempDir(), "lexicon.txt")
	if err := os.WriteFile(lex, []byte("# 用户词表\n清风护苗计划\tplan\n-平安过冬\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", "-learn=false", "-lexicon", lex, root); r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	inits, _ := readTable(t, filepath.Join(out, "initiatives.parquet"))
	var names []string
	for _, r := range inits {
		names = append(names, r["name"].(string)+"/"+str(r["type"]))
	}
	if strings.Join(names, " ") != "清风护苗计划/plan" {
		t.Errorf("initiatives = %v; want only 清风护苗计划/plan (平安过冬 excluded)", names)
	}
	if got := searchPaths(t, filepath.Join(out, "index"), `"清风护苗计划"`); len(got) != 1 {
		t.Errorf(`search "清风护苗计划" = %v; want a.txt`, got)
	}
}

// TestRunInterrupted sends SIGINT during a run: exit 130, nothing
// published, the previous outputs intact.
func TestRunInterrupted(t *testing.T) {
	xwlb := sharedCorpus(t, "xwlb")
	out := filepath.Join(t.TempDir(), "out")
	if r := baogao(t, nil, "run", "-out", out, "-progress", "none", "../../corpus/testdata/reports"); r.code != exitOK {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "documents.parquet"))
	cmd := exec.Command(bin, "run", "-out", out, "-progress", "log", "-learn=false", xwlb)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second) // dictionaries loaded, documents flowing
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Fatalf("exit %d (%v); want %d\n%s", code, err, exitInterrupted, stderr.String())
	}
	after, _ := os.ReadFile(filepath.Join(out, "documents.parquet"))
	if !bytes.Equal(before, after) {
		t.Errorf("an interrupted run changed the published outputs")
	}
	if _, err := os.Stat(out + ".baogao-new"); !os.IsNotExist(err) {
		t.Errorf("staging directory left behind: %v", err)
	}
}
