package clippings.render;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Evaluates the variable expressions of the theme's everyday shape, a path through the view records
 * ({@code ${page.title}}, {@code ${a.dateIso.present}}, {@code ${page.previous.get().href}}), without OGNL,
 * and hands every other expression to OGNL as before.
 * <p>Thymeleaf evaluates such paths itself only through JavaBeans getters; a record's {@code title()} is not
 * one, so every expression of every page went to OGNL, which builds a context and checks each step of the path
 * for indexed properties: that was a third of rendering a listing page (#7). Here a path of record components,
 * {@code Optional}'s {@code present}, {@code empty} and {@code get()}, starting from a variable, is read through
 * method handles found once per step of an expression and class it meets. Anything else (operators, literals, other classes, a null
 * along the way, an empty {@code Optional}'s {@code get()}) goes to OGNL whole, so its answer and its errors are
 * OGNL's; a path has no side effects, so evaluating part of it first changes nothing.
 * <p>Thread-safe.
 */
final class RecordExpressions implements IStandardVariableExpressionEvaluator {
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*(\\(\\))?)*");
    /** Names OGNL reads as literals or operators, and the variable Thymeleaf may forbid. */
    private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "this", "new", "not", "and",
            "or", "in", "instanceof", "eq", "neq", "lt", "lte", "gt", "gte", "bor", "xor", "band", "shl", "shr", "ushr",
            "param");
    private static final MethodType READ = MethodType.methodType(Object.class, Object.class);

    private final IStandardVariableExpressionEvaluator ognl;
    /** Expression text → its steps, the variable first, or empty when OGNL must evaluate it. */
    private final Map<String, Optional<Step[]>> paths = new ConcurrentHashMap<>();
    /**
     * One step of a path, with the reader of the class it last met: a step of a template nearly always meets
     * one class, and looking the reader up by class and name on every page was a tenth of the evaluation.
     */
    private static final class Step {
        final String name;
        private volatile Seen seen;

        Step(String name) {
            this.name = name;
        }
    }

    private record Seen(Class<?> type, Optional<MethodHandle> reader) {
    }

    RecordExpressions(IStandardVariableExpressionEvaluator ognl) {
        this.ognl = ognl;
    }

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        Optional<Step[]> path = expression.getExpression() == null ? Optional.empty()
                : paths.computeIfAbsent(expression.getExpression(), RecordExpressions::steps);
        boolean selection = expression.getUseSelectionAsRoot() && context instanceof ITemplateContext t
                && t.hasSelectionTarget();
        if (path.isEmpty() || selection || !(context instanceof ITemplateContext)) {
            return ognl.evaluate(context, expression, expContext);
        }
        Step[] steps = path.get();
        Object value = context.getVariable(steps[0].name);
        for (int i = 1; i < steps.length; i++) {
            Optional<MethodHandle> reader = value == null ? Optional.empty() : reader(value, steps[i]);
            if (reader.isEmpty()) return ognl.evaluate(context, expression, expContext);
            try {
                value = reader.get().invokeExact(value);
            } catch (Throwable e) {
                // What OGNL would have met too: it reports it as the template error.
                return ognl.evaluate(context, expression, expContext);
            }
        }
        if (!expContext.getPerformTypeConversion()) return value;
        try {
            return StandardExpressions.getConversionService(context.getConfiguration())
                    .convert(context, value, String.class);
        } catch (RuntimeException e) {
            return ognl.evaluate(context, expression, expContext); // which fails the same way, with OGNL's message
        }
    }

    /** The steps of a path expression, or none when it is not one. */
    static String[] parse(String expression) {
        if (!PATH.matcher(expression).matches()) return new String[0];
        String[] steps = expression.split("\\.");
        return NOT_VARIABLES.contains(steps[0]) ? new String[0] : steps;
    }

    private static Optional<Step[]> steps(String expression) {
        String[] names = parse(expression);
        if (names.length == 0) return Optional.empty();
        Step[] steps = new Step[names.length];
        for (int i = 0; i < names.length; i++) steps[i] = new Step(names[i]);
        return Optional.of(steps);
    }

    private Optional<MethodHandle> reader(Object target, Step step) {
        Seen seen = step.seen;
        if (seen == null || seen.type() != target.getClass()) {
            seen = new Seen(target.getClass(), find(target.getClass(), step.name));
            step.seen = seen;
        }
        // An empty Optional's get() throws: OGNL reports that.
        if (target instanceof Optional<?> o && o.isEmpty() && step.name.equals("get()")) return Optional.empty();
        return seen.reader();
    }

    /**
     * The method OGNL would call for the step, when it is a record component's accessor (a property or called
     * with no arguments) or one of {@code Optional}'s {@code isPresent()}, {@code isEmpty()} and {@code get()}.
     */
    private static Optional<MethodHandle> find(Class<?> type, String step) {
        boolean call = step.endsWith("()");
        String name = call ? step.substring(0, step.length() - 2) : step;
        String method = null;
        if (type == Optional.class) {
            if (call && name.equals("get")) method = "get";
            else if (!call && (name.equals("present") || name.equals("empty"))) method = "is" + capitalised(name);
        } else if (type.isRecord() && Modifier.isPublic(type.getModifiers()) && !shadowed(type, name, call)) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(name)) method = name;
            }
        }
        if (method == null) return Optional.empty();
        try {
            Method m = type.getMethod(method);
            return Optional.of(MethodHandles.publicLookup().unreflect(m).asType(READ));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** Whether OGNL would read the property through a JavaBeans getter rather than the component's accessor. */
    private static boolean shadowed(Class<?> type, String name, boolean call) {
        if (call) return false;
        for (String getter : new String[]{"get" + capitalised(name), "is" + capitalised(name)}) {
            try {
                if (type.getMethod(getter).getParameterCount() == 0) return true;
            } catch (NoSuchMethodException e) {
                // none: the accessor is what OGNL reads
            }
        }
        return false;
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
