package io.ocmj.hub.work;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.ocmj.api.cluster.v1alpha1.MandatoryDecisionGroup;
import io.ocmj.api.cluster.v1alpha1.RolloutConfig;
import io.ocmj.api.cluster.v1alpha1.RolloutProgressive;
import io.ocmj.api.cluster.v1alpha1.RolloutStrategy;
import io.ocmj.api.cluster.v1alpha1.RolloutType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which clusters of one placement get the current template now, as OCM's rollout strategies say:
 * All at once; Progressive, a window of maxConcurrency clusters (mandatory decision groups first);
 * ProgressivePerGroup, one decision group after the other. A cluster succeeded once its work with
 * the current template is Applied and Available (for minSuccessTime) and not Progressing — no
 * condition rules needed, unlike OCM, though a Progressing or Degraded condition that rules derive
 * is honoured; it failed when its work is Degraded or passed progressDeadline. More failures than
 * maxFailures (or any in a mandatory group) stop the rollout. Pure: no client, no clock.
 */
public final class RolloutPlan {
  private static final Pattern DURATION = Pattern.compile("^([0-9]+)([hms])$");

  private RolloutPlan() {}

  /** A decided cluster and its decision group. */
  record Target(String cluster, int groupIndex, String groupName) {}

  /** What the cluster's generated work says, if it has one. */
  record WorkState(
      String templateHash,
      boolean applied,
      boolean available,
      boolean progressing,
      boolean degraded,
      Instant availableSince,
      Instant updatedAt) {}

  enum State {
    TO_APPLY,
    PROGRESSING,
    SUCCEEDED,
    FAILED
  }

  /**
   * The plan: clusters whose work to create or update now, each target's state, whether the rollout
   * is complete or stopped, and when to look again (soak and deadline timers).
   */
  record Result(
      List<String> toWrite,
      Map<String, State> states,
      boolean complete,
      boolean stopped,
      int failures,
      int maxFailures,
      Optional<Instant> recheckAt) {}

  static Result plan(
      List<Target> targets,
      Map<String, WorkState> works,
      String templateHash,
      RolloutStrategy strategy,
      Instant now) {
    RolloutType type =
        strategy == null || strategy.getType() == null ? RolloutType.All : strategy.getType();
    RolloutConfig config = config(strategy, type);
    Duration soak = duration(config.getMinSuccessTime()).orElse(Duration.ZERO);
    Optional<Duration> deadline = duration(config.getProgressDeadline());
    Map<String, State> states = new LinkedHashMap<>();
    List<Instant> timers = new ArrayList<>();
    for (Target target : targets) {
      states.put(
          target.cluster(),
          state(works.get(target.cluster()), templateHash, soak, deadline, now, timers));
    }
    List<Target> mandatory = mandatory(targets, type, config);
    int failures = (int) states.values().stream().filter(s -> s == State.FAILED).count();
    int maxFailures = resolve(config.getMaxFailures(), targets.size(), 0);
    boolean mandatoryFailed =
        mandatory.stream().anyMatch(t -> states.get(t.cluster()) == State.FAILED);
    boolean stopped = failures > maxFailures || mandatoryFailed;
    List<String> toWrite = stopped ? List.of() : toWrite(targets, mandatory, states, type, config);
    boolean complete =
        !stopped
            && states.values().stream().allMatch(s -> s == State.SUCCEEDED || s == State.FAILED);
    return new Result(
        toWrite,
        states,
        complete,
        stopped,
        failures,
        maxFailures,
        timers.stream().min(Comparator.naturalOrder()));
  }

  private static State state(
      WorkState work,
      String templateHash,
      Duration soak,
      Optional<Duration> deadline,
      Instant now,
      List<Instant> timers) {
    if (work == null || !templateHash.equals(work.templateHash())) {
      return State.TO_APPLY;
    }
    if (work.degraded()) {
      return State.FAILED;
    }
    if (work.applied() && work.available() && !work.progressing()) {
      Instant soaked = (work.availableSince() == null ? now : work.availableSince()).plus(soak);
      if (!now.isBefore(soaked)) {
        return State.SUCCEEDED;
      }
      timers.add(soaked);
      return State.PROGRESSING;
    }
    if (deadline.isPresent() && work.updatedAt() != null) {
      Instant due = work.updatedAt().plus(deadline.get());
      if (!now.isBefore(due)) {
        return State.FAILED;
      }
      timers.add(due);
    }
    return State.PROGRESSING;
  }

