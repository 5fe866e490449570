package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkServe measures `baogao serve` as a user meets it, over HTTP on
// 127.0.0.1, against OUT = $BAOGAO_BENCH_OUT (build it with
// baogao run -split '### ' over xwlb; default: a run of the seeds):
//
//   - first: the binary started until its first search is answered
//     (dictionaries and index loaded), in seconds;
//
//   - queries: the fixed query set of output/searchindex/testdata/queries.txt
//     (top 10 with snippets and facets), one client, warm: p50/p90/p99;
//
//   - load: 50 clients cycling through the query set for
//     $BAOGAO_BENCH_LOAD (default 20s): p50/p90/p99, requests per second
//     and errors (any answer but 200).
//
//     BAOGAO_BENCH_OUT=OUT go test ./cmd/baogao -run XXX -bench Serve -benchtime 1x
func BenchmarkServe(b *testing.B) {
	out := os.Getenv("BAOGAO_BENCH_OUT")
	if out == "" {
		out = runOutput(b, sharedCorpus(b, "seeds"))
	}
	load := 20 * time.Second
	if v := os.Getenv("BAOGAO_BENCH_LOAD"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			b.Fatalf("BAOGAO_BENCH_LOAD: %v", err)
		}
		load = d
	}
	paths := queryPaths(b)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	fetch := func(s *server, path string) (time.Duration, bool) {
		t := time.Now()
		resp, err := client.Get(s.url + path)
		if err != nil {
			return time.Since(t), false
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return time.Since(t), resp.StatusCode == http.StatusOK
	}

	b.Run("first", func(b *testing.B) {
		var first []time.Duration
		for b.Loop() {
			t := time.Now()
			s := startServeBinary(b, "-poll", "0", out)
			if _, ok := fetch(s, paths[0]); !ok {
				b.Fatalf("first search failed:\n%s", s.stderr.String())
			}
			first = append(first, time.Since(t))
			s.stop()
		}
		b.ReportMetric(slices.Max(first).Seconds(), "max-s")
	})

	s := startServeBinary(b, "-poll", "0", out)
	for _, p := range paths { // warm
		if _, ok := fetch(s, p); !ok {
			b.Fatalf("GET %s failed", p)
		}
	}
	b.Run("queries", func(b *testing.B) {
		var lat []time.Duration
		for b.Loop() {
			for _, p := range paths {
				d, ok := fetch(s, p)
				if !ok {
					b.Fatalf("GET %s failed", p)
				}
				lat = append(lat, d)
			}
		}
		reportLatency(b, lat)
	})
	b.Run("load", func(b *testing.B) {
		var lat []time.Duration
		var errors int
		var elapsed time.Duration
		for b.Loop() {
			const clients = 50
			var mu sync.Mutex
			var wg sync.WaitGroup
			start := time.Now()
			deadline := start.Add(load)
			for c := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var mine []time.Duration
					bad := 0
					for i := c; time.Now().Before(deadline); i++ {
						d, ok := fetch(s, paths[i%len(paths)])
						mine = append(mine, d)
						if !ok {
							bad++
						}
					}
					mu.Lock()
					lat = append(lat, mine...)
					errors += bad
					mu.Unlock()
				}()
			}
			wg.Wait()
			elapsed += time.Since(start)
		}
		reportLatency(b, lat)
		b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(errors), "errors")
	})
}

// queryPaths turns the fixed query set into /api/search requests.
func queryPaths(tb testing.TB) []string {
	f, err := os.Open(filepath.Join("..", "..", "output", "searchindex", "testdata", "queries.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var paths []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			paths = append(paths, "/api/search?size=10&q="+q(line))
		}
	}
	return paths
}

// reportLatency reports the 50th, 90th and 99th percentiles in ms.
func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	for _, p := range []struct {
		f    float64
		unit string
	}{{0.5, "p50-ms"}, {0.9, "p90-ms"}, {0.99, "p99-ms"}} {
		b.ReportMetric(float64(lat[int(p.f*float64(len(lat)-1))].Microseconds())/1000, p.unit)
	}
}
