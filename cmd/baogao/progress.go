package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/baogao/baogao/corpus"
)

// progress shows how far a run is: a bar on a terminal (documents and MB
// done, rate, ETA), a log line every logEvery otherwise, or nothing.
//
// Concurrency: Done is called from the run's consumer goroutine; the log
// ticker reads the counters under mu.
type progress struct {
	mu         sync.Mutex
	files      int // files done (a file split into items counts once)
	docs       int
	bytes      int64
	lastPath   string
	totalFiles int
	totalBytes int64
	start      time.Time

	bar  *mpb.Bar
	p    *mpb.Progress
	stop chan struct{}
	done chan struct{}
}

// logEvery is the interval of progress log lines when stderr is not a
// terminal: often enough to see a long run move, rare enough for CI logs.
const logEvery = 10 * time.Second

// progressModes are the values of -progress.
var progressModes = []string{"auto", "bar", "log", "none"}

// checkProgress reports whether mode is a value of -progress.
func checkProgress(mode string) error {
	if !slices.Contains(progressModes, mode) {
		return fmt.Errorf("-progress %q: want one of %s", mode, strings.Join(progressModes, ", "))
	}
	return nil
}

func newProgress(mode string, stderr io.Writer, log *slog.Logger, totalFiles int, totalBytes int64) *progress {
	pr := &progress{totalFiles: totalFiles, totalBytes: totalBytes, start: time.Now()}
	if mode == "auto" {
		mode = "log"
		if fh, ok := stderr.(*os.File); ok && term.IsTerminal(int(fh.Fd())) {
			mode = "bar"
		}
	}
	switch mode {
	case "bar":
		pr.p = mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(40), mpb.WithRefreshRate(150*time.Millisecond))
		pr.bar = pr.p.AddBar(totalBytes,
			mpb.PrependDecorators(
				decor.Any(func(decor.Statistics) string {
					pr.mu.Lock()
					defer pr.mu.Unlock()
					return fmt.Sprintf("%d/%d files, %d docs", pr.files, pr.totalFiles, pr.docs)
				}, decor.WCSyncSpaceR),
				decor.Counters(decor.SizeB1000(0), " % .1f / % .1f", decor.WCSyncSpace),
			),
			mpb.AppendDecorators(
				decor.AverageSpeed(decor.SizeB1000(0), " % .1f", decor.WCSyncSpace),
				decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO),
			),
		)
	case "log":
		pr.stop, pr.done = make(chan struct{}), make(chan struct{})
		go func() {
			defer close(pr.done)
			t := time.NewTicker(logEvery)
			defer t.Stop()
			for {
				select {
				case <-pr.stop:
					return
				case <-t.C:
					pr.mu.Lock()
					el := time.Since(pr.start).Seconds()
					log.Info("progress", "files", pr.files, "of", pr.totalFiles, "docs", pr.docs,
						"MB", fmt.Sprintf("%.1f", float64(pr.bytes)/1e6),
						"MB/s", fmt.Sprintf("%.2f", float64(pr.bytes)/1e6/el))
					pr.mu.Unlock()
				}
			}
		}()
	}
	return pr
}

// Done counts one analysed document.
func (pr *progress) Done(doc *corpus.Document) {
	pr.mu.Lock()
	pr.docs++
	var n int64
	if doc.Path != pr.lastPath {
		pr.files++
		pr.bytes += doc.Size
		pr.lastPath = doc.Path
		n = doc.Size
	}
	pr.mu.Unlock()
	if pr.bar != nil && n > 0 {
		pr.bar.IncrInt64(n)
	}
}

// Close ends the display.
func (pr *progress) Close() {
	if pr.bar != nil {
		pr.bar.SetTotal(-1, true) // complete at the bytes done, even when a file was skipped
		pr.p.Wait()
	}
	if pr.stop != nil {
		close(pr.stop)
		<-pr.done
	}
}
