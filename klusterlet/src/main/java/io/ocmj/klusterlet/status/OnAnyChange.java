package io.ocmj.klusterlet.status;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/** An informer handler that runs one action whatever happened: an add, an update or a delete. */
public final class OnAnyChange<T> implements ResourceEventHandler<T> {
  private final Runnable action;

  private OnAnyChange(Runnable action) {
    this.action = action;
  }

  public static <T> ResourceEventHandler<T> run(Runnable action) {
    return new OnAnyChange<>(action);
  }

  @Override
  public void onAdd(T obj) {
    action.run();
  }

  @Override
  public void onUpdate(T before, T after) {
    action.run();
  }

  @Override
  public void onDelete(T obj, boolean deletedFinalStateUnknown) {
    action.run();
  }
}
