package dev.gregor.framework.internal.routing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Supplier;

/** Makes controllers and responders from their classes: checked when the app is built, not at the first message. */
public final class Instantiation {
  private Instantiation() {}

  /** A factory calling {@code type}'s no-argument constructor, or null with the reason added to {@code errors}. */
  public static <T> Supplier<T> factory(Class<? extends T> type, String what, List<String> errors) {
    if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
      errors.add(what + " " + type.getName() + " is abstract; route a concrete class");
      return null;
    }
    if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      errors.add(what + " " + type.getName() + " is an inner class; make it static or give a factory");
      return null;
    }
    Constructor<? extends T> constructor;
    try {
      constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      errors.add(what + " " + type.getName() + " has no constructor without arguments; give a factory: "
          + "controller(" + type.getSimpleName() + ".class, () -> new " + type.getSimpleName() + "(...))");
      return null;
    } catch (RuntimeException e) { // InaccessibleObjectException from a closed module
      errors.add(what + " " + type.getName() + " cannot be constructed here: " + e.getMessage());
      return null;
    }
    return () -> {
      try {
        return constructor.newInstance();
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("Creating " + type.getName() + " failed: " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Creating " + type.getName() + " failed: " + e, e);
      }
    };
  }
}
