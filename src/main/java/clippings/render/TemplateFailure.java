package clippings.render;

import clippings.model.Problem;

/** A template could not be rendered; the problem names the template file and, when known, the line. */
public final class TemplateFailure extends RuntimeException {
    private final transient Problem problem;

    TemplateFailure(Problem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
