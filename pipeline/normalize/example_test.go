package normalize_test

import (
	"fmt"
	"strings"

	"github.com/baogao/baogao/pipeline/normalize"
)

// An extractor matches on the repaired view and reports spans of the
// original text.
func ExampleRepair() {
	text := "醫院於２０２１年６月２５日\u200b開展義診"
	v := normalize.Repair(text)
	fmt.Println(v.Text)

	i := strings.Index(v.Text, "2021年6月25日")
	start, end := v.Orig(i, i+len("2021年6月25日"))
	fmt.Printf("%d-%d %s\n", start, end, text[start:end])
	// Output:
	// 医院于2021年6月25日开展义诊
	// 9-39 ２０２１年６月２５日
}
