package clippings.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Reads the version Maven wrote into {@code clippings/version.properties}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/clippings/version.properties")) {
            if (in != null) p.load(in);
        }
        return new String[] {"clippings " + p.getProperty("version", "unknown")};
    }
}
