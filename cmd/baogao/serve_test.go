package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/baogao/baogao/output"
)

// server is a `baogao serve` under test.
type server struct {
	url    string       // http://127.0.0.1:PORT
	stderr *syncBuffer  // what it logged
	stop   func() int   // stops it gracefully and returns its exit code
	cmd    *exec.Cmd    // the process, when started from the binary
	client *http.Client // with a timeout, so a hung server fails the test
}

// syncBuffer is a bytes buffer safe for a writer and readers at once.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `baogao serve -addr 127.0.0.1:0 args...` in process and
// waits for the URL it prints.
func startServe(t testing.TB, args ...string) *server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	s := &server{stderr: &syncBuffer{}, client: &http.Client{Timeout: 30 * time.Second}}
	code := make(chan int, 1)
	go func() {
		c := run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...), nil, pw, s.stderr)
		pw.Close()
		code <- c
	}()
	s.url = readServeURL(t, pr, s.stderr, code)
	var once sync.Once
	exit := -1
	s.stop = func() int {
		once.Do(func() {
			cancel()
			exit = <-code
		})
		return exit
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// startServeBinary runs the built binary's `baogao serve`, for signals.
func startServeBinary(t testing.TB, args ...string) *server {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...)...)
	s := &server{stderr: &syncBuffer{}, cmd: cmd, client: &http.Client{Timeout: 30 * time.Second}}
	cmd.Stderr = s.stderr
	pr, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	code := make(chan int, 1)
	s.url = readServeURL(t, pr, s.stderr, code)
	var once sync.Once
	exit := -1
	s.stop = func() int {
		once.Do(func() {
			cmd.Process.Signal(syscall.SIGTERM)
			cmd.Wait()
			exit = cmd.ProcessState.ExitCode()
		})
		return exit
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// readServeURL reads the line "baogao: serving N outputs at URL" and keeps
// draining the rest.
func readServeURL(t testing.TB, r io.Reader, stderr *syncBuffer, code <-chan int) string {
	t.Helper()
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
		close(lines)
	}()
	select {
	case line, ok := <-lines:
		_, u, found := strings.Cut(line, " at ")
		if !ok || !found {
			t.Fatalf("serve printed %q; stderr:\n%s", line, stderr.String())
		}
		return strings.TrimSuffix(u, "/")
	case c := <-code:
		t.Fatalf("serve exited %d before serving:\n%s", c, stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("serve printed no URL in 60 s:\n%s", stderr.String())
	}
	return ""
}

// get fetches path and decodes the JSON answer into v (unless nil); it
// returns the response with its body read.
func (s *server) get(t testing.TB, path string, v any) (*http.Response, []byte) {
	t.Helper()
	resp, err := s.client.Get(s.url + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if v != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, body)
		}
	}
	return resp, body
}

// ok fetches path, requires 200 and decodes into v.
func (s *server) ok(t testing.TB, path string, v any) {
	t.Helper()
	resp, body := s.get(t, path, v)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s\n%s", path, resp.Status, body)
	}
}

// The API's answers, as a client written from the README would decode
// them.
type (
	apiHealth struct {
		Status    string `json:"status"`
		Documents int    `json:"documents"`
		Outputs   []struct {
			Dir         string           `json:"dir"`
			Documents   int              `json:"documents"`
			Version     string           `json:"version"`
			OptionsHash string           `json:"options_hash"`
			Created     string           `json:"created"`
			Counts      map[string]int64 `json:"counts"`
		} `json:"outputs"`
	}
	apiFacet struct {
		Name  string `json:"name"`
		Count int    `json:"count"`
	}
	apiHit struct {
		ID       string   `json:"id"`
		Path     string   `json:"path"`
		Title    string   `json:"title"`
		Date     string   `json:"date"`
		Score    float64  `json:"score"`
		Snippets []string `json:"snippets"`
		Index    string   `json:"index"`
	}
	apiSearch struct {
		Query  string                `json:"query"`
		Total  int                   `json:"total"`
		TookMS *float64              `json:"took_ms"`
		From   int                   `json:"from"`
		Size   int                   `json:"size"`
		Hits   []apiHit              `json:"hits"`
		Facets map[string][]apiFacet `json:"facets"`
	}
	apiMention struct {
		Kind      string `json:"kind"`
		Text      string `json:"text"`
		Start     int    `json:"start"`
		End       int    `json:"end"`
		StartChar int    `json:"start_char"`
		EndChar   int    `json:"end_char"`
		Value     string `json:"value"`
	}
	apiDoc struct {
		ID            string            `json:"id"`
		Path          string            `json:"path"`
		Title         string            `json:"title"`
		Date          string            `json:"date"`
		Meta          map[string]string `json:"meta"`
		Text          string            `json:"text"`
		Chars         int               `json:"chars"`
		Mentions      []apiMention      `json:"mentions"`
		MentionsKnown bool              `json:"mentions_known"`
		Index         string            `json:"index"`
	}
	apiTable struct {
		Total int               `json:"total"`
		Rows  []json.RawMessage `json:"rows"`
	}
	apiInitiative struct {
		Name      string   `json:"name"`
		Aliases   []string `json:"aliases"`
		Documents int      `json:"documents"`
		Mentions  int      `json:"mentions"`
		FirstDate string   `json:"first_date"`
	}
	apiEntity struct {
		Kind      string `json:"kind"`
		Name      string `json:"name"`
		Documents int    `json:"documents"`
		Mentions  int    `json:"mentions"`
	}
)

