// Package web serves run outputs to a browser and to programs: a JSON API
// (search, documents with their mentions, the initiatives and entities
// tables, health) and a search page whose assets are embedded in the
// binary. The model is zoekt's web server: a handler struct with exported
// fields, serveX methods that write HTTP and xErr methods that return a
// value and an error.
package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/pipeline/segment"
)

//go:embed assets
var assets embed.FS

// Limits of a request, so that no request costs without bound.
const (
	MaxQueryRunes = 512   // characters of a query
	MaxPageSize   = 100   // hits of one page, rows of one table page
	MaxFrom       = 10000 // how deep a page may start
	maxBody       = 1 << 10
	defaultSize   = 10
	defaultPoll   = 2 * time.Second
)

// Server serves the outputs of runs.
//
// Concurrency: the handler is safe for concurrent use; Reload swaps the
// loaded outputs while requests go on, each request finishing with the
// outputs it started with.
type Server struct {
	// Dirs are the run outputs (OUT of baogao run) or bare index
	// directories served, searched as one.
	Dirs []string
	// Jieba cuts queries; shared, immutable.
	Jieba *segment.Jieba
	// Log receives reloads and internal errors; nil discards.
	Log *slog.Logger
	// Poll is how often the manifests are checked for a new publish; 0:
	// every 2 s, negative: never (Reload on SIGHUP only).
	Poll time.Duration

	cur    atomic.Pointer[generation]
	reload sync.Mutex
}

// Open loads the outputs. Call it once before serving.
func (s *Server) Open() error {
	if s.Log == nil {
		s.Log = slog.New(slog.DiscardHandler)
	}
	g, err := s.load()
	if err != nil {
		return err
	}
	s.cur.Store(g)
	return nil
}

// Close closes the loaded outputs once the requests using them finish.
func (s *Server) Close() {
	if g := s.cur.Swap(nil); g != nil {
		g.retire()
	}
}

// Reload loads the outputs again and swaps them in when they changed
// (force: always); requests under way finish with the old ones.
func (s *Server) Reload(force bool) error {
	s.reload.Lock()
	defer s.reload.Unlock()
	old := s.cur.Load()
	if !force && old != nil && !old.stale() {
		return nil
	}
	g, err := s.load()
	if err != nil {
		return err
	}
	s.cur.Store(g)
	if old != nil {
		go old.retire()
	}
	s.Log.Info("outputs reloaded", "dirs", strings.Join(s.Dirs, " "), "documents", g.documents())
	return nil
}

// Watch reloads whenever a served output is published again, until ctx
// ends.
func (s *Server) Watch(ctx context.Context) {
	every := s.Poll
	if every == 0 {
		every = defaultPoll
	}
	if every < 0 {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Reload(false); err != nil {
				// A publish may be half way; the old outputs stay.
				s.Log.Warn("reload", "err", err)
			}
		}
	}
}

func (s *Server) load() (*generation, error) {
	g := &generation{loaded: time.Now()}
	for _, dir := range s.Dirs {
		o, err := openOutput(dir, s.Jieba)
		if err != nil {
			g.close()
			return nil, err
		}
		g.outs = append(g.outs, o)
		g.indexes = append(g.indexes, o.ixs...)
	}
	g.merge()
	return g, nil
}

// acquire returns the current outputs, held until release.
func (s *Server) acquire() (*generation, error) {
	for range 3 {
		g := s.cur.Load()
		if g == nil {
			return nil, errors.New("server closed")
		}
		g.mu.RLock()
		if !g.closed {
			return g, nil
		}
		g.mu.RUnlock()
	}
	return nil, errors.New("outputs are being reloaded")
}

// Handler returns the HTTP handler: the API, the page and its assets,
// with security headers on every response.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.serveHealth)
	mux.HandleFunc("GET /api/search", s.serveSearch)
	mux.HandleFunc("GET /api/docs/{id}", s.serveDoc)
	mux.HandleFunc("GET /api/initiatives", s.serveInitiatives)
	mux.HandleFunc("GET /api/entities", s.serveEntities)
	static, _ := fs.Sub(assets, "assets")
	files := http.FileServerFS(static)
	mux.Handle("GET /static/", http.StripPrefix("/static/", files))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		b, err := fs.ReadFile(static, "index.html")
		if err != nil {
			writeError(w, http.StatusInternalServerError, "page missing")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	})
	return secure(mux)
}

