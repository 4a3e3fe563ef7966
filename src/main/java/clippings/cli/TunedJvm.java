package clippings.cli;

import clippings.model.InputFormat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.Optional;

/**
 * Runs a command in a second JVM tuned for a short batch run: the C1 compiler only and the serial collector. On
 * a 2-core machine, C2 compiling and G1's threads took more CPU than the build itself: a build after one edit at
 * 10,000 articles took 12.4 s with the defaults and 7.0 s tuned, in 363 MB instead of 980 MB, and a cold build
 * was no slower (#7). A long run is another matter: C2's code pays for its compiling, and a cold build of
 * 100,000 articles took 319 s with the defaults, 715 s tuned. So an archive of more than
 * {@value #LARGE_ARCHIVE} inputs is left to the JVM's defaults. The first JVM only waits for the second and
 * passes its exit code on.
 * <p>{@code serve} (and {@code bench serve}, which times it) is tuned too: its rebuilds are short runs of their
 * own, and at 10,000 articles a rebuild after an edit took 0.88 s tuned and 1.17 s with the defaults (median of
 * 8), the cold build 53 s and 70 s.
 * <p>The second JVM maps its classes from a {@link ClassArchive} that the first {@code build} of the jar writes.
 * <p>Left alone: {@code daemon}, which only asks the build daemon something; a JVM started with compiler or collector options of its own, or with an agent such as a debugger, whose
 * port a second JVM could not take (the person chose); and {@code CLIPPINGS_JAVA_OPTS} set empty. Set to other
 * options, that variable replaces the tuned ones.
 */
