package clippings.build;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleRunnerTest {
    @Test
    void resultsComeBackInOrder() {
        try (ArticleRunner runner = new ArticleRunner(2, Duration.ofSeconds(10))) {
            var results = runner.runAll(List.of(1, 2, 3, 4, 5), i -> i * 10);
            assertEquals(List.of(10, 20, 30, 40, 50), results.stream().map(ArticleRunner.Result::value).toList());
        }
    }

    @Test
    void aLoopThatNeverEndsFailsAloneAndItsThreadIsStopped() {
        try (ArticleRunner runner = new ArticleRunner(2, Duration.ofMillis(300))) {
            var results = runner.runAll(List.of(0, 1, 2), i -> {
                if (i == 1) {
                    long n = 0;
                    while (n >= 0) n++; // busy, never checks for interrupts
                }
                return i;
            });
            assertEquals(0, results.get(0).value());
            assertTrue(results.get(1).timedOut());
            assertEquals(2, results.get(2).value());
            // The stopped worker does not linger: eventually no thread of ours is still spinning.
            long deadline = System.currentTimeMillis() + 5000;
            while (busyArticleThreads() > 0 && System.currentTimeMillis() < deadline) Thread.onSpinWait();
            assertEquals(0, busyArticleThreads());
        }
    }

    @Test
    void deepRecursionFailsOneItemOnly() {
        try (ArticleRunner runner = new ArticleRunner(1, Duration.ofSeconds(30))) {
            var results = runner.runAll(List.of(false, true, false), infinite -> infinite ? recurse(0) : 1);
            assertEquals(1, results.get(0).value());
            assertInstanceOf(StackOverflowError.class, results.get(1).failure());
            assertFalse(results.get(1).timedOut());
            assertEquals(1, results.get(2).value());
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    private static long busyArticleThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("clippings-article")
                        && e.getKey().getState() == Thread.State.RUNNABLE)
                .count();
    }
}
