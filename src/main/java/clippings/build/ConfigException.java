package clippings.build;

/** The configuration file or an option is wrong; the message names the file and line where known. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
