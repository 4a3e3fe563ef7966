package clippings.cli;

import clippings.taxonomy.Slugger;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tuned JVM's class-data archive (AppCDS, JDK's dynamic archive): the classes a build loads (Thymeleaf,
 * flexmark, Jsoup, Clippings), already parsed and verified, which the next JVM maps from one file instead of
 * loading each from the jar. A build after one edit at 10,000 articles took 3.55 s with it, 3.87 s without (#7).
 * <p>The first {@code build} of a jar and JVM writes the archive as it exits (about half a second more, once);
 * later commands use it. Archives live in the user's cache folder ({@code $XDG_CACHE_HOME/clippings}, else
 * {@code ~/.cache/clippings}), one per jar and JVM: the key names the class path with each entry's size and
 * time, the JVM and its options. The {@value #KEPT} last used are kept (a rebuilt jar makes a new one each
 * time). An archive the JVM finds unusable is ignored by the JVM itself, silently: it is a cache, never needed.
 */
final class ClassArchive {
    private static final String PREFIX = "classes-";
    private static final String SUFFIX = ".jsa";
    /** A temporary archive older than this was left by a JVM that was killed while it wrote it. */
    private static final Duration STALE = Duration.ofHours(1);
    /** Archives kept, the last used first: a few jars or option sets in turn each keep theirs. */
    static final int KEPT = 3;
    /** The JVM's own messages about archives (classes it cannot archive, say) are not the person's business. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path folder;
    private final Path file;
    private final Path temporary;

    private ClassArchive(Path folder, String key, long pid) {
        this.folder = folder;
        this.file = folder.resolve(PREFIX + key + SUFFIX);
        this.temporary = folder.resolve("." + PREFIX + key + "." + pid + ".tmp");
    }

    /**
     * The archive for a JVM started with {@code jvmOptions} and {@code classPath}; empty when its folder cannot
     * be made, or when the options already say something about archives (the person chose).
     */
    static Optional<ClassArchive> of(Map<String, String> env, String userHome, String classPath,
                                     List<String> jvmOptions, long pid) {
        for (String o : jvmOptions) {
            if (o.startsWith("-Xshare") || o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit")) {
                return Optional.empty();
            }
        }
        // A relative XDG_CACHE_HOME is to be ignored, says the XDG specification; without a home, no archive.
        String cacheHome = env.getOrDefault("XDG_CACHE_HOME", "");
        Path folder = !cacheHome.isBlank() && Path.of(cacheHome).isAbsolute() ? Path.of(cacheHome, "clippings")
                : userHome != null && Path.of(userHome).isAbsolute() ? Path.of(userHome, ".cache", "clippings")
                : null;
        if (folder == null) return Optional.empty();
        StringBuilder key = new StringBuilder().append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n').append(String.join(" ", jvmOptions));
        for (String entry : classPath.split(File.pathSeparator)) {
            File f = new File(entry);
            key.append('\n').append(entry).append(' ').append(f.length()).append(' ').append(f.lastModified());
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new ClassArchive(folder, Slugger.shortHash(key.toString(), 16), pid));
    }

    /**
     * The options that make the JVM use the archive, or write it when there is none yet and {@code write} allows.
     */
    List<String> options(boolean write) {
        List<String> options = new ArrayList<>(QUIET);
        if (Files.isRegularFile(file)) {
            options.add("-XX:SharedArchiveFile=" + file);
        } else if (write) {
            options.add("-XX:ArchiveClassesAtExit=" + temporary);
        } else {
            return List.of();
        }
        return options;
    }

    /**
     * After the JVM exited with {@code code}: puts what it wrote in place when it exited by itself (with any of
     * Clippings' codes: a build where some inputs failed writes a sound archive too), marks the archive
     * as used now, and removes the archives used longest ago past {@value #KEPT} and temporaries killed JVMs
     * left. Never fails: the archive only saves time.
     */
    void finish(int code) {
        try {
            if (Files.exists(temporary)) {
                boolean exited = code == ExitCode.OK || code == ExitCode.INPUT_ERRORS || code == ExitCode.USAGE;
                if (exited && Files.size(temporary) > 0) {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(temporary);
                }
            }
            if (!Files.isRegularFile(file)) return;
            Instant now = Instant.now();
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(now));
            List<Path> archives = new ArrayList<>();
            try (var names = Files.newDirectoryStream(folder)) {
                for (Path p : names) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                        archives.add(p);
                    } else if (name.startsWith("." + PREFIX) && name.endsWith(".tmp")
                            && Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(STALE))) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            archives.sort(java.util.Comparator.comparing(ClassArchive::lastUsed).reversed());
            for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
                if (!old.equals(file)) Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            // Tried again after the next build.
        }
    }

    private static java.nio.file.attribute.FileTime lastUsed(Path archive) {
        try {
            return Files.getLastModifiedTime(archive);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    Path file() {
        return file;
    }
}
