package io.github.quotemailer.architecture;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the public API of a set of classes as text: one block per public or protected type outside
 * {@code internal} packages, with its public and protected members, in a fixed order so the same
 * classes always give the same text, whatever JDK runs the test.
 *
 * <p>Types are spelled out by the listing itself rather than by {@code Type.toString()}, whose
 * wording is the JDK's and may change between releases.
 */
final class PublicApiListing {

  private PublicApiListing() {}

  /** The listing of {@code classes}, which may include internal and non-public ones. */
  static String of(Collection<Class<?>> classes) {
    return classes.stream()
        .filter(PublicApiListing::isApi)
        .sorted(Comparator.comparing(PublicApiListing::name))
        .map(PublicApiListing::block)
        .collect(Collectors.joining("\n"));
  }

  /** Whether hosts can see {@code type}: public or protected all the way out, not internal. */
  static boolean isApi(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    if (Arrays.asList(type.getPackageName().split("\\.")).contains("internal")) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!isVisible(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String block(Class<?> type) {
    StringBuilder out = new StringBuilder(header(type)).append('\n');
    members(type).forEach(line -> out.append("  ").append(line).append('\n'));
    return out.toString();
  }

  private static String header(Class<?> type) {
    List<String> words = new ArrayList<>();
    int modifiers = type.getModifiers();
    words.add(visibility(modifiers));
    if (Modifier.isStatic(modifiers)) {
      words.add("static");
    }
    if (Modifier.isAbstract(modifiers) && !type.isInterface()) {
      words.add("abstract");
    }
    if (Modifier.isFinal(modifiers)) {
      words.add("final");
    }
    boolean sealed = type.isSealed() && !type.isEnum();
    if (sealed) {
      words.add("sealed");
    } else if (isNonSealed(type)) {
      words.add("non-sealed");
    }
    words.add(kind(type));
    words.add(name(type) + typeParameters(type.getTypeParameters()));

    List<String> supertypes = supertypes(type);
    if (type.isInterface() && !supertypes.isEmpty()) {
      words.add("extends " + String.join(", ", supertypes));
    } else {
      Type superclass = type.getGenericSuperclass();
      if (superclass != null && !isImplicitSuperclass(type, superclass)) {
        words.add("extends " + typeName(superclass));
      }
      if (!supertypes.isEmpty()) {
        words.add("implements " + String.join(", ", supertypes));
      }
    }
    if (sealed) {
      words.add(
          "permits "
              + Arrays.stream(type.getPermittedSubclasses())
                  .map(PublicApiListing::name)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return String.join(" ", words);
  }

  private static boolean isNonSealed(Class<?> type) {
    if (type.isSealed() || Modifier.isFinal(type.getModifiers())) {
      return false;
    }
    return Stream.concat(Stream.of(type.getSuperclass()), Arrays.stream(type.getInterfaces()))
        .anyMatch(s -> s != null && s.isSealed());
  }

  private static String kind(Class<?> type) {
    if (type.isAnnotation()) {
      return "@interface";
    } else if (type.isInterface()) {
      return "interface";
    } else if (type.isEnum()) {
      return "enum";
    } else if (type.isRecord()) {
      return "record";
    }
    return "class";
  }

  private static boolean isImplicitSuperclass(Class<?> type, Type superclass) {
    Class<?> raw = rawClass(superclass);
    return raw == Object.class
        || (type.isEnum() && raw == Enum.class)
        || (type.isRecord() && raw == Record.class);
  }

  private static List<String> supertypes(Class<?> type) {
    return Arrays.stream(type.getGenericInterfaces())
        .filter(i -> !(type.isAnnotation() && rawClass(i) == java.lang.annotation.Annotation.class))
        .map(PublicApiListing::typeName)
        .sorted()
        .toList();
  }

  private static List<String> members(Class<?> type) {
    List<String> lines = new ArrayList<>();
    // Declaration order for these two: it is part of the contract (ordinals, canonical
    // constructor), so a reordering must show up as a change.
    if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        lines.add("enum constant " + ((Enum<?>) constant).name());
      }
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        lines.add(
            "record component " + typeName(component.getGenericType()) + " " + component.getName());
      }
    }
    Arrays.stream(type.getDeclaredClasses())
        .filter(PublicApiListing::isApi)
        .map(nested -> "nested " + kind(nested) + " " + nested.getSimpleName())
        .sorted()
        .forEach(lines::add);
    Arrays.stream(type.getDeclaredFields())
        .filter(f -> isVisible(f.getModifiers()) && !f.isSynthetic() && !f.isEnumConstant())
        .map(PublicApiListing::field)
        .sorted()
        .forEach(lines::add);
    sortedByName(
            Arrays.stream(type.getDeclaredConstructors())
                .filter(PublicApiListing::isListed)
                .toList())
        .forEach(lines::add);
    sortedByName(
            Arrays.stream(type.getDeclaredMethods())
                .filter(m -> isListed(m) && !m.isBridge())
                .toList())
        .forEach(lines::add);
    return lines;
  }

  private static boolean isListed(Executable executable) {
    return isVisible(executable.getModifiers()) && !executable.isSynthetic();
  }

  private static List<String> sortedByName(List<? extends Executable> executables) {
    return executables.stream()
        .sorted(
            Comparator.comparing((Executable e) -> e.getName())
                .thenComparing(PublicApiListing::executable))
        .map(PublicApiListing::executable)
        .toList();
  }

  private static String field(Field field) {
    return modifiers(field) + typeName(field.getGenericType()) + " " + field.getName();
  }

  private static String executable(Executable executable) {
    StringBuilder out = new StringBuilder(modifiers(executable));
    String typeParameters = typeParameters(executable.getTypeParameters());
    if (!typeParameters.isEmpty()) {
      out.append(typeParameters).append(' ');
    }
    if (executable instanceof Method method) {
      out.append(typeName(method.getGenericReturnType())).append(' ').append(method.getName());
    } else {
      out.append(((Constructor<?>) executable).getDeclaringClass().getSimpleName());
    }
    Type[] parameters = executable.getGenericParameterTypes();
    List<String> parameterNames = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      String name = typeName(parameters[i]);
      if (executable.isVarArgs() && i == parameters.length - 1) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      parameterNames.add(name);
    }
    out.append('(').append(String.join(", ", parameterNames)).append(')');
    Type[] exceptions = executable.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      out.append(" throws ")
          .append(
              Arrays.stream(exceptions)
                  .map(PublicApiListing::typeName)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  private static String modifiers(Member member) {
    int modifiers = member.getModifiers();
    StringBuilder out = new StringBuilder(visibility(modifiers)).append(' ');
    if (member instanceof Method method && method.isDefault()) {
      out.append("default ");
    }
    if (Modifier.isStatic(modifiers)) {
      out.append("static ");
    }
    if (Modifier.isAbstract(modifiers)) {
      out.append("abstract ");
    }
    if (Modifier.isFinal(modifiers)) {
      out.append("final ");
    }
    return out.toString();
  }

  private static String visibility(int modifiers) {
    return Modifier.isPublic(modifiers) ? "public" : "protected";
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables)
        .map(
            v -> {
              List<String> bounds =
                  Arrays.stream(v.getBounds())
                      .filter(b -> b != Object.class)
                      .map(PublicApiListing::typeName)
                      .toList();
              return bounds.isEmpty()
                  ? v.getName()
                  : v.getName() + " extends " + String.join(" & ", bounds);
            })
        .collect(Collectors.joining(", ", "<", ">"));
  }

  /** Java source spelling of {@code type}, with canonical class names. */
  static String typeName(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray() ? typeName(c.getComponentType()) + "[]" : name(c);
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      String base =
          p.getOwnerType() instanceof ParameterizedType owner
              ? typeName(owner) + "." + raw.getSimpleName()
              : name(raw);
      return Arrays.stream(p.getActualTypeArguments())
          .map(PublicApiListing::typeName)
          .collect(Collectors.joining(", ", base + "<", ">"));
    }
    if (type instanceof TypeVariable<?> v) {
      return v.getName();
    }
    if (type instanceof WildcardType w) {
      if (w.getLowerBounds().length > 0) {
        return "? super " + typeName(w.getLowerBounds()[0]);
      }
      Type upper = w.getUpperBounds()[0];
      return upper == Object.class ? "?" : "? extends " + typeName(upper);
    }
    if (type instanceof GenericArrayType g) {
      return typeName(g.getGenericComponentType()) + "[]";
    }
    throw new IllegalArgumentException("Unknown kind of type: " + type.getClass());
  }

  private static Class<?> rawClass(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static String name(Class<?> type) {
    return type.getCanonicalName() != null ? type.getCanonicalName() : type.getName();
  }
}
