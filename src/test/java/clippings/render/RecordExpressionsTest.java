package clippings.render;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordExpressionsTest {
    public record Link(String title, String href) {
    }

    public record Item(String title, Optional<String> date, Optional<Link> previous, int count, List<String> tags,
                       Map<String, String> extra) {
    }

    /** A record whose JavaBeans getter OGNL prefers over the component's accessor. */
    public record Shadowed(String title) {
        public String getTitle() {
            return "from the getter";
        }
    }

    private static final Item FULL = new Item("A <b>headline</b>", Optional.of("2015-11-07"),
            Optional.of(new Link("Before", "../before.html")), 3, List.of("x", "y"), Map.of("k", "v"));
    private static final Item EMPTY = new Item("Undated", Optional.empty(), Optional.empty(), 0, List.of(), Map.of());

    @Test
    void pathsAreTheExpressionsReadWithoutOgnl() {
        assertArrayEquals(new String[]{"page", "title"}, RecordExpressions.parse("page.title"));
        assertArrayEquals(new String[]{"page", "previous", "get()", "href"},
                RecordExpressions.parse("page.previous.get().href"));
        assertArrayEquals(new String[]{"articles"}, RecordExpressions.parse("articles"));
        for (String other : List.of("page.count > 1", "!page.tags.isEmpty()", "page.kind.orElse('')", "#strings.x",
                "page.tags[0]", "true", "null", "param.x", "page?.title", "page.title + 'x'", "3", "")) {
            assertEquals(0, RecordExpressions.parse(other).length, other);
        }
    }

    /** Every expression gives what OGNL gives: the same page, or the same failure. */
    @Test
    void everyExpressionRendersAsWithOgnl() {
        String template = """
                <p th:text="${item.title}">t</p><p th:utext="${item.title}">t</p>
                <time th:if="${item.date.present}" th:text="${item.date.get()}">d</time>
                <span th:unless="${item.date.present}">undated</span><i th:if="${item.date.empty}">empty</i>
                <a th:if="${item.previous.present}" th:href="${item.previous.get().href}" th:text="${item.previous.get().title}">p</a>
                <b th:text="${item.count}">0</b><b th:text="${item.count > 1}">0</b><b th:text="${item.tags}">0</b>
                <b th:text="${item.tags.size()}">0</b><b th:text="${item.extra.k}">0</b><b th:text="${item.title()}">0</b>
                <b th:each="t : ${item.tags}" th:text="${t}">t</b><b th:text="${missing}">m</b>
                <b th:text="${shadowed.title}">s</b><b th:text="${shadowed.title()}">s</b>
                """;
        for (Item item : List.of(FULL, EMPTY)) {
            Map<String, Object> vars = Map.of("item", item, "shadowed", new Shadowed("from the accessor"));
            assertEquals(render(template, vars, false), render(template, vars, true));
        }
        String page = render(template, Map.of("item", FULL, "shadowed", new Shadowed("x")), true);
        assertEquals(true, page.contains("<b>from the getter</b><b>x</b>"), page);
        assertEquals(true, page.contains("<a href=\"../before.html\">Before</a>"), page);
    }

    @Test
    void aFailingPathFailsAsInOgnl() {
        for (String expression : List.of("item.previous.get().href", "missing.title", "item.nothing")) {
            String template = "<p th:text=\"${" + expression + "}\">x</p>";
            Map<String, Object> vars = Map.of("item", EMPTY);
            TemplateProcessingException ognl = assertThrows(TemplateProcessingException.class,
                    () -> render(template, vars, false));
            TemplateProcessingException ours = assertThrows(TemplateProcessingException.class,
                    () -> render(template, vars, true));
            assertEquals(ognl.getMessage(), ours.getMessage());
        }
    }

    @Test
    void onlyWhatIsNotAPathGoesToOgnl() {
        AtomicInteger toOgnl = new AtomicInteger();
        StandardDialect dialect = new StandardDialect();
        IStandardVariableExpressionEvaluator ognl = dialect.getVariableExpressionEvaluator();
        dialect.setVariableExpressionEvaluator(new RecordExpressions((c, e, x) -> {
            toOgnl.incrementAndGet();
            return ognl.evaluate(c, e, x);
        }));
        TemplateEngine engine = engine(dialect);
        Context ctx = new Context(Locale.ENGLISH, Map.of("item", FULL));
        engine.process("<p th:text=\"${item.previous.get().title}\" th:if=\"${item.date.present}\">x</p>", ctx);
        assertEquals(0, toOgnl.get());
        engine.process("<p th:text=\"${item.count > 1}\">x</p>", ctx);
        assertEquals(1, toOgnl.get());
    }

    private static String render(String template, Map<String, Object> vars, boolean paths) {
        StandardDialect dialect = new StandardDialect();
        if (paths) {
            dialect.setVariableExpressionEvaluator(new RecordExpressions(dialect.getVariableExpressionEvaluator()));
        }
        RecordProperties.install();
        return engine(dialect).process(template, new Context(Locale.ENGLISH, vars));
    }

    private static TemplateEngine engine(StandardDialect dialect) {
        TemplateEngine engine = new TemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        engine.setDialect(dialect);
        return engine;
    }
}
