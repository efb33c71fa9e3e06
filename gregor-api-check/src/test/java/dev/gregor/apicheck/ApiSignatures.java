package dev.gregor.apicheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One line per public type and per public or protected member: what a user of the API compiles against. */
final class ApiSignatures {
  private ApiSignatures() {}

  /** The lines of {@code type}: its declaration, then each member prefixed by the type's name. */
  static List<String> of(Class<?> type) {
    List<String> lines = new ArrayList<>();
    lines.add(type.getName() + " : " + declaration(type)); // " : " sorts before the members' " :: "
    for (Member member : members(type)) {
      lines.add(type.getName() + " :: " + signature(type, member));
    }
    return lines;
  }

  /** The public and protected members {@code type} declares itself (inherited ones are listed where declared). */
  static List<Member> members(Class<?> type) {
    return Stream.of(type.getDeclaredConstructors(), type.getDeclaredMethods(), type.getDeclaredFields())
        .flatMap(Arrays::stream)
        .map(Member.class::cast)
        .filter(m -> !m.isSynthetic() && !(m instanceof Method method && method.isBridge()))
        .filter(m -> Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))
        .filter(m -> !(type.isEnum() && m instanceof Constructor))
        .toList();
  }

  /** The types a declaration names: supertypes and type-parameter bounds. */
  static List<Type> declaredTypes(Class<?> type) {
    List<Type> types = new ArrayList<>();
    if (type.getGenericSuperclass() != null) {
      types.add(type.getGenericSuperclass());
    }
    types.addAll(List.of(type.getGenericInterfaces()));
    for (TypeVariable<?> variable : type.getTypeParameters()) {
      types.addAll(List.of(variable.getBounds()));
    }
    return types;
  }

  /** The types a member names: parameters, return, field type, exceptions and type-parameter bounds. */
  static List<Type> memberTypes(Member member) {
    List<Type> types = new ArrayList<>();
    if (member instanceof Field field) {
      types.add(field.getGenericType());
    } else if (member instanceof Executable executable) {
      types.addAll(List.of(executable.getGenericParameterTypes()));
      types.addAll(List.of(executable.getGenericExceptionTypes()));
      for (TypeVariable<?> variable : executable.getTypeParameters()) {
        types.addAll(List.of(variable.getBounds()));
      }
      if (executable instanceof Method method) {
        types.add(method.getGenericReturnType());
      }
    }
    return types;
  }

  static String signature(Class<?> type, Member member) {
    String text = member instanceof Method method ? method.toGenericString()
        : member instanceof Constructor<?> constructor ? constructor.toGenericString()
        : ((Field) member).toGenericString();
    // "public int dev.gregor.X.size()" reads as "public int size()": the type is already the line's prefix.
    return text.replace(type.getName() + "." + member.getName(), member.getName());
  }

  static String declaration(Class<?> type) {
    int modifiers = type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
        | Modifier.ABSTRACT);
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
        : type.isRecord() ? "record" : "class";
    if (type.isInterface()) {
      modifiers &= ~Modifier.ABSTRACT;
    }
    if (type.isEnum() || type.isRecord()) {
      modifiers &= ~Modifier.FINAL;
    }
    StringBuilder line = new StringBuilder(Modifier.toString(modifiers)).append(' ');
    if (type.isSealed()) {
      line.append("sealed ");
    }
    line.append(kind).append(' ').append(type.getName());
    if (type.getTypeParameters().length > 0) {
      line.append(Arrays.stream(type.getTypeParameters()).map(ApiSignatures::variable)
          .collect(Collectors.joining(", ", "<", ">")));
    }
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      line.append(" extends ").append(superclass.getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
          .map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String variable(TypeVariable<?> variable) {
    List<Type> bounds = List.of(variable.getBounds());
    return bounds.equals(List.of(Object.class)) ? variable.getName()
        : variable.getName() + " extends " + bounds.stream().map(Type::getTypeName).collect(Collectors.joining(" & "));
  }
}
