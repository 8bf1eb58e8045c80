package io.ocmj.hub.placement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacementValidationTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{prioritizerPolicy: {mode: exact}} | prioritizerPolicy.mode: must be Additive or Exact",
        "{prioritizerPolicy: {configurations: [{scoreCoordinate: {builtIn: Steady}, weight: 50}]}}"
            + " | prioritizerPolicy.configurations[0].weight: must be from -10 to 10, not 50",
        "{prioritizerPolicy: {configurations: [{scoreCoordinate: {type: Addon}}]}}"
            + " | prioritizerPolicy.configurations[0].scoreCoordinate.type: must be BuiltIn or AddOn",
        "{prioritizerPolicy: {configurations: [{weight: 1}]}}"
            + " | prioritizerPolicy.configurations[0].scoreCoordinate: required",
        "{spreadPolicy: {spreadConstraints: [{topologyKey: zone, topologyKeyType: Label, maxSkew: 0}]}}"
            + " | spreadPolicy.spreadConstraints[0].maxSkew: must be 1 or more, not 0",
        "{spreadPolicy: {spreadConstraints: [{topologyKey: zone}]}}"
            + " | spreadPolicy.spreadConstraints[0].topologyKeyType: must be Label or Claim",
        "{tolerations: [{key: a, operator: Exists}, {operator: Equal}]}"
            + " | tolerations[1]: an empty key requires operator Exists",
        "{predicates: [{}, {requiredClusterSelector: {celSelector: {celExpressions: ['true', 'x.']}}}]}"
            + " | predicates[1].requiredClusterSelector.celSelector.celExpressions[1]: x.:",
        "{decisionStrategy: {groupStrategy: {clustersPerDecisionGroup: abc}}}"
            + " | decisionStrategy.groupStrategy.clustersPerDecisionGroup: must be a number or a"
            + " percentage above 0, not abc",
        "{decisionStrategy: {groupStrategy: {clustersPerDecisionGroup: 0%}}}"
            + " | clustersPerDecisionGroup: must be a number or a percentage above 0, not 0%",
        "{numberOfClusters: -2} | numberOfClusters: must be 0 or more, not -2",
      })
  void everyMisconfigurationNamesItsField(String yaml, String expected) throws Exception {
    PlacementSpec spec = new YAMLMapper().readValue(yaml, PlacementSpec.class);
    assertThat(PlacementValidation.misconfigured(spec, new CelSelectors()))
        .hasValueSatisfying(m -> assertThat(m).contains(expected.strip()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}",
        "{decisionStrategy: {groupStrategy: {clustersPerDecisionGroup: 25%}}}",
        "{prioritizerPolicy: {mode: Exact, configurations: [{scoreCoordinate: {type: AddOn,"
            + " addOn: {resourceName: r, scoreName: s}}, weight: -10}]}}",
      })
  void validSpecsPass(String yaml) throws Exception {
    PlacementSpec spec = new YAMLMapper().readValue(yaml, PlacementSpec.class);
    assertThat(PlacementValidation.misconfigured(spec, new CelSelectors())).isEmpty();
  }
}
