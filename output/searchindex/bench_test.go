package searchindex

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// readQueries reads testdata/queries.txt: one query per line, # comments.
func readQueries(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "queries.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			qs = append(qs, line)
		}
	}
	return qs
}

// BenchmarkQueries runs the fixed query set (top 10 with snippets and
// facets) warm, against the index BAOGAO_BENCH_INDEX names (a run's
// output; build it with baogao run -split '### ' over xwlb), and reports
// the latency percentiles.
//
//	BAOGAO_BENCH_INDEX=OUT go test ./output/searchindex -run XXX -bench Queries
func BenchmarkQueries(b *testing.B) {
	dir := os.Getenv("BAOGAO_BENCH_INDEX")
	if dir == "" {
		b.Skip("BAOGAO_BENCH_INDEX not set")
	}
	ix, err := Open(dir, testJieba)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	qs := readQueries(b)
	run := func(q string) time.Duration {
		t := time.Now()
		if _, err := ix.Search(context.Background(), Request{Query: q, N: 10, Facets: 10, Highlight: HighlightHTML}); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
		return time.Since(t)
	}
	for _, q := range qs { // warm
		run(q)
	}
	var lat []time.Duration
	for b.Loop() {
		for _, q := range qs {
			lat = append(lat, run(q))
		}
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.9), "p90-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	if os.Getenv("BAOGAO_BENCH_SLOW") != "" {
		for _, q := range qs {
			if d := run(q); d > 5*time.Millisecond {
				b.Logf("%8.2f ms  %s", float64(d.Microseconds())/1000, q)
			}
		}
	}
}
