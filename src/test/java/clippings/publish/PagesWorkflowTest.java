package clippings.publish;

import clippings.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub Pages workflow of this repository is valid YAML with the triggers, rights and steps Pages needs (#6). */
class PagesWorkflowTest {
    @Test
    void repositoryWorkflowBuildsWithMavenAndDeploysOnPushToMain() throws IOException {
        Map<String, Object> wf = load(Files.readString(Fixtures.repo().resolve(".github/workflows/pages.yml")));
        List<String> build = checkPagesWorkflow(wf);
        assertTrue(build.contains("actions/setup-java@v4"), build.toString());
        Map<String, Object> java = step(wf, "actions/setup-java@v4");
        assertEquals(Map.of("distribution", "temurin", "java-version", "17", "cache", "maven"), java.get("with"));
        String runs = runs(wf);
        assertTrue(runs.contains("mvn -B -ntp -DskipTests package"), runs);
        assertTrue(runs.contains("java -jar target/clippings.jar build --base-url \"${{ steps.pages.outputs.base_url }}/\""),
                runs);
    }

    /** Checks what every Pages workflow needs; returns the build job's actions in order. */
    @SuppressWarnings("unchecked")
    static List<String> checkPagesWorkflow(Map<String, Object> wf) {
        // YAML 1.1 reads the key `on` as the boolean true.
        Map<String, Object> on = (Map<String, Object>) (wf.containsKey("on") ? wf.get("on") : wf.get(true));
        assertEquals(Map.of("branches", List.of("main")), on.get("push"));
        assertTrue(on.containsKey("workflow_dispatch"), on.toString());
        assertEquals(Map.of("contents", "read", "pages", "write", "id-token", "write"), wf.get("permissions"));
        assertEquals("pages", ((Map<String, Object>) wf.get("concurrency")).get("group"));
        Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
        List<String> build = uses(jobs.get("build"));
        assertEquals("actions/checkout@v4", build.get(0));
        assertTrue(build.indexOf("actions/configure-pages@v5") > 0, build.toString());
        assertEquals("actions/upload-pages-artifact@v3", build.get(build.size() - 1));
        assertEquals(Map.of("path", "site"), step(wf, "actions/upload-pages-artifact@v3").get("with"));
        Map<String, Object> deploy = (Map<String, Object>) jobs.get("deploy");
        assertEquals("build", deploy.get("needs"));
        assertEquals("github-pages", ((Map<String, Object>) deploy.get("environment")).get("name"));
        assertEquals(List.of("actions/deploy-pages@v4"), uses(deploy));
        return build;
    }

    static Map<String, Object> load(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    static String runs(Map<String, Object> wf) {
        Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("build");
        return ((List<Map<String, Object>>) build.get("steps")).stream()
                .map(s -> String.valueOf(s.getOrDefault("run", ""))).collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> wf, String action) {
        Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("build");
        return ((List<Map<String, Object>>) build.get("steps")).stream()
                .filter(s -> action.equals(s.get("uses"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> uses(Object job) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps");
        return steps.stream().filter(s -> s.containsKey("uses")).map(s -> (String) s.get("uses")).toList();
    }

}
