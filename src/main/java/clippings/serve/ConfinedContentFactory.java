package clippings.serve;

import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.util.resource.Resource;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Hands Jetty's {@code ResourceHandler} only files that really lie inside the site folder: a symbolic link,
 * or anything else whose real path leads out of the folder, is reported missing (404), whatever the alias
 * checks of the context say.
 * <p>Thread-safe; the site folder may be swapped for a new build between two requests.
 */
final class ConfinedContentFactory implements HttpContent.Factory {
    private final HttpContent.Factory files;
    private final Path siteDir;

    ConfinedContentFactory(HttpContent.Factory files, Path siteDir) {
        this.files = files;
        this.siteDir = siteDir.toAbsolutePath().normalize();
    }

    @Override
    public HttpContent getContent(String pathInContext) throws IOException {
        HttpContent content = files.getContent(pathInContext);
        if (content == null) return null;
        Resource resource = content.getResource();
        Path path = resource == null ? null : resource.getPath();
        return path != null && inside(path) ? content : null;
    }

    private boolean inside(Path path) {
        try {
            Path root = siteDir.toRealPath();
            Path real = path.toRealPath();
            // The path as asked for must be the path found: no link on the way, not even one inside the site.
            return real.startsWith(root)
                    && path.toAbsolutePath().normalize().equals(siteDir.resolve(root.relativize(real)));
        } catch (IOException e) {
            return false;  // gone between two builds, or unreadable: a 404 is the honest answer
        }
    }
}
