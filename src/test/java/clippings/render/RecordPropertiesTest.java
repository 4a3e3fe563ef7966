package clippings.render;

import clippings.render.view.SiteView;
import clippings.render.view.TagLinkView;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordPropertiesTest {
    /** Not public: OGNL's own accessor reads it, as before. */
    record Person(String name, Optional<String> nick) {
        public String shout() {
            return name.toUpperCase();
        }

        public String getTitle() {
            return "Dr";
        }
    }

    private static String render(String template, Object value) {
        RecordProperties.install();
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        Context ctx = new Context();
        ctx.setVariable("v", value);
        return engine.process(template, ctx);
    }

    @Test
    void readsComponentsOfViewRecords() {
        assertEquals("Clippings|en|3|tags/x.html",
                render("[[${v[0].title}]]|[[${v[0].language}]]|[[${v[1].count}]]|[[${v[1].href}]]",
                        List.of(new SiteView("Clippings", "", "en"), new TagLinkView("X", "topic", "tags/x.html", 3))));
    }

    @Test
    void readsComponentsGettersAndPlainMethodsOfAnyRecord() {
        assertEquals("Ada|ADA|Dr|false", render("[[${v.name}]]|[[${v.shout}]]|[[${v.title}]]|[[${v.nick.present}]]",
                new Person("Ada", Optional.empty())));
    }

    @Test
    void reportsAPropertyNoRecordHas() {
        assertThrows(TemplateProcessingException.class, () -> render("[[${v.missing}]]", new SiteView("C", "", "en")));
    }
}
