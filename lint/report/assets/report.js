/* newslint report: renders the ranked table one page at a time and each article on demand.
   Article texts and findings are gzip-compressed JSON chunks (script tags nl-chunk-N),
   inflated with the browser's DecompressionStream only when an article is opened (or its
   findings exported). Filters: verdict, rule family, rule, text, and by click an outlet or a
   chart bar; columns sort; an opened article's address (#a<i>) links to it. */
(function () {
  'use strict';
  const idx = JSON.parse(document.getElementById('nl-index').textContent);
  const A = idx.articles; // [label, outlet, score, [verdict indexes], findings, [rule indexes]]
  const V = idx.verdicts, VC = idx.verdict_classes, FAM = idx.families, SEV = idx.severities;
  const R = idx.rules; // [code, name, family index, findings]
  const CH = idx.chunk, PAGE = idx.page;
  const chunks = new Map();
  const state = { page: 0, verdict: -1, q: '', family: -1, rule: -1, outlet: null, band: -1,
    sort: 'rank', dir: 1, open: new Set() };
  let view = [];

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (k === 'class') e.className = attrs[k]; else if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    for (const kid of kids) if (kid != null) e.append(kid);
    return e;
  }
  async function inflate(b64) {
    const bin = atob(b64.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }
  function chunk(n) {
    if (!chunks.has(n)) chunks.set(n, inflate(document.getElementById('nl-chunk-' + n).textContent));
    return chunks.get(n);
  }
  async function article(i) { return (await chunk(Math.floor(i / CH)))[i % CH]; }
  function scoreClass(s) { return s < 50 ? 'bad' : s < 85 ? 'mid' : 'good'; }
  function scoreBadge(s) { return el('span', { class: 'score ' + scoreClass(s), text: String(s) }); }
  function chip(v) { return el('span', { class: 'chip ' + VC[v], text: V[v] }); }

  function matchesRule(r) {
    return (state.rule < 0 || r === state.rule) && (state.family < 0 || R[r][2] === state.family);
  }
  function applyFilter() {
    const q = state.q.toLowerCase();
    const byRule = state.rule >= 0 || state.family >= 0;
    view = [];
    for (let i = 0; i < A.length; i++) {
      const a = A[i];
      if (state.verdict >= 0 && !a[3].includes(state.verdict)) continue;
      if (q && !a[0].toLowerCase().includes(q) && !a[1].toLowerCase().includes(q)) continue;
      if (state.outlet !== null && a[1] !== state.outlet) continue;
      if (state.band >= 0 && Math.min(9, Math.floor(a[2] / 10)) !== state.band) continue;
      if (byRule && !a[5].some(matchesRule)) continue;
      view.push(i);
    }
    const keys = {
      rank: (i) => i, score: (i) => A[i][2], findings: (i) => A[i][4],
      verdict: (i) => A[i][3].map((v) => V[v]).join(', '), article: (i) => A[i][0], outlet: (i) => A[i][1],
    };
    const key = keys[state.sort], dir = state.dir;
    view.sort((x, y) => {
      const a = key(x), b = key(y);
      const c = typeof a === 'number' ? a - b : a.localeCompare(b);
      return c * dir || x - y;
    });
    for (const th of document.querySelectorAll('#articles th[data-key]')) {
      if (th.dataset.key === state.sort) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    renderChips();
  }

  function renderChips() {
    const box = document.getElementById('active-filters');
    const chips = [];
    const clear = (label, reset) => {
      const b = el('button', { type: 'button', class: 'filter', title: 'Remove this filter', text: label + ' ×' });
      b.addEventListener('click', () => { reset(); refresh(); });
      chips.push(b);
    };
    if (state.outlet !== null) clear('outlet: ' + state.outlet, () => { state.outlet = null; });
    if (state.band >= 0) clear(`score ${state.band * 10}–${state.band === 9 ? 100 : state.band * 10 + 9}`, () => { state.band = -1; });
    if (state.family >= 0) clear('family: ' + FAM[state.family], () => { state.family = -1; document.getElementById('family').value = '-1'; });
    if (state.rule >= 0) clear('rule: ' + R[state.rule][0], () => { state.rule = -1; document.getElementById('rule').value = '-1'; });
    box.replaceChildren(...chips);
  }

  function refresh() { state.page = 0; applyFilter(); return renderTable(); }

  const fills = new Map();
  function renderTable() {
    const body = document.querySelector('#articles tbody');
    body.replaceChildren();
    fills.clear();
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    const start = state.page * PAGE, stop = Math.min(view.length, start + PAGE);
    for (let p = start; p < stop; p++) {
      const i = view[p], a = A[i];
      const row = el('tr', { class: 'row' + (state.open.has(i) ? ' open' : ''), 'data-i': String(i), id: 'row' + i },
        el('td', { class: 'num', text: String(i + 1) }),
        el('td', {}, scoreBadge(a[2])),
        el('td', {}, ...a[3].map(chip)),
        el('td', { class: 'path', text: a[0] }),
        el('td', { text: a[1] }),
        el('td', { class: 'num', text: String(a[4]) }));
      row.addEventListener('click', () => toggle(i));
      body.append(row);
      if (state.open.has(i)) {
        const td = el('td', { colspan: '6' });
        body.append(el('tr', { class: 'detail' }, td));
        fills.set(i, article(i).then((d) => td.append(renderArticle(i, d))));
      }
    }
    if (!view.length) body.append(el('tr', {}, el('td', { colspan: '6', class: 'empty-note', text: 'No article matches.' })));
    document.getElementById('page-info').textContent =
      view.length ? `${start + 1}–${stop} of ${view.length}` : '0 articles';
    document.getElementById('page-label').textContent = `Page ${state.page + 1} of ${pages}`;
    document.getElementById('prev').disabled = state.page === 0;
    document.getElementById('next').disabled = state.page >= pages - 1;
    return Promise.all(fills.values());
  }

  function toggle(i) {
    const link = '#a' + i;
    if (state.open.has(i)) {
      state.open.delete(i);
      if (location.hash.startsWith(link + '-') || location.hash === link) history.replaceState(null, '', location.pathname + location.search);
    } else {
      state.open.add(i);
      if (location.hash !== link) history.pushState(null, '', link); // the address links to the article
    }
    renderTable();
  }

  function segments(line, n, fs) {
    // Split a line (code points) at every finding boundary; each piece knows its findings.
    const cps = Array.from(line), len = cps.length;
    const spans = [];
    fs.forEach((f, k) => {
      if (n < f[0] || n > f[2]) return;
      let s = n === f[0] ? f[1] - 1 : 0, e = n === f[2] ? f[3] - 1 : len;
      s = Math.min(Math.max(0, s), len); e = Math.min(Math.max(s, e), len);
      spans.push([s, e, k]);
    });
    const cuts = new Set([0, len]);
    for (const [s, e] of spans) { cuts.add(s); cuts.add(e); }
    const points = [...cuts].sort((x, y) => x - y);
    const out = [];
    for (const [s, e, k] of spans) if (s === e) out.push([s, s, [k]]);
    for (let j = 0; j + 1 < points.length; j++) {
      const s = points[j], e = points[j + 1];
      out.push([s, e, spans.filter((sp) => sp[0] <= s && sp[1] >= e && sp[0] < sp[1]).map((sp) => sp[2])]);
    }
    out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return out.map(([s, e, ks]) => [cps.slice(s, e).join(''), ks]);
  }

  function findingTitle(f) { return `${f[4]} ${f[5]}: ${f[8]}` + (f[9] ? ` (suggestion: ${f[9]})` : ''); }

  function renderArticle(i, d) {
    const box = el('div', { class: 'article', id: 'a' + i });
    const link = el('a', { class: 'permalink', href: '#a' + i, 'data-go': '', text: 'Link to this article' });
    const copy = el('button', { type: 'button', class: 'copy', text: 'Copy link' });
    copy.addEventListener('click', (ev) => {
      ev.stopPropagation();
      const url = location.href.split('#')[0] + '#a' + i;
      const done = () => { copy.textContent = 'Copied'; };
      if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, () => { copy.textContent = url; });
      else copy.textContent = url;
    });
    box.append(el('div', { class: 'share' }, link, ' ', copy));
    if (d.r.length) box.append(el('ul', { class: 'reasons' }, ...d.r.map((r) => el('li', { text: r }))));
    if (d.s) {
      const others = d.sib.map(([k, label]) => k >= 0
        ? el('a', { href: '#a' + k, 'data-go': '', text: label }) : el('span', { text: label }));
      const story = el('p', { class: 'story' }, `Story ${d.s}, told by ${d.sib.length} other article${d.sib.length === 1 ? '' : 's'}: `);
      others.forEach((o, n) => { if (n) story.append(', '); story.append(o); });
      box.append(story);
    }
    const text = el('div', { class: 'text' });
    const chrome = new Set(d.c);
    const lines = d.t.split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    lines.forEach((line, j) => {
      const n = j + 1, id = `a${i}-L${n}`;
      const tx = el('span', { class: 'tx' });
      for (const [piece, ks] of segments(line, n, d.f)) {
        if (!ks.length) { tx.append(piece); continue; }
        const f = d.f[ks[0]];
        tx.append(el('mark', {
          class: `hl fam-${FAM[f[7]]} sev-${SEV[f[6]]}` + (piece ? '' : ' empty'),
          title: ks.map((k) => findingTitle(d.f[k])).join('\n'), 'data-f': ks.join(' '),
        }, piece || '\u200b'));
      }
      text.append(el('div', { class: 'ln' + (chrome.has(n) ? ' chrome' : '') + (line.trim() || tx.querySelector('mark') ? '' : ' blank'), id },
        el('a', { class: 'no', href: '#' + id, 'data-go': '', text: String(n) }), tx));
    });
    const list = el('ol', { class: 'findings' });
    d.f.forEach((f) => {
      const li = el('li', { class: 'fam-' + FAM[f[7]] },
        el('a', { href: `#a${i}-L${f[0]}`, 'data-go': '', text: `L${f[0]}:${f[1]}` }), ' ',
        el('code', { text: f[4] }), ` ${f[5]} · ${SEV[f[6]]} — ${f[8]}`);
      if (f[9]) li.append(el('span', { class: 'sug', text: ` → ${f[9]}` }));
      for (const r of f[10]) {
        const target = r[0] >= 0 ? el('a', { href: `#a${r[0]}-L${r[1]}`, 'data-go': '', class: 'related', text: `${r[2]}:${r[1]}` })
          : el('span', { class: 'path', text: `${r[2]}:${r[1]}` });
        li.append(el('div', { class: 'rel' }, 'see ', target, r[3] ? ` — ${r[3]}` : ''));
      }
      list.append(li);
    });
    if (!d.f.length) list.append(el('li', { text: 'No findings.' }));
    box.append(el('div', { class: 'cols' }, text, list));
    return box;
  }

  async function go(hash) {
    const m = /^#a(\d+)(?:-L(\d+))?$/.exec(hash || '');
    if (!m || +m[1] >= A.length) return;
    const i = +m[1];
    let pos = view.indexOf(i);
    if (pos < 0) {
      Object.assign(state, { verdict: -1, q: '', family: -1, rule: -1, outlet: null, band: -1 });
      for (const id of ['verdict', 'family', 'rule']) document.getElementById(id).value = '-1';
      document.getElementById('search').value = '';
      applyFilter(); pos = view.indexOf(i);
    }
    state.page = Math.floor(pos / PAGE);
    state.open.add(i);
    await renderTable();
    const target = document.getElementById(m[2] ? `a${i}-L${m[2]}` : 'row' + i);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.classList.remove('flash'); void target.offsetWidth; target.classList.add('flash');
  }

  document.addEventListener('click', (ev) => {
    const a = ev.target.closest('a[data-go]');
    if (!a) return;
    ev.preventDefault(); ev.stopPropagation();
    const hash = a.getAttribute('href');
    if (location.hash !== hash) history.pushState(null, '', hash);
    go(hash);
  });
  window.addEventListener('hashchange', () => go(location.hash));
  document.getElementById('search').addEventListener('input', (ev) => { state.q = ev.target.value; refresh(); });
  const select = document.getElementById('verdict');
  V.forEach((v, k) => select.append(el('option', { value: String(k), text: v })));
  select.addEventListener('change', () => { state.verdict = +select.value; refresh(); });
  const familySelect = document.getElementById('family'), ruleSelect = document.getElementById('rule');
  FAM.forEach((f, k) => { if (R.some((r) => r[2] === k)) familySelect.append(el('option', { value: String(k), text: f })); });
  R.forEach((r, k) => ruleSelect.append(el('option', { value: String(k), text: `${r[0]} ${r[1]} (${r[3]})` })));
  familySelect.addEventListener('change', () => { state.family = +familySelect.value; refresh(); });
  ruleSelect.addEventListener('change', () => { state.rule = +ruleSelect.value; refresh(); });
  function byClick(selector, apply) {
    for (const node of document.querySelectorAll(selector)) {
      const act = () => { apply(node); refresh().then(() => document.getElementById('articles').scrollIntoView({ block: 'start' })); };
      node.addEventListener('click', act);
      node.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); act(); } });
    }
  }
  byClick('#outlets tr.outlet', (row) => { state.outlet = row.dataset.outlet; });
  byClick('#family-chart rect.bar', (bar) => {
    state.family = FAM.indexOf(bar.dataset.family); state.rule = -1;
    familySelect.value = String(state.family); ruleSelect.value = '-1';
  });
  byClick('#score-chart rect.bar', (bar) => { state.band = +bar.dataset.band; });
  for (const th of document.querySelectorAll('#articles th[data-key]')) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.key;
      // a new column sorts the way a reader wants first: worst score first, most findings first
      state.dir = state.sort === key ? -state.dir : (key === 'findings' ? -1 : 1);
      state.sort = key; applyFilter(); renderTable();
    });
  }
  for (const table of document.querySelectorAll('table.sortable')) sortable(table);
  function sortable(table) {
    table.querySelectorAll('th[data-sort]').forEach((th, col) => {
      th.tabIndex = 0;
      const act = () => {
        const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        table.querySelectorAll('th').forEach((h) => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        const body = table.tBodies[0], rows = [...body.rows];
        const num = th.dataset.sort === 'num';
        rows.sort((x, y) => {
          const a = x.cells[col].textContent.trim(), b = y.cells[col].textContent.trim();
          return (num ? parseFloat(a) - parseFloat(b) : a.localeCompare(b)) * dir;
        });
        body.append(...rows);
      };
      th.addEventListener('click', act);
      th.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') act(); });
    });
  }

  function csvField(value) {
    let text = String(value);
    if (/^[=+@\t\r]/.test(text)) text = "'" + text; // never a formula in a spreadsheet
    return '"' + text.replace(/"/g, '""') + '"';
  }
  async function exportCsv() {
    const header = ['article', 'outlet', 'score', 'verdicts', 'line', 'column', 'end_line', 'end_column',
      'code', 'rule', 'severity', 'family', 'message', 'suggestion'];
    const lines = [header.join(',')];
    const codes = new Map(R.map((r, k) => [r[0], k]));
    for (const i of view) {
      const a = A[i], d = await article(i);
      for (const f of d.f) {
        if ((state.rule >= 0 || state.family >= 0) && !matchesRule(codes.get(f[4]))) continue;
        lines.push([a[0], a[1], a[2], a[3].map((v) => V[v]).join('; '), f[0], f[1], f[2], f[3],
          f[4], f[5], SEV[f[6]], FAM[f[7]], f[8], f[9]].map(csvField).join(','));
      }
    }
    const blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    const link = el('a', { href: URL.createObjectURL(blob), download: 'newslint-findings.csv' });
    document.body.append(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    return lines.length - 1;
  }
  document.getElementById('export').addEventListener('click', () => { exportCsv(); });
  document.getElementById('prev').addEventListener('click', () => { state.page--; renderTable(); });
  document.getElementById('next').addEventListener('click', () => { state.page++; renderTable(); });
  applyFilter();
  renderTable();
  document.body.dataset.ready = '1';
  if (location.hash) go(location.hash);
})();
