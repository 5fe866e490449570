package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// markup is a report whose text holds HTML (a script, an img with an
// onerror, an iframe, a javascript: link) and a character outside the
// BMP before its mentions, which JavaScript strings count twice.
var markup = filepath.Join("testdata", "webpage")

// chromium returns the browser for the page tests: $BAOGAO_CHROMIUM, else
// chromium on PATH. Without one the test skips, unless
// BAOGAO_REQUIRE_BROWSER is set (CI sets it: there the page is tested
// for real, never skipped).
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("BAOGAO_CHROMIUM")
	if path == "" {
		path = "chromium"
	}
	found, err := exec.LookPath(path)
	if err != nil {
		missing(t, "BAOGAO_REQUIRE_BROWSER", fmt.Sprintf("no browser here: %v (install chromium or set BAOGAO_CHROMIUM)", err))
	}
	return found
}

// browser is one tab of a headless Chromium on the page of a server.
//
// Its methods take the *testing.T of the (sub)test that calls them.
type browser struct {
	ctx  context.Context
	base string // the server's URL

	mu      sync.Mutex
	dialogs []string // alert, confirm or prompt messages the page opened
}

func newBrowser(t *testing.T, base string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "zh-CN"))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // CI runs as root
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browser{ctx: ctx, base: base}
	// A dialog would mean the report's markup ran: note it and dismiss it
	// so that the page goes on and the test can say so.
	err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			b.mu.Lock()
			b.dialogs = append(b.dialogs, string(d.Type)+": "+d.Message)
			b.mu.Unlock()
			go chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
				return err
			}))
		}
	})
	if err != nil {
		t.Fatalf("start %s: %v", chromium(t), err)
	}
	b.size(t, 1280, 900)
	return b
}

// run runs actions with a time limit.
func (b *browser) run(t *testing.T, what string, acts ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, acts...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page into a T.
func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("eval %.80s: %v", js, err)
	}
	return v
}

// settled waits until the page has finished rendering: its data-seq is
// set, not before, and no request is under way.
func (b *browser) settled(t *testing.T, what, before string) {
	t.Helper()
	js := fmt.Sprintf(`document.body && document.body.dataset.seq !== undefined && document.body.dataset.seq !== %q && !document.body.dataset.busy`, before)
	b.run(t, what+": wait for the page", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second))(ctx, t)
		return err
	}))
}

// do runs actions that make the page render again and waits for it.
func (b *browser) do(t *testing.T, what string, acts ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	before := eval[string](t, b, `document.body.dataset.seq || ""`)
	b.run(t, what, acts...)
	b.settled(t, what, before)
}

// open loads the page at path (and query) and waits for its first render.
func (b *browser) open(t *testing.T, path string) {
	t.Helper()
	b.run(t, "open "+path, chromedp.Navigate(b.base+path))
	b.settled(t, "open "+path, "")
}

// search types q into the search box and presses Enter.
func (b *browser) search(t *testing.T, q string) {
	t.Helper()
	b.do(t, "search "+q, fill("q", q), chromedp.KeyEvent(kb.Enter))
}

