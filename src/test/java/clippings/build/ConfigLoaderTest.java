package clippings.build;

import clippings.model.PublishRules;
import clippings.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigLoaderTest {
    @Test
    void everyKeyIsOptional() {
        assertEquals(SiteConfig.defaults(), ConfigLoader.parse("c.yml", ""));
        assertEquals(SiteConfig.defaults(), ConfigLoader.parse("c.yml", "# nothing\n"));
    }

    @Test
    void readsAllKeys() {
        SiteConfig c = ConfigLoader.parse("c.yml", """
                title: Syria archive
                description: Clippings about Syria
                language: en-GB
                base_url: https://example.org/archive
                page_size: 10
                cname: archive.example.org
                max_file_size: 1000
                clean:
                  chrome: ['Follow us.*']
                  keep: ['Related to .*']
                  sources:
                    Middle East Monitor:
                      chrome: ['MEMO']
                tags:
                  automatic: false
                  max: 5
                  aliases:
                    Bashar al-Assad: [Assad, Bashar Assad]
                  separate: [[Khalid Khoja, Khaled Khoja]]
                  rename: {SOC: Syrian Opposition Coalition}
                  drop: [Politics]
                publish:
                  markdown: false
                  captures: true
                """);
        assertEquals("Syria archive", c.title());
        assertEquals(Optional.of("https://example.org/archive/"), c.baseUrl());
        assertEquals(10, c.pageSize());
        assertEquals(1000, c.maxInputBytes());
        assertEquals(List.of("MEMO"), c.clean().sources().get("Middle East Monitor").chrome());
        assertEquals(false, c.tags().automatic());
        assertEquals(List.of("Assad", "Bashar Assad"), c.tags().aliases().get("Bashar al-Assad"));
        assertEquals(List.of(List.of("Khalid Khoja", "Khaled Khoja")), c.tags().separate());
        assertEquals("Syrian Opposition Coalition", c.tags().rename().get("SOC"));
        assertEquals(new PublishRules(false, true), c.publish());
    }

    /** A large archive may leave out the copies beside each page (#7); a bad value names the file and line. */
    @Test
    void publishKeysAreCheckedWithTheirLine() {
        assertEquals(new PublishRules(true, false), ConfigLoader.parse("c.yml", "publish: {captures: false}\n").publish());
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml",
                "title: x\npublish:\n  markdown: 'off'\n"));
        assertEquals("c.yml:3: publish.markdown must be true or false", e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml", "publish:\n  pages: false\n"));
        assertEquals("c.yml:2: unknown key 'publish.pages' (known keys: captures, markdown)", e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml", "title: x\npublish: false\n"));
        assertEquals("c.yml:2: publish must be a mapping of keys to values", e.getMessage());
    }

    @Test
    void unknownKeyNamesFileAndLine() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml", "title: x\ntitel: y\n"));
        assertEquals("c.yml:2: unknown key 'titel' (known keys: base_url, clean, cname, description, language, "
                + "max_file_size, page_size, publish, tags, title)", e.getMessage());
    }

    @Test
    void wrongTypesAndBadPatternsAreErrors() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml", "page_size: many\n"));
        assertEquals("c.yml:1: page_size must be a whole number", e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml", "clean:\n  chrome: ['(unclosed']\n"));
        assertEquals("c.yml:2: clean.chrome '(unclosed' is not a valid regular expression: Unclosed group",
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml", "page_size: 0\n"));
        assertEquals("c.yml: page_size must be at least 1", e.getMessage());
    }

    /** Per-source rules add and protect text patterns and CSS selectors (issue 3). */
    @Test
    void readsPerSourceRulesForTextAndHtml() {
        SiteConfig c = ConfigLoader.parse("c.yml", """
                clean:
                  chrome_selectors: ['div.promo']
                  sources:
                    bbc.co.uk:
                      chrome: ['Share this with .*']
                      keep: ['Read more about .*']
                      chrome_selectors: ['.share-panel']
                      keep_selectors: ['aside.factbox', 'div[data-role=timeline]']
                """);
        assertEquals(List.of("div.promo"), c.clean().all().chromeSelectors());
        var bbc = c.clean().sources().get("bbc.co.uk");
        assertEquals(List.of("Share this with .*"), bbc.chrome());
        assertEquals(List.of("Read more about .*"), bbc.keep());
        assertEquals(List.of(".share-panel"), bbc.chromeSelectors());
        assertEquals(List.of("aside.factbox", "div[data-role=timeline]"), bbc.keepSelectors());
    }

    /** A bad pattern of one source names the line it is written on, not the first line with the same key. */
    @Test
    void badPerSourcePatternsNameTheirOwnLine() {
        String yml = """
                clean:
                  chrome: ['Follow us']
                  sources:
                    Example News:
                      keep: ['ok']
                      chrome:
                        - 'fine'
                        - '(unclosed'
                """;
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml", yml));
        assertEquals("c.yml:8: clean.sources.Example News.chrome '(unclosed' is not a valid regular expression: "
                + "Unclosed group", e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml",
                "clean:\n  sources:\n    example.org:\n      keep_selectors: ['div..x']\n"));
        assertEquals(true, e.getMessage().startsWith("c.yml:4: clean.sources.example.org.keep_selectors 'div..x' is not a "
                + "valid CSS selector: "), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml",
                "clean:\n  sources:\n    example.org:\n      drop: ['x']\n"));
        assertEquals("c.yml:4: unknown key 'clean.sources.example.org.drop' (known keys: chrome, chrome_selectors, "
                + "keep, keep_selectors)", e.getMessage());
    }

    @Test
    void brokenYamlNamesTheLine() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("c.yml", "title: x\ntags: [a\n"));
        assertEquals(true, e.getMessage().startsWith("c.yml:3: "), e.getMessage());
    }
}
