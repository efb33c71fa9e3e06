package dev.gregor.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No public signature of a module's API package names a type from an {@code internal} package. */
class InternalLeakTest {

  static List<ApiModules.ApiModule> modules() {
    return ApiModules.all();
  }

  @ParameterizedTest
  @MethodSource("modules")
  void noPublicSignatureNamesAnInternalType(ApiModules.ApiModule module) {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : PublicTypes.of(module.anchor())) {
      for (Type named : ApiSignatures.declaredTypes(type)) {
        internalIn(named).forEach(internal -> leaks.add(type.getName() + " (declaration) names " + internal));
      }
      for (Member member : ApiSignatures.members(type)) {
        for (Type named : ApiSignatures.memberTypes(member)) {
          internalIn(named).forEach(internal ->
              leaks.add(type.getName() + " :: " + ApiSignatures.signature(type, member) + " names " + internal));
        }
      }
    }
    assertThat(leaks).as("public API of %s naming internal types; move the type to %s or keep it out of the "
        + "signature", module, module.packageName()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("modules")
  void theCheckSeesTheModulesPublicTypes(ApiModules.ApiModule module) {
    assertThat(PublicTypes.of(module.anchor())).contains(module.anchor());
  }

  @ParameterizedTest
  @MethodSource("modules")
  void thePublicPackageOfEachLibraryIsNullMarkedSoNullAwayChecksIt(ApiModules.ApiModule module) {
    if (module.name().equals("gregor-cli") || module.name().equals("gregor-chaos")) {
      return; // the command line and the fault suite's checker are not libraries users call
    }
    assertThat(module.anchor().getPackage().isAnnotationPresent(org.jspecify.annotations.NullMarked.class))
        .as("package %s is @NullMarked", module.packageName()).isTrue();
  }

  static Set<String> internalIn(Type type) {
    Set<String> found = new HashSet<>();
    collect(type, found, new HashSet<>());
    return found;
  }

  private static void collect(Type type, Set<String> found, Set<Type> seen) {
    if (!seen.add(type)) {
      return; // recursive bounds such as E extends Enum<E>
    }
    if (type instanceof Class<?> c) {
      Class<?> element = c;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      if (element.getName().contains(".internal.")) {
        found.add(element.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      collect(p.getRawType(), found, seen);
      for (Type argument : p.getActualTypeArguments()) {
        collect(argument, found, seen);
      }
      if (p.getOwnerType() != null) {
        collect(p.getOwnerType(), found, seen);
      }
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        collect(bound, found, seen);
      }
      for (Type bound : w.getLowerBounds()) {
        collect(bound, found, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      collect(a.getGenericComponentType(), found, seen);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        collect(bound, found, seen);
      }
    }
  }
}
