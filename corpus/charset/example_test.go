package charset_test

import (
	"fmt"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/baogao/baogao/corpus/charset"
)

func ExampleDecode() {
	// A line of a report saved as GB18030 ("the hospital received 120,000
	// outpatient visits this year").
	b, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("本院全年接待门诊患者十二万人次。"))
	r, err := charset.Decode(b)
	fmt.Println(r.Encoding, r.Text, r.Replaced, err)
	// Output: gb18030 本院全年接待门诊患者十二万人次。 0 <nil>
}

func ExampleDecodeAs() {
	// The same bytes forced through the alias a user would type.
	b, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("会议纪要"))
	r, err := charset.DecodeAs(b, "GBK")
	fmt.Println(r.Encoding, r.Text, err)
	// Output: gb18030 会议纪要 <nil>
}
