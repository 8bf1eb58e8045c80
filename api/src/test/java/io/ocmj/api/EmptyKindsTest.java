package io.ocmj.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A new instance of a kind says nothing about spec or status. Controllers send such instances as
 * server-side apply patches (JOSDK adds its finalizer that way): a default {@code false} or {@code
 * []} in them would take ownership of the field and overwrite what a user set.
 */
class EmptyKindsTest {
  static final java.util.List<Class<? extends CustomResource<?, ?>>> KINDS = Kinds.ALL;

  @ParameterizedTest(name = "{0}")
  @FieldSource("KINDS")
  void newInstanceCarriesNoSpecOrStatus(Class<? extends CustomResource<?, ?>> kind)
      throws Exception {
    CustomResource<?, ?> empty = kind.getConstructor().newInstance();
    empty.getMetadata().setName("x");

    @SuppressWarnings("unchecked")
    Map<String, Object> json = Serialization.unmarshal(Serialization.asJson(empty), Map.class);

    assertThat(json).containsOnlyKeys("apiVersion", "kind", "metadata");
  }
}
