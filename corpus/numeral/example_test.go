package numeral_test

import (
	"fmt"

	"github.com/baogao/baogao/corpus/numeral"
)

func Example() {
	for _, s := range []string{"一万零四十", "三百五", "廿一", "壹佰贰拾万"} {
		n, _ := numeral.Chinese(s)
		fmt.Println(s, n)
	}
	y, _ := numeral.DigitByDigit("二〇二一")
	d, _ := numeral.Small("二十五")
	fmt.Println(y, d)
	// Output:
	// 一万零四十 10040
	// 三百五 350
	// 廿一 21
	// 壹佰贰拾万 1200000
	// 2021 25
}
