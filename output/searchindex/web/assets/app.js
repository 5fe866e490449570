// The search page of baogao serve: plain DOM, no framework, no build step.
//
// All state is in the URL (q, after, before, initiative…, kind…, or, page,
// size, doc), so reload, back and forward work and a URL can be shared or
// screenshotted. Text from the reports never goes through innerHTML:
// snippets are rebuilt from text nodes and <mark> elements, documents from
// text nodes and spans.
//
// For tests and scripts, <body> carries data-busy while a request is under
// way and data-seq, which counts finished renders.
'use strict';

const SIZE = 10; // hits per page unless the URL says size=
const MAX_FROM = 10000; // the server's deepest page start
const KINDS = [ // kind, Chinese, English: the order of the legend and lists
  ['date', '日期', 'Dates'],
  ['number', '数字', 'Numbers'],
  ['initiative', '举措', 'Initiatives'],
  ['org', '机构', 'Organisations'],
  ['person', '人物', 'People'],
  ['place', '地点', 'Places'],
];
const KIND = Object.fromEntries(KINDS.map(([k, zh, en]) => [k, `${zh} ${en}`]));

const $ = (id) => document.getElementById(id);

// el makes an element with a class and children (strings become text).
function el(tag, cls, ...kids) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.append(...kids.filter((k) => k !== null && k !== undefined && k !== ''));
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

// ---- state and URLs ----

function readState(search) {
  const p = new URLSearchParams(search);
  const size = parseInt(p.get('size'), 10);
  return {
    q: p.get('q') || '',
    after: p.get('after') || '',
    before: p.get('before') || '',
    initiatives: p.getAll('initiative'),
    kinds: p.getAll('kind'),
    or: p.get('or') === '1',
    page: Math.max(1, parseInt(p.get('page'), 10) || 1),
    size: size >= 1 && size <= 100 ? size : SIZE,
    doc: p.get('doc') || '',
  };
}

function params(st, api) {
  const p = new URLSearchParams();
  if (st.q) p.set('q', st.q);
  if (st.after) p.set('after', st.after);
  if (st.before) p.set('before', st.before);
  for (const i of st.initiatives) p.append('initiative', i);
  for (const k of st.kinds) p.append('kind', k);
  if (st.or) p.set('or', '1');
  if (api) {
    p.set('from', String((st.page - 1) * st.size));
    p.set('size', String(st.size));
    return p;
  }
  if (st.page > 1) p.set('page', String(st.page));
  if (st.size !== SIZE) p.set('size', String(st.size));
  if (st.doc) p.set('doc', st.doc);
  return p;
}

// href is the page's URL for st changed by over; a new filter starts at
// page 1 unless over says otherwise.
function href(st, over) {
  const s = params({ ...st, page: 1, doc: '', ...over }).toString();
  return s ? '/?' + s : '/';
}

function searchURL(st) { return '/api/search?' + params(st, true); }

async function api(path) {
  let r;
  try {
    r = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new Error('无法连接服务器 Cannot reach the server');
  }
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) throw new Error((body && body.error) || `${r.status} ${r.statusText}`);
  return body;
}

// ---- rendering ----

let current = readState(location.search);
let token = 0; // the render under way; older ones drop their answers
let lastSearch = null; // the search URL the results show
let seq = 0;
let resultsScroll = 0;
const docs = new Map(); // id → document, the last few opened

function showError(msg) {
  const e = $('error');
  e.replaceChildren(el('strong', null, '出错了 Error: '), msg);
  e.hidden = false;
}

async function render(st) {
  const my = ++token;
  current = st;
  fillForm(st);
  $('error').hidden = true;
  document.body.dataset.busy = '1';
  try {
    const url = searchURL(st);
    if (url !== lastSearch) {
      $('summary').textContent = '检索中… Searching…';
      try {
        const res = await api(url);
        if (my !== token) return;
        showResults(st, res);
        lastSearch = url;
      } catch (e) {
        if (my !== token) return;
        lastSearch = null;
        clearResults(st);
        showError(e.message);
      }
    }
    if (st.doc) {
      let d = docs.get(st.doc);
      if (!d) {
        try {
          d = await api('/api/docs/' + encodeURIComponent(st.doc));
        } catch (e) {
          if (my !== token) return;
          showError(`文档 Document ${st.doc}: ${e.message}`);
        }
        if (my !== token) return;
        if (d) {
          docs.set(st.doc, d);
          if (docs.size > 8) docs.delete(docs.keys().next().value);
        }
      }
      if (d) showDoc(st, d);
    } else {
      hideDoc();
    }
  } finally {
    if (my === token) {
      delete document.body.dataset.busy;
      document.body.dataset.seq = String(++seq);
    }
  }
}

