/*
 * Clippings search (#5): runs in the browser, from file:// as well as from any static host. The index is a set of
 * script files under search/ written at build time (clippings.search.SearchIndexer); each one calls a CS.*
 * function below when it loads, so nothing is fetched as JSON. A query loads the shard of each word, ranks by
 * the BM25 weights stored in the postings, then loads the metadata of the results shown. No library, no request
 * outside the site.
 */
(function () {
  "use strict";
  var main = document.querySelector("[data-search-root]");
  if (!main) return;
  var root = main.getAttribute("data-search-root") || "";
  var PAGE = 20;
  var MAX_PREFIX_SHARDS = 3;

  var meta = null;
  var keys = null;
  var terms = {};     // shard key -> {term: "delta,weight,..."}
  var docs = {};      // doc shard number -> rows
  var filters = {};   // filter name -> [doc numbers]
  var pending = {};   // url -> [callbacks]
  var loaded = {};

  // The same folding as clippings.search.TextFolding: change both or neither.
  var LETTERS = [["ß", "ss"], ["æ", "ae"], ["œ", "oe"], ["ø", "o"], ["đ", "d"], ["ð", "d"], ["ł", "l"], ["ı", "i"],
    ["þ", "th"], ["ς", "σ"]];
  function fold(s) {
    var n = s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
    for (var i = 0; i < LETTERS.length; i++) n = n.split(LETTERS[i][0]).join(LETTERS[i][1]);
    return n;
  }
  function words(s) {
    return (fold(s).match(/[\p{L}\p{N}]+/gu) || []).filter(function (t) { return t.length <= 40; });
  }
  function prefix(t, n) { return Array.from(t).slice(0, n).join(""); }
  function fileName(key) {
    return Array.from(key).map(function (c) {
      return /[a-z0-9-]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("");
  }

  window.CS = {
    m: function (m) { meta = m; keys = new Set(m.keys ? m.keys.split(" ") : []); },
    t: function (key, obj) { terms[key] = obj; },
    d: function (n, rows) { docs[n] = rows; },
    /** The query folding, exposed so the browser tests can hold it to the Java side's. */
    words: words,
    f: function (name, deltas) {
      var out = [], prev = 0;
      for (var i = 0; i < deltas.length; i++) { prev += deltas[i]; out.push(prev); }
      filters[name] = out;
    }
  };

  function load(path) {
    var url = root + path;
    return new Promise(function (resolve, reject) {
      if (loaded[url]) { resolve(); return; }
      if (pending[url]) { pending[url].push([resolve, reject]); return; }
      pending[url] = [[resolve, reject]];
      var s = document.createElement("script");
      s.src = url;
      s.async = true;
      s.onload = function () { loaded[url] = true; pending[url].forEach(function (p) { p[0](); }); delete pending[url]; };
      s.onerror = function () { pending[url].forEach(function (p) { p[1](new Error("cannot load " + url)); }); delete pending[url]; };
      document.head.appendChild(s);
    });
  }

  /** The shard holding a term: the longest shard key that starts it (keys are 1 to 6 letters). */
  function shardOf(t) {
    var cps = Array.from(t);
    for (var n = Math.min(cps.length, 6); n >= 1; n--) {
      var k = cps.slice(0, n).join("");
      if (keys.has(k)) return k;
    }
    return null;
  }
  /**
   * Shards that may hold words starting with p (the word being typed): its own and any split below it; when that
   * is more than a few, only its own, so a short prefix never downloads a large part of the index.
   */
  function shardsForPrefix(p) {
    var own = shardOf(p);
    var out = own ? [own] : [];
    if (Array.from(p).length < 2) return out;
    keys.forEach(function (k) { if (k !== own && k.indexOf(p) === 0) out.push(k); });
    return out.length > MAX_PREFIX_SHARDS ? (own ? [own] : []) : out;
  }
  function postings(key, term) {
    var shard = terms[key];
    if (!shard || !Object.prototype.hasOwnProperty.call(shard, term)) return null;
    return shard[term];
  }
  /** Adds a term's weights into scores (doc -> weight), keeping the best per doc for this query word. */
  function addPostings(list, factor, into) {
    var parts = list.split(","), doc = 0;
    for (var i = 0; i < parts.length; i += 2) {
      doc += +parts[i];
      var w = +parts[i + 1] * factor;
      if (!(into.get(doc) >= w)) into.set(doc, w);
    }
  }

  var state = { query: "", results: [], shown: 0, words: [] };
  var seq = 0;

  function run(q, tag, source, year) {
    var my = ++seq;
    var qs = words(q);
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    if (qs.length === 0) {
      list.textContent = "";
      status.textContent = "Type a word to search titles, text, tags, sources and dates.";
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    var last = qs[qs.length - 1];
    var need = new Set();
    qs.slice(0, -1).forEach(function (t) { var k = shardOf(t); if (k) need.add(k); });
    shardsForPrefix(last).forEach(function (k) { need.add(k); });
    var wanted = [];
    if (tag) wanted.push("tag-" + tag);
    if (source) wanted.push("source-" + source);
    if (year) wanted.push("year-" + year);
    var loads = [];
    need.forEach(function (k) { loads.push(load("search/t/" + fileName(k) + ".js")); });
    wanted.forEach(function (f) { loads.push(load("search/f/" + fileName(f) + ".js")); });
    return Promise.all(loads).then(function () {
      if (my !== seq) return;
      var total = new Map(), matched = new Map();
      qs.forEach(function (t, i) {
        var per = new Map();
        var isLast = i === qs.length - 1;
        var k = shardOf(t);
        var exact = k ? postings(k, t) : null;
        if (exact) addPostings(exact, 1, per);
        if (isLast && Array.from(t).length >= 2) {
          // Prefix matches count half: "khoj" finds "khoja", but an exact word ranks first.
          shardsForPrefix(t).forEach(function (key) {
            var shard = terms[key] || {};
            Object.keys(shard).forEach(function (term) {
              if (term !== t && term.indexOf(t) === 0) addPostings(shard[term], 0.5, per);
            });
          });
        }
        per.forEach(function (w, doc) {
          total.set(doc, (total.get(doc) || 0) + w);
          matched.set(doc, (matched.get(doc) || 0) + 1);
        });
      });
      var allowed = null;
      wanted.forEach(function (f) {
        var set = new Set(filters[f] || []);
        allowed = allowed === null ? set : new Set(Array.from(allowed).filter(function (d) { return set.has(d); }));
      });
      var ranked = [];
      total.forEach(function (score, doc) { if (!allowed || allowed.has(doc)) ranked.push([doc, score, matched.get(doc)]); });
      // Documents that match more of the words first, then BM25, then site order (newest first: documents are
      // numbered from the oldest).
      ranked.sort(function (a, b) { return b[2] - a[2] || b[1] - a[1] || b[0] - a[0]; });
      state = { query: q, results: ranked, shown: 0, words: qs };
      list.textContent = "";
      return more();
    }).catch(function (e) {
      if (my === seq) status.textContent = "Search is not available: " + e.message;
    });
  }

  function more() {
    var status = document.getElementById("search-status");
    var slice = state.results.slice(state.shown, state.shown + PAGE);
    var shards = new Set(slice.map(function (r) { return Math.floor(r[0] / meta.per); }));
    return Promise.all(Array.from(shards).map(function (n) { return load("search/d/" + n + ".js"); })).then(function () {
      var list = document.getElementById("search-results");
      slice.forEach(function (r) { list.appendChild(item(docs[Math.floor(r[0] / meta.per)][r[0] % meta.per])); });
      state.shown += slice.length;
      var n = state.results.length;
      status.textContent = n === 0 ? "No articles match." :
        (n === 1 ? "1 article" : n + " articles") + (state.shown < n ? ", showing " + state.shown : "") + ".";
      var btn = document.getElementById("search-more");
      if (btn) btn.remove();
      if (state.shown < n) {
        btn = document.createElement("button");
        btn.id = "search-more";
        btn.type = "button";
        btn.textContent = "More results";
        btn.addEventListener("click", function () { more(); });
        list.after(btn);
      }
    });
  }

  /** Text with every word that starts with a query word wrapped in <mark>; built with DOM nodes, never HTML. */
  function highlighted(text, into) {
    var re = /[\p{L}\p{N}]+/gu, at = 0, m;
    while ((m = re.exec(text)) !== null) {
      var f = fold(m[0]);
      var hit = state.words.some(function (w) { return f.indexOf(w) === 0; });
      if (!hit) continue;
      into.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      into.appendChild(mark);
      at = m.index + m[0].length;
    }
    into.appendChild(document.createTextNode(text.slice(at)));
    return into;
  }

  /** About 220 characters of the stored text around its first matching word (the start when none matches). */
  function excerpt(text) {
    var re = /[\p{L}\p{N}]+/gu, m, at = -1;
    while ((m = re.exec(text)) !== null) {
      var f = fold(m[0]);
      if (state.words.some(function (w) { return f.indexOf(w) === 0; })) { at = m.index; break; }
    }
    if (text.length <= 220) return text;
    var start = at < 80 ? 0 : text.lastIndexOf(" ", at - 60) + 1;
    var end = text.indexOf(" ", start + 220);
    var out = text.slice(start, end < 0 ? text.length : end);
    return (start > 0 ? "… " : "") + out + (end < 0 ? "" : " …");
  }

  function item(row) {
    // row: [path, title, dateIso, dateText, source, snippet, tags]
    var li = document.createElement("li");
    var h = document.createElement("h2");
    h.className = "article-list-title";
    var a = document.createElement("a");
    a.href = root + row[0];
    highlighted(row[1], a);
    h.appendChild(a);
    li.appendChild(h);
    var p = document.createElement("p");
    p.className = "meta";
    if (row[2]) {
      var t = document.createElement("time");
      t.setAttribute("datetime", row[2]);
      t.textContent = row[3];
      p.appendChild(t);
    } else {
      var u = document.createElement("span");
      u.className = "undated";
      u.textContent = "Undated";
      p.appendChild(u);
    }
    if (row[4]) {
      var s = document.createElement("span");
      s.className = "source";
      s.textContent = row[4];
      p.appendChild(s);
    }
    li.appendChild(p);
    var snip = document.createElement("p");
    snip.className = "snippet";
    highlighted(excerpt(row[5]), snip);
    li.appendChild(snip);
    if (row[6]) {
      var tags = document.createElement("p");
      tags.className = "meta result-tags";
      tags.appendChild(document.createTextNode("Tags: "));
      highlighted(row[6], tags);
      li.appendChild(tags);
    }
    return li;
  }

  function fill(select, choices, chosen) {
    choices.forEach(function (c) {
      var o = document.createElement("option");
      o.value = c[0];
      o.textContent = c[1] + " (" + c[2] + ")";
      if (c[0] === chosen) o.selected = true;
      select.appendChild(o);
    });
  }

  function current() {
    return {
      q: document.getElementById("q").value,
      tag: document.getElementById("f-tag").value,
      source: document.getElementById("f-source").value,
      year: document.getElementById("f-year").value
    };
  }

  function update() {
    var c = current();
    var params = new URLSearchParams();
    if (c.q) params.set("q", c.q);
    if (c.tag) params.set("tag", c.tag);
    if (c.source) params.set("source", c.source);
    if (c.year) params.set("year", c.year);
    var qs = params.toString();
    // file:// pages may not change their URL in every browser; searching must work anyway.
    try { history.replaceState(null, "", qs ? "?" + qs : location.pathname); } catch (e) { /* ignore */ }
    return run(c.q, c.tag, c.source, c.year);
  }

  load("search/meta.js").then(function () {
    var params = new URLSearchParams(location.search);
    var form = document.getElementById("search-form");
    var input = document.getElementById("q");
    input.value = params.get("q") || "";
    fill(document.getElementById("f-tag"), meta.tags, params.get("tag"));
    fill(document.getElementById("f-source"), meta.sources, params.get("source"));
    fill(document.getElementById("f-year"), meta.years, params.get("year"));
    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 120); });
    form.addEventListener("change", function (e) { if (e.target.tagName === "SELECT") update(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    main.setAttribute("data-search-ready", "true");
    return update();
  }).catch(function (e) {
    document.getElementById("search-status").textContent = "Search is not available: " + e.message;
  });
})();
