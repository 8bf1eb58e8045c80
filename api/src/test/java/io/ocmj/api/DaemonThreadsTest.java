package io.ocmj.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
  @Test
  void namedThreadsAreDaemonsOfThatName() {
    Thread t = DaemonThreads.named("ocmj-x").newThread(() -> {});
    assertThat(t.isDaemon()).isTrue();
    assertThat(t.getName()).isEqualTo("ocmj-x");
  }

  @Test
  void numberedThreadsCountFromOnePerFactory() {
    var factory = DaemonThreads.numbered("ocmj-y-");
    assertThat(factory.newThread(() -> {}).getName()).isEqualTo("ocmj-y-1");
    Thread second = factory.newThread(() -> {});
    assertThat(second.getName()).isEqualTo("ocmj-y-2");
    assertThat(second.isDaemon()).isTrue();
    assertThat(DaemonThreads.numbered("ocmj-y-").newThread(() -> {}).getName())
        .isEqualTo("ocmj-y-1");
  }
}
