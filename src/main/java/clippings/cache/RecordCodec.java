package clippings.cache;

import clippings.model.BodyRef;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes and reads the model's records in a compact binary form, component by component, so the build cache
 * needs no hand-written format per record. The same encoding feeds page digests: two values with the same
 * encoding render the same page.
 * <p>Supported: records, strings, primitives and their boxes, enums, {@code Optional}, {@code List},
 * {@code Map} ({@code SortedMap} read back sorted), {@code byte[]}, {@code int[]}, {@code long[]}, the {@code java.time} types the model uses,
 * and {@link BodyRef}, which is written as its digest only. Anything else is refused, because a value without
 * a stable encoding would make digests lie.
 */
public final class RecordCodec {
    private final Function<String, BodyRef> bodies;

    /** @param bodies finds a body by its digest when reading */
    public RecordCodec(Function<String, BodyRef> bodies) {
        this.bodies = bodies;
    }

    /** A codec for writing and digests only; reading a body fails. */
    public static RecordCodec writer() {
        return new RecordCodec(d -> {
            throw new IllegalStateException("this codec does not read bodies");
        });
    }

    public void write(DataOutput out, Object value) throws IOException {
        write(out, value, value == null ? Object.class : value.getClass());
    }

    public void write(DataOutput out, Object value, Type type) throws IOException {
        Class<?> raw = rawClass(type);
        if (value == null) throw new IllegalArgumentException("null " + type.getTypeName() + " cannot be encoded");
        if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Integer i) {
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeLong(l);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Double d) {
            out.writeDouble(d);
        } else if (value instanceof Enum<?> e) {
            writeString(out, e.name());
        } else if (value instanceof Optional<?> o) {
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) write(out, o.get(), typeArgument(type, 0, o.get()));
        } else if (value instanceof Collection<?> c) {
            out.writeInt(c.size());
            // The element type once, not for each element: each look at it copies the type's arguments.
            Type element = concreteArgument(type, 0);
            for (Object e : c) write(out, e, element != null ? element : typeArgument(type, 0, e));
        } else if (value instanceof Map<?, ?> m) {
            out.writeInt(m.size());
            Type key = concreteArgument(type, 0);
            Type val = concreteArgument(type, 1);
            for (var e : m.entrySet()) {
                write(out, e.getKey(), key != null ? key : typeArgument(type, 0, e.getKey()));
                write(out, e.getValue(), val != null ? val : typeArgument(type, 1, e.getValue()));
            }
        } else if (value instanceof byte[] a) {
            out.writeInt(a.length);
            out.write(a);
        } else if (value instanceof long[] a) {
            out.writeInt(a.length);
            for (long l : a) out.writeLong(l);
        } else if (value instanceof int[] a) {
            out.writeInt(a.length);
            for (int i : a) out.writeInt(i);
        } else if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            writeString(out, value.toString());
        } else if (value instanceof BodyRef b) {
            writeString(out, b.digest());
        } else if (value instanceof Record r) {
            Shape shape = SHAPES.get(r.getClass());
            for (int i = 0; i < shape.types.length; i++) write(out, shape.get(i, r), shape.types[i]);
        } else {
            throw new IllegalArgumentException("no stable encoding for " + raw.getName());
        }
    }

    public <T> T read(DataInput in, Class<T> type) throws IOException {
        return type.cast(read(in, (Type) type));
    }

    public Object read(DataInput in, Type type) throws IOException {
        Class<?> raw = rawClass(type);
        if (raw == String.class) return readString(in);
        if (raw == int.class || raw == Integer.class) return in.readInt();
        if (raw == long.class || raw == Long.class) return in.readLong();
        if (raw == boolean.class || raw == Boolean.class) return in.readBoolean();
        if (raw == double.class || raw == Double.class) return in.readDouble();
        if (raw.isEnum()) return enumValue(raw, readString(in));
        if (raw == Optional.class) return in.readBoolean() ? Optional.of(read(in, typeArgument(type, 0))) : Optional.empty();
        if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
            int n = size(in);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(read(in, typeArgument(type, 0)));
            return list;
        }
        if (Map.class.isAssignableFrom(raw)) {
            int n = size(in);
            Map<Object, Object> map = SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : new LinkedHashMap<>();
            for (int i = 0; i < n; i++) map.put(read(in, typeArgument(type, 0)), read(in, typeArgument(type, 1)));
            return map;
        }
        if (raw == byte[].class) {
            byte[] a = new byte[size(in)];
            in.readFully(a);
            return a;
        }
        if (raw == long[].class) {
            long[] a = new long[size(in)];
            for (int i = 0; i < a.length; i++) a[i] = in.readLong();
            return a;
        }
        if (raw == int[].class) {
            int[] a = new int[size(in)];
            for (int i = 0; i < a.length; i++) a[i] = in.readInt();
            return a;
        }
        if (raw == LocalDate.class) return LocalDate.parse(readString(in));
        if (raw == LocalDateTime.class) return LocalDateTime.parse(readString(in));
        if (raw == OffsetDateTime.class) return OffsetDateTime.parse(readString(in));
        if (raw == BodyRef.class) return bodies.apply(readString(in));
        if (raw.isRecord()) {
            Shape shape = SHAPES.get(raw);
            Object[] args = new Object[shape.types.length];
            for (int i = 0; i < args.length; i++) args[i] = read(in, shape.types[i]);
            try {
                return shape.constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IOException("cached " + raw.getSimpleName() + " no longer valid: " + e.getCause(), e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no stable encoding for " + raw.getName());
    }

    /**
     * The shape of a type: its records' component names and types, recursively. A cache written for another
     * shape is not read.
     */
    public static String shape(Type type) {
        StringBuilder sb = new StringBuilder();
        shape(type, sb, new java.util.HashSet<>());
        return sb.toString();
    }

    private static void shape(Type type, StringBuilder sb, java.util.Set<Class<?>> seen) {
        sb.append(type.getTypeName());
        if (type instanceof ParameterizedType p) for (Type a : p.getActualTypeArguments()) shape(a, sb.append('<'), seen);
        Class<?> raw = rawClass(type);
        if (raw.isRecord() && seen.add(raw)) {
            sb.append('{');
            for (RecordComponent c : raw.getRecordComponents()) {
                sb.append(c.getName()).append(':');
                shape(c.getGenericType(), sb, seen);
                sb.append(';');
            }
            sb.append('}');
        }
        if (raw.isEnum()) for (Object e : raw.getEnumConstants()) sb.append(((Enum<?>) e).name()).append(',');
    }

    /** A record class's components, looked up once: reflection on every value would dominate page digests. */
    private static final class Shape {
        final Type[] types;
        final java.lang.invoke.MethodHandle[] accessors;
        final Constructor<?> constructor;

        Shape(Class<?> record) {
            RecordComponent[] cs = record.getRecordComponents();
            types = new Type[cs.length];
            accessors = new java.lang.invoke.MethodHandle[cs.length];
            Class<?>[] raw = new Class<?>[cs.length];
            try {
                for (int i = 0; i < cs.length; i++) {
                    types[i] = cs[i].getGenericType();
                    raw[i] = cs[i].getType();
                    var m = cs[i].getAccessor();
                    m.setAccessible(true);
                    accessors[i] = java.lang.invoke.MethodHandles.lookup().unreflect(m)
                            .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                }
                constructor = record.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        Object get(int i, Object record) {
            try {
                return accessors[i].invokeExact(record);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> raw, String name) throws IOException {
        try {
            return Enum.valueOf((Class) raw, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown " + raw.getSimpleName() + " " + name);
        }
    }

    private static int size(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) throw new IOException("corrupt size " + n);
        return n;
    }

    private static void writeString(DataOutput out, String s) throws IOException {
        // Most strings are ASCII (digests, paths, names): written straight into the buffer, no array for each.
        if (out instanceof BufferedDataOutput buffered && buffered.writeAscii(s)) return;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 512 * 1024 * 1024) throw new IOException("corrupt string length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (type instanceof java.lang.reflect.WildcardType w) return rawClass(w.getUpperBounds()[0]);
        return Object.class;
    }

    private static Type typeArgument(Type type, int i) {
        if (type instanceof ParameterizedType p) return p.getActualTypeArguments()[i];
        throw new IllegalArgumentException("no element type known for " + type.getTypeName());
    }

    /** The type argument when it names a type, else null (a raw type, a variable or a wildcard). */
    private static Type concreteArgument(Type type, int i) {
        if (type instanceof ParameterizedType p) {
            Type t = p.getActualTypeArguments()[i];
            if (!(t instanceof java.lang.reflect.TypeVariable<?>) && !(t instanceof java.lang.reflect.WildcardType)) return t;
        }
        return null;
    }

    /** When writing, a raw or wildcard type is completed by the value's own class. */
    private static Type typeArgument(Type type, int i, Object value) {
        if (type instanceof ParameterizedType p) {
            Type t = p.getActualTypeArguments()[i];
            if (!(t instanceof java.lang.reflect.TypeVariable<?>) && !(t instanceof java.lang.reflect.WildcardType)) return t;
        }
        return value == null ? Object.class : value.getClass();
    }
}
