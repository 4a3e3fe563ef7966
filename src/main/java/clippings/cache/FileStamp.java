package clippings.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a POSIX file system says of a file without reading it: its size, modification and inode change times (in
 * nanoseconds since the epoch) and its device and inode. Writing to the file moves the change time, which unlike
 * the modification time cannot be set back; moving another file in changes the inode.
 *
 * @param identity device and inode, {@code "dev:ino"}
 */
public record FileStamp(long size, long modified, long changed, String identity) {
    /**
     * The file's stamp; empty where the file system has no inode change time or number.
     *
     * @throws IOException when the file cannot be looked at ({@link java.nio.file.NoSuchFileException} when it is not there)
     */
    public static Optional<FileStamp> of(Path file) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new FileStamp((Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")),
                a.get("dev") + ":" + a.get("ino")));
    }

    private static long nanos(Object fileTime) {
        return ((FileTime) fileTime).to(TimeUnit.NANOSECONDS);
    }
}
