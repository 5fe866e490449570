// Package initiative finds named initiatives in Chinese report text: the
// proper name of a programme, campaign, project, activity, policy
// mechanism, plan, strategy, named service, slogan or honour that an
// organisation launches, runs or competes for, such as “我为群众办实事”实践
// 活动 ("I do practical things for the masses" practice activity), 乡村振兴
// 战略 (the rural revitalisation strategy) or 青年文明号 (youth civilisation
// post).
//
// # Input
//
// Extract and ExtractTagged match on the repaired view of a document
// (normalize.Repair: hard wraps joined, width folded, traditional script
// simplified); the caller builds it once and maps spans back with
// View.Orig. ExtractTagged also takes jieba's part-of-speech tagged words
// of that same text (segment.Jieba.Tag); Extract is ExtractTagged without
// them.
//
// # Rules
//
// Every mention carries the rule that produced it, so researchers can
// audit precision:
//
//	quoted+head     a quotation followed by a head noun, optionally after a
//	                few modifier characters: “323”健康问题攻坚行动
//	quoted-self     a quotation whose own text ends in a head noun:
//	                “一把手工程”, 《“健康中国2030”规划纲要》
//	quoted-lexicon  a bare quotation whose name is in the lexicon: “十四五”
//	quoted-seen     a bare quotation whose name appears with a head noun
//	                elsewhere in the same text
//	quoted-number   a bare quotation shaped like a numbered slogan, with at
//	                least two numerals: “一岗双责”, “两在两同”
//	tag             a 【…】 column tag whose name is known (lexicon or
//	                seen): 【我为师生办实事】
//	pattern         an unquoted run of Han characters ending in a strong
//	                head (专项行动, 攻坚行动, 学习教育, 工程, 战略, 倡议, ...)
//	                with a left boundary (a verb such as 开展/推进/实施,
//	                punctuation, or a function character)
//	pattern+tags    as pattern, where the left boundary is a word jieba
//	                tagged as a preposition, conjunction, particle, pronoun,
//	                adverb or a verb of two or more characters, and no listed
//	                boundary was found (卫生院同时铺开/v 便民门诊优化专项行动)
//	family          an unquoted name of a shape without a strong head:
//	                national slogans (交通强国, 数字中国建设), a slogan and a
//	                place (健康江苏, 平安杭州市), one-X-one-Y (一村一品), named
//	                days (全国爱眼日, 世界肾脏日义诊活动), two parties (中国—东盟
//	                合作) and enumerations (减税、降费、缓缴政策)
//	lexicon         an unquoted occurrence of a lexicon name
//
// A bare quotation (no head noun) is otherwise dropped: writers quote
// ordinary words for emphasis (“打卡” "clock in", “急难愁盼” "urgent,
// difficult, worrying and longed-for"), and those are not initiatives.
// Quotations are also dropped when they report speech (after 说/表示/强调/
// 指出 and a colon), hold sentence punctuation (，。；！？：), are shorter
// than 2 or longer than 20 characters, name an organisation (…医院, …中心)
// or are listed emphasis or generic words. 《…》 book titles count only when
// the title itself ends in a plan or policy head (规划, 纲要, 计划, 方案).
// 【…】 brackets at the start of a title are column tags (【编者按】, 【新闻
// 特写】); they are kept only when their name is already known.
//
// # Types and head nouns
//
//	activity   活动, 实践活动, 主题活动, 系列活动, 主题党日活动, 专项活动
//	campaign   行动, 专项行动, 攻坚行动, 主题行动, 整改行动, 提升行动,
//	           三年行动, 专项整治, 攻坚战
//	project    工程, 示范工程, 项目
//	mechanism  制度, 机制, 长效机制, 工作法, 模式, 责任制, 制 (self only)
//	plan       计划, 行动计划, 规划, 规划纲要, 纲要, 方案 (titles only)
//	service    服务, 志愿服务
//	strategy   战略, 倡议
//	education  教育, 主题教育, 学习教育
//	slogan     numbered slogans without a head (quoted-number), 一村一品
//	honour     文明号, 文明岗, 先锋岗, 示范岗, 示范病区, 星级党支部
//
// Pattern heads added for programmes built on a place or an institution
// (中心建设, 专项政策, 示范区建设: 青山市卒中中心建设), named days, weeks,
// months and years of a campaign (宣传周, 宣传月, 开放日, 服务月, 生产月,
// 建设年, 攻坚年: 宪法宣传周, 院长开放日, 作风建设年) and honours take a core
// of two characters; the honours that are names by themselves (青年文明号,
// 巾帼文明岗, 五星级党支部) need only a boundary.
//
// # Lexicon
//
// The built-in lexicon (lexicon.tsv, embedded) holds national and
// provincial programmes, each with the public text it was found in: the
// first file of the NPC laws database or the 新闻联播 transcripts in
// ../shared/corpus that writes it. -lexicon files add to it and may carry
// the same third column.
//
// When the canonical name is in the lexicon, the lexicon's type wins, so
// one name has one type across a corpus.
//
// # Canonical names
//
// Canonical strips whitespace (a quotation broken across lines is one
// name), quotation marks and, when the head noun directly follows the
// quotation, the head: “我为群众办实事”实践活动, “我为群众\n办实事” and
// 我为群众办实事 are all 我为群众办实事. Adjacent quotations before one head
// are joined with 、: “四线”“四色”行动 → 四线、四色. When modifier
// characters stand between the quotation and the head, they and the head
// are part of the name: “323”健康问题攻坚行动 → 323健康问题攻坚行动. Unquoted
// names keep their full text: 医疗流程优化专项行动.
//
// Variants of a lexicon name meet in one canonical name, the shorter
// lexicon form, because that is what a quotation with its head already
// yields (“一带一路”倡议 → 一带一路): a known name plus 战略, 工程, 倡议,
// 规划, 建设 or 发展 drops the head (乡村振兴战略 → 乡村振兴, 南水北调工程 →
// 南水北调, 数字中国建设 → 数字中国, 长江经济带发展 → 长江经济带), and 共建
// before a known name is dropped (共建一带一路 → 一带一路); a family name
// drops a following 建设 (健康江苏建设 → 健康江苏). The mention keeps its
// surface text and span. Adjacent quotations of which one is a known name
// by itself are an enumeration of names, not one name (“两新”、“两重”), and
// a quotation holding a verb after its first character is a sentence, not
// a name (“高质量完成十四五规划” yields only 十四五).
//
// # Pattern boundaries
//
// An unquoted name starts after its verb, also after complements and set
// phrases such as 打好 (win), 抓好, 落实好, 确保, 上升为; a head continues
// into a following head (…三年行动计划, …专项整治行动). 主题教育 and 学习
// 教育 need a verb before the name (开展, 贯彻, 践行), like 工程 and 战略.
// Cores that refer to someone's programmes instead of naming one are
// dropped: 各自发展战略, 更多惠民工程, 第二批主题教育, 中土双方战略.
package initiative
