package dev.gregor.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The leak check itself finds internal types wherever a signature can hide them. */
class InternalLeakDetectionTest {

  /** Stands in for an internal type: its name has the {@code .internal.} segment the check looks for. */
  private static final String INTERNAL = "dev.gregor.apicheck.fixture.internal.Hidden";

  @Test
  void anInternalTypeInsideGenericArgumentsIsFound() throws Exception {
    Class<?> hidden = dev.gregor.apicheck.fixture.internal.Hidden.class;
    Method method = Signatures.class.getMethod("nested");

    assertThat(hidden.getName()).isEqualTo(INTERNAL);
    assertThat(InternalLeakTest.internalIn(method.getGenericReturnType())).containsExactly(INTERNAL);
  }

  @Test
  void anInternalTypeAsAWildcardBoundOrArrayIsFound() throws Exception {
    Method method = Signatures.class.getMethod("bounded", List.class, dev.gregor.apicheck.fixture.internal.Hidden[].class);

    assertThat(ApiSignatures.memberTypes(method)).flatMap(InternalLeakTest::internalIn).containsOnly(INTERNAL);
  }

  @Test
  void publicTypesOnlyAreNotReported() throws Exception {
    Method method = Signatures.class.getMethod("clean");

    assertThat(InternalLeakTest.internalIn(method.getGenericReturnType())).isEmpty();
  }

  /** Signatures that hide an internal type in each way a public one could. */
  public interface Signatures {
    Map<String, List<dev.gregor.apicheck.fixture.internal.Hidden>> nested();

    void bounded(List<? extends dev.gregor.apicheck.fixture.internal.Hidden> list,
        dev.gregor.apicheck.fixture.internal.Hidden[] array);

    Map<String, List<Integer>> clean();
  }
}
