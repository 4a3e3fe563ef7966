package clippings.serve;

import clippings.model.Problem;

import java.util.List;

/**
 * What one rebuild did, as far as the preview cares. Immutable.
 *
 * @param replaced whether a new site was swapped in; when false the last good site is still served
 * @param problems every error to show: failed inputs, template and configuration errors
 */
public record BuildResult(boolean replaced, List<Problem> problems) {
    public BuildResult {
        problems = List.copyOf(problems);
    }

    /** A build that wrote nothing, for the given reason. */
    public static BuildResult failed(Problem problem) {
        return new BuildResult(false, List.of(problem));
    }
}
