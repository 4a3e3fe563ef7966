package clippings.cli;

/** Entry point of {@code clippings.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