// runOutput runs baogao over roots into a new OUT and returns it.
func runOutput(t testing.TB, roots ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	runInto(t, out, roots...)
	return out
}

func runInto(t testing.TB, out string, roots ...string) {
	t.Helper()
	var stderr strings.Builder
	args := append([]string{"run", "-out", out, "-progress", "none"}, roots...)
	if code := run(context.Background(), args, nil, io.Discard, &stderr); code != exitOK {
		t.Fatalf("run %v: exit %d\n%s", roots, code, stderr.String())
	}
}

// docTexts reads the documents table: id → text.
func docTexts(t *testing.T, out string) map[string]string {
	rows, _ := readTable(t, filepath.Join(out, "documents.parquet"))
	m := map[string]string{}
	for _, r := range rows {
		m[r["id"].(string)] = r["text"].(string)
	}
	return m
}

func q(s string) string { return url.QueryEscape(s) }

func TestServeAPI(t *testing.T) {
	out := runOutput(t, sharedCorpus(t, "seeds"), sample)
	texts := docTexts(t, out)
	mentions, _ := readTable(t, filepath.Join(out, "mentions.parquet"))
	s := startServe(t, out)

	t.Run("healthz", func(t *testing.T) {
		var h apiHealth
		s.ok(t, "/healthz", &h)
		m := readManifest(t, out)
		if h.Status != "ok" || h.Documents != len(texts) || len(h.Outputs) != 1 {
			t.Fatalf("health = %+v; want ok with %d documents in one output", h, len(texts))
		}
		o := h.Outputs[0]
		if o.Version == "" || o.OptionsHash != m.OptionsHash || o.Created != m.Created || o.Counts["documents"] != int64(len(texts)) || o.Counts["mentions"] != int64(len(mentions)) {
			t.Errorf("health output = %+v; want the manifest's version, hash %s, created %s and counts", o, m.OptionsHash, m.Created)
		}
	})

	t.Run("phrase equals a scan", func(t *testing.T) {
		for _, phrase := range []string{"党史学习教育", "办实事", "医院", "患者"} {
			want := 0
			for _, text := range texts {
				if strings.Contains(text, phrase) {
					want++
				}
			}
			var r apiSearch
			s.ok(t, "/api/search?size=100&q="+q(`"`+phrase+`"`), &r)
			if want == 0 || r.Total != want || len(r.Hits) != want {
				t.Errorf("%q: total %d, %d hits; the texts hold it in %d documents", phrase, r.Total, len(r.Hits), want)
			}
			if r.TookMS == nil || r.Size != 100 || r.From != 0 {
				t.Errorf("%q: took_ms %v, size %d, from %d", phrase, r.TookMS, r.Size, r.From)
			}
			for _, h := range r.Hits {
				if !strings.Contains(texts[h.ID], phrase) {
					t.Errorf("%q: hit %s does not hold it", phrase, h.ID)
				}
				if len(h.Snippets) == 0 || !strings.Contains(h.Snippets[0], "<mark>") {
					t.Errorf("%q: hit %s snippets %q, want a <mark>", phrase, h.ID, h.Snippets)
				}
			}
		}
		// Every facet is a list, empty rather than null, also without
		// hits (a client iterates over it without a check).
		for _, query := range []string{`"党史学习教育"`, `"无此短语之文"`} {
			var raw struct{ Facets map[string]json.RawMessage }
			s.ok(t, "/api/search?q="+q(query), &raw)
			for _, k := range []string{"initiative", "year", "month"} {
				if v, ok := raw.Facets[k]; !ok || !strings.HasPrefix(string(v), "[") {
					t.Errorf("%s: facet %s is %s; want a list", query, k, v)
				}
			}
		}
	})

	t.Run("paging", func(t *testing.T) {
		var all, page apiSearch
		s.ok(t, "/api/search?size=3&q="+q("医院 OR 发展"), &all)
		if len(all.Hits) < 3 {
			t.Fatalf("want 3 hits, got %d", len(all.Hits))
		}
		s.ok(t, "/api/search?size=1&from=2&q="+q("医院 OR 发展"), &page)
		if len(page.Hits) != 1 || page.Hits[0].ID != all.Hits[2].ID || page.Total != all.Total {
			t.Errorf("from=2 size=1 = %+v; want hit 3 of %+v", page.Hits, all.Hits)
		}
		var none apiSearch
		s.ok(t, "/api/search?size=0&q="+q("医院"), &none)
		if len(none.Hits) != 0 || none.Total == 0 {
			t.Errorf("size=0: %d hits, total %d; want the total only", len(none.Hits), none.Total)
		}
	})

	t.Run("date range", func(t *testing.T) {
		var all apiSearch
		s.ok(t, "/api/search?size=100", &all)
		if all.Total != len(texts) {
			t.Fatalf("empty query: %d hits of %d documents", all.Total, len(texts))
		}
		years := map[string]int{}
		for _, h := range all.Hits {
			if len(h.Date) >= 4 {
				years[h.Date[:4]]++
			}
		}
		if len(years) < 2 {
			t.Fatalf("the corpus spans one year only: %v", years)
		}
		for y, n := range years {
			var r apiSearch
			s.ok(t, "/api/search?size=100&after="+y+"&before="+y, &r)
			if r.Total != n {
				t.Errorf("after=before=%s: %d hits; %d documents are dated in it", y, r.Total, n)
			}
			var fy int
			for _, f := range all.Facets["year"] {
				if f.Name == y {
					fy = f.Count
				}
			}
			if fy != n {
				t.Errorf("year facet %s = %d; want %d", y, fy, n)
			}
		}
	})

	t.Run("initiative filter and table", func(t *testing.T) {
		var tab apiTable
		s.ok(t, "/api/initiatives?limit=100", &tab)
		if tab.Total == 0 || len(tab.Rows) == 0 {
			t.Fatalf("initiatives: %+v", tab)
		}
		rows := decodeRows[apiInitiative](t, tab.Rows)
		if !slices.IsSortedFunc(rows, func(a, b apiInitiative) int { return b.Documents - a.Documents }) {
			t.Errorf("initiatives not sorted by documents, most first")
		}
		top := rows[0]
		var r apiSearch
		s.ok(t, "/api/search?size=100&initiative="+q(top.Name), &r)
		if r.Total != top.Documents {
			t.Errorf("initiative=%s: %d hits; the table says %d documents", top.Name, r.Total, top.Documents)
		}
		s.ok(t, "/api/initiatives?sort=name&limit=100", &tab)
		byName := decodeRows[apiInitiative](t, tab.Rows)
		if !slices.IsSortedFunc(byName, func(a, b apiInitiative) int { return strings.Compare(a.Name, b.Name) }) {
			t.Errorf("sort=name not sorted by name")
		}
		var one apiTable
		s.ok(t, "/api/initiatives?limit=1&offset=1", &one)
		if len(one.Rows) != 1 || one.Total != tab.Total || decodeRows[apiInitiative](t, one.Rows)[0].Name != rows[1].Name {
			t.Errorf("limit=1 offset=1 = %s; want the second row %s", one.Rows, rows[1].Name)
		}
		word := []rune(top.Name)[:2]
		s.ok(t, "/api/initiatives?limit=100&q="+q(string(word)), &tab)
		for _, row := range decodeRows[apiInitiative](t, tab.Rows) {
			if !strings.Contains(row.Name, string(word)) && !slices.ContainsFunc(row.Aliases, func(a string) bool { return strings.Contains(a, string(word)) }) {
				t.Errorf("q=%s kept %s", string(word), row.Name)
			}
		}
	})

	t.Run("kind filter and entities", func(t *testing.T) {
		withPerson := map[string]bool{}
		for _, m := range mentions {
			if m["kind"] == "person" {
				withPerson[m["doc_id"].(string)] = true
			}
		}
		var r apiSearch
		s.ok(t, "/api/search?size=0&kind=person", &r)
		if len(withPerson) == 0 || r.Total != len(withPerson) {
			t.Errorf("kind=person: %d hits; %d documents have a person", r.Total, len(withPerson))
		}
		var tab apiTable
		s.ok(t, "/api/entities?kind=person&limit=100", &tab)
		ents := decodeRows[apiEntity](t, tab.Rows)
		if len(ents) == 0 {
			t.Fatal("no person in the entities table")
		}
		for _, e := range ents {
			if e.Kind != "person" {
				t.Errorf("kind=person kept %+v", e)
			}
		}
		s.ok(t, "/api/entities?sort=mentions&limit=100", &tab)
		if !slices.IsSortedFunc(decodeRows[apiEntity](t, tab.Rows), func(a, b apiEntity) int { return b.Mentions - a.Mentions }) {
			t.Errorf("sort=mentions not sorted by mentions, most first")
		}
	})

	t.Run("documents with their mentions", func(t *testing.T) {
		perDoc := map[string]int{}
		for _, m := range mentions {
			perDoc[m["doc_id"].(string)]++
		}
		for id, text := range texts {
			var d apiDoc
			s.ok(t, "/api/docs/"+url.PathEscape(id), &d)
			if d.ID != id || d.Text != text || d.Chars != len([]rune(text)) || !d.MentionsKnown {
				t.Errorf("doc %s: id %s, text of %d bytes (want %d), chars %d", id, d.ID, len(d.Text), len(text), d.Chars)
			}
			if len(d.Mentions) != perDoc[id] {
				t.Errorf("doc %s: %d mentions; mentions.parquet has %d", id, len(d.Mentions), perDoc[id])
			}
			runes := []rune(d.Text)
			for _, m := range d.Mentions {
				if d.Text[m.Start:m.End] != m.Text || string(runes[m.StartChar:m.EndChar]) != m.Text {
					t.Errorf("doc %s: mention %+v does not slice to its text", id, m)
				}
			}
		}
	})

	t.Run("errors are JSON", func(t *testing.T) {
		for _, c := range []struct {
			path   string
			status int
			says   string
		}{
			{"/api/search?q=" + q(strings.Repeat("医", 513)), 400, "513 characters"},
			{"/api/search?q=" + q("(医院"), 400, "column"},
			{"/api/search?size=101", 400, "size"},
			{"/api/search?from=-1", 400, "from"},
			{"/api/search?after=2021-13", 400, "after"},
			{"/api/search?before=yesterday", 400, "before"},
			{"/api/initiatives?sort=random", 400, "sort"},
			{"/api/entities?kind=ship", 400, "kind"},
			{"/api/entities?limit=0", 400, "limit"},
			{"/api/docs/no-such-id", 404, "no such document"},
			{"/api/docs/" + url.PathEscape("../../etc/passwd"), 404, "no such document"},
			{"/api/docs/" + url.PathEscape(filepath.Join(out, "manifest.json")), 404, ""},
			{"/etc/passwd", 404, "no such endpoint"},
			{"/static/../manifest.json", 404, ""},
		} {
			resp, body := s.get(t, c.path, nil)
			if resp.StatusCode != c.status {
				t.Errorf("GET %s: %s; want %d\n%s", c.path, resp.Status, c.status, body)
				continue
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET %s: Content-Type %q", c.path, ct)
			}
			var e struct {
				Error string `json:"error"`
			}
			if err := json.Unmarshal(body, &e); err != nil || e.Error == "" || !strings.Contains(e.Error, c.says) {
				t.Errorf("GET %s: body %s; want {\"error\": …%s…}", c.path, body, c.says)
			}
			if strings.Contains(string(body), "goroutine") || strings.Contains(string(body), ".go:") {
				t.Errorf("GET %s: a stack trace in %s", c.path, body)
			}
		}
		resp, err := s.client.Post(s.url+"/api/search", "application/json", strings.NewReader(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST: %s", resp.Status)
		}
		req, _ := http.NewRequest(http.MethodGet, s.url+"/api/search", strings.NewReader(strings.Repeat("x", 4096)))
		resp, err = s.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("GET with a 4 KiB body: %s", resp.Status)
		}
	})

	t.Run("page and headers", func(t *testing.T) {
		for _, path := range []string{"/", "/api/search?q=" + q("医院"), "/api/docs/none"} {
			resp, body := s.get(t, path, nil)
			csp := resp.Header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe") {
				t.Errorf("GET %s: CSP %q", path, csp)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("GET %s: no nosniff", path)
			}
			if path == "/" && (resp.StatusCode != 200 || !strings.Contains(string(body), "<html")) {
				t.Errorf("GET /: %s %.80s", resp.Status, body)
			}
		}
		// The page's own assets, of the types nosniff lets a browser use;
		// nothing from elsewhere (the CSP would block it, and users may be
		// offline), nothing inline.
		_, page := s.get(t, "/", nil)
		for _, c := range []struct{ path, ctype string }{{"/static/app.js", "text/javascript"}, {"/static/app.css", "text/css"}} {
			resp, body := s.get(t, c.path, nil)
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.ctype) || len(body) == 0 {
				t.Errorf("GET %s: %s, Content-Type %q, %d bytes", c.path, resp.Status, resp.Header.Get("Content-Type"), len(body))
			}
			if !strings.Contains(string(page), `"`+c.path+`"`) {
				t.Errorf("the page does not load %s", c.path)
			}
		}
		for _, bad := range []string{`https?://`, `<style`, `\sstyle\s*=`, `<script>`, `\son[a-z]+\s*=`} {
			if m := regexp.MustCompile(bad).FindString(string(page)); m != "" {
				t.Errorf("the page holds %q", m)
			}
		}
	})

	if code := s.stop(); code != exitOK {
		t.Errorf("serve exit %d after cancel\n%s", code, s.stderr.String())
	}
}