function fillForm(st) {
  $('q').value = st.q;
  $('after').value = st.after;
  $('before').value = st.before;
  $('or').checked = st.or;
}

function clearResults(st) {
  $('summary').textContent = '';
  $('hits').replaceChildren();
  $('pager').replaceChildren();
  $('chart').hidden = true;
  showChips(st);
}

function showResults(st, res) {
  document.title = (st.q ? st.q + ' – ' : '') + 'baogao 报告检索';
  showChips(st);
  const took = `${res.took_ms.toFixed(1)} 毫秒 ms`;
  $('summary').replaceChildren(
    '找到 ', el('strong', 'total', String(res.total)), ` 篇 · ${res.total} hits · ${took}`);
  $('summary').dataset.total = String(res.total);
  const hits = res.hits.map((h) => hit(st, h));
  if (!hits.length) {
    hits.push(el('li', 'none', res.total ? '此页无结果 No hits on this page' : '没有找到 No documents match'));
  }
  $('hits').replaceChildren(...hits);
  $('hits').start = (st.page - 1) * st.size + 1;
  showPager(st, res.total);
  showFacets(st, res.facets || {});
  showChart(st, (res.facets || {}).month || []);
}

function hit(st, h) {
  const a = el('a', 'nav hit-link', h.title || h.path);
  a.href = href(st, { page: st.page, doc: h.id });
  a.dataset.id = h.id;
  const meta = el('p', 'hit-meta', el('span', 'date', h.date || '无日期 undated'), ' · ',
    el('span', 'path', h.path), h.index ? ` · ${h.index}` : null);
  return el('li', 'hit', el('h3', null, a), meta, ...(h.snippets || []).map(snippet));
}

// snippet rebuilds a server snippet (text HTML-escaped, matches in
// <mark>) from text nodes: whatever else it might hold stays text.
function snippet(html) {
  const p = el('p', 'snippet');
  let mark = null;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      mark = el('mark');
      p.append(mark);
    } else if (part === '</mark>') {
      mark = null;
    } else if (part) {
      (mark || p).append(unescape(part));
    }
  }
  return p;
}

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', '#34': '"', '#39': "'" };
function unescape(s) {
  return s.replace(/&(lt|gt|amp|quot|#34|#39);/g, (_, e) => ENTITIES[e]);
}

function showChips(st) {
  const chips = [];
  const chip = (label, over) => {
    const a = el('a', 'nav chip', label, el('span', 'x', ' ×'));
    a.href = href(st, over);
    a.title = '移除 Remove';
    chips.push(a);
  };
  for (const i of st.initiatives) {
    chip(`举措 ${i}`, { initiatives: st.initiatives.filter((x) => x !== i) });
  }
  if (st.after || st.before) chip(`日期 ${st.after || '…'} – ${st.before || '…'}`, { after: '', before: '' });
  for (const k of st.kinds) chip(`有 ${KIND[k] || k}`, { kinds: st.kinds.filter((x) => x !== k) });
  if (st.or) chip('任一词 OR', { or: false });
  if (chips.length > 1) {
    const all = el('a', 'nav chip clear', '清除全部 Clear all');
    all.href = href(st, { initiatives: [], kinds: [], after: '', before: '', or: false });
    chips.push(all);
  }
  $('chips').replaceChildren(...chips);
}

function showPager(st, total) {
  const last = Math.max(1, Math.min(Math.ceil(total / st.size), Math.floor(MAX_FROM / st.size) + 1));
  const items = [];
  const link = (label, page, cls) => {
    if (page < 1 || page > last) return el('span', 'off ' + (cls || ''), label);
    const a = el('a', 'nav ' + (cls || ''), label);
    a.href = href(st, { page });
    if (page === st.page && !cls) a.setAttribute('aria-current', 'page');
    return a;
  };
  items.push(link('‹ 上一页 Prev', st.page - 1, 'prev'));
  let prev = 0;
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - st.page) <= 2) {
      if (p - prev > 1) items.push(el('span', 'gap', '…'));
      items.push(link(String(p), p));
      prev = p;
    }
  }
  items.push(link('下一页 Next ›', st.page + 1, 'next'));
  $('pager').replaceChildren(...(total > st.size ? items : []));
}

