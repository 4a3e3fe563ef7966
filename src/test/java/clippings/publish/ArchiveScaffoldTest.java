package clippings.publish;

import clippings.build.ConfigLoader;
import clippings.model.SiteConfig;
import clippings.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code clippings init}: the files of a new archive project, and never an overwrite (#6). */
class ArchiveScaffoldTest {
    @TempDir
    Path dir;

    @Test
    void createsTheProjectFiles() throws IOException {
        Path project = dir.resolve("my-archive");
        List<Path> written = new ArchiveScaffold(Optional.empty()).create(project);
        assertEquals(List.of("content/000_259fb651ae3d4348.txt", "clippings.yml", ".github/workflows/pages.yml",
                "README.md", ".gitignore"), written.stream().map(p -> project.relativize(p).toString()).toList());
        assertArrayEquals(Files.readAllBytes(Fixtures.repo().resolve("content/000_259fb651ae3d4348.txt")),
                Files.readAllBytes(project.resolve("content/000_259fb651ae3d4348.txt")));
        assertTrue(Files.readString(project.resolve("README.md")).startsWith("# my-archive\n"));
        assertTrue(Files.readString(project.resolve(".gitignore")).contains("/site/"));
    }

    @Test
    void copiesTheGivenJar() throws IOException {
        Path jar = Files.writeString(dir.resolve("some.jar"), "jar bytes");
        Path project = dir.resolve("p");
        List<Path> written = new ArchiveScaffold(Optional.of(jar)).create(project);
        assertEquals(project.resolve("clippings.jar"), written.get(written.size() - 1));
        assertEquals("jar bytes", Files.readString(project.resolve("clippings.jar")));
    }

    @Test
    void refusesToOverwriteAndWritesNothing() throws IOException {
        Path project = dir.resolve("p");
        Files.createDirectories(project);
        Files.writeString(project.resolve("README.md"), "mine");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> new ArchiveScaffold(Optional.empty()).create(project));
        assertEquals(project.resolve("README.md").toString(), e.getFile());
        assertEquals("mine", Files.readString(project.resolve("README.md")));
        assertFalse(Files.exists(project.resolve("clippings.yml")));
        assertFalse(Files.exists(project.resolve("content")));
    }

    /** Commented out, the file means the defaults; uncommented, every key is one the loader knows. */
    @Test
    void configCommentsOutEveryKnownKey() throws IOException {
        Path project = dir.resolve("p");
        new ArchiveScaffold(Optional.empty()).create(project);
        Path config = project.resolve("clippings.yml");
        assertEquals(SiteConfig.defaults(), ConfigLoader.load(Optional.of(config)));
        String uncommented = Files.readString(config).lines()
                .map(l -> l.matches("# ( *)[A-Za-z_ ]+:.*") ? l.substring(2) : l)
                .collect(Collectors.joining("\n"));
        for (String key : new String[] {"title", "description", "language", "base_url", "page_size", "cname",
                "max_file_size", "clean", "tags", "publish"}) {
            assertTrue(uncommented.contains("\n" + key + ":"), key);
        }
        Path all = Files.writeString(dir.resolve("all.yml"), uncommented);
        SiteConfig c = ConfigLoader.load(Optional.of(all));
        assertEquals(Optional.of("archive.example.org"), c.cname());
        assertEquals(Optional.of("https://user.github.io/repo/"), c.baseUrl());
        assertEquals(clippings.model.PublishRules.defaults(), c.publish());
    }

    @Test
    void workflowRunsTheCommittedJarAndDeploysToPages() throws IOException {
        Path project = dir.resolve("p");
        new ArchiveScaffold(Optional.empty()).create(project);
        Map<String, Object> wf = PagesWorkflowTest.load(Files.readString(project.resolve(".github/workflows/pages.yml")));
        List<String> build = PagesWorkflowTest.checkPagesWorkflow(wf);
        assertTrue(build.contains("actions/setup-java@v4"), build.toString());
        String runs = PagesWorkflowTest.runs(wf);
        assertTrue(runs.contains("java -jar clippings.jar build --base-url \"${{ steps.pages.outputs.base_url }}/\""),
                runs);
        assertFalse(runs.contains("mvn"), runs);
    }
}
