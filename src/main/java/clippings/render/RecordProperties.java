package clippings.render;

import ognl.MemberAccess;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import ognl.PropertyAccessor;

import java.beans.IntrospectionException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the properties of records ({@code page.title}, {@code page.bodyHtml}) for OGNL, the expression language
 * of Thymeleaf's standard dialect, finding the method behind each property once per record class.
 * <p>OGNL caches JavaBeans getters ({@code getTitle()}), but finds a record's accessor ({@code title()}) by
 * scanning every public method of the class again on every evaluation; with records as the view models that
 * scan was about a sixth of the render phase (#7). This accessor asks OGNL for the method the same way
 * ({@code getGetMethod}, then {@code getReadMethod}), remembers it and whether the context's member access
 * allowed it, and then only calls it. A name no method reads (a public field, a typo) goes
 * to OGNL's own accessor, which reads fields and reports errors as before: templates see no difference.
 * <p>Thread-safe. The OGNL runtime keeps its accessors globally, so {@link #install} registers one shared
 * instance; doing it again changes nothing.
 */
final class RecordProperties implements PropertyAccessor {
    private static final RecordProperties SHARED = new RecordProperties();
    private static final MethodType READ = MethodType.methodType(Object.class, Object.class);

    private final ObjectPropertyAccessor ognl = new ObjectPropertyAccessor();
    /** Per record class: property name → how to read it, or empty when OGNL's own accessor must. */
    private final ClassValue<Map<String, Optional<Reader>>> readers = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Reader>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private RecordProperties() {
    }

    /** Makes OGNL read every record's properties through the shared instance. */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Record.class, SHARED);
    }

    /**
     * The method OGNL reads a property with, a handle that calls it without reflection's checks, and the last
     * member access that allowed the call: Thymeleaf's checks the class against its block lists on every
     * call, and its answer for one class and method never changes.
     */
    private static final class Reader {
        final Method method;
        final MethodHandle handle;
        private volatile MemberAccess allowedBy;

        Reader(Method method, MethodHandle handle) {
            this.method = method;
            this.handle = handle;
        }

        boolean allowed(OgnlContext context, Object target, String property) {
            MemberAccess access = context.getMemberAccess();
            if (access == allowedBy) return true;
            if (!access.isAccessible(context, target, method, property)) return false;
            allowedBy = access;
            return true;
        }
    }

    @Override
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        if (name instanceof String property && context instanceof OgnlContext ognlContext) {
            Optional<Reader> reader = readers.get(target.getClass())
                    .computeIfAbsent(property, p -> resolve(ognlContext, target.getClass(), p));
            if (reader.isPresent() && reader.get().allowed(ognlContext, target, property)) {
                try {
                    return reader.get().handle.invokeExact(target);
                } catch (Throwable t) {
                    // What OGNL does when the method throws: the template error names the property.
                    throw new OgnlException(property, t);
                }
            }
        }
        return ognl.getProperty(context, target, name);
    }

    /** OGNL's choice of method for a property, callable through a public handle; empty when there is none. */
    private static Optional<Reader> resolve(OgnlContext context, Class<?> type, String property) {
        try {
            Method m = OgnlRuntime.getGetMethod(context, type, property);
            if (m == null) m = OgnlRuntime.getReadMethod(type, property, null);
            if (m == null || m.getParameterCount() != 0) return Optional.empty();
            MethodHandle handle = MethodHandles.publicLookup().unreflect(m).asType(READ);
            return Optional.of(new Reader(m, handle));
        } catch (IllegalAccessException | IntrospectionException | OgnlException e) {
            // Not public, or OGNL cannot introspect the class: its own accessor decides, and reports.
            return Optional.empty();
        }
    }

    @Override
    public void setProperty(Map context, Object target, Object name, Object value) throws OgnlException {
        ognl.setProperty(context, target, name, value);
    }

    @Override
    public String getSourceAccessor(OgnlContext context, Object target, Object index) {
        return ognl.getSourceAccessor(context, target, index);
    }

    @Override
    public String getSourceSetter(OgnlContext context, Object target, Object index) {
        return ognl.getSourceSetter(context, target, index);
    }
}