function facetItem(label, count, on, target) {
  const a = el('a', 'nav' + (on ? ' on' : ''), el('span', 'name', label), count === null ? null : el('span', 'count', String(count)));
  a.href = target;
  if (on) a.setAttribute('aria-pressed', 'true');
  return el('li', null, a);
}

function showFacets(st, f) {
  const inits = (f.initiative || []).map((x) => {
    const on = st.initiatives.includes(x.name);
    return facetItem(x.name, x.count, on, href(st, { initiatives: on ? st.initiatives.filter((i) => i !== x.name) : [...st.initiatives, x.name] }));
  });
  $('f-initiative').replaceChildren(...(inits.length ? inits : [el('li', 'none', '无 None')]));
  const years = (f.year || []).map((y) => {
    const on = st.after === y.name && st.before === y.name;
    return facetItem(y.name, y.count, on, href(st, on ? { after: '', before: '' } : { after: y.name, before: y.name }));
  });
  $('f-year').replaceChildren(...(years.length ? years : [el('li', 'none', '无日期 No dates')]));
  $('f-kind').replaceChildren(...KINDS.map(([k]) => {
    const on = st.kinds.includes(k);
    return facetItem(KIND[k], null, on, href(st, { kinds: on ? st.kinds.filter((x) => x !== k) : [...st.kinds, k] }));
  }));
}

// ---- the chart of hits per month ----

function showChart(st, months) {
  const fig = $('chart');
  if (!months.length) {
    fig.hidden = true;
    return;
  }
  // Every month from the first to the last, the empty ones too; by year
  // when that is more than 20 years of bars.
  const count = new Map(months.map((m) => [m.name, m.count]));
  const ym = (s) => s.split('-').map(Number);
  let [y, m] = ym(months[0].name);
  const [ly, lm] = ym(months[months.length - 1].name);
  let bars = [];
  for (; y < ly || (y === ly && m <= lm); m === 12 ? (y++, m = 1) : m++) {
    const name = `${y}-${String(m).padStart(2, '0')}`;
    bars.push({ name, count: count.get(name) || 0 });
  }
  if (bars.length > 240) {
    const byYear = new Map();
    for (const b of bars) byYear.set(b.name.slice(0, 4), (byYear.get(b.name.slice(0, 4)) || 0) + b.count);
    bars = [...byYear].map(([name, c]) => ({ name, count: c }));
  }
  const W = 600, H = 110, base = H - 20, top = 16;
  const most = Math.max(...bars.map((b) => b.count));
  const bw = W / bars.length;
  const fw = Math.min(Math.max(bw * 0.8, 1), 40); // a bar's width: thin for many months, never a slab
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'bars' });
  const busiest = bars.find((b) => b.count === most);
  const desc = svg('desc', { id: 'chart-desc' });
  desc.textContent = `${bars[0].name} – ${bars[bars.length - 1].name}; 最多 most: ${busiest.name} (${most})`;
  g.append(desc, svg('line', { x1: 0, y1: base, x2: W, y2: base, class: 'axis' }));
  bars.forEach((b, i) => {
    const h = most ? Math.max(b.count ? 2 : 0, (b.count / most) * (base - top)) : 0;
    const bar = svg('g', { class: 'bar' + (st.after === b.name && st.before === b.name ? ' on' : ''), 'data-name': b.name });
    const t = svg('title');
    t.textContent = `${b.name}: ${b.count}`;
    bar.append(t, svg('rect', { class: 'area', x: i * bw, y: 0, width: bw, height: base }),
      svg('rect', { class: 'fill', x: i * bw + (bw - fw) / 2, y: base - h, width: fw, height: h }));
    if (b.count) bar.addEventListener('click', () => navigate({ ...st, after: b.name, before: b.name, page: 1, doc: '' }));
    g.append(bar);
  });
  const label = (x, text, anchor) => {
    const e = svg('text', { x, y: H - 4, 'text-anchor': anchor });
    e.textContent = text;
    return e;
  };
  if (bars.length === 1) g.append(label(W / 2, bars[0].name, 'middle'));
  else g.append(label(0, bars[0].name, 'start'), label(W, bars[bars.length - 1].name, 'end'));
  const max = svg('text', { x: 0, y: 12, class: 'max' });
  max.textContent = `${most}`;
  g.append(max);
  $('chart-svg').replaceChildren(g);
  $('chart-rows').replaceChildren(...bars.filter((b) => b.count).map((b) => {
    const a = el('a', 'nav', b.name);
    a.href = href(st, { after: b.name, before: b.name });
    return el('tr', null, el('td', null, a), el('td', null, String(b.count)));
  }));
  fig.hidden = false;
}