// secure sets the headers of every response and refuses request bodies.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "only GET")
			return
		}
		if r.ContentLength > maxBody {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body of %d bytes; at most %d", r.ContentLength, maxBody))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		defer func() {
			if p := recover(); p != nil {
				slog.Default().Error("panic", "path", r.URL.Path, "panic", p)
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// apiError is an error with the status it answers.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// writeError answers {"error": msg}.
func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// reply writes v as JSON, or err with its status; an error of no known
// kind is logged and answered without its details.
func (s *Server) reply(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		var ae *apiError
		switch {
		case errors.As(err, &ae):
			writeError(w, ae.status, ae.msg)
		case errors.Is(err, searchindex.ErrQuery):
			writeError(w, http.StatusBadRequest, err.Error())
		case errors.Is(err, searchindex.ErrNoDoc):
			writeError(w, http.StatusNotFound, "no such document")
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			writeError(w, http.StatusServiceUnavailable, "request cancelled")
		default:
			s.Log.Error("request", "path", r.URL.Path, "err", err)
			writeError(w, http.StatusInternalServerError, "internal error")
		}
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// Health is the answer of /healthz.
type Health struct {
	Status    string         `json:"status"`
	Loaded    string         `json:"loaded"` // when the outputs were loaded, RFC 3339
	Documents int            `json:"documents"`
	Outputs   []OutputHealth `json:"outputs"`
}

// OutputHealth describes one served output.
type OutputHealth struct {
	Dir         string           `json:"dir"`
	Documents   int              `json:"documents"`
	Version     string           `json:"version,omitempty"`
	Revision    string           `json:"revision,omitempty"`
	OptionsHash string           `json:"options_hash,omitempty"`
	Created     string           `json:"created,omitempty"` // when the run published it
	Counts      map[string]int64 `json:"counts,omitempty"`
}

func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	g, err := s.acquire()
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	defer g.mu.RUnlock()
	h := Health{Status: "ok", Loaded: g.loaded.UTC().Format(time.RFC3339), Documents: g.documents()}
	for _, o := range g.outs {
		oh := OutputHealth{Dir: o.dir, Documents: o.documents()}
		if m := o.manifest; m != nil {
			oh.Version, oh.Revision, oh.OptionsHash, oh.Created, oh.Counts = m.Version, m.Revision, m.OptionsHash, m.Created, m.Counts
		}
		h.Outputs = append(h.Outputs, oh)
	}
	s.reply(w, r, h, nil)
}

// SearchResponse is the answer of /api/search.
type SearchResponse struct {
	Query  string                         `json:"query"`
	Total  uint64                         `json:"total"`
	TookMS float64                        `json:"took_ms"`
	From   int                            `json:"from"`
	Size   int                            `json:"size"`
	Hits   []searchindex.Hit              `json:"hits"`
	Facets map[string][]searchindex.Facet `json:"facets"`
}

func (s *Server) serveSearch(w http.ResponseWriter, r *http.Request) {
	v, err := s.searchErr(r)
	s.reply(w, r, v, err)
}

func (s *Server) searchErr(r *http.Request) (*SearchResponse, error) {
	q := r.URL.Query()
	req := searchindex.Request{Query: q.Get("q"), Initiatives: q["initiative"], Kinds: q["kind"], Facets: 20,
		Highlight: searchindex.HighlightHTML, Or: q.Get("or") == "1" || q.Get("or") == "true"}
	if n := utf8.RuneCountInString(req.Query); n > MaxQueryRunes {
		return nil, badRequest("query of %d characters; at most %d", n, MaxQueryRunes)
	}
	var err error
	if req.From, err = intParam(q, "from", 0, 0, MaxFrom); err != nil {
		return nil, err
	}
	if req.N, err = intParam(q, "size", defaultSize, 0, MaxPageSize); err != nil {
		return nil, err
	}
	for _, d := range []struct {
		name string
		to   *corpus.Date
	}{{"after", &req.After}, {"before", &req.Before}} {
		if v := q.Get(d.name); v != "" {
			if *d.to, err = parseDate(v); err != nil {
				return nil, badRequest("%s: %v", d.name, err)
			}
		}
	}
	g, err := s.acquire()
	if err != nil {
		return nil, &apiError{http.StatusServiceUnavailable, err.Error()}
	}
	defer g.mu.RUnlock()
	res, err := searchindex.Search(r.Context(), g.indexes, req)
	if err != nil {
		return nil, err
	}
	return &SearchResponse{Query: req.Query, Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000,
		From: req.From, Size: req.N, Hits: res.Hits,
		Facets: map[string][]searchindex.Facet{"initiative": res.Initiatives, "year": res.Years, "month": res.Months}}, nil
}

// intParam reads an integer parameter within [lo, hi], def when absent.
func intParam(q map[string][]string, name string, def, lo, hi int) (int, error) {
	vs := q[name]
	if len(vs) == 0 || vs[0] == "" {
		return def, nil
	}
	n, err := strconv.Atoi(vs[0])
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s=%q: want a whole number from %d to %d", name, vs[0], lo, hi)
	}
	return n, nil
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func parseDate(s string) (corpus.Date, error) {
	var d corpus.Date
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return d, fmt.Errorf("%q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return corpus.Date{}, fmt.Errorf("%q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		*[]*int{&d.Year, &d.Month, &d.Day}[i] = n
	}
	if d.Month > 12 || len(parts) > 1 && d.Month < 1 || d.Day > 31 || len(parts) > 2 && d.Day < 1 {
		return corpus.Date{}, fmt.Errorf("%q: no such date", s)
	}
	return d, nil
}

func (s *Server) serveDoc(w http.ResponseWriter, r *http.Request) {
	v, err := s.docErr(r.PathValue("id"))
	s.reply(w, r, v, err)
}

func (s *Server) docErr(id string) (*Document, error) {
	if id == "" || len(id) > 64 {
		return nil, badRequest("document id %q", id)
	}
	g, err := s.acquire()
	if err != nil {
		return nil, &apiError{http.StatusServiceUnavailable, err.Error()}
	}
	defer g.mu.RUnlock()
	for _, o := range g.outs {
		if d, err := o.document(id); err == nil {
			if len(g.outs) > 1 {
				d.Index = o.dir
			}
			return d, nil
		} else if !errors.Is(err, searchindex.ErrNoDoc) {
			return nil, err
		}
	}
	return nil, searchindex.ErrNoDoc
}

func (s *Server) serveInitiatives(w http.ResponseWriter, r *http.Request) {
	v, err := s.tableErr(r, func(g *generation) table { return g.initiatives })
	s.reply(w, r, v, err)
}

func (s *Server) serveEntities(w http.ResponseWriter, r *http.Request) {
	v, err := s.tableErr(r, func(g *generation) table { return g.entities })
	s.reply(w, r, v, err)
}

// TableResponse is a page of the initiatives or entities table.
type TableResponse struct {
	Total int   `json:"total"`
	Rows  []any `json:"rows"`
}

func (s *Server) tableErr(r *http.Request, pick func(*generation) table) (*TableResponse, error) {
	q := r.URL.Query()
	offset, err := intParam(q, "offset", 0, 0, 1<<30)
	if err != nil {
		return nil, err
	}
	limit, err := intParam(q, "limit", 50, 1, MaxPageSize)
	if err != nil {
		return nil, err
	}
	g, err := s.acquire()
	if err != nil {
		return nil, &apiError{http.StatusServiceUnavailable, err.Error()}
	}
	defer g.mu.RUnlock()
	rows, err := pick(g).query(q.Get("q"), q.Get("kind"), q.Get("type"), q.Get("sort"))
	if err != nil {
		return nil, err
	}
	out := &TableResponse{Total: len(rows), Rows: []any{}}
	if offset < len(rows) {
		out.Rows = rows[offset:min(len(rows), offset+limit)]
	}
	return out, nil
}

// manifestStamp is what tells a new publish: the manifest's size and
// modification time.
func manifestStamp(dir string) string {
	st, err := os.Stat(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return ""
	}
	return fmt.Sprint(st.Size(), st.ModTime().UnixNano())
}
