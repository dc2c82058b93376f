// ttlint's HTML report: sorting and filtering the page tables, and rendering the findings from
// the JSON block, a group at a time. Text from the project only ever goes through textContent.
(function () {
  'use strict';
  var source = document.getElementById('ttlint-data');
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var T = data.text;
  var BATCH = 100;
  // Open every group at once when there are few findings; otherwise groups open on demand.
  var OPEN_ALL = data.findings.length <= 200;
  var state = { rule: '', area: '', sev: '', text: '' };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // A message with `code` spans, as the Rust side's rich(): paired backticks become <code>.
  function rich(parent, text) {
    var parts = String(text).split('`');
    var paired = parts.length % 2 === 1;
    for (var i = 0; i < parts.length; i++) {
      var last = i === parts.length - 1;
      if (i % 2 === 1 && (paired || !last)) {
        parent.appendChild(el('code', null, parts[i]));
      } else {
        parent.appendChild(document.createTextNode((i % 2 === 1 ? '`' : '') + parts[i]));
      }
    }
    return parent;
  }

  function matches(f) {
    if (state.rule && f.rule !== state.rule) return false;
    if (state.area && f.area !== state.area) return false;
    if (state.sev && f.sev !== state.sev) return false;
    return true;
  }

  function textMatches(group) {
    if (!state.text) return true;
    if (group.title.toLowerCase().indexOf(state.text) >= 0) return true;
    return group.findings.some(function (i) {
      return data.files[data.findings[i].file].toLowerCase().indexOf(state.text) >= 0;
    });
  }

  // ---- Page tables -------------------------------------------------------------------------

  function filterTables() {
    var filtering = state.rule || state.area || state.sev;
    document.querySelectorAll('table.pages').forEach(function (table) {
      var shown = 0;
      table.querySelectorAll('tbody tr').forEach(function (row) {
        var ok = true;
        if (state.rule) ok = (' ' + row.dataset.rules + ' ').indexOf(' ' + state.rule + ' ') >= 0;
        if (ok && state.area) ok = (' ' + row.dataset.areas + ' ').indexOf(' ' + state.area + ' ') >= 0;
        if (ok && state.sev) ok = (' ' + row.dataset.sevs + ' ').indexOf(' ' + state.sev + ' ') >= 0;
        if (ok && state.text) ok = row.dataset.search.indexOf(state.text) >= 0;
        row.hidden = !ok;
        if (ok) shown++;
      });
      var none = table.parentNode.querySelector('.no-rows');
      if (none) none.hidden = shown > 0 || !(filtering || state.text);
    });
  }

  function sortBy(th) {
    var table = th.closest('table');
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.dataset.type === 'number';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    th.parentNode.querySelectorAll('th').forEach(function (other) {
      other.setAttribute('aria-sort', 'none');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var key = function (row) {
      var v = row.cells[column].dataset.sort || '';
      return numeric ? parseFloat(v) || 0 : v;
    };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var c = numeric ? x - y : x.localeCompare(y);
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  // ---- Findings ----------------------------------------------------------------------------

  function frame(lines, severity) {
    var pre = el('pre', 'frame');
    lines.forEach(function (line) {
      var row = el('span', 'ln ' + severity);
      row.appendChild(el('span', 'no', String(line[0])));
      line[1].forEach(function (segment, i) {
        row.appendChild(i % 2 === 1 ? el('mark', null, segment) : document.createTextNode(segment));
      });
      pre.appendChild(row);
    });
    return pre;
  }

  function place(file, line, col) {
    return data.files[file] + ':' + line + ':' + col;
  }

  function finding(f) {
    var box = el('article', 'finding');
    box.dataset.rule = f.rule;
    box.dataset.sev = f.sev;
    var head = el('div', 'head');
    head.appendChild(el('span', 'sev ' + f.sev, T.severity[f.sev] || f.sev));
    head.appendChild(el('span', 'rule', f.rule));
    head.appendChild(el('span', 'where', place(f.file, f.line, f.col)));
    if (f.shared) head.appendChild(el('span', 'shared', f.shared));
    box.appendChild(head);
    box.appendChild(rich(el('p', 'msg'), f.msg));
    box.appendChild(frame(f.frame, f.sev));
    if (f.help) {
      var help = el('p', 'help');
      help.appendChild(el('b', null, T.help));
      box.appendChild(rich(help, f.help));
    }
    if (f.related && f.related.length) {
      var list = el('ul', 'related');
      f.related.forEach(function (r) {
        var item = el('li');
        rich(item.appendChild(el('span', 'label')), r.label);
        item.appendChild(document.createTextNode(' '));
        item.appendChild(el('span', 'where', place(r.file, r.line, r.col)));
        item.appendChild(frame(r.frame, 'related'));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (/^https:\/\//.test(f.url)) {
      var links = el('div', 'links');
      var a = el('a', null, T.rulePage + ' ↗');
      a.href = f.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      links.appendChild(a);
      box.appendChild(links);
    }
    return box;
  }

  function fillGroup(details, group) {
    var body = details.querySelector('.body');
    body.textContent = '';
    group.findings.forEach(function (i) {
      if (matches(data.findings[i])) body.appendChild(finding(data.findings[i]));
    });
    details.dataset.filled = '1';
  }

  function counts(group) {
    var c = { error: 0, warning: 0, info: 0 };
    group.findings.forEach(function (i) {
      var f = data.findings[i];
      if (matches(f)) c[f.sev]++;
    });
    return c;
  }

  function groupElement(group) {
    var details = el('details', 'group');
    if (group.page !== undefined) details.id = 'g-' + group.project + '-' + group.page;
    var summary = el('summary');
    var title = el('span', 'title');
    if (group.page !== undefined) title.appendChild(el('code', null, group.title));
    else rich(title, group.title);
    summary.appendChild(title);
    var c = counts(group);
    ['error', 'warning', 'info'].forEach(function (sev) {
      if (c[sev]) {
        var chip = el('span', 'chip ' + sev, String(c[sev]));
        chip.title = c[sev] + ' ' + (T.severity[sev] || sev);
        summary.appendChild(chip);
      }
    });
    details.appendChild(summary);
    details.appendChild(el('div', 'body'));
    details.addEventListener('toggle', function () {
      if (details.open && !details.dataset.filled) fillGroup(details, group);
    });
    if (OPEN_ALL) {
      fillGroup(details, group);
      details.open = true;
    }
    return details;
  }

  // Each findings container renders its project's matching groups, BATCH at a time.
  var containers = [];
  document.querySelectorAll('.findings').forEach(function (box) {
    var project = box.dataset.project === '' ? null : Number(box.dataset.project);
    var groups = data.groups.filter(function (g) {
      return (g.project === undefined || g.project === null ? null : g.project) === project;
    });
    containers.push({ box: box, groups: groups, shown: [], rendered: 0 });
  });

  function renderMore(c) {
    var more = c.box.querySelector('.more');
    if (more) more.remove();
    var end = Math.min(c.shown.length, c.rendered + BATCH);
    for (; c.rendered < end; c.rendered++) c.box.appendChild(groupElement(c.shown[c.rendered]));
    if (c.rendered < c.shown.length) {
      var button = el('button', 'more', T.showMore + ' (' + (c.shown.length - c.rendered) + ')');
      button.type = 'button';
      button.addEventListener('click', function () { renderMore(c); });
      c.box.appendChild(button);
    }
  }

  function renderFindings() {
    containers.forEach(function (c) {
      c.box.textContent = '';
      c.shown = c.groups.filter(function (g) {
        return textMatches(g) && g.findings.some(function (i) { return matches(data.findings[i]); });
      });
      c.rendered = 0;
      if (!c.shown.length) {
        var filtering = state.rule || state.area || state.sev || state.text;
        c.box.appendChild(el('p', 'empty', filtering ? T.noMatch : c.box.dataset.empty));
        return;
      }
      renderMore(c);
    });
  }

  // Opens the group a link points to, rendering batches until it exists.
  function reveal(id) {
    var target = document.getElementById(id);
    if (!target) {
      containers.forEach(function (c) {
        var at = c.shown.findIndex(function (g) {
          return g.page !== undefined && 'g-' + g.project + '-' + g.page === id;
        });
        while (at >= c.rendered && c.rendered < c.shown.length) renderMore(c);
      });
      target = document.getElementById(id);
    }
    if (target && target.tagName === 'DETAILS') {
      target.open = true;
      if (!target.dataset.filled) {
        var c = containers.find(function (c) { return c.box.contains(target); });
        var group = c && c.shown.find(function (g) { return 'g-' + g.project + '-' + g.page === id; });
        if (group) fillGroup(target, group);
      }
      target.scrollIntoView({ block: 'start' });
    }
  }

  // ---- Wiring ------------------------------------------------------------------------------

  var ruleSelect = document.getElementById('f-rule');
  var sevSelect = document.getElementById('f-sev');
  var textInput = document.getElementById('f-text');
  var form = document.querySelector('form.toolbar');

  function apply() {
    var rule = ruleSelect ? ruleSelect.value : '';
    state.area = rule.indexOf('area:') === 0 ? rule.slice(5) : '';
    state.rule = state.area ? '' : rule;
    state.sev = sevSelect ? sevSelect.value : '';
    state.text = textInput ? textInput.value.trim().toLowerCase() : '';
    document.querySelectorAll('.area').forEach(function (card) {
      card.classList.toggle('active', card.dataset.area === state.area);
    });
    filterTables();
    renderFindings();
  }

  if (form) {
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
  }
  [ruleSelect, sevSelect].forEach(function (s) { if (s) s.addEventListener('change', apply); });
  if (textInput) {
    var timer = null;
    textInput.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    });
  }
  document.querySelectorAll('.area').forEach(function (card) {
    card.addEventListener('click', function () {
      if (!ruleSelect) return;
      var value = 'area:' + card.dataset.area;
      ruleSelect.value = ruleSelect.value === value ? '' : value;
      apply();
      if (form) form.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  });
  document.querySelectorAll('table.pages th button').forEach(function (button) {
    button.addEventListener('click', function () { sortBy(button.parentNode); });
  });
  document.querySelectorAll('table.pages a[href^="#g-"]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      reveal(a.getAttribute('href').slice(1));
    });
  });
  // The graph: hovering a box lights up its edges; clicking a page searches for it.
  document.querySelectorAll('svg.graph').forEach(function (svg) {
    svg.addEventListener('mouseover', function (e) {
      var node = e.target.closest('.node');
      svg.querySelectorAll('.edge.hl').forEach(function (p) { p.classList.remove('hl'); });
      if (!node) return;
      var i = node.dataset.node;
      svg.querySelectorAll('.edge').forEach(function (p) {
        if (p.dataset.from === i || p.dataset.to === i) p.classList.add('hl');
      });
    });
    svg.addEventListener('click', function (e) {
      var node = e.target.closest('.node.k-page');
      if (!node || !textInput) return;
      textInput.value = node.dataset.label;
      apply();
      if (form) form.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  });

  apply();
  if (location.hash.indexOf('#g-') === 0) reveal(location.hash.slice(1));
})();