// ---- the document view ----

// segments cuts the text (n code points) at every start and end of a
// mention: each segment lists the mentions covering it, outermost first,
// so nested and overlapping mentions all show.
function segments(n, ms) {
  const ok = ms.map((m, i) => i).filter((i) => ms[i].start_char >= 0 && ms[i].start_char < ms[i].end_char && ms[i].end_char <= n);
  const cuts = new Set([0, n]);
  for (const i of ok) cuts.add(ms[i].start_char).add(ms[i].end_char);
  const at = [...cuts].sort((a, b) => a - b);
  ok.sort((a, b) => ms[a].start_char - ms[b].start_char);
  const out = [];
  let active = [], k = 0;
  for (let j = 0; j + 1 < at.length; j++) {
    const s = at[j];
    while (k < ok.length && ms[ok[k]].start_char <= s) active.push(ok[k++]);
    active = active.filter((i) => ms[i].end_char > s);
    const ids = active.slice().sort((a, b) => (ms[b].end_char - ms[b].start_char) - (ms[a].end_char - ms[a].start_char));
    out.push({ start: s, end: at[j + 1], ids });
  }
  return out;
}

function describe(m) {
  let s = `${KIND[m.kind] || m.kind}: ${m.text}`;
  if (m.value && m.value !== m.text) s += ` → ${m.value}`;
  if (m.unit) s += ` ${m.unit}`;
  if (m.rule) s += ` (${m.rule})`;
  return s;
}

let marks = new Map(); // mention index → its segments in the text

function showDoc(st, d) {
  if ($('doc-view').hidden) resultsScroll = window.scrollY;
  const shown = $('doc-view').dataset.id === d.id;
  $('results-view').hidden = true;
  $('doc-view').hidden = false;
  $('doc-back').href = href(st, { page: st.page, doc: '' });
  document.title = (d.title || d.path) + ' – baogao';
  if (shown) return;
  $('doc-view').dataset.id = d.id;
  $('doc-title').textContent = d.title || d.path;

  const meta = [];
  const row = (k, v) => { if (v) meta.push(el('div', null, el('dt', null, k), el('dd', null, v))); };
  row('日期 Date', d.date ? d.date + (d.date_source ? ` (${d.date_source})` : '') : '无 none');
  row('路径 Path', d.path);
  row('来源 Source', d.source);
  row('作者 Author', d.author);
  if (d.url) {
    let v = d.url;
    if (/^https?:\/\//i.test(d.url)) {
      v = el('a', null, d.url);
      v.href = d.url;
      v.rel = 'noopener noreferrer';
    }
    row('网址 URL', v);
  }
  row('页数 Pages', d.pages ? String(d.pages) : '');
  row('字数 Characters', String(d.chars));
  row('状态 Status', d.status);
  for (const [k, v] of Object.entries(d.meta || {})) {
    if (!['title', 'date', 'source', 'author', 'url'].includes(k)) row(k, v);
  }
  row('编号 ID', d.id);
  row('索引 Index', d.index);
  $('doc-meta').replaceChildren(...meta);

  const ms = d.mentions || [];
  const byKind = new Map(KINDS.map(([k]) => [k, []]));
  ms.forEach((m, i) => {
    if (!byKind.has(m.kind)) byKind.set(m.kind, []);
    byKind.get(m.kind).push(i);
  });
  $('legend').replaceChildren(...[...byKind].map(([k, is]) =>
    el('li', null, el('span', 'swatch bg-' + k), `${KIND[k] || k} `, el('span', 'count', String(is.length)))));

  // The text, cut on every mention boundary; offsets are code points.
  const cps = Array.from(d.text);
  marks = new Map();
  const frag = document.createDocumentFragment();
  for (const s of segments(cps.length, ms)) {
    const text = cps.slice(s.start, s.end).join('');
    if (!s.ids.length) {
      frag.append(text);
      continue;
    }
    const kinds = [...new Set(s.ids.map((i) => ms[i].kind))];
    const span = el('span', ['m', ...kinds.map((k) => 'k-' + k), 'bg-' + ms[s.ids[s.ids.length - 1]].kind,
      s.ids.length > 1 ? 'ul-' + ms[s.ids[0]].kind : ''].filter(Boolean).join(' '), text);
    span.dataset.m = s.ids.join(' ');
    span.title = s.ids.map((i) => describe(ms[i])).join('\n');
    span.tabIndex = -1;
    for (const i of s.ids) {
      if (!marks.has(i)) marks.set(i, []);
      marks.get(i).push(span);
    }
    frag.append(span);
  }
  $('doc-text').replaceChildren(frag);

  // The mentions beside it, by kind, in the order of the text.
  const groups = [];
  for (const [k, is] of byKind) {
    if (!is.length) continue;
    is.sort((a, b) => ms[a].start_char - ms[b].start_char);
    const items = is.map((i) => {
      const m = ms[i];
      const b = el('button', 'mention', el('span', 'mt', m.text),
        m.value && m.value !== m.text ? el('span', 'mv', m.value + (m.unit ? ' ' + m.unit : '')) : null);
      b.type = 'button';
      b.dataset.i = String(i);
      b.title = describe(m);
      return el('li', null, b);
    });
    const det = el('details', 'group', el('summary', null, el('span', 'swatch bg-' + k), `${KIND[k] || k} `, el('span', 'count', String(is.length))), el('ol', null, ...items));
    det.open = true;
    det.dataset.kind = k;
    groups.push(det);
  }
  if (!d.mentions_known) groups.push(el('p', 'none', '此索引没有提及表 This index was served without its mentions table'));
  else if (!ms.length) groups.push(el('p', 'none', '无 None'));
  $('mention-groups').replaceChildren(...groups);
  $('doc-mention-count').textContent = `(${ms.length})`;
  window.scrollTo(0, 0);
  $('doc-title').focus({ preventScroll: true });
}

