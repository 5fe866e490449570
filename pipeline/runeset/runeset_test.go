package runeset

import "testing"

func TestSet(t *testing.T) {
	s := Of("徐州a😀")
	s.Add(-1)
	for _, tt := range []struct {
		r    rune
		want bool
	}{{'徐', true}, {'州', true}, {'a', true}, {'b', false}, {'市', false}, {'😀', false}, {-1, false}, {0, false}, {BMP - 1, false}} {
		if got := s.Has(tt.r); got != tt.want {
			t.Errorf("Of(%q).Has(%q) = %v; want %v", "徐州a😀", tt.r, got, tt.want)
		}
	}
	var z Set
	z.Add(BMP - 1)
	if !z.Has(BMP-1) || z.Has(BMP-2) {
		t.Errorf("Set{}.Add(%#x): Has(%#x) = %v, Has(%#x) = %v; want true, false", BMP-1, BMP-1, z.Has(BMP-1), BMP-2, z.Has(BMP-2))
	}
}
