package clippings.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TunedJvmTest {
    private static Optional<List<String>> options(List<String> args, List<String> jvm, Map<String, String> env) {
        return TunedJvm.options(args.toArray(String[]::new), jvm, env, false);
    }

    @Test
    void aBuildRunsInATunedJvmKeepingThePersonsOwnOptions() {
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS), options(List.of("build"), List.of("-Xmx2g"), Map.of()));
        assertEquals(Optional.of(List.of("-Xmx1g", "-XX:+UseParallelGC")),
                options(List.of("build"), List.of(), Map.of(TunedJvm.ENV, " -Xmx1g  -XX:+UseParallelGC ")));
    }

    @Test
    void staysInThisJvmWhenThePersonChoseOrForServe() {
        assertEquals(Optional.empty(), options(List.of("serve"), List.of(), Map.of()), "serve runs long: C2 pays off");
        assertEquals(Optional.empty(), options(List.of("build"), List.of("-XX:+UseG1GC"), Map.of()));
        assertEquals(Optional.empty(), options(List.of("build"), List.of("-XX:TieredStopAtLevel=4"), Map.of()));
        assertEquals(Optional.empty(), options(List.of("build"), List.of("-XX:-TieredCompilation"), Map.of()));
        assertEquals(Optional.empty(), options(List.of("build"),
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"), Map.of()), "a debugger's port");
        assertEquals(Optional.empty(), options(List.of("build"), List.of(), Map.of(TunedJvm.ENV, "")));
        assertEquals(Optional.empty(), options(List.of(), List.of(), Map.of()));
        assertEquals(Optional.empty(), options(List.of("--quiet", "serve"), List.of(), Map.of()));
        assertEquals(Optional.empty(), options(List.of("bench", "serve", "--articles", "10"), List.of(), Map.of()));
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS), options(List.of("bench", "build"), List.of(), Map.of()));
        assertEquals(Optional.of(TunedJvm.DEFAULT_OPTIONS), options(List.of("build", "--content", "serve"), List.of(), Map.of()));
        assertEquals(Optional.empty(), TunedJvm.options(new String[]{"build"}, List.of(), Map.of(), true),
                "the second JVM does not start a third");
    }
}