// jump scrolls to mention i in the text, highlights it and focuses it.
function jump(i) {
  for (const e of document.querySelectorAll('#doc-text .current')) e.classList.remove('current');
  const spans = marks.get(i) || [];
  if (!spans.length) return;
  for (const e of spans) e.classList.add('current');
  spans[0].scrollIntoView({ block: 'center', inline: 'nearest' });
  spans[0].focus({ preventScroll: true });
}

function hideDoc() {
  if ($('doc-view').hidden) return;
  const id = $('doc-view').dataset.id;
  $('doc-view').hidden = true;
  $('results-view').hidden = false;
  window.scrollTo(0, resultsScroll);
  const link = document.querySelector(`#hits a[data-id="${CSS.escape(id || '')}"]`);
  (link || $('q')).focus({ preventScroll: true });
}

function closeDoc() {
  if (history.state && history.state.fromResults) history.back();
  else navigate({ ...current, doc: '' });
}

// ---- events ----

function navigate(st, state) {
  history.pushState(state || null, '', params(st).toString() ? '/?' + params(st) : '/');
  render(st);
}

document.addEventListener('click', (e) => {
  const b = e.target.closest('button.mention');
  if (b) {
    jump(Number(b.dataset.i));
    return;
  }
  const a = e.target.closest('a.nav');
  if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const u = new URL(a.href);
  if (u.origin !== location.origin || u.pathname !== '/') return;
  e.preventDefault();
  if (a.id === 'doc-back') {
    closeDoc();
    return;
  }
  navigate(readState(u.search), a.classList.contains('hit-link') ? { fromResults: true } : null);
});

$('search').addEventListener('submit', (e) => {
  e.preventDefault();
  navigate({ ...current, q: $('q').value.trim(), after: $('after').value.trim(), before: $('before').value.trim(),
    or: $('or').checked, page: 1, doc: '' });
});

document.addEventListener('keydown', (e) => {
  const t = e.target;
  const typing = t.matches('input:not([type=checkbox]), textarea, select, [contenteditable]');
  if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    $('q').focus();
    $('q').select();
  } else if (e.key === 'Escape' && current.doc) {
    e.preventDefault();
    closeDoc();
  }
});

window.addEventListener('popstate', () => render(readState(location.search)));

// Facets and the document's mentions are open beside the content on a
// wide screen and folded above it on a phone.
const wide = window.matchMedia('(min-width: 50rem)');
function fold() {
  $('facets').open = wide.matches;
  $('doc-mentions').open = wide.matches;
}
wide.addEventListener('change', fold);
fold();

api('/healthz').then((h) => {
  const built = h.outputs.map((o) => o.created).filter(Boolean).sort().pop();
  $('footer').textContent = `${h.documents} 篇文档 documents · ${h.outputs.length} 个输出 outputs` +
    (built ? ` · 生成于 built ${built}` : '');
}).catch((e) => { $('footer').textContent = e.message; });

render(current);
