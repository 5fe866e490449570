package normalize

import (
	"testing"

	"github.com/longbridgeapp/opencc"
)

// BenchmarkOpenCCLoad measures what the first T2S or IsTraditional pays.
func BenchmarkOpenCCLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := opencc.New("t2s"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenCCConvert is OpenCC's own Convert on the seeds, for
// comparison with BenchmarkT2S.
func BenchmarkOpenCCConvert(b *testing.B) {
	cc := converter().cc
	benchmarkSeeds(b, func(s string) *View {
		if _, err := cc.Convert(s); err != nil {
			b.Fatal(err)
		}
		return nil
	})
}