// fill empties the input with the id and types text into it.
func fill(id, text string) chromedp.Action[chromedp.Void] {
	clear := chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).value = ''`, id))
	if text == "" {
		return chromedp.Steps(clear, chromedp.Focus(chromedp.ID(id)))
	}
	return chromedp.Steps(clear, chromedp.SendKeys(chromedp.ID(id), text))
}

// press presses a key as a keyboard does: the key down with its text,
// which the page may cancel, then up.
func press(key, code, text string, vk int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
			ev := input.DispatchKeyEventParams{Type: typ, Key: key, Code: code, WindowsVirtualKeyCode: vk, NativeVirtualKeyCode: vk}
			if typ == input.DispatchKeyEventTypeKeyDown {
				ev.Text, ev.UnmodifiedText = text, text
			}
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *browser) size(t *testing.T, w, h int64) {
	t.Helper()
	opts := []chromedp.EmulateViewportOption{}
	if w < 600 {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	b.run(t, fmt.Sprintf("viewport %dx%d", w, h), chromedp.EmulateViewport(w, h, opts...))
}

func (b *browser) noDialogs(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.dialogs) > 0 {
		t.Errorf("the page opened dialogs: %q", b.dialogs)
	}
}

// shownHit is a hit as the page shows it.
type shownHit struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Snippets []string `json:"snippets"`
	Marks    int      `json:"marks"` // <mark> elements in its snippets
}

// shown is what the results part of the page shows.
type shown struct {
	Total   string     `json:"total"`
	Hits    []shownHit `json:"hits"`
	Chips   []string   `json:"chips"`
	Search  string     `json:"search"`
	Error   string     `json:"error"`
	Results bool       `json:"results"` // the results view is visible
	Doc     bool       `json:"doc"`     // the document view is visible
}

const shownJS = `(() => ({
	total: document.getElementById('summary').dataset.total || '',
	hits: [...document.querySelectorAll('#hits .hit')].map(h => ({
		id: h.querySelector('a.hit-link').dataset.id,
		title: h.querySelector('a.hit-link').textContent,
		snippets: [...h.querySelectorAll('.snippet')].map(p => p.textContent),
		marks: h.querySelectorAll('.snippet mark').length,
	})),
	chips: [...document.querySelectorAll('#chips .chip')].map(c => c.textContent),
	search: location.search,
	error: document.getElementById('error').hidden ? '' : document.getElementById('error').textContent,
	results: !document.getElementById('results-view').hidden,
	doc: !document.getElementById('doc-view').hidden,
}))()`

func (b *browser) shown(t *testing.T) shown { t.Helper(); return eval[shown](t, b, shownJS) }

// sameResults checks that the page shows the answer of the API.
func sameResults(t *testing.T, got shown, want apiSearch) {
	t.Helper()
	if got.Error != "" {
		t.Errorf("the page shows an error: %s", got.Error)
	}
	if got.Total != fmt.Sprint(want.Total) {
		t.Errorf("the page shows a total of %q; the API says %d", got.Total, want.Total)
	}
	var ids []string
	for _, h := range got.Hits {
		ids = append(ids, h.ID)
	}
	var wantIDs []string
	for _, h := range want.Hits {
		wantIDs = append(wantIDs, h.ID)
	}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("the page shows hits %v; the API answers %v", ids, wantIDs)
		return
	}
	for i, h := range want.Hits {
		g := got.Hits[i]
		marks := 0
		var texts []string
		for _, s := range h.Snippets {
			marks += strings.Count(s, "<mark>")
			texts = append(texts, html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)))
		}
		if !slices.Equal(g.Snippets, texts) {
			t.Errorf("hit %s: the page shows snippets %q; the API's read %q", h.ID, g.Snippets, texts)
		}
		if g.Marks != marks {
			t.Errorf("hit %s: %d <mark> in the page; %d in the API's snippets", h.ID, g.Marks, marks)
		}
		if title := cmpOr(h.Title, h.Path); g.Title != title {
			t.Errorf("hit %s: titled %q; want %q", h.ID, g.Title, title)
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// docShown is what the document view shows.
type docShown struct {
	Title   string         `json:"title"`
	Meta    string         `json:"meta"`
	Text    string         `json:"text"`
	Marked  map[int]marked `json:"marked"` // mention index (order of the API) → its marks
	Listed  map[string]int `json:"listed"` // kind → buttons in the side list
	Legend  map[string]int `json:"legend"` // kind → count in the legend
	Layered int            `json:"layered"`
}

type marked struct {
	Text    string   `json:"text"`
	Classes []string `json:"classes"`
}

const docJS = `(() => {
	const marked = {};
	let layered = 0;
	for (const s of document.querySelectorAll('#doc-text .m')) {
		const ids = s.dataset.m.split(' ');
		if (ids.length > 1) layered++;
		for (const i of ids) {
			marked[i] = marked[i] || {text: '', classes: []};
			marked[i].text += s.textContent;
			marked[i].classes.push(s.className);
		}
	}
	const listed = {}, legend = {};
	for (const g of document.querySelectorAll('#mention-groups details.group')) listed[g.dataset.kind] = g.querySelectorAll('button.mention').length;
	for (const li of document.querySelectorAll('#legend li')) legend[li.querySelector('.swatch').className.replace('swatch bg-', '')] = Number(li.querySelector('.count').textContent);
	return {
		title: document.getElementById('doc-title').textContent,
		meta: document.getElementById('doc-meta').textContent,
		text: document.getElementById('doc-text').textContent,
		marked, listed, legend, layered,
	};
})()`

// sameDoc checks that the document view shows the document of the API:
// its text whole, every mention marked in the colour of its kind over
// exactly its text, and listed beside it.
func sameDoc(t *testing.T, b *browser, d apiDoc) {
	t.Helper()
	got := eval[docShown](t, b, docJS)
	if got.Text != d.Text {
		t.Errorf("doc %s: the page shows a text of %d bytes; the API's has %d", d.ID, len(got.Text), len(d.Text))
	}
	if title := cmpOr(d.Title, d.Path); got.Title != title {
		t.Errorf("doc %s: titled %q; want %q", d.ID, got.Title, title)
	}
	if !strings.Contains(got.Meta, d.Path) || (d.Date != "" && !strings.Contains(got.Meta, d.Date)) {
		t.Errorf("doc %s: metadata %q lacks the path %s or the date %s", d.ID, got.Meta, d.Path, d.Date)
	}
	want, rendered := map[string]int{}, map[string]int{}
	overlaps := 0
	for i, m := range d.Mentions {
		want[m.Kind]++
		g, ok := got.Marked[i]
		if !ok {
			t.Errorf("doc %s: mention %d %+v is not marked", d.ID, i, m)
			continue
		}
		good := g.Text == m.Text
		for _, c := range g.Classes {
			good = good && slices.Contains(strings.Fields(c), "k-"+m.Kind)
		}
		if !good {
			t.Errorf("doc %s: mention %d %s %q is marked over %q with classes %q", d.ID, i, m.Kind, m.Text, g.Text, g.Classes)
			continue
		}
		rendered[m.Kind]++
		for _, o := range d.Mentions[i+1:] {
			if o.StartChar < m.EndChar && m.StartChar < o.EndChar {
				overlaps++
			}
		}
	}
	for k, n := range want {
		if rendered[k] != n || got.Listed[k] != n || got.Legend[k] != n {
			t.Errorf("doc %s: %s: %d marked, %d listed, legend %d; the API has %d", d.ID, k, rendered[k], got.Listed[k], got.Legend[k], n)
		}
	}
	if overlaps > 0 && got.Layered == 0 {
		t.Errorf("doc %s: %d overlapping mentions, yet no segment is marked by two", d.ID, overlaps)
	}
}

// noOverflow checks that the page does not scroll sideways.
func noOverflow(t *testing.T, b *browser, where string) {
	t.Helper()
	w := eval[[]int](t, b, `[document.documentElement.scrollWidth, window.innerWidth]`)
	if w[0] > w[1] {
		t.Errorf("%s: the page is %d px wide in a %d px window", where, w[0], w[1])
	}
}

// screenshot saves the window as dir/name.png and checks it decodes.
func screenshot(t *testing.T, b *browser, dir, name string, width int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	img, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(img))
	if err != nil || cfg.Width != width {
		t.Errorf("screenshot %s: %v, %d px wide; want a PNG %d px wide", name, err, cfg.Width, width)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, img, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

// TestPage drives the search page in a headless Chromium over a real run
// of the seeds, the sample reports and a report full of markup, and
// checks what it shows against the API. BAOGAO_SCREENSHOTS=DIR keeps the
// screenshots it takes at 1280 and 390 px.
func TestPage(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a browser over a real run")
	}
	chromium(t)
	out := runOutput(t, sharedCorpus(t, "seeds"), sample, markup)
	texts := docTexts(t, out)
	s := startServe(t, out)
	b := newBrowser(t, s.url)
	api := func(t *testing.T, path string) apiSearch {
		t.Helper()
		var r apiSearch
		s.ok(t, path, &r)
		return r
	}
	doc := func(t *testing.T, id string) apiDoc {
		t.Helper()
		var d apiDoc
		s.ok(t, "/api/docs/"+url.PathEscape(id), &d)
		return d
	}

	t.Run("loads with every document and the chart", func(t *testing.T) {
		b.open(t, "/")
		want := api(t, "/api/search")
		if want.Total != len(texts) {
			t.Fatalf("the API finds %d of %d documents for the empty query", want.Total, len(texts))
		}
		sameResults(t, b.shown(t), want)
		var months []apiFacet = want.Facets["month"]
		chart := eval[struct {
			Hidden bool   `json:"hidden"`
			Bars   int    `json:"bars"`
			Rows   int    `json:"rows"`
			Role   string `json:"role"`
			Desc   string `json:"desc"`
		}](t, b, `(() => ({hidden: document.getElementById('chart').hidden,
			bars: [...document.querySelectorAll('#chart-svg .bar')].filter(g => g.querySelector('.fill').getAttribute('height') > 0).length,
			rows: document.querySelectorAll('#chart-rows tr').length,
			role: (document.querySelector('#chart-svg svg') || {getAttribute: () => ''}).getAttribute('role'),
			desc: document.getElementById('chart-desc') ? document.getElementById('chart-desc').textContent : ''}))()`)
		if len(months) == 0 || chart.Hidden || chart.Bars != len(months) || chart.Rows != len(months) || chart.Role != "img" || chart.Desc == "" {
			t.Errorf("chart %+v; want %d months with hits as bars and rows, an img with a description", chart, len(months))
		}
	})

	t.Run("a bar of the chart filters to its month", func(t *testing.T) {
		months := api(t, "/api/search").Facets["month"]
		if len(months) == 0 {
			t.Fatal("no month facet")
		}
		m := months[len(months)-1]
		b.do(t, "click bar "+m.Name, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#chart-svg .bar[data-name="%s"]`, m.Name))))
		got := b.shown(t)
		sameResults(t, got, api(t, "/api/search?after="+m.Name+"&before="+m.Name))
		if got.Total != fmt.Sprint(m.Count) || len(got.Chips) != 1 || !strings.Contains(got.Chips[0], m.Name) {
			t.Errorf("after the bar of %s (%d): total %s, chips %q", m.Name, m.Count, got.Total, got.Chips)
		}
		b.do(t, "back", chromedp.NavigateBack())
	})

	t.Run("slash focuses the search box", func(t *testing.T) {
		b.run(t, "blur", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), press("/", "Slash", "/", 191))
		if f := eval[string](t, b, `document.activeElement.id + '|' + document.getElementById('q').value`); f != "q|" {
			t.Errorf("after /: focus and box %q; want the empty search box focused", f)
		}
	})

	word := "医院"
	hospital := api(t, "/api/search?q="+q(word))
	t.Run("Enter searches and marks the matches", func(t *testing.T) {
		b.search(t, word)
		got := b.shown(t)
		sameResults(t, got, hospital)
		if p, _ := url.ParseQuery(strings.TrimPrefix(got.Search, "?")); p.Get("q") != word {
			t.Errorf("URL query %q; want q=%s", got.Search, word)
		}
		for _, h := range got.Hits {
			if h.Marks == 0 {
				t.Errorf("hit %s has no <mark>", h.ID)
			}
		}
	})

	t.Run("Tab reaches the hits with a visible focus", func(t *testing.T) {
		b.run(t, "focus the box", chromedp.Focus(chromedp.ID("q")))
		var at string
		for range 100 {
			b.run(t, "Tab", chromedp.KeyEvent(kb.Tab))
			if at = eval[string](t, b, `document.activeElement.classList.contains('hit-link') ? document.activeElement.dataset.id : ''`); at != "" {
				break
			}
		}
		if at != hospital.Hits[0].ID {
			t.Fatalf("Tab from the search box reaches hit %q first; want %s", at, hospital.Hits[0].ID)
		}
		if o := eval[string](t, b, `(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth })()`); strings.HasPrefix(o, "none") || strings.HasSuffix(o, " 0px") {
			t.Errorf("the focused hit has outline %q", o)
		}
		b.do(t, "Enter on the hit", chromedp.KeyEvent(kb.Enter))
		if got := b.shown(t); !got.Doc || !strings.Contains(got.Search, "doc="+at) {
			t.Errorf("Enter on the hit: document view %v, URL %q", got.Doc, got.Search)
		}
		b.do(t, "Esc", chromedp.KeyEvent(kb.Escape))
	})

	t.Run("a kind of mention filters", func(t *testing.T) {
		b.do(t, "click person", chromedp.Click(chromedp.CSS(`#f-kind a[href*="kind=person"]`)))
		got := b.shown(t)
		sameResults(t, got, api(t, "/api/search?q="+q(word)+"&kind=person"))
		if len(got.Chips) != 1 || !strings.Contains(got.Chips[0], "People") {
			t.Errorf("chips %q; want one for people", got.Chips)
		}
		b.do(t, "back", chromedp.NavigateBack())
		sameResults(t, b.shown(t), hospital)
	})

	t.Run("a facet filters and shows a chip", func(t *testing.T) {
		inits := hospital.Facets["initiative"]
		if len(inits) == 0 {
			t.Fatalf("no initiative facet for %s", word)
		}
		f := inits[len(inits)/2]
		i := slices.IndexFunc(eval[[]string](t, b, `[...document.querySelectorAll('#f-initiative a .name')].map(e => e.textContent)`), func(n string) bool { return n == f.Name })
		if i < 0 {
			t.Fatalf("the page lists no facet %s", f.Name)
		}
		b.do(t, "click facet "+f.Name, chromedp.Click(chromedp.CSS(fmt.Sprintf("#f-initiative li:nth-child(%d) a", i+1))))
		got := b.shown(t)
		want := api(t, "/api/search?q="+q(word)+"&initiative="+q(f.Name))
		sameResults(t, got, want)
		if got.Total != fmt.Sprint(f.Count) {
			t.Errorf("after the facet %s (%d) the total is %s", f.Name, f.Count, got.Total)
		}
		if len(got.Chips) != 1 || !strings.Contains(got.Chips[0], f.Name) {
			t.Errorf("chips %q; want one naming %s", got.Chips, f.Name)
		}
		b.do(t, "remove the chip", chromedp.Click(chromedp.CSS("#chips .chip")))
		got = b.shown(t)
		sameResults(t, got, hospital)
		if len(got.Chips) != 0 {
			t.Errorf("chips %q after removing the only one", got.Chips)
		}
	})

	t.Run("a date range", func(t *testing.T) {
		years := hospital.Facets["year"]
		if len(years) < 2 {
			t.Fatalf("hits of %s span %d years; want 2 or more", word, len(years))
		}
		after, before := years[0].Name, years[len(years)-2].Name+"-12-31"
		n := 0
		for _, y := range years[:len(years)-1] {
			n += y.Count
		}
		b.do(t, "date range", fill("after", after), fill("before", before), chromedp.KeyEvent(kb.Enter))
		got := b.shown(t)
		want := api(t, "/api/search?q="+q(word)+"&after="+after+"&before="+before)
		sameResults(t, got, want)
		if want.Total != n {
			t.Errorf("%s to %s: the API finds %d; its year facets add up to %d", after, before, want.Total, n)
		}
		if !slices.ContainsFunc(got.Chips, func(c string) bool { return strings.Contains(c, after) && strings.Contains(c, before) }) {
			t.Errorf("chips %q; want the range %s – %s", got.Chips, after, before)
		}
	})

	t.Run("pages, back and reload", func(t *testing.T) {
		b.open(t, "/?size=3")
		all := api(t, "/api/search?size=3")
		if all.Total <= 6 {
			t.Fatalf("only %d documents; want three pages of 3", all.Total)
		}
		sameResults(t, b.shown(t), all)
		b.do(t, "page 2", chromedp.Click(chromedp.CSS(`#pager a[href*="page=2"]:not(.prev):not(.next)`)))
		page2 := api(t, "/api/search?size=3&from=3")
		got := b.shown(t)
		sameResults(t, got, page2)
		if !strings.Contains(got.Search, "page=2") {
			t.Errorf("URL %q after page 2", got.Search)
		}
		if cur := eval[string](t, b, `document.querySelector('#pager [aria-current=page]').textContent`); cur != "2" {
			t.Errorf("current page %q; want 2", cur)
		}
		b.do(t, "next page", chromedp.Click(chromedp.CSS(`#pager a.next`)))
		sameResults(t, b.shown(t), api(t, "/api/search?size=3&from=6"))
		b.do(t, "back", chromedp.NavigateBack())
		sameResults(t, b.shown(t), page2)
		b.open(t, "/"+eval[string](t, b, `location.search`))
		sameResults(t, b.shown(t), page2)
	})

	// The document with the most overlapping mentions.
	var long apiDoc
	most := -1
	for id := range texts {
		d := doc(t, id)
		n := 0
		for i, m := range d.Mentions {
			for _, o := range d.Mentions[i+1:] {
				if o.StartChar < m.EndChar && m.StartChar < o.EndChar {
					n++
				}
			}
		}
		if n > most || n == most && id < long.ID {
			long, most = d, n
		}
	}
	t.Run("a document with its marked mentions", func(t *testing.T) {
		b.open(t, "/")
		b.search(t, "id:"+long.ID)
		b.do(t, "open "+long.ID, chromedp.Click(chromedp.CSS("#hits a.hit-link")))
		got := b.shown(t)
		if !got.Doc || got.Results || !strings.Contains(got.Search, "doc="+long.ID) {
			t.Fatalf("after clicking the hit: document view %v, results %v, URL %q", got.Doc, got.Results, got.Search)
		}
		sameDoc(t, b, long)
	})

	t.Run("a mention in the list scrolls into view and takes focus", func(t *testing.T) {
		last := 0
		for i, m := range long.Mentions {
			if m.StartChar > long.Mentions[last].StartChar {
				last = i
			}
		}
		where := func() []float64 {
			return eval[[]float64](t, b, fmt.Sprintf(`(() => { const s = [...document.querySelectorAll('#doc-text .m')].find(e => e.dataset.m.split(' ').includes('%d'));
				const r = s.getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]; })()`, last))
		}
		if r := where(); r[0] < r[2] {
			t.Logf("mention %d is in view before the click (%v)", last, r)
		}
		b.run(t, "click mention", chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.mention[data-i="%d"]`, last))))
		focus := eval[string](t, b, `document.activeElement.classList.contains('m') && document.activeElement.classList.contains('current') ? document.activeElement.dataset.m : ''`)
		if !slices.Contains(strings.Fields(focus), fmt.Sprint(last)) {
			t.Errorf("after clicking mention %d the focus is on %q", last, focus)
		}
		if r := where(); r[0] < 0 || r[1] > r[2] {
			t.Errorf("mention %d at %v px; not within the %v px window", last, r[:2], r[2])
		}
	})

	t.Run("Esc closes the document, forward opens it", func(t *testing.T) {
		b.do(t, "Esc", chromedp.KeyEvent(kb.Escape))
		got := b.shown(t)
		if got.Doc || !got.Results || strings.Contains(got.Search, "doc=") {
			t.Errorf("after Esc: document view %v, results %v, URL %q", got.Doc, got.Results, got.Search)
		}
		if f := eval[string](t, b, `document.activeElement.dataset.id || document.activeElement.id`); f != long.ID {
			t.Errorf("after Esc the focus is on %q; want the hit %s", f, long.ID)
		}
		b.do(t, "forward", chromedp.NavigateForward())
		if got := b.shown(t); !got.Doc {
			t.Errorf("forward did not open the document again")
		}
		b.do(t, "Esc", chromedp.KeyEvent(kb.Escape))
	})

	t.Run("markup in a report stays text", func(t *testing.T) {
		var id string
		for i, text := range texts {
			if strings.Contains(text, "<img src=x onerror=") {
				id = i
			}
		}
		if id == "" {
			t.Fatalf("no document of %s in the run", markup)
		}
		phrase := `"健康讲座"`
		want := api(t, "/api/search?q="+q(phrase))
		b.search(t, phrase)
		got := b.shown(t)
		sameResults(t, got, want)
		i := slices.IndexFunc(got.Hits, func(h shownHit) bool { return h.ID == id })
		if i < 0 || !strings.Contains(strings.Join(got.Hits[i].Snippets, ""), "<img src=x") || !strings.HasPrefix(got.Hits[i].Title, "<script>") {
			t.Fatalf("the markup report among the hits %+v; want its <script> title and <img snippet as text", got.Hits)
		}
		const elements = `document.querySelectorAll('img, iframe, object, embed, main script, main b, a[href^="javascript"]').length`
		if n := eval[int](t, b, elements); n != 0 {
			t.Errorf("the results made %d elements of the report's markup", n)
		}
		b.do(t, "open the markup report", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#hits a[data-id="%s"]`, id))))
		sameDoc(t, b, doc(t, id))
		if n := eval[int](t, b, elements); n != 0 {
			t.Errorf("the document made %d elements of its markup", n)
		}
		if ran := eval[bool](t, b, `window.pwned !== undefined`); ran {
			t.Errorf("the report's script ran")
		}
		b.noDialogs(t)
		b.do(t, "Esc", chromedp.KeyEvent(kb.Escape))
	})

	t.Run("errors of the API are shown", func(t *testing.T) {
		for _, bad := range []struct{ q, path string }{
			{"(医院", "/api/search?q=" + q("(医院")},
		} {
			_, body := s.get(t, bad.path, nil)
			var e struct {
				Error string `json:"error"`
			}
			if err := json.Unmarshal(body, &e); err != nil || e.Error == "" {
				t.Fatalf("GET %s: %s; want an error", bad.path, body)
			}
			b.search(t, bad.q)
			got := b.shown(t)
			if !strings.Contains(got.Error, e.Error) || len(got.Hits) != 0 {
				t.Errorf("query %s: the page shows error %q and %d hits; want the API's %q", bad.q, got.Error, len(got.Hits), e.Error)
			}
		}
		b.search(t, "")
		b.do(t, "bad date", fill("after", "2021-13"), chromedp.KeyEvent(kb.Enter))
		if got := b.shown(t); !strings.Contains(got.Error, "after") || !strings.Contains(got.Error, "2021-13") {
			t.Errorf("after=2021-13: the page shows error %q", got.Error)
		}
		b.do(t, "fix the date", fill("after", ""), chromedp.KeyEvent(kb.Enter))
		if got := b.shown(t); got.Error != "" {
			t.Errorf("the error %q stays after a good search", got.Error)
		}
	})

	t.Run("fits 1280 and 390 px", func(t *testing.T) {
		dir := os.Getenv("BAOGAO_SCREENSHOTS")
		if dir == "" {
			dir = t.TempDir()
		} else if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, w := range []struct {
			w, h int64
			name string
		}{{1280, 900, "1280"}, {390, 844, "390"}} {
			b.size(t, w.w, w.h)
			b.open(t, "/?q="+q(word))
			noOverflow(t, b, w.name+" px results")
			wide := eval[[]bool](t, b, `[document.getElementById('facets').open, document.getElementById('facets').getBoundingClientRect().right <= window.innerWidth]`)
			if !wide[1] || wide[0] != (w.w > 800) {
				t.Errorf("%s px: facets open %v, within the window %v; want open beside the results only when wide", w.name, wide[0], wide[1])
			}
			screenshot(t, b, dir, "results-"+w.name, int(w.w))
			b.open(t, "/?q="+q(word)+"&doc="+url.QueryEscape(long.ID))
			if !b.shown(t).Doc {
				t.Errorf("%s px: a URL with doc= does not open the document", w.name)
			}
			sameDoc(t, b, long)
			noOverflow(t, b, w.name+" px document")
			screenshot(t, b, dir, "document-"+w.name, int(w.w))
		}
		b.size(t, 1280, 900)
		b.noDialogs(t)
	})
}
