package charset

// The tables below are data: a hand-written list of frequent simplified
// characters, most frequent first, and its traditional forms obtained once
// with OpenCC (s2t and s2tw, one character at a time).

// commonSimplified holds about a thousand of the most frequent characters of
// modern simplified Chinese, most frequent first. A correct decoding of
// ordinary Chinese text draws most of its Han characters from this set; a
// wrong one (GBK bytes read as Big5, UTF-16 read with the wrong byte order)
// lands on characters spread evenly over the whole Han block, so rarely here.
const commonSimplified = "" +
	"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于" +
	"着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还" +
	"进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情" +
	"明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或" +
	"新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员" +
	"解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太" +
	"量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基" +
	"眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交" +
	"规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济" +
	"车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调" +
	"深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越" +
	"器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历" +
	"首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维" +
	"革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧" +
	"黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值" +
	"仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印" +
	"晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财" +
	"环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担" +
	"州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养" +
	"伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央" +
	"户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮" +
	"露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移" +
	"娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶" +
	"春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣" +
	"择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"

// commonTraditional holds the traditional forms of commonSimplified that
// differ from the simplified ones (OpenCC s2t and s2tw, character by
// character), so that Big5 text scores as well as GB text.
const commonTraditional = "" +
	"這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間" +
	"問並應戰頭體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊" +
	"決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親" +
	"極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣" +
	"顯標談喫圖歷醫專費號盡較語僅隨選紅響雖勢參衆構節維劃敵陳態護興驗責營夠嚴續講終緊" +
	"黃絕羣項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適" +
	"衛險陸習勞財環納歡獲負雲遊龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀" +
	"買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島託戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測" +
	"敗夢溫劍漸貴槍樓縣畫遺祕謝魯慮銷鍾詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆" +
	"鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂為裡眾"
