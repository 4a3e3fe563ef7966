package clippings.build;

import clippings.bench.CorpusGenerator;
import clippings.cache.ProcessMemory;
import clippings.model.SiteConfig;
import clippings.testing.Fixtures;
import clippings.testing.SiteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incremental builds (#7) produce exactly the bytes of a clean build: a random sequence of edits (articles
 * changed, added, deleted, overridden by Markdown, given capture times in a capture log; templates and
 * configuration changed; the cache damaged; the site edited by hand) is applied, and after each step the cached
 * build is compared file by file with a build from scratch, and so is its report.
 */
class IncrementalBuildIT {
    @TempDir
    Path tmp;

    private Path content;
    private Path templates;
    private SiteConfig config = SiteConfig.defaults();

    static {
        // As in serve and the daemon: incremental builds here also run from what the last build kept.
        ProcessMemory.keep();
    }

    private BuildOptions options(Path out, boolean cached) {
        BuildOptions o = new BuildOptions(content, Optional.of(templates), out, config, false,
                out.resolveSibling(out.getFileName() + "-report.json"));
        return cached ? o.withCache(Optional.of(tmp.resolve("cache"))) : o;
    }

    private String build(Path out, boolean cached) {
        StringWriter log = new StringWriter();
        BuildReport r = new SiteBuild(options(out, cached), new PrintWriter(log)).run();
        assertTrue(r.problems().isEmpty(), r.problems() + "\n" + log);
        return log.toString();
    }

    private void assertSameAsClean(String step) throws IOException {
        String log = build(tmp.resolve("incremental"), true);
        Path clean = tmp.resolve("clean");
        // From nothing, as a new process would build: what the incremental build kept in memory is not used.
        ProcessMemory.forget();
        build(clean, false);
        Map<String, String> expected = SiteFiles.digests(clean);
        Map<String, String> actual = SiteFiles.digests(tmp.resolve("incremental"));
        assertEquals(expected.keySet(), actual.keySet(), step + ": the same files\n" + log);
        for (String path : expected.keySet()) {
            assertEquals(expected.get(path), actual.get(path), step + ": " + path + " differs\n" + log);
        }
        assertEquals(reportWithoutTimes(clean), reportWithoutTimes(tmp.resolve("incremental")),
                step + ": the same report\n" + log);
    }

    /** The build report beside a site, but for how long each phase took. */
    private static String reportWithoutTimes(Path site) throws IOException {
        var report = com.google.gson.JsonParser.parseString(
                Files.readString(site.resolveSibling(site.getFileName() + "-report.json"))).getAsJsonObject();
        report.remove("phaseMillis");
        return report.toString();
    }

