package format_test

import (
	"fmt"

	"github.com/baogao/baogao/corpus/format"
)

func ExampleParse() {
	text := "标题: 县医院开通夜间门诊\n发布日期: 2022-09-01 08:00\n浏览次数: 35\n正文内容:\n即日起，县医院开通夜间门诊，方便上班族就医。\n"
	recs, errs := format.Parse("news.txt", text, format.Options{})
	for _, r := range recs {
		fmt.Println(r.Title)
		fmt.Println(r.Date, r.DateSource, r.Meta["views"])
		fmt.Printf("%q\n", r.Text)
	}
	fmt.Println(len(errs), "errors")
	// Output:
	// 县医院开通夜间门诊
	// 2022-09-01 field 35
	// "即日起，县医院开通夜间门诊，方便上班族就医。\n"
	// 0 errors
}

func ExampleParse_jsonl() {
	text := `{"id": "n1", "date": "2022-09-02", "text": "社区开展健康讲座。"}
{"id": "n2", "text": 
{"id": "n3", "text": "乡镇卫生院完成改造。", "source": "县卫健局"}
`
	recs, errs := format.Parse("batch.jsonl", text, format.Options{})
	for _, r := range recs {
		fmt.Println(r.Item, r.ID, r.Date, r.Meta["source"], r.Text)
	}
	for _, err := range errs {
		fmt.Println(err)
	}
	// Output:
	// 1 n1 2022-09-02  社区开展健康讲座。
	// 3 n3  县卫健局 乡镇卫生院完成改造。
	// line 2 (item 2): invalid json: unexpected end of JSON input
}
