package main

import (
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// peakHeapProfiler writes a heap profile to a file each time the live Go
// heap reaches a new high, checked every interval, so the file holds the
// profile of the peak: where memory goes when it matters (-memprofile).
type peakHeapProfiler struct {
	path string
	stop chan struct{}
	done chan struct{}
}

const heapCheckEvery = 500 * time.Millisecond

func startPeakHeapProfile(path string) *peakHeapProfiler {
	p := &peakHeapProfiler{path: path, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		t := time.NewTicker(heapCheckEvery)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			if live := sample[0].Value.Uint64(); live > peak {
				peak = live
				p.write()
			}
		}
	}()
	return p
}

func (p *peakHeapProfiler) write() {
	f, err := os.Create(p.path)
	if err != nil {
		return
	}
	defer f.Close()
	runtime.GC() // up-to-date statistics
	_ = pprof.Lookup("heap").WriteTo(f, 0)
}

// Stop ends the sampling; the file holds the profile of the highest heap seen.
func (p *peakHeapProfiler) Stop() {
	close(p.stop)
	<-p.done
}
