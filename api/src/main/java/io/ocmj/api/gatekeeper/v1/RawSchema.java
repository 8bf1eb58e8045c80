package io.ocmj.api.gatekeeper.v1;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.ocmj.api.RawObject;

/** A JSON value kept whole (a schema, an engine's source): the CRD does not constrain it. */
@PreserveUnknownFields
public class RawSchema extends RawObject {}
