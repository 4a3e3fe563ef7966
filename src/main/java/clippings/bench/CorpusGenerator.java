package clippings.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic news archive for benchmarks: N articles from several sources, half as text scrapes in the
 * seed's shape (each source with chrome lines of its own) and half as HTML captures, with bodies of 400–900
 * words holding quotes and links, named entities drawn from a Zipf distribution over about 2,000 names, and
 * dates spread over 15 years. The same seed always writes the same bytes.
 * <p>One instance per corpus; not thread-safe.
 */
public final class CorpusGenerator {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "sen", "tor", "vel", "an", "dri", "bek", "sa",
            "mun", "pe", "lis", "ho", "gar", "ni", "zu", "fen", "da", "ol", "ri", "tam", "ves", "ju", "cor", "bal"};
    private static final String[] ORG_SUFFIX = {"Coalition", "Ministry", "Agency", "Council", "Party", "Union",
            "Institute", "Bank", "Foundation", "Commission", "Authority", "Federation"};
    private static final String[] PLACE_SUFFIX = {"", "", "", " City", " Province", " Valley", " Bay", " Heights"};
    private static final String[] VERBS = {"said", "told reporters", "warned", "argued", "announced", "added",
            "insisted", "noted", "claimed", "confirmed"};
    private static final String[] NOUNS = {"talks", "budget", "election", "agreement", "protest", "investigation",
            "ceasefire", "report", "trial", "summit", "reform", "strike", "deal", "vote", "inquiry", "sanctions"};
    private static final String[] FILLER = ("the officials said that the plan would be discussed again next week "
            + "while critics argued it did not go far enough and residents waited for a decision that many had "
            + "expected months ago according to people familiar with the matter who asked not to be named because "
            + "the talks were private and the outcome remained uncertain as negotiators met late into the night")
            .split(" ");

    private final Random random;
    private final List<String> entities = new ArrayList<>();
    private final double[] zipf;
    private final List<Source> sources = new ArrayList<>();

    /** A publication with its own chrome and its own kind of capture. */
    private record Source(String name, String domain, List<String> header, List<String> footer, boolean html) {
    }

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < 2000; i++) entities.add(entity(i));
        zipf = new double[entities.size()];
        double sum = 0;
        for (int k = 0; k < zipf.length; k++) {
            sum += 1 / Math.pow(k + 1, 1.07);
            zipf[k] = sum;
        }
        for (int k = 0; k < zipf.length; k++) zipf[k] /= sum;
        String[] names = {"Daily Ledger", "Harbour Times", "Capital Wire", "Northern Post", "Valley Courier",
                "Evening Standard Monitor", "Global Dispatch", "Metro Chronicle"};
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            String domain = n.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
            sources.add(new Source(n, domain,
                    List.of("Site icon " + n, "Skip to content", n + " — independent news since 19" + (50 + i)),
                    List.of("Follow " + n + " on social media", "Subscribe to the " + n + " newsletter",
                            "© 2024 " + n + ". All rights reserved.", "Exit mobile version"),
                    i % 2 == 1));
        }
    }

    /** Writes {@code count} articles into {@code dir}; returns the files written, in order. */
    public List<Path> write(Path dir, int count) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < count; i++) {
                Source s = sources.get(random.nextInt(sources.size()));
                Article a = article(i, s);
                Path f = dir.resolve(String.format(Locale.ROOT, "%06d_%s.%s", i, Long.toHexString(random.nextLong()),
                        s.html() ? "html" : "txt"));
                Files.writeString(f, s.html() ? html(a, s) : text(a, s), StandardCharsets.UTF_8);
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private record Article(String title, LocalDateTime date, String author, List<String> paragraphs,
                           List<String> mentioned) {
    }

    /**
     * A generated story without its capture around it, for benchmarks that skip extraction (the search index of
     * 100,000 articles): what the build would have read from its capture.
     *
     * @param entities the people, organisations and places it names, most mentioned first
     */
    public record Story(int number, String title, LocalDateTime date, String author, String source,
                        List<String> paragraphs, List<String> entities) {
    }

    /** Generates {@code count} stories, in order, handing each to {@code sink} so that they need not all be kept. */
    public void stories(int count, java.util.function.Consumer<Story> sink) {
        for (int i = 0; i < count; i++) {
            Source s = sources.get(random.nextInt(sources.size()));
            Article a = article(i, s);
            java.util.Map<String, Long> mentions = new java.util.LinkedHashMap<>();
            for (String m : a.mentioned()) mentions.merge(m, 1L, Long::sum);
            List<String> entities = mentions.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(java.util.Map.Entry::getKey).toList();
            sink.accept(new Story(i, a.title(), a.date(), a.author(), s.name(), a.paragraphs(), entities));
        }
    }

    private Article article(int n, Source s) {
        String lead = pick();
        String other = pick();
        String noun = NOUNS[random.nextInt(NOUNS.length)];
        String title = lead + " " + (random.nextBoolean() ? "rejects" : "backs") + " " + noun + " with " + other
                + " after " + (2 + random.nextInt(20)) + " days";
        LocalDateTime date = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(15 * 365))
                .atTime(random.nextInt(24), random.nextInt(60));
        int words = 400 + random.nextInt(501);
        List<String> paragraphs = new ArrayList<>();
        List<String> mentioned = new ArrayList<>(List.of(lead, other));
        int written = 0;
        while (written < words) {
            StringBuilder p = new StringBuilder();
            int sentences = 2 + random.nextInt(4);
            for (int k = 0; k < sentences; k++) {
                String who = random.nextInt(3) == 0 ? lead : pick();
                mentioned.add(who);
                if (random.nextInt(4) == 0) {
                    p.append('“').append(sentence(8 + random.nextInt(12))).append(",” ").append(who).append(' ')
                            .append(VERBS[random.nextInt(VERBS.length)]).append(". ");
                } else {
                    p.append(who).append(' ').append(VERBS[random.nextInt(VERBS.length)]).append(" that ")
                            .append(sentence(10 + random.nextInt(15))).append(". ");
                }
            }
            String text = p.toString().strip();
            paragraphs.add(text);
            written += text.split(" ").length;
        }
        return new Article(title, date, pick().split(" ")[0] + " " + capitalise(word()) + capitalise(word()),
                paragraphs, mentioned);
    }

    private String text(Article a, Source s) {
        StringBuilder sb = new StringBuilder();
        for (String h : s.header()) sb.append(h).append("\n\n");
        sb.append(a.title()).append("\n\n");
        sb.append("By ").append(a.author()).append("\n\n");
        sb.append(a.date().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH))).append("\n\n");
        for (String p : a.paragraphs()) sb.append(p).append("\n\n");
        for (String f : s.footer()) sb.append(f).append("\n\n");
        return sb.toString();
    }

    private String html(Article a, Source s) {
        String slug = a.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String url = "https://" + s.domain() + "/" + a.date().getYear() + "/" + slug;
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        sb.append("<title>").append(esc(a.title())).append(" | ").append(esc(s.name())).append("</title>\n");
        sb.append("<link rel=\"canonical\" href=\"").append(url).append("\">\n");
        sb.append("<meta property=\"og:title\" content=\"").append(esc(a.title())).append("\">\n");
        sb.append("<meta property=\"og:site_name\" content=\"").append(esc(s.name())).append("\">\n");
        sb.append("<meta property=\"article:published_time\" content=\"").append(a.date()).append(":00Z\">\n");
        sb.append("<meta name=\"author\" content=\"").append(esc(a.author())).append("\">\n");
        sb.append("</head><body>\n<header><nav><ul>");
        for (String n : NOUNS) sb.append("<li><a href=\"/").append(n).append("\">").append(capitalise(n)).append("</a></li>");
        sb.append("</ul></nav></header>\n<main><article>\n<h1>").append(esc(a.title())).append("</h1>\n");
        sb.append("<p class=\"byline\">By ").append(esc(a.author())).append("</p>\n");
        for (String p : a.paragraphs()) {
            String linked = p;
            String who = a.mentioned().get(random.nextInt(a.mentioned().size()));
            if (random.nextInt(3) == 0 && linked.contains(who)) {
                linked = linked.replaceFirst(java.util.regex.Pattern.quote(who),
                        "<a href=\"https://" + s.domain() + "/topic/" + who.toLowerCase(Locale.ROOT).replace(' ', '-')
                                + "\">" + who + "</a>");
            }
            sb.append("<p>").append(linked).append("</p>\n");
        }
        sb.append("<div class=\"share\">Share on Facebook · Share on X</div>\n</article>\n");
        sb.append("<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/x\">").append(esc(pick()))
                .append(" in the news</a></li></ul></aside></main>\n");
        sb.append("<footer>").append(esc(String.join(" · ", s.footer()))).append("</footer>\n</body></html>\n");
        return sb.toString();
    }

    /** An entity by Zipf rank: a few names recur everywhere, most are rare. */
    private String pick() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = zipf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipf[mid] < u) lo = mid + 1;
            else hi = mid;
        }
        return entities.get(lo);
    }

    private String entity(int i) {
        return switch (i % 3) {
            case 0 -> capitalise(word()) + " " + capitalise(word()) + capitalise(word());
            case 1 -> capitalise(word()) + capitalise(word()) + " " + ORG_SUFFIX[i % ORG_SUFFIX.length];
            default -> capitalise(word()) + capitalise(word()) + PLACE_SUFFIX[i % PLACE_SUFFIX.length];
        };
    }

    private String sentence(int words) {
        StringBuilder sb = new StringBuilder();
        int start = random.nextInt(FILLER.length);
        for (int i = 0; i < words; i++) {
            if (i > 0) sb.append(' ');
            sb.append(random.nextInt(9) == 0 ? NOUNS[random.nextInt(NOUNS.length)] : FILLER[(start + i) % FILLER.length]);
        }
        return sb.toString();
    }

    private String word() {
        return SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)];
    }

    private static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