func decodeRows[T any](t *testing.T, raw []json.RawMessage) []T {
	t.Helper()
	out := make([]T, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &out[i]); err != nil {
			t.Fatalf("row %s: %v", r, err)
		}
	}
	return out
}

// TestServeSeveralOutputs serves two runs and an index alone: they are
// searched as one, documents are found in whichever holds them.
func TestServeSeveralOutputs(t *testing.T) {
	a := runOutput(t, sharedCorpus(t, "seeds"))
	b := runOutput(t, sample)
	ta, tb := docTexts(t, a), docTexts(t, b)
	s := startServe(t, a, b)
	var h apiHealth
	s.ok(t, "/healthz", &h)
	if h.Documents != len(ta)+len(tb) || len(h.Outputs) != 2 {
		t.Fatalf("health: %d documents in %d outputs; want %d in 2", h.Documents, len(h.Outputs), len(ta)+len(tb))
	}
	var r apiSearch
	s.ok(t, "/api/search?size=100", &r)
	if r.Total != len(ta)+len(tb) {
		t.Errorf("empty query over both: %d", r.Total)
	}
	for _, hit := range r.Hits {
		var d apiDoc
		s.ok(t, "/api/docs/"+url.PathEscape(hit.ID), &d)
		want, inA := ta[hit.ID]
		if !inA {
			want = tb[hit.ID]
		}
		if d.Text != want || (inA && d.Index != a) || (!inA && d.Index != b) {
			t.Errorf("doc %s: index %q, text of %d bytes; want %d", hit.ID, d.Index, len(d.Text), len(want))
		}
	}

	alone := startServe(t, filepath.Join(b, "index"))
	alone.ok(t, "/api/search?size=100", &r)
	if r.Total != len(tb) {
		t.Errorf("index alone: %d hits; want %d", r.Total, len(tb))
	}
	var d apiDoc
	alone.ok(t, "/api/docs/"+url.PathEscape(r.Hits[0].ID), &d)
	if d.Text != tb[r.Hits[0].ID] || d.MentionsKnown || len(d.Mentions) != 0 {
		t.Errorf("index alone: doc %+v; want its text, mentions unknown", d.ID)
	}
	var tab apiTable
	alone.ok(t, "/api/initiatives", &tab)
	if tab.Total != 0 {
		t.Errorf("index alone: %d initiatives; it has no table", tab.Total)
	}
}

