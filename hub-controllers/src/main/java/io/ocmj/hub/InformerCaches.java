package io.ocmj.hub;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;

/**
 * Reads a reconciler's secondary resources from the informer it already watches them with, instead
 * of listing them from the API server on every pass. The objects are the cache's: never modify
 * them.
 */
public final class InformerCaches {
  private InformerCaches() {}

  /** Every cached object of {@code type}, in all namespaces the informer watches. */
  public static <R extends HasMetadata> List<R> list(Context<?> context, Class<R> type) {
    return informer(context, type).list(r -> true).toList();
  }

  /** The cached objects of {@code type} in {@code namespace}. */
  public static <R extends HasMetadata> List<R> list(
      Context<?> context, Class<R> type, String namespace) {
    return informer(context, type).list(namespace, r -> true).toList();
  }

  @SuppressWarnings("unchecked")
  private static <R extends HasMetadata> InformerEventSource<R, ?> informer(
      Context<?> context, Class<R> type) {
    return (InformerEventSource<R, ?>) context.eventSourceRetriever().getEventSourceFor(type);
  }
}
