package io.ocmj.api.wgpolicy.v1alpha2;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The policy working group's PolicyReport. Namespaced: the results about the objects of its
 * namespace.
 */
@Group(Report.GROUP)
@Version(Report.VERSION)
@Plural("policyreports")
@Singular("policyreport")
@ShortNames("polr")
@AdditionalPrinterColumn(
    name = "Kind",
    jsonPath = ".scope.kind",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Name",
    jsonPath = ".scope.name",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Pass",
    jsonPath = ".summary.pass",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Fail",
    jsonPath = ".summary.fail",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Warn",
    jsonPath = ".summary.warn",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Error",
    jsonPath = ".summary.error",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Skip",
    jsonPath = ".summary.skip",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class PolicyReport extends Report implements Namespaced {
  public static final String KIND = "PolicyReport";
}
