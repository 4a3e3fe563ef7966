package clippings.clean;

import clippings.model.CleanRules;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CSS selectors of {@code clippings.yml} for HTML captures: elements that are chrome, and elements that are
 * never dropped, for every source and per source (keyed as {@link SourceIdentity} matches them).
 * <p>Immutable and thread-safe: jsoup's evaluators hold no state.
 */
final class SelectorRules {
    private final Scope everySource;
    private final Map<String, Scope> sources = new java.util.TreeMap<>();

    SelectorRules(CleanRules rules) {
        this.everySource = scope(rules.all());
        rules.sources().forEach((key, patterns) -> sources.put(key, scope(patterns)));
    }

    /** Why a selector cannot be used, or empty when it can. */
    static Optional<String> problem(String css) {
        try {
            QueryParser.parse(css);
            return Optional.empty();
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The selectors that apply to one source: those for every source and those of its own rules. */
    Scope forSource(SourceIdentity source) {
        List<Evaluator> chrome = new ArrayList<>(everySource.chrome);
        List<Evaluator> keep = new ArrayList<>(everySource.keep);
        sources.forEach((key, scope) -> {
            if (source.matches(key)) {
                chrome.addAll(scope.chrome);
                keep.addAll(scope.keep);
            }
        });
        return new Scope(chrome, keep);
    }

    /** Chrome and keep selectors of one source. */
    record Scope(List<Evaluator> chrome, List<Evaluator> keep) {
        Scope {
            chrome = List.copyOf(chrome);
            keep = List.copyOf(keep);
        }

        List<Element> chromeIn(Element root) {
            return select(root, chrome);
        }

        List<Element> keptIn(Element root) {
            return select(root, keep);
        }

        private static List<Element> select(Element root, List<Evaluator> selectors) {
            List<Element> out = new ArrayList<>();
            for (Evaluator s : selectors) out.addAll(root.select(s));
            return out;
        }
    }

    private static Scope scope(CleanRules.Patterns p) {
        return new Scope(p.chromeSelectors().stream().map(QueryParser::parse).toList(),
                p.keepSelectors().stream().map(QueryParser::parse).toList());
    }
}