// TestServeReload publishes a new run over the served OUT while clients
// search and read documents: the server picks up the new outputs and no
// request fails.
func TestServeReload(t *testing.T) {
	out := runOutput(t, sharedCorpus(t, "seeds"))
	before := len(docTexts(t, out))
	s := startServe(t, "-poll", "50ms", out)
	var stop atomic.Bool
	var failures atomic.Int64
	var requests atomic.Int64
	var fail sync.Once
	var firstFailure string
	var wg sync.WaitGroup
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				path := "/api/search?q=" + q([]string{"医院", `"党史学习教育"`, "发展 OR 群众"}[(c+i)%3])
				if i%2 == 1 {
					path = "/api/initiatives"
				}
				resp, err := s.client.Get(s.url + path)
				requests.Add(1)
				if err != nil {
					failures.Add(1)
					fail.Do(func() { firstFailure = err.Error() })
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					failures.Add(1)
					fail.Do(func() { firstFailure = fmt.Sprintf("%s %s: %s", path, resp.Status, body) })
				}
			}
		}()
	}
	time.Sleep(200 * time.Millisecond)
	runInto(t, out, sharedCorpus(t, "seeds"), sample)
	after := len(docTexts(t, out))
	deadline := time.Now().Add(20 * time.Second)
	var h apiHealth
	for time.Now().Before(deadline) {
		s.ok(t, "/healthz", &h)
		if h.Documents == after {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	if h.Documents != after || after == before {
		t.Errorf("after the publish the server has %d documents; the new run has %d, the old %d", h.Documents, after, before)
	}
	if failures.Load() > 0 {
		t.Errorf("%d of %d requests failed across the reload; first: %s", failures.Load(), requests.Load(), firstFailure)
	}
	if !strings.Contains(s.stderr.String(), "outputs reloaded") {
		t.Errorf("no reload logged:\n%s", s.stderr.String())
	}
	t.Logf("%d requests across the reload", requests.Load())
}

// TestServeSignals drives the binary: SIGHUP loads a new publish (polling
// off), SIGTERM shuts down gracefully with exit 0.
func TestServeSignals(t *testing.T) {
	out := runOutput(t, sharedCorpus(t, "seeds"))
	s := startServeBinary(t, "-poll", "0", out)
	var h apiHealth
	s.ok(t, "/healthz", &h)
	before := h.Documents
	runInto(t, out, sharedCorpus(t, "seeds"), sample)
	time.Sleep(300 * time.Millisecond)
	s.ok(t, "/healthz", &h)
	if h.Documents != before {
		t.Fatalf("polling is off, yet the server reloaded: %d → %d", before, h.Documents)
	}
	s.cmd.Process.Signal(syscall.SIGHUP)
	deadline := time.Now().Add(20 * time.Second)
	for h.Documents == before && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		s.ok(t, "/healthz", &h)
	}
	if h.Documents == before {
		t.Errorf("SIGHUP did not load the new publish:\n%s", s.stderr.String())
	}
	if code := s.stop(); code != exitOK || !strings.Contains(s.stderr.String(), "stopped") {
		t.Errorf("SIGTERM: exit %d\n%s", code, s.stderr.String())
	}
}

func TestServeCommandLine(t *testing.T) {
	out := runOutput(t, sample)
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"serve"}, exitUsage, "need at least one OUT"},
		{[]string{"serve", "-addr", "nonsense", out}, exitUsage, "-addr"},
		{[]string{"serve", "-addr", "127.0.0.1:0", filepath.Join(t.TempDir(), "missing")}, exitFatal, "missing"},
		{[]string{"serve", "-addr", "127.0.0.1:0", t.TempDir()}, exitFatal, "not a baogao search index"},
	} {
		r := baogao(t, nil, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.says) {
			t.Errorf("%v: exit %d, stderr %q; want %d naming %q", c.args, r.code, r.stderr, c.code, c.says)
		}
	}
	s := startServe(t, "-addr", "0.0.0.0:0", out)
	if !strings.Contains(s.stderr.String(), "non-loopback") {
		t.Errorf("serving on 0.0.0.0 without a warning:\n%s", s.stderr.String())
	}
}

func readManifest(t *testing.T, out string) *output.Manifest {
	t.Helper()
	m, err := output.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
