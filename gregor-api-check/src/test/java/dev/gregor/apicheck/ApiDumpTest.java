package dev.gregor.apicheck;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each module's public API equals its committed dump, {@code <module>/api/<module>.api}, as
 * OkHttp's and Kotlin's API dumps do: a change to the API is a reviewed change to that file.
 * The command in {@link #UPDATE} rewrites the dumps.
 */
class ApiDumpTest {
  private static final String UPDATE = "./mvnw verify -pl gregor-api-check -am "
      + "-Dtest='ApiDumpTest' -Dsurefire.failIfNoSpecifiedTests=false -Dgregor.api.update=true";

  static List<ApiModules.ApiModule> modules() {
    return ApiModules.all().stream().filter(ApiModules.ApiModule::dumped).toList();
  }

  @ParameterizedTest
  @MethodSource("modules")
  void theModulesPublicApiMatchesItsCommittedDump(ApiModules.ApiModule module) throws IOException {
    List<String> current = new ArrayList<>();
    PublicTypes.of(module.anchor()).forEach(type -> current.addAll(ApiSignatures.of(type)));
    current.sort(null);
    Path dump = ApiModules.root().resolve(module.name()).resolve("api").resolve(module.name() + ".api");
    if (Boolean.getBoolean("gregor.api.update")) {
      Files.createDirectories(dump.getParent());
      Files.write(dump, current);
      return;
    }
    if (!Files.exists(dump)) {
      fail("No API dump for %s at %s; create it with: %s", module, dump, UPDATE);
    }
    Set<String> committed = new LinkedHashSet<>(Files.readAllLines(dump));
    Set<String> removed = new LinkedHashSet<>(committed);
    current.forEach(removed::remove);
    Set<String> added = new LinkedHashSet<>(current);
    added.removeAll(committed);
    if (!removed.isEmpty() || !added.isEmpty()) {
      StringBuilder message = new StringBuilder("The public API of " + module + " differs from " + dump + ".\n");
      if (!removed.isEmpty()) {
        message.append("Removed or changed — INCOMPATIBLE for users compiled against the dump:\n");
        removed.forEach(line -> message.append("  - ").append(line).append('\n'));
      }
      if (!added.isEmpty()) {
        message.append("Added (compatible, unless an abstract method was added to a type users implement):\n");
        added.forEach(line -> message.append("  + ").append(line).append('\n'));
      }
      message.append("If the change is intended, update the dump with: ").append(UPDATE)
          .append("\nand commit it with the change.");
      fail(message.toString());
    }
  }
}
