package clippings.bench;

import com.google.gson.Gson;

/**
 * The search page the benchmark serves, and the scripts it evaluates in it. The page holds exactly the elements
 * {@code assets/search.js} works with in the theme's {@code search.html} (the form, the filters, the status and
 * the result list), without the site's header and footer, which no query touches.
 */
final class SearchPageScript {
    /** Resolves once the status line shows the answer: a count of articles, or none. */
    private static final String ANSWERED = """
            new Promise(function (resolve) {
              var status = document.getElementById("search-status");
              function count() {
                var t = status.textContent;
                if (/^No articles match/.test(t)) return 0;
                var m = /^(\\d+) articles?\\b/.exec(t);
                return m ? +m[1] : -1;
              }
              function check() {
                var n = count();
                if (n < 0) return;
                observer.disconnect();
                // When the query's term shards had arrived: the rest of the time is fetching and showing results.
                var terms = performance.getEntriesByType("resource").filter(function (r) {
                  return r.name.indexOf("/search/t/") >= 0 && r.startTime >= START;
                }).map(function (r) { return r.responseEnd - START; });
                resolve({ms: performance.now() - START, results: n, termsMs: terms.length ? Math.max.apply(null, terms) : 0});
              }
              var observer = new MutationObserver(check);
              observer.observe(status, {childList: true, characterData: true, subtree: true});
              check();
            })""";

    /** Waits for the results of the query in the page's URL; the time is since navigation started. */
    static final String AWAIT_RESULTS = "(function () { var START = 0; return " + ANSWERED + "; })()";

    /** Waits for search.js to have loaded meta.js and be ready for a query. */
    static final String AWAIT_READY = """
            new Promise(function (resolve) {
              (function poll() {
                if (document.querySelector("[data-search-ready]")) resolve(true); else setTimeout(poll, 5);
              })();
            })""";

    private SearchPageScript() {
    }

    /** Types a word into the loaded page and submits it; resolves with the time until the results are shown. */
    static String query(String word) {
        return "(function () { document.getElementById(\"q\").value = " + new Gson().toJson(word) + ";"
                + " var START = performance.now();"
                + " document.getElementById(\"search-form\").requestSubmit();"
                + " return " + ANSWERED + "; })()";
    }

    static String page(int articles) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Search benchmark</title></head>
                <body><main id="main" data-search-root="./">
                <form id="search-form" role="search" action="search.html" method="get">
                <label for="q">Search %d articles</label> <input id="q" name="q" type="search" autocomplete="off">
                <button type="submit">Search</button>
                <select id="f-tag" name="tag"><option value="">Any tag</option></select>
                <select id="f-source" name="source"><option value="">Any source</option></select>
                <select id="f-year" name="year"><option value="">Any year</option></select>
                </form>
                <p id="search-status" role="status">Type a word to search titles, text, tags, sources and dates.</p>
                <ol id="search-results"></ol>
                </main><script src="assets/search.js"></script></body></html>
                """.formatted(articles);
    }
}
