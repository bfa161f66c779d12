package dev.litectl.cli;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How {@link CommandModelGenerator} writes Java: class names, type names and string literals. */
final class JavaSource {
    private JavaSource() {}

    static String className(Class<?> c) {
        return (c.isPrimitive() ? c.getName() : shortName(c)) + ".class";
    }

    /** The canonical name, without the package where the generated file needs none: its own, and java.lang. */
    static String shortName(Class<?> c) {
        String pkg = c.getPackageName();
        boolean implicit = pkg.equals("dev.litectl.cli") || pkg.equals("java.lang");
        return implicit ? c.getCanonicalName().substring(pkg.length() + 1) : c.getCanonicalName();
    }

    /** The source form of {@code t}; primitives boxed when {@code box}, for a cast from Object. */
    static String typeName(Type t, boolean box) {
        if (t instanceof Class<?> c) {
            if (c.isPrimitive()) {
                return box ? boxed(c) : c.getName();
            }
            if (c.isArray()) {
                return typeName(c.getComponentType(), false) + "[]";
            }
            return shortName(c);
        }
        if (t instanceof ParameterizedType p) {
            Function<Type, String> arg = a -> typeName(a, true);
            return typeName(p.getRawType(), box) + Arrays.stream(p.getActualTypeArguments()).map(arg)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (t instanceof GenericArrayType a) {
            return typeName(a.getGenericComponentType(), false) + "[]";
        }
        throw new IllegalStateException("cannot write the type " + t);
    }

    private static String boxed(Class<?> c) {
        return switch (c.getName()) {
            case "int" -> "Integer";
            case "char" -> "Character";
            default -> Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
        };
    }

    static String literals(String[] values) {
        return Arrays.stream(values).map(JavaSource::literal).collect(Collectors.joining(", "));
    }

    static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