final class TunedJvm {
    /**
     * The tuned options; where Linux gives transparent huge pages on request ({@code madvise}, its usual setting),
     * the heap asks for them. Memory touched for the first time costs a page fault per 4 kB page, and a build
     * decodes its cache into about 130 MB of new objects: after one edit at 10,000 articles, the young collections
     * of a 3.4 s build took 0.8 s, mostly copying into untouched memory. With huge pages the build took 2.95 s, its
     * collections 0.55 s (medians of four runs each, one after the other). Elsewhere the option is left out: other
     * systems' JVMs do not know it (#7).
     */
    static final List<String> DEFAULT_OPTIONS = defaults(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));

    /**
     * Added for a process that builds again and again ({@code serve}, {@code bench serve}, the build daemon): a
     * heap of 1 GB from the start with a young generation of 400 MB. With the JVM's starting heap (a 64th of the
     * memory, about 120 MB young) an edit at 10,000 articles went through one to three young collections of
     * 20-55 ms each, and what every build keeps for the next filled the old generation, which a full collection of
     * about 200 ms emptied every few edits. With these, one collection an edit at most and no full one: in
     * {@code bench serve} the edits that keep the index went from a median of 332 to 282 ms (one run each, the
     * same jar), those that change tags from 502-686 to 479-633 ms. Only on machines with
     * {@value #LONG_RUN_MIN_GB} GB of memory or more, and only when the person set no heap option of their own.
     */
    static final List<String> LONG_RUN_HEAP = List.of("-Xms1g", "-Xmn400m");
    static final int LONG_RUN_MIN_GB = 8;

    static final String ENV = "CLIPPINGS_JAVA_OPTS";
    /** Inputs past which a build runs long enough for C2 to pay off (10,000: equal; 100,000: C2 twice as fast). */
    static final int LARGE_ARCHIVE = 20_000;
    /** Set in the second JVM to the first one's pid. */
    private static final String PARENT = "clippings.parent";

    private TunedJvm() {
    }

    /** The tuned options on a system whose transparent huge page setting is in {@code setting} (if it exists). */
    static List<String> defaults(Path setting) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        try {
            // "always" gives every heap huge pages already; "never" none.
            if (java.nio.file.Files.readString(setting).contains("[madvise]")) {
                options.add("-XX:+UseTransparentHugePages");
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no such setting: nothing to ask for.
        }
        return List.copyOf(options);
    }

    /**
     * The options to start a second JVM with, or none when this run should stay in this JVM.
     *
     * @param inputs counts the files in a content folder, up to a limit
     */
    static Optional<List<String>> options(String[] args, List<String> jvmArguments, Map<String, String> env,
                                          boolean alreadyChild, BiFunction<Path, Integer, Integer> inputs) {
        List<String> command = command(args);
        // daemon only talks to the build daemon
        if (alreadyChild || command.isEmpty() || command.get(0).equals("daemon")) return Optional.empty();
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:TieredStopAtLevel") || a.contains("TieredCompilation")
                    || a.matches("-XX:[+-]Use\\w*GC") || a.startsWith("-agentlib:") || a.startsWith("-agentpath:")
                    || a.startsWith("-javaagent:")) {
                return Optional.empty();
            }
        }
        String chosen = env.get(ENV);
        if (chosen == null) {
            if (List.of("build", "tags", "serve").contains(command.get(0))
                    && inputs.apply(contentFolder(args), LARGE_ARCHIVE + 1) > LARGE_ARCHIVE) {
                return Optional.empty();
            }
            // bench serve times serve's rebuilds, so it runs as serve would for its archive
            if (command.equals(List.of("bench", "serve")) && benchArticles(args) > LARGE_ARCHIVE) return Optional.empty();
            return Optional.of(DEFAULT_OPTIONS);
        }
        if (chosen.isBlank()) return Optional.empty();
        return Optional.of(List.of(chosen.trim().split("\\s+")));
    }

    /**
     * The heap options for a process that builds again and again, on a machine of {@code memory} bytes whose
     * JVM was started with {@code jvmArguments}: {@link #LONG_RUN_HEAP}, or none.
     */
    static List<String> longRunHeap(List<String> jvmArguments, long memory) {
        if (memory < (long) LONG_RUN_MIN_GB << 30) return List.of();
        for (String a : jvmArguments) {
            if (a.startsWith("-Xm") || a.matches("-XX:\\w*(HeapSize|NewSize|NewRatio|RAMPercentage|RAMFraction)\\b.*")) {
                return List.of();
            }
        }
        return LONG_RUN_HEAP;
    }

    /** The machine's memory in bytes, or 0 when the JVM cannot tell. */
    static long physicalMemory() {
        try {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    /** The command's first two words (a command and its subcommand, if any), options left out. */
    static List<String> command(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("-")).limit(2).toList();
    }

    /** Whether the command is one that builds again and again: {@code serve} or {@code bench serve}. */
    static boolean buildsAgain(String[] args) {
        List<String> command = command(args);
        return !command.isEmpty() && (command.get(0).equals("serve") || command.equals(List.of("bench", "serve")));
    }

    /** The archive size {@code bench serve} generates: {@code --articles}, or its default. */
    static int benchArticles(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].equals("--articles") && i + 1 < args.length ? args[i + 1]
                    : args[i].startsWith("--articles=") ? args[i].substring("--articles=".length()) : null;
            if (value == null) continue;
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                return 0; // picocli reports it
            }
        }
        return BenchCommand.Serve.DEFAULT_ARTICLES;
    }

    /** The folder a build reads: {@code --content}'s, or {@code content}. */
    static Path contentFolder(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--content") && i + 1 < args.length) return Path.of(args[i + 1]);
            if (args[i].startsWith("--content=")) return Path.of(args[i].substring("--content=".length()));
        }
        return Path.of("content");
    }

    /**
     * How many inputs the folder holds, counting no further than {@code limit}; 0 when it cannot be read. A name
     * with an input's extension counts without a look at the file, and only other names are checked for being
     * folders: walking and stat'ing 10,000 files took this JVM half a second, longer than the listing.
     */
    static int countFiles(Path folder, int limit) {
        int count = 0;
        java.util.ArrayDeque<java.io.File> folders = new java.util.ArrayDeque<>(List.of(folder.toFile()));
        while (!folders.isEmpty() && count < limit) {
            java.io.File dir = folders.pop();
            String[] names = dir.list();
            if (names == null) continue;
            for (String name : names) {
                if (InputFormat.ofFileName(name).isPresent()) {
                    count++;
                } else {
                    java.io.File f = new java.io.File(dir, name);
                    if (f.isDirectory()) folders.push(f);
                }
            }
        }
        return Math.min(count, limit);
    }

    /**
     * Runs the command in a tuned JVM when it should, and returns its exit code; empty when the command is to run
     * here (including when the second JVM cannot be started).
     */
    static Optional<Integer> run(String[] args) {
        if (System.getProperty(PARENT) != null) {
            exitWithParent(Long.parseLong(System.getProperty(PARENT)));
            return Optional.empty();
        }
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<List<String>> tuned = options(args, jvmArguments, System.getenv(), false, TunedJvm::countFiles);
        if (tuned.isEmpty()) return Optional.empty();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArguments);
        cmd.addAll(tuned.get());
        // The tuned options are ours, so the classes the JVM loads with them are too; options a person chose are
        // left as they are.
        Optional<ClassArchive> archive = tuned.get().equals(DEFAULT_OPTIONS)
                ? ClassArchive.of(System.getenv(), System.getProperty("user.home"),
                        System.getProperty("java.class.path"), cmd.subList(1, cmd.size()),
                        ProcessHandle.current().pid())
                : Optional.empty();
        // Only a build writes the archive: it loads what most commands load, and it ends by itself.
        boolean build = command(args).stream().findFirst().orElse("").equals("build");
        archive.ifPresent(a -> cmd.addAll(a.options(build)));
        // After the archive's name is taken from the options: serve maps the classes a build archived.
        if (tuned.get().equals(DEFAULT_OPTIONS) && buildsAgain(args)) cmd.addAll(longRunHeap(jvmArguments, physicalMemory()));
        cmd.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(Arrays.asList(args));
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty();
        }
        // Stopped by a signal of its own (not the terminal's, which reaches both): the build stops too.
        Thread stop = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int code = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                archive.ifPresent(a -> a.finish(code));
                return Optional.of(code);
            } catch (InterruptedException e) {
                child.destroy();
            } catch (IllegalStateException e) {
                return Optional.of(child.exitValue()); // shutting down already
            }
        }
    }

    /**
     * A second JVM whose first one is killed outright (no shutdown hook runs then) stops within a tenth of a
     * second, as it would have had it been one JVM; a build killed mid-way is recovered by the next one.
     */
    private static void exitWithParent(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        Thread watch = new Thread(() -> {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
