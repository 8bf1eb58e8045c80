package io.ocmj.gitops.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The compliance of one policy on the fleet, as one YAML file on the reports branch: the policy
 * ({@code <namespace>/<name>}), the Git revision of the policy version that produced this state and
 * that version's generation, the aggregate, each cluster's state and latest message (sorted by
 * cluster), and the GitSync ({@code <namespace>/<name>}) that writes the file.
 */
public record PolicyCompliance(
    String policy,
    String revision,
    String compliant,
    List<ClusterState> clusters,
    long generation,
    String gitSync) {

  /** One cluster's state of the policy; {@code compliant} empty when not reported yet. */
  public record ClusterState(String name, String compliant, String message) {
    public ClusterState {
      Objects.requireNonNull(name, "name");
      compliant = compliant == null ? "" : compliant;
      message = message == null ? "" : message;
    }
  }

  public PolicyCompliance {
    Objects.requireNonNull(policy, "policy");
    compliant = compliant == null ? "" : compliant;
    revision = revision == null ? "" : revision;
    gitSync = gitSync == null ? "" : gitSync;
    clusters =
        clusters.stream().sorted(java.util.Comparator.comparing(ClusterState::name)).toList();
  }

  /** Without generation and GitSync (both unknown). */
  public PolicyCompliance(
      String policy, String revision, String compliant, List<ClusterState> clusters) {
    this(policy, revision, compliant, clusters, 0, "");
  }

  /** Whether both say the same about compliance (revision, generation and GitSync aside). */
  public boolean sameCompliance(PolicyCompliance other) {
    return other != null && compliant.equals(other.compliant) && clusters.equals(other.clusters);
  }

  /** The same compliance, attributed to another revision. */
  public PolicyCompliance withRevision(String other) {
    return new PolicyCompliance(policy, other, compliant, clusters, generation, gitSync);
  }

  /** The same, written by this GitSync. */
  public PolicyCompliance withGitSync(String owner) {
    return new PolicyCompliance(policy, revision, compliant, clusters, generation, owner);
  }

  /** The file of this policy under {@code folder}: {@code <folder>/<namespace>/<name>.yaml}. */
  public String file(String folder) {
    return folder + "/" + policy + ".yaml";
  }

  /** The state of one cluster, or empty when the cluster is not listed. */
  public String stateOf(String cluster) {
    return clusters.stream()
        .filter(c -> c.name().equals(cluster))
        .map(ClusterState::compliant)
        .findFirst()
        .orElse("");
  }

  public String toYaml() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("policy", policy);
    doc.put("revision", revision);
    if (generation > 0) {
      doc.put("generation", generation);
    }
    doc.put("compliant", compliant);
    List<Map<String, Object>> list = new ArrayList<>();
    for (ClusterState c : clusters) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("compliant", c.compliant());
      if (!c.message().isEmpty()) {
        m.put("message", c.message());
      }
      list.add(m);
    }
    doc.put("clusters", list);
    if (!gitSync.isEmpty()) {
      doc.put("gitSync", gitSync);
    }
    DumpSettings settings =
        DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(1000).build();
    return "# Written by ocmj: the fleet's compliance with this policy. Do not edit.\n"
        + new Dump(settings).dumpToString(doc);
  }

  /** Reads a file this class wrote; the message names the file and what is wrong. */
  public static PolicyCompliance parse(String yaml, String file) {
    Object loaded;
    try {
      loaded = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(file + ": not YAML: " + e.getMessage(), e);
    }
    if (!(loaded instanceof Map<?, ?> doc) || !(doc.get("policy") instanceof String policy)) {
      throw new IllegalArgumentException(file + ": policy: required");
    }
    List<ClusterState> clusters = new ArrayList<>();
    if (doc.get("clusters") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> c && c.get("name") instanceof String name) {
          clusters.add(new ClusterState(name, text(c.get("compliant")), text(c.get("message"))));
        }
      }
    }
    long generation = doc.get("generation") instanceof Number n ? n.longValue() : 0;
    return new PolicyCompliance(
        policy,
        text(doc.get("revision")),
        text(doc.get("compliant")),
        clusters,
        generation,
        text(doc.get("gitSync")));
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
