package entity

import (
	"fmt"
	"testing"

	"github.com/baogao/baogao/pipeline/segment"
)

func TestScratchDbg(t *testing.T) {
	j, _ := segment.New(segment.Options{})
	defer j.Close()
	for _, s := range []string{"叶利钦任命部分政府", "金正日在信中指出，", "发表演说后，曼德拉来到人群当中", "与美国前总统里根夫人同样的名", "上个月，克林顿政府决定", "即马克思所说的", "雷锋以劳动观点为", "在首都举行文天祥诞辰纪念会。", "梁启超、胡适、金岳霖等", "穆萨于２８日抵达", "以０∶２不敌佩尔森，最后", "叶利钦总统与基里延科总理再次会见", "”周弘对此有进一步", "郗杰英", "马宏伟"} {
		tags := j.Tag(s)
		for _, tg := range tags {
			fmt.Print(tg.Term, "/", tg.POS, " ")
		}
		fmt.Println(Extract(s, tags))
	}
}