  private static List<String> toWrite(
      List<Target> targets,
      List<Target> mandatory,
      Map<String, State> states,
      RolloutType type,
      RolloutConfig config) {
    if (type == RolloutType.All) {
      return clusters(targets, states, State.TO_APPLY);
    }
    boolean mandatoryDone =
        mandatory.stream().allMatch(t -> states.get(t.cluster()) == State.SUCCEEDED);
    if (!mandatoryDone) {
      return clusters(mandatory, states, State.TO_APPLY);
    }
    List<Target> rest = targets.stream().filter(t -> !mandatory.contains(t)).toList();
    if (type == RolloutType.ProgressivePerGroup) {
      for (List<Target> group : groups(rest)) {
        boolean done =
            group.stream()
                .allMatch(
                    t ->
                        states.get(t.cluster()) == State.SUCCEEDED
                            || states.get(t.cluster()) == State.FAILED);
        if (!done) {
          return clusters(group, states, State.TO_APPLY);
        }
      }
      return List.of();
    }
    int largestGroup = groups(targets).stream().mapToInt(List::size).max().orElse(1);
    int window =
        Math.max(
            1,
            resolve(
                ((RolloutProgressive) config).getMaxConcurrency(), targets.size(), largestGroup));
    int inFlight =
        (int) rest.stream().filter(t -> states.get(t.cluster()) == State.PROGRESSING).count();
    return clusters(rest, states, State.TO_APPLY).stream()
        .limit(Math.max(0, window - inFlight))
        .toList();
  }

  private static List<String> clusters(
      List<Target> targets, Map<String, State> states, State state) {
    return targets.stream().map(Target::cluster).filter(c -> states.get(c) == state).toList();
  }

  /** Targets by decision group index, in order. */
  private static List<List<Target>> groups(List<Target> targets) {
    Map<Integer, List<Target>> byIndex = new java.util.TreeMap<>();
    for (Target t : targets) {
      byIndex.computeIfAbsent(t.groupIndex(), i -> new ArrayList<>()).add(t);
    }
    return new ArrayList<>(byIndex.values());
  }

  private static List<Target> mandatory(
      List<Target> targets, RolloutType type, RolloutConfig config) {
    if (type == RolloutType.All) {
      return List.of();
    }
    List<MandatoryDecisionGroup> groups =
        ((RolloutProgressive) config).getMandatoryDecisionGroups();
    return targets.stream()
        .filter(
            t ->
                groups.stream()
                    .anyMatch(
                        g ->
                            g.getGroupName() != null && !g.getGroupName().isEmpty()
                                ? g.getGroupName().equals(t.groupName())
                                : g.getGroupIndex() != null && g.getGroupIndex() == t.groupIndex()))
        .toList();
  }

  private static RolloutConfig config(RolloutStrategy strategy, RolloutType type) {
    RolloutConfig config =
        strategy == null
            ? null
            : switch (type) {
              case All -> strategy.getAll();
              case Progressive -> strategy.getProgressive();
              case ProgressivePerGroup -> strategy.getProgressivePerGroup();
            };
    if (config != null) {
      return config;
    }
    return type == RolloutType.All ? new RolloutConfig() : new RolloutProgressive();
  }

  /** An int, or a percentage of {@code total} rounded down; {@code absent} when unset. */
  public static int resolve(IntOrString value, int total, int absent) {
    if (value == null) {
      return absent;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String text = value.getStrVal().strip();
    if (text.endsWith("%")) {
      return total * Integer.parseInt(text.substring(0, text.length() - 1).strip()) / 100;
    }
    return Integer.parseInt(text);
  }

  /** OCM's durations ({@code 90s}, {@code 5m}, {@code 1h}); empty for unset or {@code None}. */
  static Optional<Duration> duration(String text) {
    if (text == null || text.isBlank() || text.equals("None")) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "duration " + text + ": must be a number followed by h, m or s, or None");
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "h" -> Duration.ofHours(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofSeconds(n);
        });
  }
}
