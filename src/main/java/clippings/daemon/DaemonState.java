package clippings.daemon;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a project's build daemon listens, as it wrote it into {@code .clippings/daemon.properties}: its port on
 * the loopback interface, the secret a client must send first (the file is readable by its owner only), its pid
 * and the code and JVM it runs, so that a client of another version starts a daemon of its own.
 */
public record DaemonState(int port, String token, long pid, String version) {
    static final String FILE = "daemon.properties";

    /** The state file of the daemon serving {@code project}. */
    public static Path file(Path project) {
        return project.resolve(".clippings").resolve(FILE);
    }

    /** Where the daemon serving {@code project} writes what it has to say outside a command. */
    static Path log(Path project) {
        return file(project).resolveSibling("daemon.log");
    }

    /** The file the daemon serving {@code project} holds locked while it lives. */
    static Path lock(Path project) {
        return file(project).resolveSibling("daemon.lock");
    }

    /** The state recorded for {@code project}; empty when there is none or it cannot be read (a stale half-write). */
    public static Optional<DaemonState> read(Path project) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file(project), StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(new DaemonState(Integer.parseInt(p.getProperty("port")), p.getProperty("token"),
                    Long.parseLong(p.getProperty("pid")), p.getProperty("version")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none, or unreadable: a client starts a daemon of its own
        }
    }

    /** Writes the state for {@code project} whole (a client never reads half of it), readable by its owner only. */
    void write(Path project) {
        Path target = file(project);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), FILE, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's own permissions protect the token.
            }
            Properties p = new Properties();
            p.setProperty("port", Integer.toString(port));
            p.setProperty("token", token);
            p.setProperty("pid", Long.toString(pid));
            p.setProperty("version", version);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "the Clippings build daemon of this folder; see clippings daemon --help");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Removes the state file of {@code project} when it is still this daemon's. */
    void removeIfOwn(Path project) {
        if (read(project).filter(s -> s.pid == pid && s.token.equals(token)).isEmpty()) return;
        try {
            Files.deleteIfExists(file(project));
        } catch (IOException e) {
            // A stale file is found stale by the next client: nothing listens on its port.
        }
    }
}