    /** {@code -Dseed=N -Dsteps=M} on the Maven command line runs another or a longer sequence. */
    @Test
    void randomEditsGiveTheSiteACleanBuildGives() throws IOException {
        copySamples();
        new CorpusGenerator(7).write(content.resolve("generated"), 30);
        assertSameAsClean("first build");

        Random random = new Random(Long.getLong("seed", 20261128));
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("steps", 14); i++) {
            String step = edit(random, i);
            steps.add(step);
            assertSameAsClean("step " + i + " (" + String.join(", ", steps) + ")");
        }
    }

    /**
     * As {@link #randomEditsGiveTheSiteACleanBuildGives}, but the incremental builds follow one another with
     * nothing forgotten between them, as in serve and the daemon, where each build takes the last one's
     * articles, entries and digests as they are: every step's inputs are set aside, and built from scratch once
     * the sequence is over.
     */
    @Test
    void randomEditsInOneProcessGiveTheSitesCleanBuildsGive() throws IOException {
        copySamples();
        new CorpusGenerator(11).write(content.resolve("generated"), 30);
        Random random = new Random(Long.getLong("seed", 20261207));
        List<String> steps = new ArrayList<>(List.of("first build"));
        List<Map<String, String>> built = new ArrayList<>();
        List<SiteConfig> configs = new ArrayList<>();
        int count = Integer.getInteger("steps", 14);
        for (int i = 0; i <= count; i++) {
            if (i > 0) steps.add(edit(random, i));
            build(tmp.resolve("incremental"), true);
            built.add(SiteFiles.digests(tmp.resolve("incremental")));
            copyTree(content, tmp.resolve("steps/" + i + "/content"));
            copyTree(templates, tmp.resolve("steps/" + i + "/templates"));
            configs.add(config);
        }
        for (int i = 0; i <= count; i++) {
            content = tmp.resolve("steps/" + i + "/content");
            templates = tmp.resolve("steps/" + i + "/templates");
            config = configs.get(i);
            ProcessMemory.forget();
            Path clean = tmp.resolve("clean-" + i);
            build(clean, false);
            String step = "step " + i + " (" + String.join(", ", steps.subList(0, i + 1)) + ")";
            Map<String, String> expected = SiteFiles.digests(clean);
            assertEquals(expected.keySet(), built.get(i).keySet(), step + ": the same files");
            for (String path : expected.keySet()) {
                assertEquals(expected.get(path), built.get(i).get(path), step + ": " + path + " differs");
            }
        }
    }

    @Test
    void unchangedInputsAreNotReadAgainButAnyWriteIsNoticed() throws IOException, InterruptedException {
        copySamples();
        Path scrape = inputs().stream().filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        build(tmp.resolve("incremental"), true);
        // Past the file systems' clock granularity, the build trusts a file whose size and times are unchanged.
        Thread.sleep(2_100);
        long searchDocs = Files.size(tmp.resolve("cache").resolve("search.bin"));
        String unchanged = build(tmp.resolve("incremental"), true);
        assertEquals(searchDocs, Files.size(tmp.resolve("cache").resolve("search.bin")),
                "a build that keeps the search index keeps its documents for the next that rebuilds it");
        assertTrue(unchanged.matches("(?s).*index .*unchanged, from the cache.*"), "the index is reused\n" + unchanged);
        assertTrue(unchanged.matches("(?s).*\\nfiles .*unchanged.*"), unchanged);
        boolean watched = clippings.cache.FolderWatch.local(tmp); // as in serve and the daemon
        assertTrue(!watched || unchanged.contains(" (0 touched since the last build"),
                "the content folder's watch saw nothing touched\n" + unchanged);
        var modified = Files.getLastModifiedTime(scrape);
        String text = Files.readString(scrape);
        int at = text.indexOf(" the ");
        Files.writeString(scrape, text.substring(0, at) + " THE " + text.substring(at + 5));
        Files.setLastModifiedTime(scrape, modified);
        String edited = build(tmp.resolve("incremental"), true);
        assertTrue(!watched || edited.contains(" (1 touched since the last build"),
                "the watch saw the edit\n" + edited);
        assertSameAsClean("a same-size edit with the modification time set back");
    }

    /**
     * The index is reused when an edit leaves what it reads of every article alike (a word of a body), and made
     * again when it does not (a new title); either way the site is what a clean build makes.
     */
    @Test
    void anIndexIsReusedOnlyWhileWhatItReadsIsUnchanged() throws IOException {
        copySamples();
        Path out = tmp.resolve("incremental");
        build(out, true);
        Path scrape = inputs().stream().filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        String text = Files.readString(scrape);
        int at = text.indexOf(" the ", text.length() * 2 / 3);
        Files.writeString(scrape, text.substring(0, at) + " this " + text.substring(at + 5));
        String bodyEdit = build(out, true);
        var counts = java.util.regex.Pattern.compile(
                "\\narticles +\\d+ ms +(\\d+) articles cleaned, converted and tagged \\((\\d+) unchanged").matcher(bodyEdit);
        assertTrue(counts.find(), bodyEdit);
        assertEquals(Integer.parseInt(counts.group(1)) - 1, Integer.parseInt(counts.group(2)), "one input processed again\n" + bodyEdit);
        assertTrue(bodyEdit.matches("(?s).*\\nindex .*unchanged, from the cache.*"), "a body edit keeps the index\n" + bodyEdit);
        assertTrue(bodyEdit.matches("(?s).*\\npages +\\d+ ms +1 pages and assets of the changed articles.*"),
                "only the edited article's page is rendered\n" + bodyEdit);
        assertSameAsClean("a word of a body changed");

        String name = scrape.getFileName().toString();
        Files.writeString(scrape.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".md"),
                "---\ntitle: A title of its own\n---\n\nA person's own text for this story.\n");
        String titleEdit = build(out, true);
        assertTrue(!titleEdit.matches("(?s).*\\nindex .*unchanged, from the cache.*"), "a new title makes a new index\n" + titleEdit);
        assertSameAsClean("a new title");
    }

    /**
     * An edit that changes what listings and neighbours show of an article (its description) but not the index
     * renders that article's page and the pages that show it, and no other; the site is what a clean build makes.
     */
    @Test
    void aNewDescriptionRendersOnlyThePagesShowingIt() throws IOException {
        String text = noteBuilt("description: What the council said.");
        String log = rewriteNote(text.replace("What the council said.", "A description written again."));
        assertTrue(log.matches("(?s).*\\nindex .*unchanged, from the cache.*"), "the index is kept\n" + log);
        int rendered = pagesKeyed(log, "of the changed articles and of those showing them");
        assertTrue(rendered > 1 && rendered < 60, rendered + " pages\n" + log);
        assertSameAsClean("a new description");
    }

    /**
     * An edit that changes what the index is made from but not its shape (here an article's tags in another
     * order: the same tags on the same articles) makes the index again, yet renders only that article's page
     * and copies, as an edit that kept the index would; one that changes the tags alone keys only the pages that
     * read tags; one that moves the article, or deletes or adds one, keys the listings and what showed or shows
     * it. Each time the site is what a clean build makes.
     */
    @Test
    void anIndexMadeAgainInTheSameShapeRendersOnlyTheChangedArticle() throws IOException {
        String text = noteBuilt("tags: [Harbour Council, Port Authority]");
        String log = rewriteNote(text.replace("[Harbour Council, Port Authority]", "[Port Authority, Harbour Council]"));
        assertTrue(!log.matches("(?s).*\\nindex .*unchanged, from the cache.*"), "the index is made again\n" + log);
        assertTrue(log.matches("(?s).*\\npages +\\d+ ms +1 pages and assets of the changed articles.*"),
                "only the edited article's page is rendered\n" + log);
        assertTrue(log.matches("(?s).*\\nfiles .*, (\\d+) unchanged.*"), log);
        assertSameAsClean("the same tags in another order");

        // A tag that comes and one that goes change the tags alone: only the pages that read tags are keyed.
        String newTag = rewriteNote(text.replace("[Harbour Council, Port Authority]", "[Port Authority, Harbour Pilots]"));
        assertTrue(newTag.matches("(?s).*\\npages +\\d+ ms +\\d+ pages and assets of the changed articles, of those"
                + " showing them and of what reads the changed tags.*"), "only what reads tags\n" + newTag);
        int tags = (int) Files.list(tmp.resolve("incremental").resolve("tags"))
                .filter(p -> p.toString().endsWith(".html")).count();
        assertTrue(tagPagesRendered(newTag) < tags, "not every tag's first page: " + tags + " tags\n" + newTag);
        assertSameAsClean("a new tag");
        String gone = rewriteNote(text.replace("[Harbour Council, Port Authority]", "[Harbour Council]"));
        assertTrue(gone.matches("(?s).*of what reads the changed tags.*"), gone);
        assertSameAsClean("a tag gone");

        // A new date moves the article among the others: the listings, what showed it or shows it now (its old and
        // new neighbours in time) and what reads its tags are keyed, not every page.
        long pages;
        try (Stream<Path> s = Files.walk(tmp.resolve("incremental"))) {
            pages = s.filter(p -> p.toString().endsWith(".html")).count();
        }
        String moved = rewriteNote(text.replace("2016-03-02", "2009-11-30"));
        assertTrue(placementPagesRendered(moved) < pages, pages + " pages\n" + moved);
        assertSameAsClean("a new date");

        // An article that goes, and one that comes back: the same.
        Files.move(content.resolve("a-note.md"), tmp.resolve("a-note.md"));
        String deleted = build(tmp.resolve("incremental"), true);
        assertTrue(placementPagesRendered(deleted) < pages, pages + " pages\n" + deleted);
        assertSameAsClean("an article deleted");
        Files.move(tmp.resolve("a-note.md"), content.resolve("a-note.md"));
        String back = build(tmp.resolve("incremental"), true);
        assertTrue(placementPagesRendered(back) < pages, pages + " pages\n" + back);
        assertSameAsClean("an article added");
    }

    private static int placementPagesRendered(String log) {
        return pagesKeyed(log, "of the changed articles, of those showing them, of their neighbours, "
                + ".*articles came, went or moved");
    }

    /** How many pages the build's log says were keyed, where it says they were those {@code which} names. */
    private static int pagesKeyed(String log, String which) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\npages +\\d+ ms +(\\d+) pages and assets " + which)
                .matcher(log);
        assertTrue(m.find(), "pages and assets " + which + "\n" + log);
        return Integer.parseInt(m.group(1));
    }

    /**
     * A tag on too many articles for related articles to count leaves its articles' pages alone when an article
     * leaves it; once it is small enough to count, every one of its articles' pages is keyed again.
     */
    @Test
    void aTagTooCommonForRelatedArticlesKeysNoneOfItsArticles() throws IOException {
        content = tmp.resolve("content");
        templates = tmp.resolve("templates");
        copyTree(Fixtures.repo().resolve("templates"), templates);
        Files.createDirectories(content);
        int articles = 2003;
        for (int i = 0; i < articles; i++) Files.writeString(content.resolve("n" + i + ".md"), commonNote(i, true));
        build(tmp.resolve("incremental"), true);

        Files.writeString(content.resolve("n7.md"), commonNote(7, false)); // 2,002 articles left: still too many
        String stillTooMany = build(tmp.resolve("incremental"), true);
        int rendered = tagPagesRendered(stillTooMany);
        assertTrue(rendered < 200, rendered + " pages\n" + stillTooMany);
        assertSameAsClean("an article off a tag on too many articles");

        Files.writeString(content.resolve("n8.md"), commonNote(8, false));
        Files.writeString(content.resolve("n9.md"), commonNote(9, false)); // 2,000 left: the tag counts now
        String counted = build(tmp.resolve("incremental"), true);
        assertTrue(tagPagesRendered(counted) > 2000, counted);
        assertSameAsClean("an article off a tag that now counts");
    }

    private static String commonNote(int i, boolean common) {
        return "---\ntitle: Note " + i + "\ndate: " + java.time.LocalDate.of(2010, 1, 1).plusDays(i)
                + "\ntags: [" + (common ? "Common Ground, " : "") + "Group " + (i % 40) + "]\n---\n\nA short note.\n";
    }

    private static int tagPagesRendered(String log) {
        return pagesKeyed(log, "of the changed articles, of those showing them and of what reads the changed tags");
    }

    /**
     * After an edit, the other articles' Markdown and capture copies are kept as a group, unlooked-at one by one;
     * a copy changed by hand in the site breaks the group and is made again, as any other file would be.
     */
    @Test
    void copiesAreKeptAsAGroupButAHandEditedOneIsMadeAgain() throws IOException {
        copySamples();
        Path out = tmp.resolve("incremental");
        build(out, true);
        List<Path> scrapes = inputs().stream().filter(p -> p.toString().endsWith(".txt")).toList();
        Path edited = scrapes.get(0);
        Files.writeString(edited, Files.readString(edited).replaceFirst(" the ", " this "));
        String log = build(out, true);
        assertTrue(log.matches("(?s).*\\nindex .*unchanged, from the cache.*"), log);
        assertSameAsClean("a body edit, copies kept as a group");

        List<Path> copies;
        try (var files = Files.walk(out.resolve("articles"))) {
            copies = files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".source.txt"))
                    .sorted().toList();
        }
        assertTrue(copies.size() >= 4, copies.toString());
        Files.writeString(copies.get(1), "changed by hand\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(copies.get(2), "changed by hand\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(edited, Files.readString(edited).replaceFirst(" this ", " the "));
        build(out, true);
        assertTrue(!Files.readString(copies.get(1)).endsWith("changed by hand\n"), copies.get(1).toString());
        assertSameAsClean("copies changed by hand in the site");
    }

    @Test
    void aTemplateChangeRendersOnlyThePagesThatUseIt() throws IOException {
        copySamples();
        Path out = tmp.resolve("incremental");
        build(out, true);
        String articlePage = firstArticlePage(out);
        String tagPage = "tags/index.html";
        Object articleInode = Files.getAttribute(out.resolve(articlePage), "unix:ino");
        Object tagInode = Files.getAttribute(out.resolve(tagPage), "unix:ino");

        Path article = templates.resolve("article.html");
        Files.writeString(article, Files.readString(article).replace("</article>", "</article><!-- edited -->"));
        String log = build(out, true);

        assertTrue(Files.readString(out.resolve(articlePage)).contains("<!-- edited -->"), log);
        assertEquals(tagInode, Files.getAttribute(out.resolve(tagPage), "unix:ino"),
                "a page of another template is kept, not rendered again\n" + log);
        assertTrue(!articleInode.equals(Files.getAttribute(out.resolve(articlePage), "unix:ino")), log);
    }

    /** serve writes the cache after the reload: a deferred save writes nothing until it is run, then all of it. */
    @Test
    void aDeferredSaveWritesTheCacheOnlyWhenRun() throws IOException {
        copySamples();
        List<Runnable> saves = new ArrayList<>();
        BuildReport r = new SiteBuild(options(tmp.resolve("incremental"), true), new PrintWriter(new StringWriter()))
                .deferSave(saves::add).run();
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(1, saves.size());
        assertTrue(!Files.exists(tmp.resolve("cache").resolve("articles.bin")), "nothing written yet");
        Path report = tmp.resolve("incremental-report.json");
        assertTrue(Files.exists(report), "the report is written by the build");
        saves.get(0).run();
        assertTrue(Files.exists(tmp.resolve("cache").resolve("articles.bin")));
        String log = build(tmp.resolve("incremental"), true);
        assertTrue(log.matches("(?s).*index .*unchanged, from the cache.*"), "the next build uses it\n" + log);
        assertSameAsClean("after a deferred save");

        // serve's way: the site measured against Pages' limits, then the cache, then the report, by the saver.
        Files.delete(report);
        saves.clear();
        StringWriter served = new StringWriter();
        BuildReport again = new SiteBuild(options(tmp.resolve("incremental"), true),
                new PrintWriter(served)).deferSaveAndReport(saves::add).run();
        assertEquals(3, saves.size());
        assertTrue(!Files.exists(report), "not written yet");
        assertTrue(!served.toString().contains("site: "), "not measured yet\n" + served);
        saves.forEach(Runnable::run);
        assertTrue(Files.readString(report).contains("\"inputs\": " + again.inputs()), "written by the saver");
        assertTrue(served.toString().matches("(?s).*site: \\d+ files, .* per article.*"), "measured by the saver\n" + served);
    }

    @Test
    void aDamagedCacheFallsBackToAFullBuild() throws IOException {
        copySamples();
        build(tmp.resolve("incremental"), true);
        Path cache = tmp.resolve("cache");
        // Every body damaged, and a template changed so that article pages must load them.
        try (Stream<Path> bodies = Files.walk(cache.resolve("bodies"))) {
            for (Path b : bodies.filter(Files::isRegularFile).toList()) Files.write(b, new byte[]{1, 2, 3});
        }
        Path article = templates.resolve("article.html");
        Files.writeString(article, Files.readString(article) + "\n<!-- changed -->\n");
        String log = build(tmp.resolve("incremental"), true);
        assertTrue(log.contains("damaged"), log);
        assertSameAsClean("after damaged bodies");

        // Cache tables are read in the background; a damaged one must still fail the cache, not the articles.
        byte[] table = Files.readAllBytes(cache.resolve("articles.bin"));
        Files.write(cache.resolve("articles.bin"), java.util.Arrays.copyOf(table, table.length / 2));
        log = build(tmp.resolve("incremental"), true);
        assertTrue(log.contains("damaged"), log);
        assertSameAsClean("after a truncated article cache");

        Files.write(cache.resolve("articles.bin"), "not a cache".getBytes(StandardCharsets.UTF_8));
        assertSameAsClean("after a damaged article cache");
        byte[] site = Files.readAllBytes(cache.resolve("site.bin"));
        Files.write(cache.resolve("site.bin"), java.util.Arrays.copyOf(site, site.length / 2));
        assertSameAsClean("after a truncated site record");
    }

    /** The sample archive and the default theme, copied so that steps can change them. */
    /** The samples and a Markdown note with one more front matter line, built once with the cache; the note's text. */
    private String noteBuilt(String frontMatterLine) throws IOException {
        copySamples();
        String text = "---\ntitle: A note on the harbour\ndate: 2016-03-02\nsource: The Harbour Times\n"
                + frontMatterLine + "\n---\n\nThe council met on Tuesday about the harbour.\n";
        Files.writeString(content.resolve("a-note.md"), text);
        build(tmp.resolve("incremental"), true);
        return text;
    }

    /** The note rewritten and the site built again with the cache; the build's log. */
    private String rewriteNote(String text) throws IOException {
        Files.writeString(content.resolve("a-note.md"), text);
        return build(tmp.resolve("incremental"), true);
    }

    private void copySamples() throws IOException {
        content = tmp.resolve("content");
        templates = tmp.resolve("templates");
        copyTree(Fixtures.repo().resolve("content"), content);
        copyTree(Fixtures.repo().resolve("templates"), templates);
    }

    /** One random change to the inputs, the theme, the configuration, the cache or the site; says which. */
    private String edit(Random random, int i) throws IOException {
        List<Path> inputs = inputs();
        Path any = inputs.get(random.nextInt(inputs.size()));
        switch (random.nextInt(14)) {
            case 0 -> {
                Files.writeString(any, Files.readString(any) + "\n\nA paragraph added in step " + i
                        + " about the Harbour Council and its budget.\n");
                return "edited " + content.relativize(any);
            }
            case 1 -> {
                Path added = content.resolve("generated").resolve("added-" + i + ".txt");
                Files.writeString(added, "An added story number " + i + "\n\nThe Harbour Council met on Monday "
                        + "to discuss the budget, officials said.\n\nIt was the " + i + "th meeting this year.\n");
                return "added " + content.relativize(added);
            }
            case 2 -> {
                Files.delete(any);
                return "deleted " + content.relativize(any);
            }
            case 3 -> {
                String name = any.getFileName().toString();
                Path md = any.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".md");
                Files.writeString(md, "---\ntitle: Overridden in step " + i + "\ndate: 2020-01-0" + (1 + i % 9)
                        + "\ntags: [Harbour Council]\n---\n\nA person's own text for this story.\n");
                return "overrode " + content.relativize(any) + " with Markdown";
            }
            case 4 -> {
                String[] names = {"layout.html", "article.html", "tag.html", "index.html", "archive.html"};
                Path t = templates.resolve(names[random.nextInt(names.length)]);
                Files.writeString(t, Files.readString(t) + "\n<!-- step " + i + " -->\n");
                return "changed template " + t.getFileName();
            }
            case 5 -> {
                config = new SiteConfig("Archive " + i, config.description(), config.language(),
                        random.nextBoolean() ? Optional.of("https://example.org/a" + i + "/") : Optional.empty(),
                        5 + random.nextInt(20), config.clean(), config.tags(), config.cname(), config.maxInputBytes(),
                        new clippings.model.PublishRules(random.nextInt(3) > 0, random.nextInt(3) > 0));
                return "changed the configuration (" + config.publish() + ")";
            }
            case 6 -> {
                Path site = tmp.resolve("incremental");
                Path page = site.resolve(firstArticlePage(site));
                Files.writeString(page, "edited by hand");
                return "edited " + site.relativize(page) + " by hand";
            }
            case 7 -> {
                try (Stream<Path> bodies = Files.walk(tmp.resolve("cache").resolve("bodies"))) {
                    bodies.filter(Files::isRegularFile).findFirst().ifPresent(b -> {
                        try {
                            Files.delete(b);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
                return "deleted a cached body";
            }
            case 8 -> {
                Path stray = tmp.resolve("incremental").resolve("tags").resolve("stray-" + i + ".html");
                Files.createDirectories(stray.getParent());
                Files.writeString(stray, "put into the site by hand");
                return "put " + stray.getFileName() + " into the site by hand";
            }
            case 9 -> {
                // Same size, and the modification time set back: only the inode change time tells.
                var modified = Files.getLastModifiedTime(any);
                String text = Files.readString(any);
                int at = text.indexOf("the");
                if (at < 0) return "left " + content.relativize(any) + " alone";
                Files.writeString(any, text.substring(0, at) + "THE" + text.substring(at + 3));
                Files.setLastModifiedTime(any, modified);
                return "changed " + content.relativize(any) + " keeping its size and modification time";
            }
            case 10 -> {
                // New tags on a Markdown override, its title and date alike: the index changes in its tags alone.
                Path md = inputs.stream().filter(p -> p.toString().endsWith(".md")).findFirst().orElse(null);
                if (md == null) return "found no Markdown to tag again";
                List<String> pool = new ArrayList<>(List.of("Harbour Council", "Port Authority", "Harbour Pilots",
                        "Fishing Fleet"));
                java.util.Collections.shuffle(pool, random);
                String tags = String.join(", ", pool.subList(0, 1 + random.nextInt(pool.size())));
                Files.writeString(md, Files.readString(md).replaceFirst("(?m)^tags: \\[.*]$", "tags: [" + tags + "]"));
                return "tagged " + content.relativize(md) + " [" + tags + "]";
            }
            case 11 -> {
                // Another capture of the same story: a duplicate group forms (and goes when either is deleted).
                String name = any.getFileName().toString();
                Path copy = any.resolveSibling("copy-" + i + name.substring(name.lastIndexOf('.')));
                Files.copy(any, copy);
                return "copied " + content.relativize(any) + " to " + content.relativize(copy);
            }
            case 12 -> {
                // A capture time in the capture log of the input's folder (#5): now and then one that is not a time,
                // which fails the log but none of its inputs, or a second time for a file, of which the first wins.
                Path log = any.resolveSibling("SOURCES.tsv");
                String table = Files.exists(log) ? Files.readString(log) : "";
                if (!table.startsWith("file\tcaptured_at\n")) table = "file\tcaptured_at\n";
                String time = random.nextInt(4) == 0 ? "sometime in step " + i
                        : "2019-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T0" + random.nextInt(10)
                        + ":15:00Z";
                Files.writeString(log, table + any.getFileName() + "\t" + time + "\n");
                return "logged " + content.relativize(any) + " as captured " + time;
            }
            default -> {
                Files.setLastModifiedTime(any, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
                return "touched " + content.relativize(any);
            }
        }
    }

    private List<Path> inputs() throws IOException {
        try (Stream<Path> s = Files.walk(content)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(txt|html|md)$")).sorted().toList();
        }
    }

    private static String firstArticlePage(Path site) throws IOException {
        try (Stream<Path> s = Files.walk(site.resolve("articles"))) {
            return site.relativize(s.filter(p -> p.toString().endsWith(".html")).sorted().findFirst().orElseThrow())
                    .toString();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
